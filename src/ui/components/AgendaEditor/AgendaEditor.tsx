import {
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { addItem, removeItem, reorder } from '../../../domain/agenda';
import { CATEGORIES, type AgendaItem, type Category } from '../../../domain/agendaItem';
import { computeItemTimes, formatItemClock } from '../../../domain/itemTimes';
import type { Guest } from '../../../domain/person';
import type { ValidationIssue } from '../../../domain/validation';
import { issueMessage } from '../../errors';
import { useLocale, useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { padding: tokens.spacingHorizontalM, display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  grow: { flexGrow: 1, minWidth: '12rem' },
  small: { width: '7rem' },
  time: { color: tokens.colorNeutralForeground3 },
});

export interface AgendaEditorProps {
  items: AgendaItem[];
  meetingStart: string;
  meetingEnd: string;
  issues: ValidationIssue[];
  onChange(items: AgendaItem[]): void;
  newId(): string;
}

const guestsText = (guests: Guest[]) => guests.map((g) => g.upn ?? g.name).join(', ');
const parseGuests = (text: string): Guest[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s.includes('@') ? { name: s, upn: s.toLowerCase() } : { name: s }));

/** The organizer's agenda: add, edit, reorder (keyboard: move up/down buttons), delete; times and overrun. */
export function AgendaEditor({
  items,
  meetingStart,
  meetingEnd,
  issues,
  onChange,
  newId,
}: AgendaEditorProps) {
  const styles = useStyles();
  const s = useStrings();
  const locale = useLocale();
  const sorted = [...items].sort((a, b) => a.number - b.number);
  const schedule = computeItemTimes(meetingStart, meetingEnd, sorted);
  const issueFor = (index: number, field: string) => {
    const issue = issues.find((i) => i.field === `items.${index}.${field}`);
    return issue && issueMessage(issue, locale);
  };
  const patch = (id: string, change: Partial<AgendaItem>) =>
    onChange(sorted.map((i) => (i.id === id ? { ...i, ...change } : i)));

  return (
    <div className={styles.root}>
      {schedule.overrunMinutes > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{s.overrun(schedule.overrunMinutes)}</MessageBarBody>
        </MessageBar>
      )}
      {sorted.map((item, index) => {
        const n = item.number;
        const time = schedule.items[index];
        return (
          <Card key={item.id} className={styles.card} aria-label={`${s.item} ${n}`}>
            <div className={styles.row}>
              <Text weight="semibold">{`${s.item} ${n}`}</Text>
              <Text className={styles.time}>{formatItemClock(time)}</Text>
              <Button
                size="small"
                aria-label={s.moveUp(n)}
                disabled={index === 0}
                onClick={() => onChange(reorder(sorted, index, index - 1))}
              >
                ↑
              </Button>
              <Button
                size="small"
                aria-label={s.moveDown(n)}
                disabled={index === sorted.length - 1}
                onClick={() => onChange(reorder(sorted, index, index + 1))}
              >
                ↓
              </Button>
              <Button
                size="small"
                aria-label={s.removeItem(n)}
                onClick={() => onChange(removeItem(sorted, item.id))}
              >
                ✕
              </Button>
            </div>
            <div className={styles.row}>
              <Field
                className={styles.grow}
                label={s.titleFor(n)}
                validationMessage={issueFor(index, 'title')}
                required
              >
                <Input value={item.title} onChange={(_e, d) => patch(item.id, { title: d.value })} />
              </Field>
              <Field label={s.categoryFor(n)}>
                <Select
                  value={item.category ?? ''}
                  onChange={(_e, d) => patch(item.id, { category: (d.value || null) as Category | null })}
                >
                  <option value="">{s.noCategory}</option>
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {s.categories[c]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                className={styles.small}
                label={s.minutesFor(n)}
                validationMessage={issueFor(index, 'durationMinutes')}
              >
                <Input
                  type="number"
                  min={0}
                  value={String(item.durationMinutes)}
                  onChange={(_e, d) => patch(item.id, { durationMinutes: Math.max(0, Number(d.value) || 0) })}
                />
              </Field>
            </div>
            <div className={styles.row}>
              <Field
                className={styles.grow}
                label={s.presenterFor(n)}
                validationMessage={issueFor(index, 'presenter')}
              >
                <Input
                  value={item.presenter ?? ''}
                  onChange={(_e, d) => patch(item.id, { presenter: d.value })}
                />
              </Field>
              <Field className={styles.grow} label={s.guestsFor(n)}>
                <Input
                  defaultValue={guestsText(item.guests)}
                  onBlur={(e) => patch(item.id, { guests: parseGuests(e.target.value) })}
                />
              </Field>
              <Field label={s.caseNumberFor(n)} validationMessage={issueFor(index, 'caseNumber')}>
                <Input
                  value={item.caseNumber ?? ''}
                  placeholder="EMN-2024-000000"
                  onChange={(_e, d) => patch(item.id, { caseNumber: d.value })}
                />
              </Field>
              <Checkbox
                label={s.closedFor(n)}
                checked={item.closed}
                onChange={(_e, d) => patch(item.id, { closed: !!d.checked })}
              />
            </div>
            <Field label={s.descriptionFor(n)} validationMessage={issueFor(index, 'description')}>
              <Textarea
                value={item.description ?? ''}
                onChange={(_e, d) => patch(item.id, { description: d.value })}
              />
            </Field>
          </Card>
        );
      })}
      <div>
        <Button
          onClick={() =>
            onChange(
              addItem(
                sorted,
                {
                  id: newId(),
                  title: s.newItemTitle,
                  category: 'Til drøftelse',
                  durationMinutes: 10,
                  guests: [],
                  closed: false,
                  attachments: [],
                },
                Math.max(0, sorted.length - 3),
              ),
            )
          }
        >
          {s.addItem}
        </Button>
      </div>
    </div>
  );
}
