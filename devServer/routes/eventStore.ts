import { randomUUID } from 'node:crypto';
import type { Db } from '../db';

/*
 * The local server's calendar storage: one row per mailbox's copy of an event (SQLite `events`), as
 * Exchange keeps a copy in the organizer's and each attendee's mailbox.
 */

export type EventType = 'singleInstance' | 'seriesMaster' | 'occurrence' | 'exception';

export interface Attendee {
  name: string;
  address: string;
  response: string;
  time: string;
}

/** One mailbox's copy of an event, as stored. Times are ISO UTC. */
export interface StoredEvent {
  id: string;
  iCalUId: string;
  owner: string;
  type: EventType;
  seriesMasterId?: string;
  subject: string;
  body: { contentType: string; content: string };
  start: string;
  end: string;
  /** The zone names start and end were given in (Graph's originalStartTimeZone/originalEndTimeZone). */
  startTimeZone?: string;
  endTimeZone?: string;
  location: string;
  organizer: { name: string; address: string };
  attendees: Attendee[];
  isOrganizer: boolean;
  isCancelled: boolean;
  responseStatus: { response: string; time: string };
  isOnlineMeeting: boolean;
  joinUrl?: string;
  chatId?: string;
  recurrence?: unknown;
  created: string;
  modified: string;
  /** When this copy was cancelled (the organizer cancelled or removed this attendee): it gets nothing newer. */
  cancelledAt?: string;
}

/** Graph's "never" for a response time. */
export const NEVER = '0001-01-01T00:00:00Z';
export function saveEvent(db: Db, e: StoredEvent): void {
  db.prepare(
    `INSERT INTO events (id, owner, ical_uid, type, series_master_id, start, json) VALUES (@id, @owner, @ical, @type, @master, @start, @json)
     ON CONFLICT(id) DO UPDATE SET json = excluded.json, start = excluded.start, type = excluded.type`,
  ).run({
    id: e.id,
    owner: e.owner,
    ical: e.iCalUId,
    type: e.type,
    master: e.seriesMasterId ?? null,
    start: e.start,
    json: JSON.stringify(e),
  });
}

/** Stored events from their rows' JSON. */
export const parseEvents = (rows: Array<{ json: string }>) =>
  rows.map((r) => JSON.parse(r.json) as StoredEvent);

export function eventsByIcal(db: Db, ical: string): StoredEvent[] {
  return parseEvents(
    db.prepare('SELECT json FROM events WHERE ical_uid = ?').all(ical) as Array<{ json: string }>,
  );
}

/** The organizer's copy of a meeting, whichever mailbox asks. */
export function organizerCopy(db: Db, ical: string): StoredEvent | undefined {
  return eventsByIcal(db, ical).find((e) => e.isOrganizer);
}

/** Exchange item ids are URL-safe base64 of a fixed header ("AAMk…"); anything else is malformed. */
export const isExchangeId = (id: string) => /^A[AQ]Mk[A-Za-z0-9+/_=-]{8,}$/.test(id);

/** A new Exchange-like item id for one mailbox's copy. */
export const randomId = () =>
  `AAMkA${randomUUID().replace(/-/g, '')}${randomUUID().replace(/-/g, '').slice(0, 12)}=`;
