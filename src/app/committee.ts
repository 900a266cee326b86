import { signatureReminder } from '../i18n/signatureReminder';
import { meetingAttendance, presentDuringItem, type Participant } from '../domain/committee/attendance';
import { agendaDeadline, lateBy } from '../domain/committee/deadline';
import {
  newCommitteeRecord,
  protocolText,
  signProtocol as signRecord,
  unsignedMembers,
  type SignRefusal,
} from '../domain/committee/protocol';
import {
  nextOpening,
  signingState,
  type LateEntry,
  type LiveParts,
  type ProtocolOpening,
} from '../domain/committee/opening';
import { planHash } from '../domain/meetingScopes';
import { mergeInhabilitet } from '../domain/committee/inhabilitet';
import { mayEnterTilfoersel, type TilfoerselRefusal } from '../domain/committee/tilfoersel';
import type {
  CommitteeRecord,
  CommitteeSettings,
  Inhabilitet,
  ProtocolSignature,
  VoteChoice,
} from '../domain/committee/types';
import { validateVote, type VoteErrorCode } from '../domain/committee/votes';
import { formatDate } from '../domain/format';
import { sameUpn, type Person } from '../domain/person';
import type { ReferatCommittee } from '../domain/referat';
import { buildReferat } from '../i18n/referat';
import type { Meeting } from '../domain/meeting';
import { Conflict, Forbidden, Invalid, isTransient } from '../ports/errors';
import type { CommitteeRows, Stored } from '../ports/ListStore';
import { slotKey } from '../ports/Outbox';
import type { AppDeps } from './deps';
import { openMeeting, type MeetingView } from './openMeeting';
import { isArchive, planFor, syncMeetingPermissions } from './syncMeetingPermissions';

/**
 * The committee's part of a meeting (Udvalgsmøde): attendance per item, inhabilitet, votes,
 * protokoltilførsel and the members' signatures. The rules are the domain's (src/domain/committee); who may
 * write what is SharePoint's (docs/adr/007-committee-lists.md) — the checks here only spare a person a refused
 * write and give the refusal its words.
 */
export const NOT_A_COMMITTEE = 'notACommittee';
export const ONLY_WRITERS_RECORD = 'onlyWritersRecord';
export const ONLY_OWN_STATEMENT = 'onlyOwnStatement';
export const ONLY_ORGANIZER_REMINDS = 'onlyOrganizerReminds';
export const ONLY_ORGANIZER_SETTINGS = 'onlyOrganizerSettings';
export const ONLY_ORGANIZER_PUBLISHES = 'onlyOrganizerPublishes';
export const ONLY_ORGANIZER_VERSIONS = 'onlyOrganizerVersions';
/** Signing is not open: the organizer's page has not opened this version (or the text changed since). */
export const SIGNING_NOT_OPEN = 'signNotOpen';

export type CommitteeErrorCode =
  | VoteErrorCode
  | TilfoerselRefusal
  | SignRefusal
  | 'inhabilitetNotMember'
  | 'inhabilitetNoReason'
  | 'publicationNotClosed'
  | 'remindNoMailer'
  | 'membersInvalid'
  | typeof NOT_A_COMMITTEE
  | typeof ONLY_WRITERS_RECORD
  | typeof ONLY_OWN_STATEMENT
  | typeof ONLY_ORGANIZER_REMINDS
  | typeof ONLY_ORGANIZER_SETTINGS
  | typeof ONLY_ORGANIZER_PUBLISHES
  | typeof ONLY_ORGANIZER_VERSIONS
  | typeof SIGNING_NOT_OPEN;

/** A refusal of the committee's rules: a code the UI turns into words. */
const refuse = (code: CommitteeErrorCode, message: string = code) => new Invalid(message, { code });

