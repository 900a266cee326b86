import { currentAbsences } from '../domain/absence';
import type { Absence } from '../domain/absence';
import type { AgendaItem } from '../domain/agendaItem';
import type { Decision } from '../domain/decision';
import type { FollowUp } from '../domain/followUp';
import { composeInformationLine } from '../i18n/information';
import type { MisplacedRow } from '../domain/trust/place';
import { writtenByWriters } from '../domain/trust/writers';
import { peopleOf, type Meeting, type MeetingKey } from '../domain/meeting';
import { withProgress, type MeetingProgress } from '../domain/meetingProgress';
import { named, sameUpn } from '../domain/person';
import { circleOf, roleIn, visibleItems, type Role } from '../domain/permissions';
import type { CalendarEvent } from '../ports/CalendarGateway';
import { Forbidden, NotFound } from '../ports/errors';
import type { ErrorCode } from '../ports/errors';
import type { Stored } from '../ports/ListStore';
import type { PlanRows } from '../ports/MeetingPermissions';
import type { AppDeps } from './deps';
import { syncMeetingPermissions } from './syncMeetingPermissions';

/** Everything a page shows about one meeting, as the signed-in person may see it. */
export interface MeetingView {
  key: MeetingKey;
  meeting: Meeting;
  /** eTag of the Meetings row; absent until the organizer has saved it once. */
  meetingETag?: string;
  /** The MeetingProgress row (clock, running status, referat sent for approval) and its eTag. */
  progress: MeetingProgress | null;
  progressETag?: string;
  /** List item ids of the rows that carry permissions of their own (for syncMeetingPermissions). */
  rows: PlanRows;
  /** The person's own calendar copy; null for a guest, who is on an item but not invited to the event. */
  event: CalendarEvent | null;
  role: Role;
  /** Agenda items this person may see, by number. */
  items: AgendaItem[];
  /** All rows (for rewriting the agenda); only filled for the organizer. */
  absences: Absence[];
  absenceRows: Stored<Absence>[];
  decisions: Record<number, Stored<Decision>>;
  followUps: Stored<FollowUp>[];
  /** Start point for watching decision changes after this read. */
  decisionsCursor?: string;
  /**
   * Rows that name this meeting from another meeting's folder (docs/adr/009-rows-belong-to-folders.md):
   * they count for nothing; only the organizer's view carries them, so her page can say so.
   */
  misplaced?: MisplacedRow[];
}

/** The Information line as this person's page shows it (absences, referent, the guests of the items they see). */
export function informationLineOf(view: MeetingView, locale: 'da' | 'en'): string {
  return composeInformationLine(
    {
      absences: view.absences,
      referent: view.meeting.referent,
      items: view.items,
      note: view.meeting.informationNote,
    },
    locale,
  );
}

export const NOT_INVITED: ErrorCode = 'notInvited';

/** Meeting details from the calendar event, for a meeting that has no Meetings row yet. */
export function meetingFromEvent(event: CalendarEvent): Meeting {
  return {
    key: event.key,
    eventId: event.isOrganizer ? event.id : undefined,
    series: event.subject,
    title: event.subject,
    start: event.start,
    end: event.end,
    location: event.location,
    organizer: event.organizer,
    attendees: event.attendees.map(({ upn, name }) => ({ upn, name })),
    status: 'Planlagt',
    joinUrl: event.joinUrl,
    agendaVersion: 0,
  };
}

/**
 * Open a meeting: the calendar copy (if the person has one) and the SharePoint rows in one batch, then
 * the person's role decides what is shown. SharePoint already filters what a person may read; the same
 * rules are applied here again so a fake or misconfigured store cannot show too much.
 */
export async function openMeeting(deps: AppDeps, key: MeetingKey): Promise<MeetingView> {
  const [event, first] = await Promise.all([
    deps.calendar.findByKey(key).catch((e: unknown) => {
      if (e instanceof NotFound) return null;
      throw e;
    }),
    deps.lists.openMeeting(key).catch((e: unknown) => {
      if (e instanceof NotFound || e instanceof Forbidden) return null;
      throw e;
    }),
  ]);
  let snapshot = first;
  // The Meetings row that counts must be the event organizer's: one another secretary made for this
  // meeting's key in her own secretariat is not this meeting's record. Read again trusting only hers.
  if (event && snapshot?.meeting && !sameUpn(snapshot.meeting.value.organizer.upn, event.organizer.upn)) {
    snapshot = await deps.lists.openMeeting(key, event.organizer.upn);
    if (snapshot.meeting && !sameUpn(snapshot.meeting.value.organizer.upn, event.organizer.upn))
      throw new Forbidden("The Meetings row is not the event organizer's", { code: 'meetingElsewhere' });
  }
  if (!snapshot || (!event && !snapshot.meeting)) throw new Forbidden('Not invited', { code: NOT_INVITED });

  const row = snapshot.meeting;
  const progress = snapshot.progress;
  const meeting: Meeting = withProgress(
    row ? { ...row.value, ...(event ? liveEventFields(event, row.value) : {}) } : meetingFromEvent(event!),
    progress?.value,
  );
  const allItems = snapshot.items.map((s) => s.value).sort((a, b) => a.number - b.number);
  const role = roleIn(circleOf(meeting, allItems), deps.me.upn);
  if (role === 'none') throw new Forbidden('Not invited', { code: NOT_INVITED });

  const items = visibleItems(allItems, role, deps.me.upn);
  const visibleNumbers = new Set(items.map((i) => i.number));
  const byWriter = writtenByWriters(meeting);
  const decisions: Record<number, Stored<Decision>> = {};
  for (const d of snapshot.decisions)
    if (visibleNumbers.has(d.value.itemNumber) && byWriter(d)) decisions[d.value.itemNumber] = d;

  const view: MeetingView = {
    key,
    meeting,
    meetingETag: row?.eTag,
    progress: progress?.value ?? null,
    progressETag: progress?.eTag,
    rows: {
      meetings: row?.id,
      progress: progress?.id,
      agenda: Object.fromEntries(snapshot.items.map((s) => [s.value.id, s.id])),
    },
    event,
    role,
    items,
    // A registration written with the address where the name belongs is shown by the person's name.
    absences: currentAbsences(snapshot.absences.map((a) => a.value)).map((a) => ({
      ...a,
      person: named(a.person, peopleOf(meeting)),
    })),
    absenceRows: snapshot.absences,
    decisions,
    followUps: snapshot.followUps.filter((f) => visibleNumbers.has(f.value.itemNumber) && byWriter(f)),
    decisionsCursor: snapshot.decisionsCursor,
    misplaced: role === 'organizer' ? (snapshot.misplaced ?? []) : [],
  };
  // Attendees added or removed in Outlook since the last sync get their rights when the organizer next
  // opens the meeting (nothing is done when the plan is unchanged).
  return role === 'organizer' && row ? syncMeetingPermissions(deps, view, allItems) : view;
}

/** The decision writer rule lives with the other trust rules in the domain (src/domain/trust/writers.ts). */
export { writtenByWriters };

/** The calendar is the truth for time, place and who is invited; the row for everything else. */
function liveEventFields(event: CalendarEvent, stored: Meeting): Partial<Meeting> {
  return {
    start: event.start,
    end: event.end,
    location: event.location || stored.location,
    organizer: event.organizer,
    attendees: event.attendees.map(({ upn, name }) => ({ upn, name })),
    joinUrl: event.joinUrl ?? stored.joinUrl,
    eventId: event.isOrganizer ? event.id : stored.eventId,
  };
}
