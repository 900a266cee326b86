import { makeStyles, tokens } from '@fluentui/react-components';
import {
  addTilfoersel,
  decideInhabilitet,
  declareInhabilitet,
  presentAt,
  recordAttendance,
  recordVote,
} from '../../../app/committee';
import type { AppDeps } from '../../../app/deps';
import type { MeetingView } from '../../../app/openMeeting';
import { isInhabil } from '../../../domain/committee/attendance';
import { voteOn } from '../../../domain/committee/votes';
import { sameUpn } from '../../../domain/person';
import { AttendanceDialog } from './AttendanceDialog';
import { InhabilitetDialog } from './InhabilitetDialog';
import { TilfoerselDialog } from './TilfoerselDialog';
import type { CommitteeState } from './useCommittee';
import { VoteDialog } from './VoteDialog';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

export interface CommitteeItemActionsProps {
  deps: AppDeps;
  view: MeetingView;
  state: CommitteeState;
  itemNumber: number;
}

/**
 * The committee's buttons under item N: attendance, inhabilitet and the vote for the organizer and the
 * referent; the protokoltilførsel for them and for a member at the meeting (their own).
 */
export function CommitteeItemActions({ deps, view, state, itemNumber }: CommitteeItemActionsProps) {
  const styles = useStyles();
  const { committee, run } = state;
  if (!committee) return null;
  const writer = view.role === 'organizer' || view.role === 'referent';
  const seated = committee.attendance.some((p) => sameUpn(p.upn, deps.me.upn));
  if (!writer && !seated) return null;
  const voters = presentAt(view, committee, itemNumber).filter(
    (p) => !isInhabil(committee.record, p.upn, itemNumber),
  );
  const absent = committee.record.attendance.find((a) => a.itemNumber === itemNumber)?.absent ?? [];
  return (
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
            recorded={voteOn(committee.record, itemNumber)}
            onSave={(choices) => run((c) => recordVote(deps, view, c, itemNumber, choices))}
          />
        </>
      )}
      <TilfoerselDialog
        itemNumber={itemNumber}
        members={writer ? committee.attendance : undefined}
        onSave={(input) => run((c) => addTilfoersel(deps, view, c, { itemNumber, ...input }))}
      />
    </div>
  );
}
