import type { AgendaItem } from '../domain/agendaItem';
import { renderAgendaSection } from '../domain/agendaSection';
import type { Meeting } from '../domain/meeting';
import { can } from '../domain/permissions';
import { validateAgenda } from '../domain/validation';
import { Forbidden } from '../ports/errors';
import type { AppDeps } from './deps';
import type { MeetingView } from './openMeeting';

export const ONLY_ORGANIZER = 'Kun mødets organisator kan redigere og sende dagsordenen.';

/** Save the agenda without sending it (the organizer's draft). */
export async function saveAgenda(
  deps: AppDeps,
  view: MeetingView,
  items: AgendaItem[],
): Promise<MeetingView> {
  if (!can(view.role, 'editAgenda')) throw new Forbidden(ONLY_ORGANIZER);
  const valid = validateAgenda(items);
  const stored = await deps.lists.replaceAgenda(view.key, valid);
  const meetingRow = await deps.lists.saveMeeting(view.meeting, view.meetingETag);
  return {
    ...view,
    items: stored.map((s) => s.value),
    meeting: meetingRow.value,
    meetingETag: meetingRow.eTag,
  };
}

/**
 * "Send dagsorden": validate, write the list rows, bump the agenda version and write the agenda into the
 * calendar event so every attendee's calendar shows it. Re-sending replaces the earlier version.
 */
export async function sendAgenda(
  deps: AppDeps,
  view: MeetingView,
  items: AgendaItem[],
): Promise<MeetingView> {
  if (!can(view.role, 'editAgenda') || !view.event?.isOrganizer) throw new Forbidden(ONLY_ORGANIZER);
  const valid = validateAgenda(items);
  const stored = await deps.lists.replaceAgenda(view.key, valid);
  const meeting: Meeting = {
    ...view.meeting,
    eventId: view.event.id,
    agendaVersion: view.meeting.agendaVersion + 1,
    status: view.meeting.status === 'Planlagt' ? 'Udsendt' : view.meeting.status,
  };
  const meetingRow = await deps.lists.saveMeeting(meeting, view.meetingETag);
  await deps.calendar.publishAgenda(view.event.id, {
    sectionHtml: renderAgendaSection(meeting, valid),
    extension: {
      meetingKey: view.key,
      siteId: await deps.lists.siteId(),
      agendaVersion: meeting.agendaVersion,
    },
  });
  return {
    ...view,
    items: stored.map((s) => s.value),
    meeting: meetingRow.value,
    meetingETag: meetingRow.eTag,
  };
}
