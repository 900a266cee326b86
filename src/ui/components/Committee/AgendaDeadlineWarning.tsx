import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { agendaLateness } from '../../../app/committee';
import type { Meeting } from '../../../domain/meeting';
import { useCommitteeStrings } from '../../i18n/committeeStrings';

/** Beside "Send dagsorden": the committee's agenda deadline has passed, and by how much. */
export function AgendaDeadlineWarning({
  meeting,
  now,
}: {
  meeting: Pick<Meeting, 'start' | 'committee'>;
  now: string;
}) {
  const cs = useCommitteeStrings();
  const late = agendaLateness(meeting, now);
  if (!late) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <span role="status">{cs.late(late.workingDays, late.hours)}</span>
      </MessageBarBody>
    </MessageBar>
  );
}
