import type { AgendaItem } from './agendaItem';
import type { Meeting, MeetingKey } from './meeting';
import { sameUpn } from './person';

/**
 * A meeting's rules turned into SharePoint permissions (docs/adr/004-permissions.md): which securable
 * objects of the meeting need unique role assignments, and exactly which. Pure: the use case
 * `syncMeetingPermissions` hands the plan to the MeetingPermissions port, whose adapter makes
 * SharePoint hold it. Nothing here reads or writes.
 */
export type SharePointRole = 'Full Control' | 'Contribute' | 'Read';

export type Principal =
  | { kind: 'user'; upn: string }
  /** The meeting's own SharePoint group: organizer, attendees and referent. */
  | { kind: 'circle' }
  /** The site's associated Members group (the archive readers of an imported meeting). */
  | { kind: 'siteMembers' };

export interface Grant {
  principal: Principal;
  role: SharePointRole;
}

export const FOLDER_LISTS = [
  'AgendaItems',
  'Decisions',
  'FollowUps',
  'Absences',
  'AbsenceReasons',
  'CommitteeDecisions',
  'CommitteeStatements',
] as const;
export type FolderList = (typeof FOLDER_LISTS)[number];
export type ItemFolderList = 'Decisions' | 'FollowUps';

/** A securable object of one meeting. */
export type Scope =
  | { kind: 'meetingRow'; list: 'Meetings' | 'MeetingProgress' }
  | { kind: 'meetingFolder'; list: FolderList }
  | { kind: 'itemFolder'; list: ItemFolderList; itemNumber: number }
  | { kind: 'agendaRow'; itemId: string };

export interface ScopePlan {
  scope: Scope;
  /** The complete set of role assignments the scope must have (the organizer's Full Control included). */
  grants: Grant[];
}

export interface MeetingPermissionPlan {
  key: MeetingKey;
  /** Folder name of this meeting in every folder list (meetingFolderName). */
  folder: string;
  /** Title of the meeting's SharePoint group. */
  groupTitle: string;
  /** Members of the circle group (lower-case UPNs, sorted). */
  circle: string[];
  organizerUpn: string;
  /** Scopes with unique permissions, children after their parents. */
  unique: ScopePlan[];
  /** Item scopes that must inherit again (an item that lost its guests, or was opened/closed). */
  inheriting: Scope[];
}

export interface PlanInput {
  meeting: Pick<Meeting, 'key' | 'organizer' | 'attendees' | 'referent' | 'committee'>;
  items: Pick<AgendaItem, 'id' | 'number' | 'closed' | 'guests'>[];
  /** The referat is approved: decisions and follow-ups are read-only for the referent. */
  approved: boolean;
  /** No calendar event (imported history): site members read its open part as the archive. */
  archive: boolean;
}

const lower = (upn: string) => upn.trim().toLowerCase();

/**
 * A folder name for a meeting key that SharePoint accepts (no " * : < > ? / \ | # %, no leading or
 * trailing dot or space) and that is one-to-one: letters, digits and '-' stay, everything else becomes
 * '_' and its code in hex. Long keys keep a readable prefix and a hash of the whole key.
 */
