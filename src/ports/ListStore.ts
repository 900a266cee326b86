import type { Absence } from '../domain/absence';
import type {
  ClosedItemPublication,
  Inhabilitet,
  InhabilitetDeclaration,
  ItemAttendance,
  ProtocolSignature,
  Protokoltilfoersel,
  Vote,
} from '../domain/committee/types';
import type { ProtocolOpening } from '../domain/committee/opening';
import type { AgendaItem } from '../domain/agendaItem';
import type { Decision } from '../domain/decision';
import type { FollowUp } from '../domain/followUp';
import type { Meeting, MeetingKey } from '../domain/meeting';
import type { MeetingProgress } from '../domain/meetingProgress';
import type { MisplacedRow } from '../domain/trust/place';

/** A stored row: the value, its list item id and its eTag (for If-Match). */
export interface Stored<T> {
  id: string;
  eTag: string;
  value: T;
  /** Who last wrote the row, as SharePoint records it (`lastModifiedBy`; no client can set it). */
  modifiedBy?: string;
}

/** Everything the meeting page needs, read in one round trip. */
export interface MeetingSnapshot {
  /** The organizer's Meetings row (without the progress: see `progress`). */
  meeting: Stored<Meeting> | null;
  /** The MeetingProgress row: clock, running status, referat sent for approval. */
  progress: Stored<MeetingProgress> | null;
  items: Stored<AgendaItem>[];
  absences: Stored<Absence>[];
  decisions: Stored<Decision>[];
  followUps: Stored<FollowUp & { meetingKey: MeetingKey }>[];
  /** Where decisionChanges should start, so a watcher sees only what changed after this read. */
  decisionsCursor?: string;
  /**
   * Rows whose MeetingKey names this meeting but which SharePoint holds in another meeting's folder: they
   * count for nothing; the organizer's view can report them. Empty (or absent) when there are none.
   */
  misplaced?: MisplacedRow[];
}

/**
 * Which meeting an archive row belongs to. Without a calendar event a meeting is its place (its folder: the
 * organizer's secretariat and the key, src/domain/trust/place.ts, meetingsByPlace), not its key alone: two
 * meetings of one key in two secretariats are two meetings, each with its own rows.
 */
export interface ArchiveMeetingRef {
  meetingKey: MeetingKey;
  /** The meeting's place, unique among the meetings read (a store without folders may use the key). */
  place: string;
}

/** Every meeting row the caller may read, for the decision archive (closed items only for members). */
export interface ArchiveRows {
  meetings: Array<Meeting & { place: string }>;
  items: Array<AgendaItem & ArchiveMeetingRef>;
  decisions: Array<Decision & ArchiveMeetingRef>;
  followUps: Array<FollowUp & ArchiveMeetingRef>;
}

/**
 * One meeting as "Mine møder" lists it, from the rows the caller may read: the Meetings row and the
 * MeetingProgress row (none when the agenda was never sent, or the caller may not read them), the caller's
 * current registration (of the afbud rows about them trusted as openMeeting trusts them, the one SharePoint
 * created last; never a reason) and the meeting's follow-ups.
 */
export interface MeetingSummary {
  key: MeetingKey;
  meeting: Meeting | null;
  progress: MeetingProgress | null;
  ownAbsences: Absence[];
  followUps: FollowUp[];
}

export interface DecisionChanges {
  changed: Stored<Decision>[];
  deletedIds: string[];
  /** Pass back to get only what changed since. */
  cursor: string;
}

/**
 * One thing recorded at a committee meeting. Attendance per item, the committee's decision on an
 * inhabilitet, votes and what the public protocol shows of a closed item are the organizer's and the
 * referent's (list CommitteeDecisions); a member's own declaration of inhabilitet, protokoltilførsel and
 * signature are the member's own rows (list CommitteeStatements, edit only own items). Identity: attendance,
 * vote and publication per item, inhabilitet, declaration and tilførsel per item and member, signature per
 * member and version.
 */