/** What the meeting page shows and the use cases work on. */
export interface CommitteeView {
  settings: CommitteeSettings;
  record: CommitteeRecord;
  /** Those at the meeting (members without afbud, substitutes called in), in member-list order. */
  attendance: Participant[];
  /** The current checksum of the protocol's approved text (what a signature signs). */
  checksum: string;
  /** That text, as the signing dialog shows it (computed from the same meeting as the checksum). */
  text: string;
  /**
   * The version open for signatures (written by the organizer's page after the record was frozen): members
   * sign only while it is there and the text still has its checksum.
   */
  opening?: Pick<ProtocolOpening, 'version' | 'checksum'>;
  signingOpen: boolean;
  /**
   * Rows written or changed after the opening (by anyone): they do not change the opened version and come
   * into the next version the organizer makes (newProtocolVersion).
   */
  late: LateEntry[];
  /**
   * The organizer's page wrote an opening but could not yet name it on the Meetings row (offline, 429/5xx,
   * the row changed meanwhile): it does not count yet; the page's next read of the committee completes it.
   */
  openingPending?: boolean;
  /** The Meetings row as this call left it, when it named an opening there: the page takes its new eTag. */
  meetingRow?: Stored<Meeting>;
}

const writes = (view: MeetingView) => view.role === 'organizer' || view.role === 'referent';

function settingsOf(view: MeetingView): CommitteeSettings {
  if (!view.meeting.committee) throw new Invalid('Not a committee meeting', { code: NOT_A_COMMITTEE });
  return view.meeting.committee;
}

const liveParts = (rows: CommitteeRows): LiveParts => ({
  attendance: rows.attendance,
  inhabilitet: rows.inhabilitet,
  declarations: rows.declarations,
  votes: rows.votes,
  tilfoersler: rows.tilfoersler,
});

/**
 * The record as the domain holds it, from the trusted rows: once the organizer has opened a version for
 * signatures, that version's record is what the opening holds (rows written later are `late`), its
 * signatures are those SharePoint placed after the opening for its version and checksum, and earlier
 * openings are the history. Before any opening the record is the live rows and nothing is signed.
 */
export function recordOf(rows: CommitteeRows): CommitteeRecord & { late: LateEntry[] } {
  const state = signingState(liveParts(rows), rows.openings, rows.signatures);
  return {
    ...newCommitteeRecord(),
    attendance: state.parts.attendance,
    inhabilitet: mergeInhabilitet(state.parts.declarations, state.parts.inhabilitet),
    votes: state.parts.votes,
    tilfoersler: state.parts.tilfoersler,
    signatures: state.signatures,
    version: state.version,
    history: state.history,
    publication: rows.publication.map(({ value: { itemNumber, publishTitle, publishDecision } }) => ({
      itemNumber,
      publishTitle,
      publishDecision,
    })),
    late: state.late,
  };
}

/** What buildReferat needs for this meeting's protocol. */
export const referatCommitteeOf = (view: MeetingView, committee: CommitteeView): ReferatCommittee => ({
  settings: committee.settings,
  record: committee.record,
  absences: view.absences,
});

/** The protocol's approved text as the members sign it (ADR 006), and its checksum. */
function protocolOf(
  view: MeetingView,
  settings: CommitteeSettings,
  record: CommitteeRecord,
): { text: string; checksum: string } {
  const decisions = Object.values(view.decisions).map((d) => d.value);
  const referat = buildReferat(
    view.meeting,
    view.items,
    decisions,
    view.absences,
    { audience: 'members' },
    'da',
    {
      settings,
      record,
      absences: view.absences,
    },
  );
  return { text: protocolText(referat), checksum: referat.protocol!.checksum };
}

const checksumOf = (view: MeetingView, settings: CommitteeSettings, record: CommitteeRecord): string =>
  protocolOf(view, settings, record).checksum;

/**
 * The series setting: the secretary makes the meeting an udvalgsmøde (members with party and standing
 * substitute, agenda deadline), or an ordinary meeting again (`undefined`). The members and substitutes
 * join the meeting's circle, and the committee's lists get their folders, in the same step.
 */
export async function saveCommitteeSettings(
  deps: AppDeps,
  view: MeetingView,
  settings: CommitteeSettings | undefined,
): Promise<MeetingView> {
  if (view.role !== 'organizer')
    throw new Forbidden('Only the organizer sets the committee: onlyOrganizerSettings', {
      code: ONLY_ORGANIZER_SETTINGS,
    });
  const clean = settings && cleanSettings(settings);
  const meeting = { ...view.meeting, committee: clean };
  const saved = await deps.lists.saveMeeting(meeting, view.meetingETag);
  return syncMeetingPermissions(deps, {
    ...view,
    meeting: { ...meeting, permissionsHash: saved.value.permissionsHash },
    meetingETag: saved.eTag,
    rows: { ...view.rows, meetings: saved.id },
  });
}

