import type { CommitteeSettings } from './committee/types';
import type { MeetingTimer } from './meetingTimer';
import type { ReferatRecord } from './referatApproval';
import type { Person } from './person';

/** The meeting's identity across mailboxes: the calendar event's iCalUId. */
export type MeetingKey = string;

export const MEETING_STATUSES = ['Planlagt', 'Udsendt', 'I gang', 'Afsluttet', 'Godkendt'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** One occurrence of a meeting (rådmandsmøde, udvalgsmøde). Times are ISO strings in UTC. */
export interface Meeting {
  key: MeetingKey;
  eventId?: string;
  /** Series title as the seeds print it, e.g. "Rådmandsmøder 2022-2025 (Rådmandsmøde)". */
  series: string;
  title: string;
  start: string;
  end: string;
  location: string;
  organizer: Person;
  attendees: Person[];
  referent?: Person;
  /** Earlier referents of this meeting (UPNs): their decisions still count. */
  formerReferents?: string[];
  status: MeetingStatus;
  /** Free text the organizer adds to the Information line (beyond absences, referent, guests). */
  informationNote?: string;
  joinUrl?: string;
  agendaVersion: number;
  /** The item clock while the meeting runs (see meetingTimer.ts). */
  timer?: MeetingTimer;
  /** The minutes' approval: draft, sent for approval, approved (see referatApproval.ts). */
  referat?: ReferatRecord;
  /**
   * The series setting "Udvalgsmøde" as it held for this meeting (members, parties, substitutes,
   * deadline): absent for an ordinary rådmandsmøde. Kept per meeting because the protocol records the
   * committee as it was composed that day.
   */
  committee?: CommitteeSettings;
  /** planHash of the SharePoint permissions last applied to this meeting (meetingScopes.ts). */
  permissionsHash?: string;
  /**
   * List item ids of the meeting's SharePoint folders (`<list>/<path>` → id), recorded with the permissions:
   * the permissions are set on a folder found by id, so renaming a folder cannot take it out of approval.
   */
  folderIds?: Record<string, number>;
  /**
   * SharePoint item ids of the committee protocol's openings (CommitteeStatements rows of kind
   * Underskriftsrunde) that the organizer's page wrote: an opening counts only when named here, on the row
   * only the organizer writes (src/domain/committee/opening.ts, `namedOpenings`). Written by its own call
   * (`nameProtocolOpening`), never by `saveMeeting`, so a page with an older copy of the row cannot drop one.
   */
  protocolOpenings?: string[];
}

/**
 * Over: closed or approved, or its end has passed. It is not started again; its referat is what is left.
 * `now` in milliseconds (the caller's clock: the domain reads none).
 */
export function isMeetingOver(meeting: Pick<Meeting, 'status' | 'end'>, now: number): boolean {
  return meeting.status === 'Afsluttet' || meeting.status === 'Godkendt' || Date.parse(meeting.end) < now;
}

/** Everyone the meeting itself names, with the names it gives them: organizer, invitation, referent, committee. */
export function peopleOf(
  meeting: Pick<Meeting, 'organizer' | 'attendees' | 'referent' | 'committee'>,
): Person[] {
  return [
    meeting.organizer,
    ...meeting.attendees,
    ...(meeting.referent ? [meeting.referent] : []),
    ...(meeting.committee?.members ?? []).flatMap((m) => [m.person, ...(m.substitute ? [m.substitute] : [])]),
  ];
}
