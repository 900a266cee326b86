import type { MeetingKey } from '../domain/meeting';

export type OutboxKind = 'decision' | 'followUp';

/**
 * A write that has been typed but not yet confirmed by SharePoint. Entries with the same `slot`
 * (e.g. "decision:<meetingKey>:<itemNumber>") coalesce: only the newest text of a slot is kept.
 */
export interface OutboxEntry {
  slot: string;
  kind: OutboxKind;
  meetingKey: MeetingKey;
  /** The value to write (a Decision or FollowUp), as JSON-compatible data. */
  payload: unknown;
  /** The eTag of the stored row the text was based on; absent for a first write. */
  baseETag?: string;
  /** Increases with every put, so a drain can tell whether an entry changed while it was being written. */
  revision: number;
  updatedAt: string;
  /** Set when the server had a newer version and the user must choose. */
  conflict?: { serverPayload: unknown; serverETag: string };
}

/** Durable queue of pending writes: IndexedDB in the browser, memory in tests. Survives reloads. */
export interface Outbox {
  put(entry: Omit<OutboxEntry, 'revision'>): Promise<OutboxEntry>;
  get(slot: string): Promise<OutboxEntry | undefined>;
  /** Oldest first. */
  list(meetingKey?: MeetingKey): Promise<OutboxEntry[]>;
  /** Remove the entry only if it is still at `revision` (not replaced by newer typing meanwhile). */
  remove(slot: string, revision?: number): Promise<void>;
  update(slot: string, patch: Partial<Pick<OutboxEntry, 'baseETag' | 'conflict'>>): Promise<void>;
  clear(): Promise<void>;
}