const person = (p: Person | undefined): Person | undefined =>
  p && p.upn.trim() ? { upn: p.upn.trim().toLowerCase(), name: p.name.trim() || p.upn.trim() } : undefined;

function cleanSettings(settings: CommitteeSettings): CommitteeSettings {
  const members = settings.members.map((m) => ({
    person: person(m.person),
    party: m.party.trim(),
    substitute: person(m.substitute),
  }));
  const days = Math.round(settings.agendaDeadlineWorkingDays);
  if (
    !settings.committeeName.trim() ||
    !members.length ||
    members.some((m) => !m.person || !m.person.upn.includes('@') || !m.party) ||
    !Number.isFinite(days) ||
    days < 0 ||
    days > 30
  )
    throw refuse('membersInvalid');
  return {
    kind: 'Udvalgsmøde',
    committeeName: settings.committeeName.trim(),
    members: members.map((m) => ({
      person: m.person!,
      party: m.party,
      ...(m.substitute ? { substitute: m.substitute } : {}),
    })),
    agendaDeadlineWorkingDays: days,
  };
}

/**
 * Reads the committee's record of the meeting (trusted rows only) and the protocol's current checksum. On
 * the organizer's page, once the referat is out for signatures and the `signing` phase's permissions are
 * applied (the plan's hash is stored), the first version is opened for signatures here.
 */
export async function openCommittee(deps: AppDeps, view: MeetingView): Promise<CommitteeView> {
  const settings = settingsOf(view);
  // An opening this page wrote earlier and could not name yet is completed first (never written again).
  const completion = view.role === 'organizer' ? await completeOpening(deps, view.key) : NOTHING_PENDING;
  const rows = await deps.lists.readCommittee(view.key);
  if (completion.state === 'none' && !rows.openings.length && frozenForSigning(view)) {
    const written = await writeOpening(deps, view, settings, rows);
    return withMeetingRow(await openCommittee(deps, view), written);
  }
  const { late, ...record } = recordOf(rows);
  const { text, checksum } = protocolOf(view, settings, record);
  const opening = rows.openings.length
    ? [...rows.openings].sort((a, b) => Number(a.id) - Number(b.id)).at(-1)!.value
    : undefined;
  return {
    settings,
    record,
    attendance: meetingAttendance(settings, view.absences),
    checksum,
    text,
    ...(opening ? { opening: { version: opening.version, checksum: opening.checksum } } : {}),
    signingOpen: !!opening && opening.checksum === checksum,
    late,
    ...(completion.state === 'pending' ? { openingPending: true } : {}),
    ...(completion.state === 'named' ? { meetingRow: completion.row } : {}),
  };
}

/**
 * Where the organizer's page stands with an opening it wrote: nothing waiting (`none`), named on the Meetings
 * row just now (`named`, with the row as it now is), or still waiting to be named (`pending`).
 */
type Completion =
  { state: 'none' } | { state: 'named'; row: Stored<Meeting> } | { state: 'pending'; error: unknown };
const NOTHING_PENDING: Completion = { state: 'none' };

const openingSlot = (key: MeetingView['key']) => slotKey({ kind: 'opening', meetingKey: key });

/**
 * Names the opening this page wrote (its item id, kept in the durable outbox between the two writes) on the
 * Meetings row. A transient failure or a Conflict (the row changed meanwhile; the next try reads it again)
 * leaves it waiting; any other refusal is thrown, and the entry stays for the person to see.
 */
async function completeOpening(deps: AppDeps, key: MeetingView['key']): Promise<Completion> {
  const slot = openingSlot(key);
  const entry = await deps.outbox.get(slot);
  const { id, version } = (entry?.payload ?? {}) as { id?: unknown; version?: unknown };
  if (!entry || typeof id !== 'string') return NOTHING_PENDING;
  // Her page on another computer made this version (or a later one) meanwhile: this one is not named.
  const counting = (await deps.lists.readCommittee(key)).openings;
  if (typeof version === 'number' && counting.some((o) => o.value.version >= version)) {
    await deps.outbox.remove(slot, entry.revision);
    return NOTHING_PENDING;
  }
  try {
    const row = await deps.lists.nameProtocolOpening(key, id);
    await deps.outbox.remove(slot, entry.revision);
    return { state: 'named', row };
  } catch (error) {
    if (isTransient(error) || error instanceof Conflict) return { state: 'pending', error };
    throw error;
  }
}

