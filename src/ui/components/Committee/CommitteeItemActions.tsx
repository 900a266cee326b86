import { makeStyles, Text, tokens } from '@fluentui/react-components';
import {
  addTilfoersel,
  decideInhabilitet,
  declareInhabilitet,
  presentAt,
  recordAttendance,
  recordVote,
  setPublication,
} from '../../../app/committee';
import type { AppDeps } from '../../../app/deps';
import type { MeetingView } from '../../../app/openMeeting';
import { isInhabil } from '../../../domain/committee/attendance';
import { pendingDeclarations } from '../../../domain/committee/inhabilitet';
import { voteOn } from '../../../domain/committee/votes';
import { sameUpn } from '../../../domain/person';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { AttendanceDialog } from './AttendanceDialog';
import { DeclareInhabilitetDialog } from './DeclareInhabilitetDialog';
import { InhabilitetDialog } from './InhabilitetDialog';
import { TilfoerselDialog } from './TilfoerselDialog';
import { PublicationChoice } from './PublicationChoice';
import type { CommitteeState } from './useCommittee';
import { VoteDialog } from './VoteDialog';
import { ItemProtocol, latestTilfoersler } from './ItemProtocol';
import { committeeNames } from './names';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface CommitteeItemActionsProps {
  deps: AppDeps;
  view: MeetingView;
  state: CommitteeState;
  itemNumber: number;
}

/**
 * The committee's buttons under item N: attendance, inhabilitet and the vote for the organizer and the
 * referent; the protokoltilførsel for them and for a member at the meeting (their own), and for the member
 * their own declaration of inhabilitet. Declarations waiting for the committee's decision are listed; the
 * organizer chooses what the public protocol shows of a closed item.
 */
export function CommitteeItemActions({ deps, view, state, itemNumber }: CommitteeItemActionsProps) {
  const styles = useStyles();
  const cs = useCommitteeStrings();
  const { committee, run } = state;
  if (!committee) return null;
  const writer = view.role === 'organizer' || view.role === 'referent';
  const seated = committee.attendance.some((p) => sameUpn(p.upn, deps.me.upn));
  const protocol = <ItemProtocol view={view} committee={committee} itemNumber={itemNumber} />;
  if (!writer && !seated) return protocol;
  const vote = voteOn(committee.record, itemNumber);
  const myChoice = vote && Object.entries(vote.choices).find(([upn]) => sameUpn(upn, deps.me.upn))?.[1];
  const signed = committee.record.signatures.some((s) => sameUpn(s.member, deps.me.upn));
  const over = view.meeting.status === 'Afsluttet' || view.meeting.status === 'Godkendt';
  // A member's actions only where they apply: nothing after she signed; inhabilitet before the item is
  // handled (no vote yet, the meeting not ended); a tilførsel only after a vote she voted against or abstained in.
  const mayDeclare = !writer && !signed && !vote && !over;
  const mayStatement = writer || (!signed && (myChoice === 'Imod' || myChoice === 'Undlod'));
  const ownText = latestTilfoersler(committee, itemNumber).find((t) => sameUpn(t.member, deps.me.upn))?.text;
  const voters = presentAt(view, committee, itemNumber).filter(
    (p) => !isInhabil(committee.record, p.upn, itemNumber),
  );
  const absent = committee.record.attendance.find((a) => a.itemNumber === itemNumber)?.absent ?? [];
  const pending = pendingDeclarations(committee.record, itemNumber);
  const nameOf = committeeNames(view, committee);
  const closed = view.items.some((i) => i.number === itemNumber && i.closed);
  return (
    <div className={styles.block}>
      {protocol}
      {pending.length > 0 && (
        <ul className={styles.list} aria-label={cs.declarationsOn(itemNumber)}>
          {pending.map((p) => (
            <li key={p.member}>
              <Text>{cs.declaredPending(nameOf(p.member), p.reason)}</Text>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        {writer && (
          <>
            <AttendanceDialog
              itemNumber={itemNumber}
              attendance={committee.attendance}
              absent={absent}
              onSave={(away) => run(() => recordAttendance(deps, view, itemNumber, away))}
            />
            <InhabilitetDialog
              itemNumber={itemNumber}
              members={committee.attendance}
              pending={pending}
              onSave={({ member, reason, decision }) =>
                run(() =>
                  decision === 'Afventer'
                    ? declareInhabilitet(deps, view, { itemNumber, member, reason })
                    : decideInhabilitet(deps, view, { itemNumber, member, reason, decision }),
                )
              }
            />
            <VoteDialog
              itemNumber={itemNumber}
              participants={voters}
              recorded={vote}
              onSave={(choices) => run((c) => recordVote(deps, view, c, itemNumber, choices))}
            />
          </>
        )}
        {mayDeclare && (
          <DeclareInhabilitetDialog
            itemNumber={itemNumber}
            onSave={(reason) => run(() => declareInhabilitet(deps, view, { itemNumber, reason }))}
          />
        )}
        {mayStatement && (
          <TilfoerselDialog
            itemNumber={itemNumber}
            members={writer ? committee.attendance : undefined}
            ownText={writer ? undefined : ownText}
            onSave={(input) => run((c) => addTilfoersel(deps, view, c, { itemNumber, ...input }))}
          />
        )}
      </div>
      {view.role === 'organizer' && closed && (
        <PublicationChoice
          itemNumber={itemNumber}
          current={committee.record.publication?.find((p) => p.itemNumber === itemNumber)}
          onChange={(choice) => run(() => setPublication(deps, view, { itemNumber, ...choice }))}
        />
      )}
    </div>
  );
}
