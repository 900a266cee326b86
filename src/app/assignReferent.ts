import { sameUpn, type Person } from '../domain/person';
import { can } from '../domain/permissions';
import { Forbidden } from '../ports/errors';
import type { AppDeps } from './deps';
import type { MeetingView } from './openMeeting';
import { syncMeetingPermissions } from './syncMeetingPermissions';

/**
 * The organizer picks the referent (minute-taker); stored on the Meetings row, shown in the Information
 * line, and turned into SharePoint permissions: the new referent may write the meeting's decisions,
 * follow-ups and progress, the previous one no longer.
 */
export async function assignReferent(
  deps: AppDeps,
  view: MeetingView,
  referent: Person | undefined,
): Promise<MeetingView> {
  if (!can(view.role, 'assignReferent'))
    throw new Forbidden('Only the organizer picks the referent', { code: 'onlyOrganizerReferent' });
  const previous = view.meeting.referent?.upn;
  const formerReferents =
    previous &&
    !sameUpn(previous, referent?.upn) &&
    !view.meeting.formerReferents?.some((u) => sameUpn(u, previous))
      ? [...(view.meeting.formerReferents ?? []), previous]
      : view.meeting.formerReferents;
  const row = await deps.lists.saveMeeting({ ...view.meeting, referent, formerReferents }, view.meetingETag);
  return syncMeetingPermissions(deps, {
    ...view,
    meeting: {
      ...view.meeting,
      referent: row.value.referent,
      formerReferents: row.value.formerReferents,
      permissionsHash: row.value.permissionsHash,
    },
    meetingETag: row.eTag,
    rows: { ...view.rows, meetings: row.id },
  });
}
