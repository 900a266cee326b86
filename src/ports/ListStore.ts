import type { Absence } from '../domain/absence';
import type { AgendaItem } from '../domain/agendaItem';
import type { Decision } from '../domain/decision';
import type { FollowUp } from '../domain/followUp';
import type { Meeting, MeetingKey } from '../domain/meeting';

/** A stored row: the value, its list item id and its eTag (for If-Match). */
export interface Stored<T> {
  id: string;
  eTag: string;
  value: T;
}

/** Everything the meeting page needs, read in one round trip. */
export interface MeetingSnapshot {
  meeting: Stored<Meeting> | null;
  items: Stored<AgendaItem>[];
  absences: Stored<Absence>[];
  decisions: Stored<Decision>[];
  followUps: Stored<FollowUp & { meetingKey: MeetingKey }>[];
  /** Where decisionChanges should start, so a watcher sees only what changed after this read. */
  decisionsCursor?: string;
}

/** Every meeting row the caller may read, for the decision archive (closed items only for members). */
export interface ArchiveRows {
  meetings: Meeting[];
  items: Array<AgendaItem & { meetingKey: MeetingKey }>;
  decisions: Array<Decision & { meetingKey: MeetingKey }>;
  followUps: Array<FollowUp & { meetingKey: MeetingKey }>;
}

export interface DecisionChanges {
  changed: Stored<Decision>[];
  deletedIds: string[];
  /** Pass back to get only what changed since. */
  cursor: string;
}

/**
 * The durable record: SharePoint lists (through Graph) in production, an in-memory fake in tests.
 * Writes that pass an eTag fail with Conflict when the stored row has moved on.
 */
export interface ListStore {
  /** Create missing lists and columns; safe to run any number of times. */
  ensureProvisioned(): Promise<void>;
  siteId(): Promise<string>;
  openMeeting(key: MeetingKey): Promise<MeetingSnapshot>;

  /** Only the meeting's own row (status, clock): one cheap read for watchers without a live channel. */
  readMeeting(key: MeetingKey): Promise<Stored<Meeting> | null>;
  saveMeeting(meeting: Meeting, eTag?: string): Promise<Stored<Meeting>>;
  /** Replace the agenda of a meeting: update, create and delete rows so the list holds exactly `items`. */
  replaceAgenda(key: MeetingKey, items: AgendaItem[]): Promise<Stored<AgendaItem>[]>;
  /** One row per person and meeting: creates or updates. */
  saveAbsence(key: MeetingKey, absence: Absence): Promise<Stored<Absence>>;
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
  /** All meetings, items, decisions and follow-ups the caller may read (paged reads, not per meeting). */
  readArchive(): Promise<ArchiveRows>;
  /** Follow-ups across meetings where the owner matches (for "Mine opfølgninger"). */
  followUpsByOwner?(owner: string): Promise<Stored<FollowUp & { meetingKey: MeetingKey }>[]>;
}