export type CommitteeEntry =
  | { kind: 'attendance'; value: ItemAttendance }
  | { kind: 'inhabilitet'; value: Inhabilitet }
  | { kind: 'declaration'; value: InhabilitetDeclaration }
  | { kind: 'publication'; value: StoredPublication }
  | { kind: 'vote'; value: Vote }
  | { kind: 'tilfoersel'; value: Protokoltilfoersel }
  | { kind: 'signature'; value: ProtocolSignature }
  /** The organizer opens a version for signatures (src/domain/committee/opening.ts). */
  | { kind: 'opening'; value: ProtocolOpening };

/** The organizer's choice for a closed item, with who set it and when. */
export interface StoredPublication extends ClosedItemPublication {
  setBy: string;
  setAt: string;
}

/**
 * A committee meeting's record as far as it can be trusted: a signature counts only when SharePoint's own
 * author of the row is the member; a tilførsel or an inhabilitet declaration when its author is the member,
 * the organizer or the referent; a decision on inhabilitet (anything but 'Afventer') and a publication
 * choice only from CommitteeDecisions, when its last writer is the organizer. Every row carries `modifiedBy`. `inhabilitet` holds the decisions,
 * `declarations` the declarations (mergeInhabilitet in src/domain/committee/inhabilitet.ts joins them).
 */
export interface CommitteeRows {
  attendance: Stored<ItemAttendance>[];
  inhabilitet: Stored<Inhabilitet>[];
  declarations: Stored<InhabilitetDeclaration>[];
  publication: Stored<StoredPublication>[];
  votes: Stored<Vote>[];
  tilfoersler: Stored<Protokoltilfoersel>[];
  signatures: Stored<ProtocolSignature>[];
  /**
   * The versions opened for signatures: CommitteeStatements rows whose author and last writer are the
   * organizer and whose item id is named on the Meetings row (`Meeting.protocolOpenings`).
   */
  openings: Stored<ProtocolOpening>[];
}

/** Lists, columns and each list's own security; the site's id. Needs a site owner. */
export interface ListProvisioning {
  /**
   * Create missing lists and columns and give each list its own permissions (the site's Owners only; see
   * docs/adr/004-permissions.md) and settings; safe to run any number of times. Needs a site owner.
   */
  ensureProvisioned(): Promise<void>;
  /**
   * IT's set-up of the secretaries (docs/adr/004-permissions.md, "Secretaries"): the "Mødeleder" permission
   * level and each secretary's secretariat folder in every list, with its own permissions. Needs a site owner.
   */
  provisionSecretariats(secretaryUpns: string[]): Promise<void>;
  siteId(): Promise<string>;
}

/**
 * What a meeting shows. Every read takes a row's meeting from the folder SharePoint holds it in, never from
 * its MeetingKey column alone (docs/adr/009-rows-belong-to-folders.md).
 */
export interface MeetingReader {
  /**
   * With `organizerUpn` (the calendar event's organizer), only her Meetings row says where the meeting lives:
   * a row another secretary made for this key in her own secretariat counts for nothing (ADR 004).
   */
  openMeeting(key: MeetingKey, organizerUpn?: string): Promise<MeetingSnapshot>;
  /** Only the meeting's own rows (status, clock): one cheap round trip for watchers without a live channel. */
  readMeeting(
    key: MeetingKey,
  ): Promise<{ meeting: Stored<Meeting> | null; progress: Stored<MeetingProgress> | null }>;
  /** Only the MeetingProgress row (the clock): a single-item read once its row is known. */
  readProgress(key: MeetingKey): Promise<Stored<MeetingProgress> | null>;
}

/** The organizer's Meetings row and the MeetingProgress row. */
export interface MeetingWriter {
  /**
   * The organizer's Meetings row: everything of `meeting` except what MeetingProgress holds (timer,
   * 'I gang'/'Afsluttet', the referent's submission). Created at the list root when missing.
   */
  saveMeeting(meeting: Meeting, eTag?: string): Promise<Stored<Meeting>>;
  /**
   * Names a committee protocol's opening (the item id of the CommitteeStatements row the organizer's page just
   * wrote) on the meeting's Meetings row, keeping those already named: from then on it counts (`protocolOpenings`).
   * Reads the row and writes only that column with its eTag: Conflict when the row changed in between,
   * NotFound without a row. `saveMeeting` never changes what is named.
   */
  nameProtocolOpening(key: MeetingKey, openingId: string): Promise<Stored<Meeting>>;
  /** The MeetingProgress row (referent or organizer); created when missing. Conflict on a stale eTag. */
  saveProgress(key: MeetingKey, progress: MeetingProgress, eTag?: string): Promise<Stored<MeetingProgress>>;
}

