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

/**
 * Who holds a role. The circle (organizer, attendees, referent) is given person by person: no SharePoint
 * group whose membership someone else could change, and no secretary needs Create Groups (ADR 004).
 */
export type Principal =
  | { kind: 'user'; upn: string }
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
/** The document library of the items' bilag (issue 25): folders per meeting and item, like Decisions'. */
export type FolderLibrary = 'Bilag';
export type ItemFolderList = 'Decisions' | 'FollowUps';

/** A securable object of one meeting. */
export type Scope =
  | { kind: 'meetingRow'; list: 'Meetings' | 'MeetingProgress' }
  | { kind: 'meetingFolder'; list: FolderList | FolderLibrary }
  | { kind: 'itemFolder'; list: ItemFolderList; itemNumber: number }
  | { kind: 'agendaRow'; itemId: string }
  /**
   * An item's bilag folder in the Bilag library, named by the item's id (bilagFolderName), not its number:
   * renumbering the agenda never moves a file under another item's permissions.
   */
  | { kind: 'bilagFolder'; itemId: string }
  /**
   * A person's own folder inside the meeting's folder: for their afbud (Absences; the folder, not the row's
   * Author, says whose afbud a row is), for their afbud reasons (AbsenceReasons), and, in a committee
   * meeting, for a member's (or standing substitute's) own statements and signature (CommitteeStatements).
   */
  | { kind: 'personFolder'; list: PersonFolderList; upn: string };

export type PersonFolderList = 'Absences' | 'AbsenceReasons' | 'CommitteeStatements';

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
  /** The circle: organizer, attendees, referent, committee members (lower-case UPNs, sorted). */
  circle: string[];
  organizerUpn: string;
  /** Scopes with unique permissions, children after their parents. */
  unique: ScopePlan[];
  /**
   * Item scopes that inherit from their meeting folder. Item folders among them still exist from "Send
   * dagsorden" on (the adapter creates them), so whether a folder exists never says whether an item has a
   * decision; one that had unique permissions (an item that lost its guests) inherits again.
   */
  inheriting: Scope[];
}

