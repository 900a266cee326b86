import type { AgendaItem } from '../src/domain/agendaItem';
import { can, roleIn, visibleItems, type Role } from '../src/domain/permissions';
import { parseReferat } from '../src/domain/referatApproval';
import { parseGuests } from '../src/adapters/sharepoint/rows';
import type { Db } from './db';
import { organizerCopy } from './routes/events';

/**
 * What SharePoint would let a person see and write in the meeting lists, decided by the domain's one rule
 * set (src/domain/permissions.ts): the circle is the calendar event's organizer and attendees, the referent
 * is the Meetings row's ReferentUpn, guests are named on open AgendaItems rows. Site owners see all.
 */
export type SiteRole = 'owner' | 'member' | 'visitor' | 'none';

export const MEETING_LISTS = ['Meetings', 'AgendaItems', 'Absences', 'Decisions', 'FollowUps'] as const;

export function siteRole(db: Db, siteId: string, upn: string): SiteRole {
  const row = db.prepare('SELECT role FROM site_roles WHERE site_id = ? AND upn = ?').get(siteId, upn) as
    { role: SiteRole } | undefined;
  return row?.role ?? 'none';
}

export interface MeetingAccess {
  role: Role;
  /** Item numbers the person may see (for Decisions/FollowUps rows). */
  visibleNumbers: Set<number>;
  hasEvent: boolean;
  /** The minutes are approved: decisions and follow-ups are read-only until the organizer reopens them. */
  referatApproved: boolean;
}

type Rows = (listName: string, meetingKey: string) => Array<Record<string, unknown>>;

/**
 * Without a calendar event (a meeting imported from an old export) the circle is the Meetings row's
 * organizer and attendees, and other members of the site read it as the archive: open items only.
 */
export function meetingAccess(
  db: Db,
  rows: Rows,
  meetingKey: string,
  upn: string,
  site: SiteRole = 'none',
): MeetingAccess {
  const event = organizerCopy(db, meetingKey);
  const meetingRow = rows('Meetings', meetingKey)[0];
  if (!event && !meetingRow)
    return { role: 'none', visibleNumbers: new Set(), hasEvent: false, referatApproved: false };
  const items = rows('AgendaItems', meetingKey).map((f) => ({
    number: Number(f.Number),
    closed: f.Closed === true || f.Closed === 1,
    guests: parseGuests(f.Guests),
  })) as Array<Pick<AgendaItem, 'number' | 'closed' | 'guests'>>;
  const organizerUpn = event ? event.owner : String(meetingRow?.OrganizerUpn ?? '');
  const attendeeUpns = event ? event.attendees.map((a) => a.address) : attendeesOf(meetingRow?.Attendees);
  let role = roleIn(
    {
      organizerUpn,
      attendeeUpns,
      referentUpn: meetingRow ? String(meetingRow.ReferentUpn ?? '') || undefined : undefined,
      items,
    },
    upn,
  );
  if (!event && role === 'none' && site === 'member') role = 'reader';
  return {
    role,
    visibleNumbers: new Set(visibleItems(items, role, upn).map((i) => i.number)),
    hasEvent: !!event,
    referatApproved: parseReferat(meetingRow?.Referat)?.state === 'Godkendt',
  };
}

function attendeesOf(value: unknown): string[] {
  try {
    const list = JSON.parse(String(value ?? '[]')) as Array<{ upn?: string }>;
    return Array.isArray(list) ? list.map((p) => String(p.upn ?? '')).filter(Boolean) : [];
  } catch {
    return [];
  }
}

export function mayRead(list: string, fields: Record<string, unknown>, access: MeetingAccess): boolean {
  const { role } = access;
  if (role === 'none') return false;
  switch (list) {
    case 'Meetings':
      return true;
    case 'AgendaItems':
      return access.visibleNumbers.has(Number(fields.Number));
    case 'Absences':
      return can(role, 'readClosedItems');
    case 'Decisions':
    case 'FollowUps':
      return access.visibleNumbers.has(Number(fields.ItemNumber));
    default:
      return false;
  }
}

export function mayWrite(
  list: string,
  next: Record<string, unknown>,
  previous: Record<string, unknown> | undefined,
  access: MeetingAccess,
  upn: string,
): boolean {
  const { role } = access;
  switch (list) {
    case 'Meetings':
      if (role === 'organizer') return true;
      // The referent drives the meeting clock and status and sends the minutes for approval, but does not
      // reassign roles or approve.
      return (
        role === 'referent' &&
        !!previous &&
        String(previous.ReferentUpn ?? '') === String(next.ReferentUpn ?? '') &&
        String(previous.OrganizerUpn ?? '') === String(next.OrganizerUpn ?? '') &&
        Number(previous.AgendaVersion ?? 0) === Number(next.AgendaVersion ?? 0) &&
        (parseReferat(next.Referat)?.state !== 'Godkendt' ||
          String(next.Referat ?? '') === String(previous.Referat ?? ''))
      );
    case 'AgendaItems':
      return can(role, 'editAgenda');
    case 'Absences': {
      const own = String(next.PersonUpn ?? '').toLowerCase() === upn.toLowerCase();
      return own ? can(role, 'registerOwnAbsence') : can(role, 'registerAbsenceForOthers');
    }
    case 'Decisions':
    case 'FollowUps':
      return !access.referatApproved && can(role, 'writeDecision');
    default:
      return false;
  }
}
