import {
  Avatar,
  Badge,
  Button,
  makeStyles,
  mergeClasses,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  shorthands,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { AgendaDraft } from '../../../app/agendaDraft';
import type { AgendaItem } from '../../../domain/agendaItem';
import { computeItemTimes, formatItemClock } from '../../../domain/itemTimes';
import type { Person } from '../../../domain/person';
import { issueMessage } from '../../errors';
import { useLocale, useStrings } from '../../i18n/LocaleContext';
import { AgendaItemDialog } from './AgendaItemDialog';
import { useAgendaDraft } from './useAgendaDraft';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  // One column that may shrink below its rows' longest word: the pane's width is the limit, not the content.
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalXS,
  },
  row: {
    display: 'flex',
    minWidth: 0,
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  invalid: { ...shorthands.borderColor(tokens.colorPaletteRedBorder2) },
  dragging: { opacity: 0.5 },
  number: {
    flex: '0 0 1.5rem',
    textAlign: 'right',
    color: tokens.colorNeutralForeground3,
    cursor: 'grab',
    lineHeight: tokens.lineHeightBase300,
  },
  body: { display: 'grid', gap: tokens.spacingVerticalXXS, flex: '1 1 0', minWidth: 0 },
  // Titles have the row's whole width and wrap between words ("Integrationshandleplanen" stays whole at
  // 320 px); only a word longer than the row itself breaks rather than running out of it.
  title: { overflowWrap: 'break-word', wordBreak: 'normal', hyphens: 'manual', margin: 0 },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground3,
  },
  // A guest's name wraps inside the row at 320 px rather than pushing it wider.
  guest: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    minWidth: 0,
    maxWidth: '100%',
    overflowWrap: 'anywhere',
  },
  more: { minWidth: 'auto' },
  error: { color: tokens.colorPaletteRedForeground1 },
  // Under the title, at the end of its line: beside the title they left it a third of the row at 320 px.
  actions: {
    display: 'flex',
    flex: '0 0 auto',
    gap: tokens.spacingHorizontalXXS,
    marginInlineStart: 'auto',
  },
  foot: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface AgendaEditorProps {
  draft: AgendaDraft;
  /** The meeting's circle: a guest typed by address alone gets the name of the person it belongs to. */
  known: Person[];
  /** The tenant's people by name, for the guest picker. */
  searchPeople?: (text: string) => Promise<Person[]>;
}

/**
 * The organizer's agenda: a calm numbered list (number, title, category badge, minutes, lock, guests),
 * each item edited in its own dialog ("Rediger punkt N"); reordered by Alt+↑/↓, by its menu or by dragging.
 */
