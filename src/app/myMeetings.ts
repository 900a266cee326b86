import { currentAbsences, type AbsenceKind } from '../domain/absence';
import { isMine } from '../domain/followUpBoard';
import type { MeetingStatus } from '../domain/meeting';
import { withProgress } from '../domain/meetingProgress';
import { sameUpn } from '../domain/person';
import type { CalendarEvent } from '../ports/CalendarGateway';
import type { AppDeps } from './deps';

export type MyRole = 'organizer' | 'referent' | 'attendee';

/** One of the person's meetings as "Mine møder" lists it. */
export interface MyMeeting {
  event: CalendarEvent;
  series: string;
  role: MyRole;
  /** The person's current registration; none when there is none or it was withdrawn. */
  ownAbsence?: Exclude<AbsenceKind, 'Trukket tilbage'>;
  /** Follow-ups of this meeting the person owns that are not done. */
  openFollowUps: number;
  status: MeetingStatus;
}

export interface MyMeetings {
  /** Not yet over (running ones too), soonest first. */
  upcoming: MyMeeting[];
  /** Over, newest first. */
  past: MyMeeting[];
}

/** How far "Mine møder" looks back and ahead. */
export const MY_MEETINGS_DAYS = 60;
const DAY_MS = 86_400_000;

/**
 * The person's meetings across series, 60 days back and ahead: the calendar gives the occurrences, one
 * read of the lists (`meetingSummaries`) their rows as far as SharePoint lets the person read them. A
 * meeting whose agenda was never sent has no row: it is listed from the calendar alone.
 */
export async function loadMyMeetings(deps: AppDeps): Promise<MyMeetings> {
  const now = Date.parse(deps.clock.now());
  const from = new Date(now - MY_MEETINGS_DAYS * DAY_MS).toISOString();
  const to = new Date(now + MY_MEETINGS_DAYS * DAY_MS).toISOString();
  const events = await deps.calendar.listMeetings(from, to);
  // Each meeting's organizer as its event says: another secretary's row of the same key is not this meeting.
  const organizers = new Map(events.map((e) => [e.key, e.organizer.upn]));
  const summaries = await deps.lists.meetingSummaries([...organizers.keys()], deps.me.upn, organizers);
  const byKey = new Map(summaries.map((s) => [s.key, s]));
  const mine: MyMeeting[] = events.map((event) => {
    const summary = byKey.get(event.key);
    const row = summary?.meeting ?? null;
    const meeting = row ? withProgress(row, summary?.progress) : null;
    const own = currentAbsences(summary?.ownAbsences ?? []).find((a) => sameUpn(a.person.upn, deps.me.upn));
    const role: MyRole =
      event.isOrganizer || (meeting && sameUpn(meeting.organizer.upn, deps.me.upn))
        ? 'organizer'
        : meeting?.referent && sameUpn(meeting.referent.upn, deps.me.upn)
          ? 'referent'
          : 'attendee';
    return {
      event,
      series: meeting?.series ?? event.subject,
      role,
      ...(own && own.kind !== 'Trukket tilbage' ? { ownAbsence: own.kind } : {}),
      openFollowUps: (summary?.followUps ?? []).filter((f) => f.status !== 'Afsluttet' && isMine(f, deps.me))
        .length,
      status: meeting?.status ?? 'Planlagt',
    };
  });
  const over = (m: MyMeeting) => Date.parse(m.event.end) <= now;
  return {
    upcoming: mine.filter((m) => !over(m)).sort((a, b) => a.event.start.localeCompare(b.event.start)),
    past: mine.filter(over).sort((a, b) => b.event.start.localeCompare(a.event.start)),
  };
}
