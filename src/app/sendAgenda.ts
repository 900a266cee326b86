import type { AgendaItem } from '../domain/agendaItem';
import { renderAgendaSection } from '../i18n/agendaSection';
import { withPlannedStarts } from '../domain/itemTimes';
import type { Meeting } from '../domain/meeting';
import { planHash } from '../domain/meetingScopes';
import { can } from '../domain/permissions';
import { publishValidationIssues } from '../domain/agendaRules';
import { ValidationError, validateAgenda, type ValidationIssue } from '../domain/validation';
import { Forbidden } from '../ports/errors';
import type { ErrorCode } from '../ports/errors';
import type { AppDeps } from './deps';
import type { MeetingView } from './openMeeting';
import { isArchive, planFor, syncMeetingPermissions } from './syncMeetingPermissions';

export const ONLY_ORGANIZER: ErrorCode = 'onlyOrganizerAgenda';

/**
 * Write the agenda rows under the right permissions. The plan of the NEW agenda is applied first to the
 * rows that exist (closing an item or removing a guest takes access away before anything is written),
 * new rows are then written into the meeting's folder (the circle only), and the plan is applied again so
 * a new guest item gets its own scope.
 */
async function writeAgenda(
  deps: AppDeps,
  view: MeetingView,
  meeting: Meeting,
  items: AgendaItem[],
): Promise<MeetingView> {
  if (!view.rows.meetings) {
    // A meeting's first write: its Meetings row first, in the organizer's secretariat, because that row
    // says where the meeting's folders are (src/domain/trust/place.ts). It is the draft as it stands.
    const row = await deps.lists.saveMeeting(view.meeting);
    view = { ...view, meetingETag: row.eTag, rows: { ...view.rows, meetings: row.id } };
  }
  const first = planFor(meeting, items, isArchive(view));
  if (planHash(first) !== view.meeting.permissionsHash) await deps.permissions.apply(first, view.rows);
  // Each row carries its planned start from the whole agenda: a guest reads only her own item's row.
  const stored = await deps.lists.replaceAgenda(view.key, withPlannedStarts(items));
  const meetingRow = await deps.lists.saveMeeting(meeting, view.meetingETag);
  const written: MeetingView = {
    ...view,
    items: stored.map((s) => s.value),
    meeting: { ...meeting, permissionsHash: meetingRow.value.permissionsHash },
    meetingETag: meetingRow.eTag,
    rows: {
      ...view.rows,
      meetings: meetingRow.id,
      agenda: Object.fromEntries(stored.map((s) => [s.value.id, s.id])),
    },
  };
  return syncMeetingPermissions(deps, written, items);
}

/** Save the agenda without sending it (the organizer's draft). */
export async function saveAgenda(
  deps: AppDeps,
  view: MeetingView,
  items: AgendaItem[],
): Promise<MeetingView> {
  if (!can(view.role, 'editAgenda'))
    throw new Forbidden('Only the organizer edits and sends the agenda', { code: ONLY_ORGANIZER });
  return writeAgenda(deps, view, view.meeting, validateAgenda(items));
}

/** The agenda checked whole: every refusal at once, the shape's and the publish rules' (one per field). */
function validWithRules(items: AgendaItem[], rules: ValidationIssue[]): AgendaItem[] {
  try {
    const valid = validateAgenda(items);
    if (rules.length) throw new ValidationError(rules);
    return valid;
  } catch (e) {
    if (!(e instanceof ValidationError) || e.issues === rules) throw e;
    // Minutes: the publish rule (1–480) is the stricter word for the same field.
    const ruled = new Set(rules.map((r) => r.field));
    throw new ValidationError([...rules, ...e.issues.filter((i) => !ruled.has(i.field))]);
  }
}

/** What the organizer said when sending: `withoutReferent` is her explicit "Send uden referent". */
export interface SendOptions {
  withoutReferent?: boolean;
}

/**
 * "Send dagsorden": validate (the publish rules too: at least one item, minutes 1–480, guests well-formed
 * and not on closed items, a referent unless sent explicitly without one — the page checks them as well,
 * but is not the only guard), write the list rows under the meeting's permissions, bump the agenda version
 * and write the agenda into the calendar event so every attendee's calendar shows it. Re-sending replaces
 * the earlier version.
 */
export async function sendAgenda(
  deps: AppDeps,
  view: MeetingView,
  items: AgendaItem[],
  options: SendOptions = {},
): Promise<MeetingView> {
  if (!can(view.role, 'editAgenda') || !view.event?.isOrganizer)
    throw new Forbidden('Only the organizer edits and sends the agenda', { code: ONLY_ORGANIZER });
  const valid = validWithRules(items, publishValidationIssues(items, view.meeting.referent, options));
  const meeting: Meeting = {
    ...view.meeting,
    eventId: view.event.id,
    agendaVersion: view.meeting.agendaVersion + 1,
    status: view.meeting.status === 'Planlagt' ? 'Udsendt' : view.meeting.status,
  };
  const written = await writeAgenda(deps, view, meeting, valid);
  await deps.calendar.publishAgenda(view.event.id, {
    sectionHtml: renderAgendaSection(written.meeting, valid),
    extension: {
      meetingKey: view.key,
      siteId: await deps.lists.siteId(),
      agendaVersion: written.meeting.agendaVersion,
    },
  });
  return written;
}