export function AgendaEditor({ draft, known, searchPeople }: AgendaEditorProps) {
  const styles = useStyles();
  const s = useStrings();
  const locale = useLocale();
  const state = useAgendaDraft(draft);
  const { items, view } = state;
  const { editing } = state;
  const [dragged, setDragged] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const moved = useRef<string | null>(null);
  const schedule = computeItemTimes(view.meeting.start, view.meeting.end, items);

  // The item being edited (the new one, or the first at fault) scrolls into view behind its editor.
  useEffect(() => {
    if (!editing) return;
    list.current?.querySelector(`[data-item-id="${editing}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [editing]);
  // After a move by keyboard or menu, the focus follows the item to its new place.
  useEffect(() => {
    if (!moved.current) return;
    const row = list.current?.querySelector<HTMLElement>(`[data-item-id="${moved.current}"]`);
    moved.current = null;
    row?.querySelector<HTMLElement>('[data-edit]')?.focus();
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [items]);

  const messagesFor = (index: number, field: string): string[] => [
    ...state.rules
      .filter((r) => r.field === `items.${index}.${field}`)
      .map((r) => s.agendaRules[r.rule](r.guest)),
    ...state.issues.filter((i) => i.field === `items.${index}.${field}`).map((i) => issueMessage(i, locale)),
  ];
  const rowMessages = (index: number): string[] => [
    ...state.rules
      .filter((r) => r.field.startsWith(`items.${index}.`))
      .map((r) => s.agendaRules[r.rule](r.guest)),
    ...state.issues.filter((i) => i.field.startsWith(`items.${index}.`)).map((i) => issueMessage(i, locale)),
  ];
  const move = (item: AgendaItem, from: number, to: number) => {
    if (to < 0 || to >= items.length) return;
    moved.current = item.id;
    draft.move(from, to);
  };
  const onKeyDown = (e: KeyboardEvent, item: AgendaItem, index: number) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      move(item, index, e.key === 'ArrowUp' ? index - 1 : index + 1);
    }
  };
  const onDrop = (e: DragEvent, index: number) => {
    e.preventDefault();
    if (dragged !== null && dragged !== index) move(items[dragged]!, dragged, index);
    setDragged(null);
  };
  const editingIndex = items.findIndex((i) => i.id === editing);
  const editingItem = editingIndex >= 0 ? items[editingIndex] : undefined;

  return (
    <div className={styles.root}>
      {schedule.overrunMinutes > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{s.overrun(schedule.overrunMinutes)}</MessageBarBody>
        </MessageBar>
      )}
      {items.length === 0 ? (
        <Text>{s.agendaEmpty}</Text>
      ) : (
        <Text size={200} className={styles.hint}>
          {s.reorderHint}
        </Text>
      )}
      <ol className={styles.list} ref={list} aria-label={s.agenda}>
        {items.map((item, index) => {
          const n = item.number;
          const time = schedule.items[index];
          const problems = rowMessages(index);
          return (
            <li
              key={item.id}
              data-item-id={item.id}
              className={mergeClasses(
                styles.row,
                problems.length > 0 && styles.invalid,
                dragged === index && styles.dragging,
              )}
              draggable
              onDragStart={(e) => {
                setDragged(index);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', item.id);
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => onDrop(e, index)}
              onDragEnd={() => setDragged(null)}
              onKeyDown={(e) => onKeyDown(e, item, index)}
            >
              <Text weight="semibold" className={styles.number} aria-hidden>
                {n}
              </Text>
              <div className={styles.body}>
                <Text as="h3" weight="semibold" className={styles.title}>
                  {`${s.item} ${n}: ${item.title}`}
                </Text>
                <div className={styles.foot}>
                  <div className={styles.meta}>
                    {time && <Text size={200}>{formatItemClock(time)}</Text>}
                    {item.category && (
                      <Badge appearance="tint" color="brand" size="small">
                        {s.categories[item.category]}
                      </Badge>
                    )}
                    <Text size={200}>
                      {item.durationMinutes} {s.minutesShort}
                    </Text>
                    {item.standing && (
                      <Badge appearance="outline" color="informative" size="small">
                        {s.standingBadge}
                      </Badge>
                    )}
                    {item.closed && (
                      <Badge
                        appearance="outline"
                        color="danger"
                        size="small"
                        aria-label={s.closedLock}
                        icon={<LockIcon />}
                      >
                        {s.closedItem}
                      </Badge>
                    )}
                    {item.guests.map((g) => (
                      <span key={`${g.upn ?? ''}:${g.name}`} className={styles.guest}>
                        <Avatar size={20} name={g.name} aria-hidden />
                        <Text size={200}>{g.name}</Text>
                      </span>
                    ))}
                  </div>
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      data-edit
                      aria-label={s.editItem(n)}
                      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                      onClick={() => draft.open(item.id)}
                    >
                      {s.editShort}
                    </Button>
                    <Menu>
                      <MenuTrigger disableButtonEnhancement>
                        <Button
                          size="small"
                          appearance="subtle"
                          className={styles.more}
                          aria-label={s.itemActions(n)}
                        >
                          ⋯
                        </Button>
                      </MenuTrigger>
                      <MenuPopover>
                        <MenuList>
                          <MenuItem disabled={index === 0} onClick={() => move(item, index, index - 1)}>
                            {s.moveUp(n)}
                          </MenuItem>
                          <MenuItem
                            disabled={index === items.length - 1}
                            onClick={() => move(item, index, index + 1)}
                          >
                            {s.moveDown(n)}
                          </MenuItem>
                          <MenuItem onClick={() => draft.add(s.newItemTitle, item.id)}>
                            {s.addItemAfter(n)}
                          </MenuItem>
                          <MenuItem onClick={() => draft.remove(item.id)}>{s.removeItem(n)}</MenuItem>
                        </MenuList>
                      </MenuPopover>
                    </Menu>
                  </div>
                  {problems.map((p) => (
                    <Text key={p} size={200} className={styles.error}>
                      {p}
                    </Text>
                  ))}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      {editingItem && (
        <AgendaItemDialog
          key={editingItem.id}
          item={editingItem}
          known={known}
          searchPeople={searchPeople}
          selectTitle={editingItem.id === state.added}
          messageFor={(field) => messagesFor(editingIndex, field).join(' ') || undefined}
          onChange={(change) => draft.update(editingItem.id, change)}
          onClose={() => draft.close()}
        />
      )}
    </div>
  );
}

/**
 * A padlock drawn in the text's colour: the emoji 🔒 needs a colour-emoji font, which a Teams client on
 * Linux or a locked-down PC may lack (it showed as an empty box).
 */
function LockIcon() {
  return (
    <svg width="10" height="10" viewBox="0 0 16 16" aria-hidden focusable="false" fill="currentColor">
      <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V6H4a2 2 0 0 0-2 2v5a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 5H6V4.5a2 2 0 1 1 4 0V6Z" />
    </svg>
  );
}
