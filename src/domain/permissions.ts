import type { AgendaItem } from './agendaItem';
import type { Meeting } from './meeting';
import { sameUpn } from './person';

/**
 * Who a person is in one meeting. The ONE rule set, used by the UI (what to show), the use cases (what to
 * refuse) and the local Graph server (what SharePoint would refuse).
 * - organizer: the calendar event's organizer;
 * - referent: the Meetings row's ReferentUpn (also a member);
 * - member: an attendee of the event;
 * - guest: named (by UPN) on an open agenda item, not a member;
 * - reader: a member of the meetings site reading the archive of an imported meeting they were not in
 *   (open items and their decisions only; see docs/security.md);
 * - none: anyone else.
 */
export type Role = 'organizer' | 'referent' | 'member' | 'guest' | 'reader' | 'none';

export type Action =
  | 'editAgenda'
  | 'assignReferent'
  | 'writeDecision'
  | 'registerOwnAbsence'
  | 'registerAbsenceForOthers'
  | 'readMeeting'
  | 'readClosedItems'
  | 'exportMinutes'
  | 'approveMinutes';

export interface MeetingCircle {
  organizerUpn: string;
  attendeeUpns: string[];
  referentUpn?: string;
  items: Pick<AgendaItem, 'closed' | 'guests'>[];
}

/** The circle of a meeting as the calendar event and the Meetings row describe it. */
export function circleOf(
  meeting: Pick<Meeting, 'organizer' | 'attendees' | 'referent'>,
  items: MeetingCircle['items'],
): MeetingCircle {
  return {
    organizerUpn: meeting.organizer.upn,
    attendeeUpns: meeting.attendees.map((a) => a.upn),
    referentUpn: meeting.referent?.upn,
    items,
  };
}

export function roleIn(circle: MeetingCircle, upn: string): Role {
  if (!upn) return 'none';
  if (sameUpn(circle.organizerUpn, upn)) return 'organizer';
  const attendee = circle.attendeeUpns.some((a) => sameUpn(a, upn));
  if (circle.referentUpn && sameUpn(circle.referentUpn, upn)) return 'referent';
  if (attendee) return 'member';
  if (circle.items.some((i) => !i.closed && i.guests.some((g) => sameUpn(g.upn, upn)))) return 'guest';
  return 'none';
}

const RULES: Record<Action, readonly Role[]> = {
  editAgenda: ['organizer'],
  assignReferent: ['organizer'],
  writeDecision: ['organizer', 'referent'],
  registerOwnAbsence: ['organizer', 'referent', 'member'],
  registerAbsenceForOthers: ['organizer'],
  readMeeting: ['organizer', 'referent', 'member', 'guest', 'reader'],
  readClosedItems: ['organizer', 'referent', 'member'],
  exportMinutes: ['organizer', 'referent'],
  approveMinutes: ['organizer'],
};

export function can(role: Role, action: Action): boolean {
  return RULES[action].includes(role);
}

/** Members see every item; a guest only the open items that name them; a reader the open items; anyone else nothing. */
export function visibleItems<T extends Pick<AgendaItem, 'closed' | 'guests'>>(
  items: T[],
  role: Role,
  upn: string,
): T[] {
  if (can(role, 'readClosedItems')) return items;
  if (role === 'guest') return items.filter((i) => !i.closed && i.guests.some((g) => sameUpn(g.upn, upn)));
  if (role === 'reader') return items.filter((i) => !i.closed);
  return [];
}
