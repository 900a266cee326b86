import { Badge, Button, Card, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { AgendaItem } from '../../../domain/agendaItem';
import { formatItemClock, shownItemTimes } from '../../../domain/itemTimes';
import type { Overrun } from '../../../domain/meetingTimer';
import { useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalL,
  },
  card: { padding: tokens.spacingHorizontalM, minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
  // A collapsed item: one line, its decision cut off with an ellipsis (the whole text stays its name).
  line: {
    display: 'block',
    width: '100%',
    minWidth: 0,
    textAlign: 'start',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    fontWeight: tokens.fontWeightRegular,
  },
  lineCard: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, minWidth: 0 },
  steps: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  hint: { color: tokens.colorNeutralForeground3 },
  current: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  meta: {
    color: tokens.colorNeutralForeground3,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  decision: { whiteSpace: 'pre-wrap', marginTop: tokens.spacingVerticalS },
  amber: { color: tokens.colorPaletteMarigoldForeground2 },
  red: { color: tokens.colorPaletteRedForeground1 },
});

export interface AgendaListProps {
  items: AgendaItem[];
  meetingStart: string;
  /** Rendered under each item: the decision (read-only) or the referent's editor. */
  renderBelow?: (item: AgendaItem) => ReactNode;
  currentItem?: number | null;
  clock?: Record<number, { usedMinutes: number; overrun: Overrun }>;
  /**
   * The referent's focus: this item is open and the others are one line each with `preview` of their
   * decision; Alt+ArrowDown/Alt+ArrowUp (or the buttons) open the next/previous one. Null: all open.
   */
  focusItem?: number | null;
  onFocusItem?(itemNumber: number): void;
  preview?(item: AgendaItem): string;
}

/** The agenda in number order (the meeting's order), each item's category a badge, with clock times. */
export function AgendaList({
  items,
  meetingStart,
  renderBelow,
  currentItem,
  clock,
  focusItem = null,
  onFocusItem,
  preview,
}: AgendaListProps) {
  const styles = useStyles();
  const s = useStrings();
  const root = useRef<HTMLElement>(null);
  // Moving the focus by keyboard or button also moves the caret: into the opened item's first field.
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current || focusItem === null) return;
    moved.current = false;
    const card = root.current?.querySelector<HTMLElement>(`[data-item="${focusItem}"]`);
    // The decision to write first (an item may show buttons above it, e.g. "Vis bilag til punkt N").
    const field =
      card?.querySelector<HTMLElement>('textarea') ?? card?.querySelector<HTMLElement>('input, button');
    field?.focus();
    // The caret goes after what is written, to go on writing there.
    if (field instanceof HTMLTextAreaElement) field.setSelectionRange(field.value.length, field.value.length);
  }, [focusItem]);
  const ordered = [...items].sort((a, b) => a.number - b.number);
  const focusing = focusItem !== null && ordered.some((i) => i.number === focusItem) && !!onFocusItem;
  const at = ordered.findIndex((i) => i.number === focusItem);
  const previous = focusing && at > 0 ? ordered[at - 1] : undefined;
  const next = focusing && at < ordered.length - 1 ? ordered[at + 1] : undefined;
  const open = (item: AgendaItem | undefined) => {
    if (!item || !onFocusItem) return;
    moved.current = true;
    onFocusItem(item.number);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!focusing || !e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowDown' && next) {
      e.preventDefault();
      open(next);
    } else if (e.key === 'ArrowUp' && previous) {
      e.preventDefault();
      open(previous);
    }
  };
  const times = new Map(shownItemTimes(meetingStart, items).map((t) => [t.itemId, t]));
  return (
    <section aria-label={s.agenda} ref={root} onKeyDown={onKeyDown}>
      {/* One order everywhere: the numbers are the meeting's order; the category is a badge on the item. */}
      <div className={styles.group}>
        {ordered.map((item) => {
          const t = times.get(item.id);
          const used = clock?.[item.number];
          if (focusing && item.number !== focusItem) {
            const title = `${s.item} ${item.number}: ${item.title}`;
            return (
              <Card key={item.id} className={styles.lineCard} data-item={item.number}>
                <Button
                  appearance="transparent"
                  className={styles.line}
                  aria-expanded={false}
                  onClick={() => open(item)}
                >
                  {preview ? `${title} – ${preview(item)}` : title}
                </Button>
              </Card>
            );
          }
          return (
            <Card
              key={item.id}
              data-item={item.number}
              className={mergeClasses(styles.card, currentItem === item.number && styles.current)}
              aria-current={currentItem === item.number ? 'step' : undefined}
            >
              <Text as="h3" weight="semibold" size={400}>
                {`${s.item} ${item.number}: ${item.title}`}
              </Text>
              <div className={styles.meta}>
                {t && <span>{formatItemClock(t)}</span>}
                {item.category && (
                  <Badge appearance="tint" color="brand">
                    {s.categories[item.category]}
                  </Badge>
                )}
                <span>
                  {item.durationMinutes} {s.minutesShort}
                </span>
                {used && (
                  <span
                    className={
                      used.overrun === 'red'
                        ? styles.red
                        : used.overrun === 'amber'
                          ? styles.amber
                          : undefined
                    }
                  >
                    {s.used} {used.usedMinutes} {s.minutesShort}
                  </span>
                )}
                {item.closed && (
                  <Badge color="danger" appearance="outline">
                    {s.closedItem}
                  </Badge>
                )}
                {item.presenter && <span>{`${s.presenter}: ${item.presenter}`}</span>}
                {item.guests.length > 0 && (
                  <span>{`${s.guests}: ${item.guests.map((g) => g.name).join(', ')}`}</span>
                )}
                {item.caseNumber && <span>{`${s.caseNumber}: ${item.caseNumber}`}</span>}
              </div>
              {item.description && <Text className={styles.decision}>{item.description}</Text>}
              {renderBelow?.(item)}
              {focusing && (
                <div className={styles.steps}>
                  <Button
                    size="small"
                    disabled={!previous}
                    aria-keyshortcuts="Alt+ArrowUp"
                    onClick={() => open(previous)}
                  >
                    {s.showPreviousItem}
                  </Button>
                  <Button
                    size="small"
                    disabled={!next}
                    aria-keyshortcuts="Alt+ArrowDown"
                    onClick={() => open(next)}
                  >
                    {s.showNextItem}
                  </Button>
                  <Text size={200} className={styles.hint}>
                    {s.focusHint}
                  </Text>
                </div>
              )}
            </Card>
          );
        })}
      </div>
    </section>
  );
}

export function DecisionText({ text, emptyText }: { text?: string; emptyText: string }) {
  const styles = useStyles();
  return <Text className={styles.decision}>{text?.trim() ? text : emptyText}</Text>;
}
