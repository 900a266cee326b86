import { Button, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AppDeps } from '../../../app/deps';
import { loadFollowUps } from '../../../app/followUps';
import { carryOverItem, type FollowUpRow } from '../../../domain/followUpBoard';
import type { AgendaItem } from '../../../domain/agendaItem';
import { carryOverText } from '../../../i18n/carryOver';
import { useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    listStyle: 'none',
    paddingLeft: 0,
  },
});

/**
 * Rolling items: the unfinished follow-ups of earlier meetings of the same series, each one click from
 * the agenda being built.
 */
export function CarryOver({
  deps,
  series,
  before,
  onAdd,
}: {
  deps: AppDeps;
  series: string;
  /** ISO start of the meeting being prepared: only earlier meetings count. */
  before: string;
  onAdd(item: Omit<AgendaItem, 'number'>): void;
}) {
  const s = useStrings();
  const styles = useStyles();
  const [rows, setRows] = useState<FollowUpRow[]>([]);
  useEffect(() => {
    loadFollowUps(deps).then(
      (all) =>
        setRows(
          all.filter(
            (r) => r.series === series && r.meetingStart < before && r.followUp.status !== 'Afsluttet',
          ),
        ),
      () => setRows([]),
    );
  }, [deps, series, before]);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="carry-title">
      <Subtitle2 as="h3" id="carry-title">
        {s.carryTitle}
      </Subtitle2>
      <ul className={styles.list}>
        {rows.map((r) => (
          <li key={`${r.meetingKey}#${r.followUp.id}`}>
            <Button
              size="small"
              onClick={() => {
                onAdd(carryOverItem(r, crypto.randomUUID(), carryOverText(r)));
                setRows((all) => all.filter((x) => x !== r));
              }}
            >
              {s.carryAdd(r.followUp.task)}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