export interface AgendaWriter {
  /** Replace the agenda of a meeting: update, create and delete rows so the list holds exactly `items`. */
  replaceAgenda(key: MeetingKey, items: AgendaItem[]): Promise<Stored<AgendaItem>[]>;
}

export interface AbsenceStore {
  /**
   * The person's registration: updates the row the signed-in person made for `absence.person` in this
   * meeting while it is the person's latest, or creates one (in the meeting's Absences folder; the reason,
   * if any, in AbsenceReasons). Rows whose SharePoint author is neither the person nor the organizer are
   * never returned; of a person's rows the one SharePoint created last wins (`Absence.order`).
   */
  saveAbsence(key: MeetingKey, absence: Absence): Promise<Stored<Absence>>;
}

export interface DecisionStore {
  /**
   * One row per item and meeting. With eTag: Conflict if the row changed since ('*' overwrites). Without
   * eTag: creates, and Conflict if someone else created the row meanwhile — never a silent overwrite.
   */
  saveDecision(key: MeetingKey, decision: Decision, eTag?: string): Promise<Stored<Decision>>;
  /** Same eTag rules as saveDecision; identity is `followUp.id`. */
  saveFollowUp(key: MeetingKey, followUp: FollowUp, eTag?: string): Promise<Stored<FollowUp>>;
  deleteFollowUp(key: MeetingKey, id: string): Promise<void>;
  /** Decisions of the meeting changed since `cursor` (all of them, without one). */
  decisionChanges(key: MeetingKey, cursor?: string): Promise<DecisionChanges>;
}

export interface ArchiveReader {
  /** All meetings, items, decisions and follow-ups the caller may read (paged reads, not per meeting). */
  readArchive(): Promise<ArchiveRows>;
  /** Follow-ups across meetings where the owner matches (for "Mine opfølgninger"). */
  followUpsByOwner?(owner: string): Promise<Stored<FollowUp & { meetingKey: MeetingKey }>[]>;
}

export interface CommitteeStore {
  /** The committee record of a meeting, trusted rows only (see CommitteeRows). */
  readCommittee(key: MeetingKey): Promise<CommitteeRows>;
  /**
   * Creates or updates the entry with the same identity (CommitteeEntry). Organizer's and referent's
   * entries are one shared row each; a member's statements are the writer's own rows (a second person
   * writing "the same" statement makes their own row, which readCommittee trusts or not).
   */
  saveCommitteeEntry(key: MeetingKey, entry: CommitteeEntry): Promise<Stored<CommitteeEntry['value']>>;
}

export interface MeetingSummaryReader {
  /**
   * What "Mine møder" shows of these meetings for the person `upn` (the signed-in caller): one summary per
   * key, in the order of `keys`, read in one round trip however many meetings (not one read per meeting).
   * `organizers` names each meeting's organizer as its calendar event says: only her Meetings row then
   * counts for it (another secretary's row of the same key is not this meeting).
   */
  meetingSummaries(
    keys: MeetingKey[],
    upn: string,
    organizers?: ReadonlyMap<MeetingKey, string>,
  ): Promise<MeetingSummary[]>;
}

/**
 * The durable record: SharePoint lists (through Graph) in production, an in-memory fake in tests — every
 * role above at once, for composition roots and stores. Use cases may ask for the role they need.
 * Writes that pass an eTag fail with Conflict when the stored row has moved on.
 */
export interface ListStore
  extends
    ListProvisioning,
    MeetingReader,
    MeetingWriter,
    AgendaWriter,
    AbsenceStore,
    DecisionStore,
    ArchiveReader,
    CommitteeStore,
    MeetingSummaryReader {}