const withMeetingRow = (committee: CommitteeView, done: Completion): CommitteeView =>
  done.state === 'named' && !committee.meetingRow ? { ...committee, meetingRow: done.row } : committee;

/** The organizer's view of a protocol out for signatures whose freezing permissions SharePoint now holds. */
function frozenForSigning(view: MeetingView): boolean {
  return (
    view.role === 'organizer' &&
    view.meeting.referat?.state === 'Til godkendelse' &&
    view.meeting.permissionsHash === planHash(planFor(view.meeting, view.items, isArchive(view)))
  );
}

/**
 * The organizer writes the next opening: the live record, its checksum, the rows it is made of. First the
 * CommitteeStatements row (always a new one), then its item id, kept in the outbox, is named on the Meetings
 * row, which only she writes; until that second write lands the opening counts for nothing (issue 22).
 */
async function writeOpening(
  deps: AppDeps,
  view: MeetingView,
  settings: CommitteeSettings,
  rows: CommitteeRows,
): Promise<Completion> {
  const live = recordOf({ ...rows, openings: [] });
  const { late: _late, ...record } = live;
  const latest = [...rows.openings].sort((a, b) => Number(a.id) - Number(b.id)).at(-1)?.value;
  const value = nextOpening(
    liveParts(rows),
    latest,
    checksumOf(view, settings, record),
    deps.me.upn.trim().toLowerCase(),
    deps.clock.now(),
  );
  const saved = await deps.lists.saveCommitteeEntry(view.key, { kind: 'opening', value });
  await deps.outbox.put({
    slot: openingSlot(view.key),
    kind: 'opening',
    meetingKey: view.key,
    payload: { id: saved.id, version: value.version },
    updatedAt: deps.clock.now(),
  });
  return completeOpening(deps, view.key);
}

/**
 * "Ny version": the organizer takes what changed since the opening (her own corrections, and rows others
 * wrote after it) into a new version, opened for signatures at once; the signatures of the old version stay
 * as its history (corrections by addition).
 */
export async function newProtocolVersion(deps: AppDeps, view: MeetingView): Promise<CommitteeView> {
  if (view.role !== 'organizer')
    throw new Forbidden('Only the organizer makes a new version of the protocol: onlyOrganizerVersions', {
      code: ONLY_ORGANIZER_VERSIONS,
    });
  const settings = settingsOf(view);
  // A version made earlier whose naming has not landed is that version: completed, not made twice.
  const waiting = await completeOpening(deps, view.key);
  const done =
    waiting.state === 'none'
      ? await writeOpening(deps, view, settings, await deps.lists.readCommittee(view.key))
      : waiting;
  return withMeetingRow(await openCommittee(deps, view), done);
}

function assertWriter(view: MeetingView): void {
  if (!writes(view))
    throw new Forbidden('Only the organizer and the referent record the protocol: onlyWritersRecord', {
      code: ONLY_WRITERS_RECORD,
    });
}

/** Who was away during item N (arrived late, left early): UPNs of those at the meeting. */
export async function recordAttendance(
  deps: AppDeps,
  view: MeetingView,
  itemNumber: number,
  absent: string[],
): Promise<CommitteeView> {
  assertWriter(view);
  settingsOf(view);
  await deps.lists.saveCommitteeEntry(view.key, {
    kind: 'attendance',
    value: {
      itemNumber,
      absent: [...new Set(absent.map((u) => u.trim().toLowerCase()))],
      recordedBy: deps.me.upn,
      recordedAt: deps.clock.now(),
    },
  });
  return openCommittee(deps, view);
}

export interface InhabilitetInput {
  itemNumber: number;
  /** The member's UPN; a member declares for themselves (the default). */
  member?: string;
  reason: string;
}