export interface PlanInput {
  meeting: Pick<Meeting, 'key' | 'organizer' | 'attendees' | 'referent' | 'committee'>;
  items: Pick<AgendaItem, 'id' | 'number' | 'closed' | 'guests'>[];
  /**
   * The referat is approved: the record is frozen. Every folder and row scope of the meeting is read-only
   * for everyone but the organizer (the referent and the circle keep Read); reopening gives it all back.
   */
  approved: boolean;
  /**
   * Committee meeting whose protocol is out for signatures (sent for approval, or a member has signed):
   * attendance (Absences), the committee's decisions and votes, and the meeting's decisions are read-only
   * for everyone but the organizer; each member's own CommitteeStatements folder stays writable for her
   * signature (the meeting's CommitteeStatements folder itself becomes the organizer's alone).
   */
  signing?: boolean;
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

/**
 * Folder name of a secretary's secretariat at the root of every list (docs/adr/004-permissions.md,
 * "Secretaries"): her UPN, lower-case, encoded as a meeting key is.
 */
export function secretariatFolderName(upn: string): string {
  return meetingFolderName(upn.trim().toLowerCase());
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

/**
 * Who may sit on a committee at its meetings and so sign: every member and every standing substitute (the
 * substitute is called in when the member melder afbud, which the plan does not wait for), lower-case, sorted.
 */
export function committeeSeats(committee: NonNullable<Meeting['committee']>): string[] {
  return [
    ...new Set(
      committee.members
        .flatMap((m) => [m.person.upn, m.substitute?.upn ?? ''])
        .map(lower)
        .filter(Boolean),
    ),
  ].sort();
}

/** Open items' guests who are tenant users and not already in the circle. */
function guestsOf(item: PlanInput['items'][number], circle: Set<string>): string[] {
  if (item.closed) return [];
  return [
    ...new Set(item.guests.map((g) => (g.upn ? lower(g.upn) : '')).filter((u) => u && !circle.has(u))),
  ].sort();
}

export function planMeetingPermissions(input: PlanInput): MeetingPermissionPlan {
  const { meeting, items, approved, archive } = input;
  const signing = !!meeting.committee && !!input.signing && !approved;
  // Once approved (or, for a committee, out for signatures) only the organizer writes the record.
  const frozen = approved || signing;
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
  const circleRead: Grant[] = circle.map((upn) => ({ principal: user(upn), role: 'Read' }));
  const membersRead: Grant[] = archive ? [{ principal: { kind: 'siteMembers' }, role: 'Read' }] : [];
  const referent = referentUpn && !sameUpn(referentUpn, organizerUpn) ? referentUpn : undefined;
  const referentWrites: Grant[] =
    referent && !frozen ? [{ principal: user(referent), role: 'Contribute' }] : [];
  const progressWriter: Grant[] =
    referent && !approved ? [{ principal: user(referent), role: 'Contribute' }] : [];

  const allGuests = [...new Set(items.flatMap((i) => guestsOf(i, circleSet)))].sort();
  const unique: ScopePlan[] = [
    {
      scope: { kind: 'meetingRow', list: 'Meetings' },
      grants: [organizer, ...circleRead, ...membersRead, ...allGuests.map((g) => read(g))],
    },
    {
      scope: { kind: 'meetingRow', list: 'MeetingProgress' },
      grants: [organizer, ...circleRead, ...progressWriter],
    },
    {
      scope: { kind: 'meetingFolder', list: 'AgendaItems' },
      grants: [organizer, ...circleRead, ...membersRead],
    },
    ...(['Decisions', 'FollowUps'] as const).map((list) => ({
      scope: { kind: 'meetingFolder' as const, list },
      grants: [organizer, ...circleRead, ...referentWrites, ...membersRead],
    })),
    // Bilag: the organizer adds them (Full Control), the circle reads them; nobody else writes.
    {
      scope: { kind: 'meetingFolder', list: 'Bilag' },
      grants: [organizer, ...circleRead, ...membersRead],
    },
    // Afbud: the meeting's folder is read by the circle and written by the organizer alone; inside it every
    // member of the circle has a folder of their own (created for all of them) which only they (while the
    // meeting is open) and the organizer write and the circle reads. A row counts only in the folder of the
    // person it names (src/domain/trust/writers.ts), so nobody can register someone else's afbud, whatever
    // Author SharePoint might be made to record.
    { scope: { kind: 'meetingFolder', list: 'Absences' }, grants: [organizer, ...circleRead] },
    ...circle.map((upn): ScopePlan => ({
      scope: { kind: 'personFolder', list: 'Absences', upn },
      grants: [
        organizer,
        ...circleRead,
        ...(frozen || upn === organizerUpn ? [] : [{ principal: user(upn), role: 'Contribute' as const }]),
      ],
    })),
    // Afbud reasons: the meeting's folder is the organizer's alone; inside it every member of the circle has
    // a folder of their own (created for all of them, so a folder's existence says nothing) where only they
    // and the organizer read and write. Privacy does not hang on ReadSecurity and its bypass. At approval
    // the whole folder is deleted (the reasons are not part of the record).
    { scope: { kind: 'meetingFolder', list: 'AbsenceReasons' }, grants: [organizer] },
    ...(approved
      ? []
      : circle.map((upn): ScopePlan => ({
          scope: { kind: 'personFolder', list: 'AbsenceReasons', upn },
          grants:
            upn === organizerUpn ? [organizer] : [organizer, { principal: user(upn), role: 'Contribute' }],
        }))),
    // Udvalgsmøde: attendance, decisions on inhabilitet and votes are the organizer's and the referent's
    // (the referent's until the protocol goes out for signatures). A member's own statements (declarations,
    // tilførsler, signatures) go into her own folder inside the meeting's CommitteeStatements folder, which
    // only she (until approval) and the organizer write and the circle reads; a statement counts only from
    // the folder of the member it names (src/domain/trust/place.ts, statementFolder), whatever Author
    // SharePoint might be made to record. The meeting's folder itself holds the organizer's openings and what
    // the organizer or the referent (until out for signatures) records for a member. Approval freezes them all.
    ...(meeting.committee
      ? ([
          {
            scope: { kind: 'meetingFolder', list: 'CommitteeDecisions' },
            grants: [organizer, ...circleRead, ...referentWrites],
          },
          {
            scope: { kind: 'meetingFolder', list: 'CommitteeStatements' },
            grants: [organizer, ...circleRead, ...referentWrites],
          },
          ...committeeSeats(meeting.committee).map((upn): ScopePlan => ({
            scope: { kind: 'personFolder', list: 'CommitteeStatements', upn },
            grants: [
              organizer,
              ...circleRead,
              ...(approved || upn === organizerUpn
                ? []
                : [{ principal: user(upn), role: 'Contribute' as const }]),
            ],
          })),
        ] satisfies ScopePlan[])
      : []),
  ];
  const inheriting: Scope[] = [];
  const hasGuests = allGuests.length > 0;
  for (const item of [...items].sort((a, b) => a.number - b.number)) {
    const guests = guestsOf(item, circleSet);
    const hidden = archive && item.closed;
    // A guest holds Limited Access on the meeting's Decisions/FollowUps folders through her own item's
    // folder; a closed item's folder in that meeting gets a scope of its own without her, so probing it
    // answers exactly as probing a number that does not exist.
    const shielded = hasGuests && item.closed;
    const needsOwn = guests.length > 0 || hidden || shielded;
    const extra = guests.map((g) => read(g));
    const rowScope: Scope = { kind: 'agendaRow', itemId: item.id };
    if (guests.length > 0 || hidden)
      unique.push({ scope: rowScope, grants: [organizer, ...circleRead, ...extra] });
    else inheriting.push(rowScope);
    for (const list of ['Decisions', 'FollowUps'] as const) {
      const scope: Scope = { kind: 'itemFolder', list, itemNumber: item.number };
      if (needsOwn) unique.push({ scope, grants: [organizer, ...circleRead, ...referentWrites, ...extra] });
      else inheriting.push(scope);
    }
    // An item's bilag have exactly the item's readers: a guest reads her own item's, a closed item's folder
    // never holds a guest (and, in a meeting with guests, is a scope of its own without them).
    const bilag: Scope = { kind: 'bilagFolder', itemId: item.id };
    if (needsOwn) unique.push({ scope: bilag, grants: [organizer, ...circleRead, ...extra] });
    else inheriting.push(bilag);
  }
  return {
    key: meeting.key,
    folder: meetingFolderName(meeting.key),
    circle,
    organizerUpn,
    unique: unique.map((p) => ({ ...p, grants: strongestOnly(p.grants) })),
    inheriting,
  };
}

const RANK: Record<SharePointRole, number> = { Read: 1, Contribute: 2, 'Full Control': 3 };

/**
 * One grant per person: the strongest (Full Control ⊇ Contribute ⊇ Read in SharePoint's masks), so the
 * organizer is not also given Read as a member of the circle. Other principals are kept as they are.
 */
function strongestOnly(grants: Grant[]): Grant[] {
  const best = new Map<string, Grant>();
  const rest: Grant[] = [];
  for (const g of grants) {
    if (g.principal.kind !== 'user') {
      rest.push(g);
      continue;
    }
    const had = best.get(g.principal.upn);
    if (!had || RANK[g.role] > RANK[had.role]) best.set(g.principal.upn, g);
  }
  return [...best.values(), ...rest];
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

/** An item's bilag folder below the meeting's folder in the Bilag library: from its id, encoded. */
export const bilagFolderName = (itemId: string): string => meetingFolderName(itemId);

/** A person's own folder (personFolder scope) below the meeting's folder: the name of its last segment. */
export const personFolderName = (upn: string): string => meetingFolderName(lower(upn));
