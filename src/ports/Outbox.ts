import type { MeetingKey } from '../domain/meeting';

import type { PortErrorKind } from './errors';

/**
 * What an entry writes. The referent's text (`decision`, `followUp`) is drained by the LiveRecorder; every
 * other write of a page (afbud, the agenda, the referent choice, a follow-up's status, the meeting clock)
 * by the PendingWrites of whichever page of the profile is open.
 */
export type OutboxKind =
  'decision' | 'followUp' | 'absence' | 'agenda' | 'referent' | 'followUpStatus' | 'clock' | 'opening';

/**
 * Which write an entry is: one per thing written, so that newer typing of the same thing replaces the
 * older (coalescing). A typed value: whoever needs the item number or the person reads it here, never by
 * taking a key apart.
 */
export type OutboxSlot =
  | { kind: 'decision'; meetingKey: MeetingKey; itemNumber: number }
  | { kind: 'followUp'; meetingKey: MeetingKey; followUpId: string }
  | { kind: 'absence'; meetingKey: MeetingKey; upn: string }
  | { kind: 'followUpStatus'; meetingKey: MeetingKey; followUpId: string }
  /**
   * The organizer's page wrote a committee protocol's opening (payload: its item id) and has not yet named
   * it on the Meetings row; completed by the page's next read of the committee (app/committee.ts).
   */
  | { kind: 'agenda' | 'referent' | 'clock' | 'opening'; meetingKey: MeetingKey };

/**
 * The key an entry is stored under (`OutboxEntry.slot`, IndexedDB's primary key). Its format is the one
 * entries already waiting on people's computers have, e.g. "decision:<meetingKey>:<itemNumber>"; it is
 * only ever built here, never read back.
 */
export function slotKey(slot: OutboxSlot): string {
  switch (slot.kind) {
    case 'decision':
      return `decision:${slot.meetingKey}:${slot.itemNumber}`;
    case 'followUp':
    case 'followUpStatus':
      return `${slot.kind}:${slot.meetingKey}:${slot.followUpId}`;
    case 'absence':
      return `absence:${slot.meetingKey}:${slot.upn.toLowerCase()}`;
    default:
      return `${slot.kind}:${slot.meetingKey}`;
  }
}

/** The last failed attempt of an entry: kept with it, so the page can say why and offer to act. */
export interface OutboxFailure {
  kind: PortErrorKind;
  /** The adapter's code (e.g. Graph's "itemNotFound"), for the UI to turn into words. */
  code?: string;
  /** The HTTP status, where the failure came from the server. */
  status?: number;
  /** The error's own message (a use case's refusal is known by it). */
  message?: string;
  /** Attempts that failed since the entry was last changed. */
  attempts: number;
  at: string;
  /** True when the server refused it (403/409/412, invalid): it is not retried by itself. */
  refused: boolean;
}

/**
 * A write that has been typed but not yet confirmed by SharePoint. Entries with the same `slot`
 * (`slotKey` of an OutboxSlot) coalesce: only the newest text of a slot is kept.
 */
export interface OutboxEntry {
  /** `slotKey(…)` of the write's OutboxSlot. */
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
  /** Set after a failed attempt; cleared by a new put of the slot. */
  failure?: OutboxFailure;
}

export type OutboxPatch = Partial<Pick<OutboxEntry, 'baseETag' | 'conflict' | 'failure'>>;

/** Durable queue of pending writes: IndexedDB in the browser, memory in tests. Survives reloads. */
export interface Outbox {
  /**
   * Keep a write durably (resolved only once it is stored). Overwrites the slot's payload with a new, higher
   * revision; an absent baseETag or conflict keeps the slot's earlier one; any failure is cleared.
   */
  put(entry: Omit<OutboxEntry, 'revision' | 'failure'>): Promise<OutboxEntry>;
  get(slot: string): Promise<OutboxEntry | undefined>;
  /**
   * Oldest first: a slot keeps the place of its first put while it is overwritten (coalescing), and takes a
   * new place at the end only after it was removed.
   */
  list(meetingKey?: MeetingKey): Promise<OutboxEntry[]>;
  /** Remove the entry only if it is still at `revision` (not replaced by newer typing meanwhile). */
  remove(slot: string, revision?: number): Promise<void>;
  /** Change bookkeeping without a new revision (a patch key set to undefined clears it); a gone slot is ignored. */
  update(slot: string, patch: OutboxPatch): Promise<void>;
  clear(): Promise<void>;
}
