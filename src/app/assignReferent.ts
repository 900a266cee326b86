import type { Person } from '../domain/person';
import { can } from '../domain/permissions';
import { Forbidden } from '../ports/errors';
import type { AppDeps } from './deps';
import type { MeetingView } from './openMeeting';

/** The organizer picks the referent (minute-taker); stored on the Meetings row, shown in the Information line. */
export async function assignReferent(
  deps: AppDeps,
  view: MeetingView,
  referent: Person | undefined,
): Promise<MeetingView> {
  if (!can(view.role, 'assignReferent')) throw new Forbidden('Kun mødets organisator kan vælge referent.');
  const row = await deps.lists.saveMeeting({ ...view.meeting, referent }, view.meetingETag);
  return { ...view, meeting: row.value, meetingETag: row.eTag };
}
