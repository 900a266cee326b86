import { Badge, Card, makeStyles, mergeClasses, Text, Title3, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { CATEGORIES, type AgendaItem } from '../../../domain/agendaItem';
import { computeItemTimes, formatItemClock } from '../../../domain/itemTimes';
import type { Overrun } from '../../../domain/meetingTimer';
import { useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalL,
  },
  card: { padding: tokens.spacingHorizontalM },
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
  meetingEnd: string;
  /** Rendered under each item: the decision (read-only) or the referent's editor. */
  renderBelow?: (item: AgendaItem) => ReactNode;
  currentItem?: number | null;
  clock?: Record<number, { usedMinutes: number; overrun: Overrun }>;
}

/** The agenda grouped by category, with clock times from the meeting's start. */
export function AgendaList({
  items,
  meetingStart,
  meetingEnd,
  renderBelow,
  currentItem,
  clock,
}: AgendaListProps) {
  const styles = useStyles();
  const s = useStrings();
  const times = new Map(computeItemTimes(meetingStart, meetingEnd, items).items.map((t) => [t.itemId, t]));
  const groups = [...CATEGORIES, null]
    .map((category) => ({ category, items: items.filter((i) => i.category === category) }))
    .filter((g) => g.items.length);
  return (
    <section aria-label={s.agenda}>
      {groups.map((g) => (
        <section key={g.category ?? 'none'} className={styles.group} aria-label={g.category ?? s.noCategory}>
          <Title3 as="h2">{g.category ? `Kategori - ${g.category}` : s.noCategory}</Title3>
          {g.items.map((item) => {
            const t = times.get(item.id);
            const used = clock?.[item.number];
            return (
              <Card
                key={item.id}
                className={mergeClasses(styles.card, currentItem === item.number && styles.current)}
                aria-current={currentItem === item.number ? 'step' : undefined}
              >
                <Text as="h3" weight="semibold" size={400}>
                  {`${s.item} ${item.number}: ${item.title}`}
                </Text>
                <div className={styles.meta}>
                  {t && <span>{formatItemClock(t)}</span>}
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
              </Card>
            );
          })}
        </section>
      ))}
    </section>
  );
}

export function DecisionText({ text, emptyText }: { text?: string; emptyText: string }) {
  const styles = useStyles();
  return <Text className={styles.decision}>{text?.trim() ? text : emptyText}</Text>;
}