function inhabilitetOf(
  deps: AppDeps,
  view: MeetingView,
  input: InhabilitetInput,
  decision: Inhabilitet['decision'],
): Inhabilitet {
  const settings = settingsOf(view);
  const member = (input.member ?? deps.me.upn).trim().toLowerCase();
  const seated = meetingAttendance(settings, view.absences);
  const onCommittee =
    seated.some((p) => sameUpn(p.upn, member)) || settings.members.some((m) => sameUpn(m.person.upn, member));
  if (!onCommittee) throw refuse('inhabilitetNotMember');
  const reason = input.reason.trim();
  if (!reason) throw refuse('inhabilitetNoReason');
  return {
    itemNumber: input.itemNumber,
    member,
    reason,
    decision,
    declaredBy: deps.me.upn,
    declaredAt: deps.clock.now(),
  };
}

/**
 * A member declares inhabilitet on an item (Forvaltningsloven § 6: the member must say so), or the
 * organizer or referent records the declaration; it waits for the committee's decision. The declaration is
 * the writer's own row (CommitteeStatements), so a member needs no right to the committee's decisions.
 */
export async function declareInhabilitet(
  deps: AppDeps,
  view: MeetingView,
  input: InhabilitetInput,
): Promise<CommitteeView> {
  const forSelf = !input.member || sameUpn(input.member, deps.me.upn);
  if (!forSelf && !writes(view))
    throw new Forbidden('A member declares inhabilitet only for themselves: onlyOwnStatement', {
      code: ONLY_OWN_STATEMENT,
    });
  const { decision: _decision, ...value } = inhabilitetOf(deps, view, input, 'Afventer');
  await deps.lists.saveCommitteeEntry(view.key, { kind: 'declaration', value });
  return openCommittee(deps, view);
}

/** The committee's decision on an inhabilitet (Kommunestyrelsesloven § 14), recorded by organizer or referent. */
export async function decideInhabilitet(
  deps: AppDeps,
  view: MeetingView,
  input: InhabilitetInput & { member: string; decision: 'Inhabil' | 'Ikke inhabil' },
): Promise<CommitteeView> {
  assertWriter(view);
  const value = inhabilitetOf(deps, view, input, input.decision);
  await deps.lists.saveCommitteeEntry(view.key, { kind: 'inhabilitet', value });
  return openCommittee(deps, view);
}

/**
 * What the public protocol shows of closed item N (issue 16 point 7: closed decisions are published as far
 * as confidentiality allows): its title instead of "Lukket punkt", and its decision. The organizer's choice;
 * without one the item shows as "Lukket punkt" with no decision.
 */
export async function setPublication(
  deps: AppDeps,
  view: MeetingView,
  input: { itemNumber: number; publishTitle: boolean; publishDecision: boolean },
): Promise<CommitteeView> {
  if (view.role !== 'organizer')
    throw new Forbidden('Only the organizer decides what is published: onlyOrganizerPublishes', {
      code: ONLY_ORGANIZER_PUBLISHES,
    });
  settingsOf(view);
  if (!view.items.some((i) => i.number === input.itemNumber && i.closed))
    throw refuse('publicationNotClosed');
  await deps.lists.saveCommitteeEntry(view.key, {
    kind: 'publication',
    value: {
      itemNumber: input.itemNumber,
      publishTitle: input.publishTitle,
      publishDecision: input.publishDecision,
      setBy: deps.me.upn,
      setAt: deps.clock.now(),
    },
  });
  return openCommittee(deps, view);
}

/** The referent records a vote on item N: one choice per member taking part; only they may vote. */
export async function recordVote(
  deps: AppDeps,
  view: MeetingView,
  committee: CommitteeView,
  itemNumber: number,
  choices: Record<string, VoteChoice>,
): Promise<CommitteeView> {
  assertWriter(view);
  const problems = validateVote(committee.settings, committee.record, view.absences, { itemNumber, choices });
  if (problems.length)
    throw refuse(problems[0].code, problems.map((p) => `${p.code} ${p.member ?? ''}`).join('; '));
  await deps.lists.saveCommitteeEntry(view.key, {
    kind: 'vote',
    value: { itemNumber, choices, recordedBy: deps.me.upn, recordedAt: deps.clock.now() },
  });
  return openCommittee(deps, view);
}

