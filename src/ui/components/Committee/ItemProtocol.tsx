import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { CommitteeView } from '../../../app/committee';
import type { MeetingView } from '../../../app/openMeeting';
import { isInhabil, itemParticipants } from '../../../domain/committee/attendance';
import { voteOn, voteResult } from '../../../domain/committee/votes';
import { joinList } from '../../../i18n/joinList';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { useLocale } from '../../i18n/LocaleContext';
import { committeeNames } from './names';

const useStyles = makeStyles({
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}`,
  },
  result: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  line: { overflowWrap: 'break-word' },
});

export interface ItemProtocolProps {
  view: MeetingView;
  committee: CommitteeView;
  itemNumber: number;
}

/**
 * What the beslutningsprotokol says of item N, on the page as soon as it is saved: inhabilitet, the vote's
 * result with its counts ("Resultat: Vedtaget 5–3, 1 undlod", the names on demand) and the
 * protokoltilførsler, each member's latest.
 */
export function ItemProtocol({ view, committee, itemNumber }: ItemProtocolProps) {
  const styles = useStyles();
  const cs = useCommitteeStrings();
  const locale = useLocale();
  const [names, setNames] = useState(false);
  const namesId = useId();
  const { settings, record } = committee;
  const nameOf = committeeNames(view, committee);
  const inhabil = committee.attendance.filter((p) => isInhabil(record, p.upn, itemNumber));
  const vote = voteOn(record, itemNumber);
  const result = vote && voteResult(vote, itemParticipants(settings, record, view.absences, itemNumber));
  const tilfoersler = latestTilfoersler(committee, itemNumber);
  if (!inhabil.length && !result && !tilfoersler.length) return null;
  return (
    <section className={styles.block} aria-label={cs.protocolOn(itemNumber)}>
      {inhabil.map((p) => (
        <Text key={p.upn} className={styles.line}>
          {cs.inhabilLine(nameOf(p.upn))}
        </Text>
      ))}
      {result && (
        <>
          <div className={styles.result}>
            <Text weight="semibold">
              {cs.resultSummary(
                cs.results[result.result],
                result.for.length,
                result.imod.length,
                result.undlod.length,
              )}
            </Text>
            <Badge appearance="tint" color={result.result === 'Vedtaget' ? 'success' : 'danger'} aria-hidden>
              {cs.results[result.result]}
            </Badge>
            <Button
              size="small"
              appearance="subtle"
              aria-expanded={names}
              aria-controls={namesId}
              onClick={() => setNames((n) => !n)}
            >
              {names ? cs.hideNames : cs.showNames}
            </Button>
          </div>
          <ul className={styles.list} id={namesId} hidden={!names}>
            {(
              [
                [cs.votedFor, result.for],
                [cs.votedAgainst, result.imod],
                [cs.abstainedNames, result.undlod],
              ] as const
            )
              .filter(([, who]) => who.length)
              .map(([label, who]) => (
                <li key={label}>
                  <Text>{`${label}: ${joinList([...who], locale)} (${who.length})`}</Text>
                </li>
              ))}
          </ul>
        </>
      )}
      {tilfoersler.map((t) => (
        <Text key={t.member} className={styles.line}>
          {cs.tilfoerselLine(nameOf(t.member), t.text)}
        </Text>
      ))}
    </section>
  );
}

/** Each member's latest protokoltilførsel on item N (a member changes hers until she signs). */
export function latestTilfoersler(committee: CommitteeView, itemNumber: number) {
  const latest = new Map<string, (typeof committee.record.tilfoersler)[number]>();
  for (const t of [...committee.record.tilfoersler]
    .filter((t) => t.itemNumber === itemNumber)
    .sort((a, b) => a.writtenAt.localeCompare(b.writtenAt)))
    latest.set(t.member.trim().toLowerCase(), t);
  return [...latest.values()];
}
