import type { CommitteeView } from '../../../app/committee';
import type { MeetingView } from '../../../app/openMeeting';
import { peopleOf } from '../../../domain/meeting';
import { nameOf } from '../../../domain/person';

/**
 * A member's name by address, for every line of the committee's record on the page: from who sits at this
 * meeting (a substitute included), the committee's members and substitutes, and the meeting's invitation;
 * the address only when nobody names them.
 */
export function committeeNames(view: MeetingView, committee: CommitteeView): (upn: string) => string {
  const known = [
    ...committee.attendance,
    ...committee.settings.members.flatMap((m) => [m.person, ...(m.substitute ? [m.substitute] : [])]),
    ...peopleOf(view.meeting),
  ];
  return (upn) => nameOf(upn, undefined, known);
}