export function meetingFolderName(key: MeetingKey): string {
  const encoded = [...key]
    .map((ch) => (/[A-Za-z0-9-]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`))
    .join('');
  return encoded.length <= 120 ? encoded : `${encoded.slice(0, 100)}-${fnv1a(key)}`;
}

/** 64-bit FNV-1a as 16 hex digits: a stable, non-cryptographic name suffix. */
function fnv1a(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

const user = (upn: string): Principal => ({ kind: 'user', upn: lower(upn) });

/** Open items' guests who are tenant users and not already in the circle. */
function guestsOf(item: PlanInput['items'][number], circle: Set<string>): string[] {
  if (item.closed) return [];
  return [
    ...new Set(item.guests.map((g) => (g.upn ? lower(g.upn) : '')).filter((u) => u && !circle.has(u))),
  ].sort();
}

export function planMeetingPermissions(input: PlanInput): MeetingPermissionPlan {
  const { meeting, items, approved, archive } = input;
  const organizerUpn = lower(meeting.organizer.upn);
  const referentUpn = meeting.referent?.upn ? lower(meeting.referent.upn) : undefined;
  const circleSet = new Set(
    [
      organizerUpn,
      ...meeting.attendees.map((a) => lower(a.upn)),
      ...(referentUpn ? [referentUpn] : []),
      // A committee's members and their standing substitutes (who may be called in) are its circle.
      ...(meeting.committee?.members ?? []).flatMap((m) => [
        lower(m.person.upn),
        ...(m.substitute?.upn ? [lower(m.substitute.upn)] : []),
      ]),
    ].filter(Boolean),
  );
  const circle = [...circleSet].sort();
  const organizer: Grant = { principal: user(organizerUpn), role: 'Full Control' };
  const circleRead: Grant = { principal: { kind: 'circle' }, role: 'Read' };
  const circleContribute: Grant = { principal: { kind: 'circle' }, role: 'Contribute' };
  const membersRead: Grant[] = archive ? [{ principal: { kind: 'siteMembers' }, role: 'Read' }] : [];
  const referentWrites: Grant[] =
    referentUpn && !sameUpn(referentUpn, organizerUpn) && !approved
      ? [{ principal: user(referentUpn), role: 'Contribute' }]
      : [];
  const progressWriter: Grant[] =
    referentUpn && !sameUpn(referentUpn, organizerUpn)
      ? [{ principal: user(referentUpn), role: 'Contribute' }]
      : [];

  const allGuests = [...new Set(items.flatMap((i) => guestsOf(i, circleSet)))].sort();
  const unique: ScopePlan[] = [
    {
      scope: { kind: 'meetingRow', list: 'Meetings' },
      grants: [organizer, circleRead, ...membersRead, ...allGuests.map((g) => read(g))],
    },
    {
      scope: { kind: 'meetingRow', list: 'MeetingProgress' },
      grants: [organizer, circleRead, ...progressWriter],
    },
    {
      scope: { kind: 'meetingFolder', list: 'AgendaItems' },
      grants: [organizer, circleRead, ...membersRead],
    },
    ...(['Decisions', 'FollowUps'] as const).map((list) => ({
      scope: { kind: 'meetingFolder' as const, list },
      grants: [organizer, circleRead, ...referentWrites, ...membersRead],
    })),
    { scope: { kind: 'meetingFolder', list: 'Absences' }, grants: [organizer, circleContribute] },
    { scope: { kind: 'meetingFolder', list: 'AbsenceReasons' }, grants: [organizer, circleContribute] },
    // Udvalgsmøde: attendance, decisions on inhabilitet and votes are the organizer's and the referent's
    // (the referent's until approval, as decisions); each member writes only their own statements
    // (CommitteeStatements has WriteSecurity 2) and the circle reads them all.
    ...(meeting.committee
      ? ([
          {
            scope: { kind: 'meetingFolder', list: 'CommitteeDecisions' },
            grants: [organizer, circleRead, ...referentWrites],
          },
          {
            scope: { kind: 'meetingFolder', list: 'CommitteeStatements' },
            grants: [organizer, circleContribute],
          },
        ] satisfies ScopePlan[])
      : []),
  ];
  const inheriting: Scope[] = [];
  for (const item of [...items].sort((a, b) => a.number - b.number)) {
    const guests = guestsOf(item, circleSet);
    const hidden = archive && item.closed;
    const needsOwn = guests.length > 0 || hidden;
    const extra = guests.map((g) => read(g));
    const rowScope: Scope = { kind: 'agendaRow', itemId: item.id };
    if (needsOwn) unique.push({ scope: rowScope, grants: [organizer, circleRead, ...extra] });
    else inheriting.push(rowScope);
    for (const list of ['Decisions', 'FollowUps'] as const) {
      const scope: Scope = { kind: 'itemFolder', list, itemNumber: item.number };
      if (needsOwn) unique.push({ scope, grants: [organizer, circleRead, ...referentWrites, ...extra] });
      else inheriting.push(scope);
    }
  }
  return {
    key: meeting.key,
    folder: meetingFolderName(meeting.key),
    groupTitle: `Mødeassistent ${meetingFolderName(meeting.key)}`.slice(0, 255),
    circle,
    organizerUpn,
    unique,
    inheriting,
  };
}

function read(upn: string): Grant {
  return { principal: user(upn), role: 'Read' };
}

/** The same meeting rules always give the same hash: a re-send that changes nothing sets nothing. */
export function planHash(plan: MeetingPermissionPlan): string {
  return fnv1a(JSON.stringify([plan.circle, plan.unique, plan.inheriting]));
}

/** The plan an import writes its rows under first: the circle only, nothing wider until the rows are in. */
export function circleOnly(input: PlanInput): MeetingPermissionPlan {
  return planMeetingPermissions({ ...input, archive: false });
}

/** Where a decision or follow-up of an item lives: its item folder inside the meeting's folder. */
export const itemFolderPath = (key: MeetingKey, itemNumber: number): string =>
  `${meetingFolderName(key)}/${itemNumber}`;