/**
 * A protokoltilførsel (Kommunestyrelsesloven § 20, stk. 3): a member for themselves, or the referent
 * (or organizer) typing it for a member; only from a member who voted against or abstained.
 */
export async function addTilfoersel(
  deps: AppDeps,
  view: MeetingView,
  committee: CommitteeView,
  input: { itemNumber: number; member?: string; text: string },
): Promise<CommitteeView> {
  const member = (input.member ?? deps.me.upn).trim().toLowerCase();
  if (!sameUpn(member, deps.me.upn) && !writes(view))
    throw new Forbidden('A member writes and signs only for themselves: onlyOwnStatement', {
      code: ONLY_OWN_STATEMENT,
    });
  const allowed = mayEnterTilfoersel(committee.record, member, input.itemNumber, input.text);
  if (!allowed.ok) throw refuse(allowed.code);
  await deps.lists.saveCommitteeEntry(view.key, {
    kind: 'tilfoersel',
    value: {
      itemNumber: input.itemNumber,
      member,
      text: allowed.text,
      writtenBy: deps.me.upn,
      writtenAt: deps.clock.now(),
    },
  });
  return openCommittee(deps, view);
}

/**
 * "Underskriv beslutningsprotokol": the signed-in member approves the protocol they read (`committee`); the
 * meeting is read again first, so a text that changed meanwhile is refused (signStale), never signed.
 */
export async function signProtocol(
  deps: AppDeps,
  view: MeetingView,
  committee: CommitteeView,
): Promise<CommitteeView> {
  const now = await openMeeting(deps, view.key);
  const fresh = await openCommittee(deps, now);
  const signature = {
    member: deps.me.upn.trim().toLowerCase(),
    version: fresh.record.version,
    checksum: fresh.checksum,
  };
  if (!fresh.signingOpen) throw refuse(SIGNING_NOT_OPEN);
  if (fresh.checksum !== committee.checksum || fresh.record.version !== committee.record.version)
    throw refuse('signStale');
  const at = deps.clock.now();
  const signed = signRecord(
    fresh.record,
    signature,
    { checksum: fresh.checksum, signers: fresh.attendance },
    at,
  );
  if (!signed.ok) throw refuse(signed.code);
  const value: ProtocolSignature = { ...signature, signedAt: at };
  await deps.lists.saveCommitteeEntry(view.key, { kind: 'signature', value });
  return openCommittee(deps, now);
}

/** Those at the meeting who have not signed the current version. */
export const unsigned = (committee: CommitteeView): Participant[] =>
  unsignedMembers(committee.record, committee.attendance);

/** The organizer reminds those who have not signed, by mail from her own mailbox; returns who was reminded. */
export async function remindUnsigned(
  deps: AppDeps,
  view: MeetingView,
  committee: CommitteeView,
): Promise<Person[]> {
  if (view.role !== 'organizer')
    throw new Forbidden('Only the organizer reminds: onlyOrganizerReminds', {
      code: ONLY_ORGANIZER_REMINDS,
    });
  if (!deps.mailer) throw refuse('remindNoMailer');
  const to = unsigned(committee).map((p) => ({ upn: p.upn, name: p.name }));
  if (!to.length) return [];
  const date = formatDate(view.meeting.start);
  const words = signatureReminder(committee.settings.committeeName, date, committee.record.version);
  await deps.mailer.send({
    ...words,
    to,
    attachments: [],
  });
  return to;
}

/** Who may vote on item N as the dialog lists them: present during the item (inhabil members are shown disabled). */
export const presentAt = (view: MeetingView, committee: CommitteeView, itemNumber: number): Participant[] =>
  presentDuringItem(committee.settings, committee.record, view.absences, itemNumber);

/**
 * "Send dagsorden" after the committee's deadline: how late it is (working days and hours), or undefined
 * when in time or not a committee.
 */
export function agendaLateness(
  meeting: Pick<MeetingView['meeting'], 'start' | 'committee'>,
  now: string,
): { deadline: string; workingDays: number; hours: number } | undefined {
  if (!meeting.committee) return undefined;
  const deadline = agendaDeadline(meeting.start, meeting.committee.agendaDeadlineWorkingDays);
  const late = lateBy(deadline, now);
  return late ? { deadline, ...late } : undefined;
}
