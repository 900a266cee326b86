import { createHash, randomUUID } from 'node:crypto';
import type {
  DateTimeTimeZone,
  Event,
  OpenTypeExtension,
  ResponseType,
} from '@microsoft/microsoft-graph-types';
import { DateTime } from 'luxon';
import type { Db } from '../db';
import {
  badRequest,
  exchangeAccessDenied,
  GraphHttpError,
  invalidIdMalformed,
  invalidUser,
  itemNotFound,
  notImplemented,
  timeZoneNotSupported,
} from '../errors';
import {
  collection,
  entity,
  graphTimestamp,
  noContent,
  odataKey,
  ok,
  pagedStrict,
  select,
  type Ctx,
  type PageRules,
  type Result,
  type Route,
} from '../http';
import { evaluate, orderBy, parseFilter, pathGet } from '../odata';
import { ianaZone, preferredTimeZone, wallClock } from '../timeZones';
import { findUser } from './users';

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

const NEVER = '0001-01-01T00:00:00Z';
const MAX_OCCURRENCES = 200;

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

const parse = (rows: Array<{ json: string }>) => rows.map((r) => JSON.parse(r.json) as StoredEvent);

export function eventsByIcal(db: Db, ical: string): StoredEvent[] {
  return parse(db.prepare('SELECT json FROM events WHERE ical_uid = ?').all(ical) as Array<{ json: string }>);
}

/** The organizer's copy of a meeting, whichever mailbox asks. */
export function organizerCopy(db: Db, ical: string): StoredEvent | undefined {
  return eventsByIcal(db, ical).find((e) => e.isOrganizer);
}

/** Exchange item ids are URL-safe base64 of a fixed header ("AAMk…"); anything else is malformed. */
export const isExchangeId = (id: string) => /^A[AQ]Mk[A-Za-z0-9+/_=-]{8,}$/.test(id);

function ownEvent(ctx: Ctx, owner: string, id: string): StoredEvent {
  if (!isExchangeId(id)) throw invalidIdMalformed();
  const row = ctx.db.prepare('SELECT json FROM events WHERE id = ? AND owner = ?').get(id, owner) as
    { json: string } | undefined;
  if (!row) throw itemNotFound();
  return JSON.parse(row.json) as StoredEvent;
}

/**
 * A dateTimeTimeZone as sent → ISO UTC (whole seconds, as Exchange keeps them) and the zone name.
 * Windows and IANA names are both taken ("dateTimeTimeZone resource type"); an unknown one is Graph's
 * 400 TimeZoneNotSupportedException. A dateTime with its own offset is taken as that instant.
 */
const iso = (
  t: { dateTime?: string; timeZone?: string } | undefined,
  field: string,
): { at: string; zone: string } => {
  if (!t?.dateTime) throw badRequest(`${field} is required.`, 'ErrorInvalidRequest');
  const zone = t.timeZone ?? 'UTC';
  const iana = ianaZone(zone);
  if (!iana) throw timeZoneNotSupported(zone);
  const hasOffset = /(Z|[+-]\d\d:?\d\d)$/i.test(t.dateTime);
  const d = hasOffset
    ? DateTime.fromISO(t.dateTime, { setZone: true })
    : DateTime.fromISO(t.dateTime, { zone: iana });
  if (!d.isValid) throw badRequest(`${field} is not a valid date.`, 'ErrorInvalidRequest');
  return { at: new Date(d.toUTC().startOf('second').toMillis()).toISOString(), zone };
};

/** The zone answers are written in: `Prefer: outlook.timezone` when Graph knows it, else UTC. */
export interface AnswerZone {
  name: string;
  iana: string;
}
export const UTC_ZONE: AnswerZone = { name: 'UTC', iana: 'UTC' };
export const answerZone = (ctx: Pick<Ctx, 'headers'>): AnswerZone =>
  preferredTimeZone(ctx.headers) ?? UTC_ZONE;

const inZone = (isoUtc: string, zone: AnswerZone): DateTimeTimeZone => ({
  dateTime: wallClock(isoUtc, zone.iana),
  timeZone: zone.name,
});

/** An event with the annotations Graph puts on it. */
export type GraphEvent = Event & { '@odata.etag'?: string; extensions?: GraphExtension[] };
export type GraphExtension = OpenTypeExtension & {
  '@odata.type': '#microsoft.graph.openTypeExtension';
  [property: string]: unknown;
};

export function toGraph(
  ctx: Pick<Ctx, 'db' | 'query'> & Partial<Pick<Ctx, 'headers'>>,
  e: StoredEvent,
  zone: AnswerZone = answerZone({ headers: ctx.headers ?? {} }),
): Partial<GraphEvent> {
  const out: GraphEvent = {
    '@odata.etag': `W/"${Buffer.from(e.modified).toString('base64')}"`,
    id: e.id,
    createdDateTime: graphTimestamp(e.created),
    lastModifiedDateTime: graphTimestamp(e.modified),
    originalStartTimeZone: e.startTimeZone ?? 'UTC',
    originalEndTimeZone: e.endTimeZone ?? 'UTC',
    iCalUId: e.iCalUId,
    subject: e.subject,
    bodyPreview: e.body.content
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 255),
    body: { contentType: e.body.contentType === 'text' ? 'text' : 'html', content: e.body.content },
    start: inZone(e.start, zone),
    end: inZone(e.end, zone),
    location: { displayName: e.location, locationType: 'default' },
    isOrganizer: e.isOrganizer,
    isCancelled: e.isCancelled,
    type: e.type,
    seriesMasterId: e.seriesMasterId ?? null,
    recurrence: e.type === 'seriesMaster' ? ((e.recurrence as Event['recurrence']) ?? null) : null,
    responseStatus: { response: e.responseStatus.response as ResponseType, time: e.responseStatus.time },
    isOnlineMeeting: e.isOnlineMeeting,
    onlineMeetingProvider: e.isOnlineMeeting ? 'teamsForBusiness' : 'unknown',
    onlineMeeting: e.joinUrl ? { joinUrl: e.joinUrl } : null,
    organizer: { emailAddress: { name: e.organizer.name, address: e.organizer.address } },
    attendees: e.attendees.map((a) => ({
      type: 'required',
      status: { response: a.response as ResponseType, time: a.time },
      emailAddress: { name: a.name, address: a.address },
    })),
  };
  const selected = select(out, ctx.query.$select);
  // An expanded navigation property is returned beside the $select-ed ones.
  const expand = ctx.query.$expand;
  if (expand && !/^extensions(\(|$)/.test(expand.trim())) throw notImplemented(`$expand=${expand}`);
  if (expand && /^extensions/.test(expand)) {
    const m = /\$filter=id eq '([^']+)'/.exec(expand);
    selected.extensions = extensionsOf(ctx.db, e.iCalUId).filter(
      (x) => !m || x.id === m[1] || x.extensionName === m[1] || String(x.id).endsWith(`.${m[1]}`),
    );
  }
  return selected;
}

function extensionsOf(db: Db, ical: string): GraphExtension[] {
  return (
    db.prepare('SELECT json FROM extensions WHERE ical_uid = ?').all(ical) as Array<{ json: string }>
  ).map((r) => JSON.parse(r.json) as GraphExtension);
}

interface GraphEventInput {
  subject?: string;
  body?: { contentType?: string; content?: string };
  start?: { dateTime?: string; timeZone?: string };
  end?: { dateTime?: string; timeZone?: string };
  location?: { displayName?: string };
  attendees?: Array<{ emailAddress?: { address?: string; name?: string } }>;
  isOnlineMeeting?: boolean;
  recurrence?: {
    pattern?: { type?: string; interval?: number; daysOfWeek?: string[] };
    range?: {
      type?: string;
      startDate?: string;
      endDate?: string;
      numberOfOccurrences?: number;
      recurrenceTimeZone?: string;
    };
  };
}

function attendeesFrom(
  ctx: Ctx,
  input: GraphEventInput['attendees'],
  organizer: string,
  now: string,
  keep: Attendee[] = [],
): Attendee[] {
  const seen = new Set<string>();
  return (input ?? [])
    .map((a) => {
      const address = a.emailAddress?.address?.trim().toLowerCase();
      if (!address) throw badRequest('An attendee needs an email address.', 'ErrorInvalidRequest');
      const prior = keep.find((k) => k.address === address);
      const user = findUser(ctx.db, address);
      return (
        prior ?? {
          name: a.emailAddress?.name || user?.displayName || address,
          address,
          response: 'none',
          time: NEVER,
        }
      );
    })
    .filter((a) => a.address !== organizer && !seen.has(a.address) && seen.add(a.address) !== undefined)
    .map((a) => ({ ...a, time: a.time || now }));
}

/** Dates of a weekly/daily recurrence, from start, bounded by the range (at most 200). */
function occurrenceStarts(
  startIso: string,
  recurrence: NonNullable<GraphEventInput['recurrence']>,
  startZone?: string,
): string[] {
  const type = recurrence.pattern?.type ?? 'weekly';
  const interval = Math.max(1, recurrence.pattern?.interval ?? 1);
  const stepDays = type === 'daily' ? interval : type === 'weekly' ? 7 * interval : NaN;
  if (Number.isNaN(stepDays)) throw notImplemented(`The recurrence pattern '${type}'`);
  const range = recurrence.range ?? {};
  const end = range.endDate ? Date.parse(`${range.endDate}T23:59:59Z`) : Infinity;
  const count =
    range.type === 'numbered'
      ? (range.numberOfOccurrences ?? 1)
      : range.type === 'noEnd'
        ? 52
        : MAX_OCCURRENCES;
  const out: string[] = [];
  // Steps in the organizer's wall-clock time (Copenhagen), so 11:00 stays 11:00 across daylight saving.
  const zoneName = recurrence.range?.recurrenceTimeZone ?? startZone;
  const zone = zoneName && zoneName !== 'UTC' ? ianaZone(zoneName) : 'Europe/Copenhagen';
  if (!zone) throw timeZoneNotSupported(zoneName ?? '');
  const first = DateTime.fromISO(startIso, { zone: 'utc' }).setZone(zone);
  for (let i = 0; out.length < Math.min(count, MAX_OCCURRENCES); i++) {
    const t = first.plus({ days: i * stepDays });
    if (t.toMillis() > end) break;
    out.push(t.toUTC().toISO()!);
  }
  return out;
}

const ymd = (isoTime: string) => isoTime.slice(0, 10).replace(/-/g, '');

export function createEvent(ctx: Ctx, ownerUpn: string, input: GraphEventInput): StoredEvent {
  const owner = findUser(ctx.db, ownerUpn);
  if (!owner) throw invalidUser(ownerUpn);
  if (!input.subject && input.subject !== '') throw badRequest('subject is required.', 'ErrorInvalidRequest');
  const now = ctx.now().toISOString();
  const { at: start, zone: startTimeZone } = iso(input.start, 'start');
  const { at: end, zone: endTimeZone } = iso(input.end, 'end');
  if (end < start) throw badRequest('The end of the event must be after its start.', 'ErrorInvalidRequest');
  const organizer = { name: owner.displayName, address: owner.userPrincipalName.toLowerCase() };
  const attendees = attendeesFrom(ctx, input.attendees, organizer.address, now);
  const ical = `040000008200E00074C5B7101A82E008${randomUUID().replace(/-/g, '').toUpperCase()}`;
  const online = !!input.isOnlineMeeting;
  const base = {
    subject: input.subject ?? '',
    body: {
      contentType: input.body?.contentType?.toLowerCase() === 'text' ? 'text' : 'html',
      content: input.body?.content ?? '',
    },
    location: input.location?.displayName ?? '',
    startTimeZone,
    endTimeZone,
    organizer,
    attendees,
    isCancelled: false,
    isOnlineMeeting: online,
    created: now,
    modified: now,
  };
  const copiesFor = (
    template: Omit<StoredEvent, 'id' | 'owner' | 'isOrganizer' | 'responseStatus'>,
    masterIds?: Map<string, string>,
  ) => {
    const rows: StoredEvent[] = [];
    const organizerRow: StoredEvent = {
      ...template,
      id: randomId(),
      owner: organizer.address,
      isOrganizer: true,
      responseStatus: { response: 'organizer', time: NEVER },
      seriesMasterId: masterIds?.get(organizer.address),
    };
    rows.push(organizerRow);
    for (const a of attendees) {
      if (!findUser(ctx.db, a.address)) continue; // outside the tenant: no mailbox here
      rows.push({
        ...template,
        id: randomId(),
        owner: a.address,
        isOrganizer: false,
        responseStatus: { response: 'notResponded', time: NEVER },
        seriesMasterId: masterIds?.get(a.address),
      });
    }
    return rows;
  };
  const tx = ctx.db.transaction(() => {
    if (!input.recurrence) {
      const rows = copiesFor({
        ...base,
        iCalUId: ical,
        type: 'singleInstance',
        start,
        end,
        ...onlineInfo(online, ical),
      });
      rows.forEach((r) => saveEvent(ctx.db, r));
      return rows[0];
    }
    const masters = copiesFor({
      ...base,
      iCalUId: ical,
      type: 'seriesMaster',
      start,
      end,
      recurrence: input.recurrence,
      ...onlineInfo(online, ical),
    });
    masters.forEach((r) => saveEvent(ctx.db, r));
    const masterIds = new Map(masters.map((m) => [m.owner, m.id]));
    const length = Date.parse(end) - Date.parse(start);
    for (const s of occurrenceStarts(start, input.recurrence, startTimeZone)) {
      const occurrenceIcal = `${ical}_${ymd(s)}`;
      const rows = copiesFor(
        {
          ...base,
          iCalUId: occurrenceIcal,
          type: 'occurrence',
          start: s,
          end: new Date(Date.parse(s) + length).toISOString(),
          ...onlineInfo(online, occurrenceIcal),
        },
        masterIds,
      );
      rows.forEach((r) => saveEvent(ctx.db, r));
    }
    return masters[0];
  });
  return tx();
}

function onlineInfo(online: boolean, ical: string): Pick<StoredEvent, 'joinUrl' | 'chatId'> {
  if (!online) return {};
  const chatId = `19:meeting_${createHash('sha256').update(ical).digest('base64url').slice(0, 40)}@thread.v2`;
  return { chatId, joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId)}/0` };
}

const randomId = () =>
  `AAMkA${randomUUID().replace(/-/g, '')}${randomUUID().replace(/-/g, '').slice(0, 12)}=`;

function listFor(ctx: Ctx, owner: string, view: boolean): StoredEvent[] {
  let rows = parse(
    ctx.db.prepare('SELECT json FROM events WHERE owner = ? ORDER BY start').all(owner) as Array<{
      json: string;
    }>,
  );
  if (view) {
    const from = ctx.query.startDateTime;
    const to = ctx.query.endDateTime;
    if (!from || !to)
      throw badRequest(
        'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
        'ErrorInvalidParameter',
      );
    const f = new Date(/(Z|[+-]\d\d:\d\d)$/.test(from) ? from : `${from}Z`).toISOString();
    const t = new Date(/(Z|[+-]\d\d:\d\d)$/.test(to) ? to : `${to}Z`).toISOString();
    rows = rows.filter((e) => e.type !== 'seriesMaster' && e.end > f && e.start < t);
  } else {
    rows = rows.filter((e) => e.type === 'singleInstance' || e.type === 'seriesMaster');
  }
  // $filter and $orderby see the whole event in UTC, whatever is $select-ed or preferred for the answer.
  let out = rows.map((e) => ({ e, g: toGraph({ db: ctx.db, query: {} }, e, UTC_ZONE) }));
  if (ctx.query.$filter) {
    const filter = parseFilter(ctx.query.$filter);
    out = out.filter(({ g }) => evaluate(filter, (p) => pathGet(g, p)));
  }
  const order = orderBy<{ g: Record<string, unknown> }>(ctx.query.$orderby, (r, p) => pathGet(r.g, p));
  if (order) out.sort(order);
  return out.map((r) => r.e);
}

function ownerOf(ctx: Ctx, userSegment: string | undefined): string {
  if (!userSegment) return ctx.me.upn.toLowerCase();
  const user = findUser(ctx.db, userSegment);
  if (!user) throw invalidUser(userSegment);
  if (user.userPrincipalName.toLowerCase() !== ctx.me.upn.toLowerCase()) throw exchangeAccessDenied();
  return user.userPrincipalName.toLowerCase();
}

/** `users('…')` as Graph writes the mailbox in `@odata.context`: the signed-in user's id for /me. */
export const mailboxContext = (ctx: Ctx, userSegment: string | undefined) =>
  `users(${odataKey(userSegment ?? (ctx.me.oid || ctx.me.upn))})`;

/** Outlook pages events by $top up to 1000, 10 by default ("List events", "Paging Microsoft Graph data"). */
export const EVENT_PAGES: PageRules = {
  defaultTop: 10,
  maxTop: 1000,
  invalid: (param, value) =>
    new GraphHttpError(
      400,
      'ErrorInvalidUrlQuery',
      `The value '${value}' of the query option '${param}' is invalid.`,
    ),
};

/** Echo the time zone preference when it was applied, as Graph does (`Preference-Applied`). */
const zoneHeaders = (ctx: Ctx): Record<string, string> | undefined => {
  const zone = preferredTimeZone(ctx.headers);
  return zone ? { 'Preference-Applied': `outlook.timezone="${zone.name}"` } : undefined;
};
const eventAnswer = (ctx: Ctx, body: object, status = 200): Result => ok(body, status, zoneHeaders(ctx));

function update(ctx: Ctx, e: StoredEvent, input: GraphEventInput): StoredEvent {
  const now = ctx.now().toISOString();
  const changes: Partial<StoredEvent> = { modified: now };
  if (input.subject !== undefined) changes.subject = String(input.subject);
  if (input.body !== undefined)
    changes.body = {
      contentType: input.body.contentType?.toLowerCase() === 'text' ? 'text' : 'html',
      content: input.body.content ?? '',
    };
  if (input.start !== undefined) {
    const { at, zone } = iso(input.start, 'start');
    changes.start = at;
    changes.startTimeZone = zone;
  }
  if (input.end !== undefined) {
    const { at, zone } = iso(input.end, 'end');
    changes.end = at;
    changes.endTimeZone = zone;
  }
  if (input.location !== undefined) changes.location = input.location.displayName ?? '';
  if (!e.isOrganizer) {
    const mine = { ...e, ...changes, type: e.type === 'occurrence' ? 'exception' : e.type } as StoredEvent;
    saveEvent(ctx.db, mine);
    return mine;
  }
  if (input.attendees !== undefined)
    changes.attendees = attendeesFrom(ctx, input.attendees, e.organizer.address, now, e.attendees);
  const updated = { ...e, ...changes, type: e.type === 'occurrence' ? 'exception' : e.type } as StoredEvent;
  ctx.db.transaction(() => {
    saveEvent(ctx.db, updated);
    const copies = eventsByIcal(ctx.db, e.iCalUId).filter((c) => !c.isOrganizer);
    const invited = new Set(updated.attendees.map((a) => a.address));
    for (const copy of copies) {
      if (!invited.has(copy.owner)) {
        saveEvent(ctx.db, { ...copy, isCancelled: true, cancelledAt: now, modified: now });
        continue;
      }
      const { attendees, subject, body, start, end, location, startTimeZone, endTimeZone } = updated;
      saveEvent(ctx.db, {
        ...copy,
        attendees,
        subject,
        body,
        start,
        end,
        startTimeZone,
        endTimeZone,
        location,
        type: updated.type,
        modified: now,
      });
    }
    for (const a of updated.attendees) {
      if (copies.some((c) => c.owner === a.address) || !findUser(ctx.db, a.address)) continue;
      saveEvent(ctx.db, {
        ...updated,
        id: randomId(),
        owner: a.address,
        isOrganizer: false,
        responseStatus: { response: 'notResponded', time: NEVER },
      });
    }
    if (e.type === 'seriesMaster') {
      for (const occ of parse(
        ctx.db
          .prepare(
            "SELECT json FROM events WHERE series_master_id IN (SELECT id FROM events WHERE ical_uid = ?) AND type = 'occurrence'",
          )
          .all(e.iCalUId) as Array<{ json: string }>,
      )) {
        const { subject, body, location } = updated;
        saveEvent(ctx.db, { ...occ, subject, body, location, modified: now });
      }
    }
  })();
  return updated;
}

function respond(ctx: Ctx, e: StoredEvent, response: 'accepted' | 'tentativelyAccepted' | 'declined'): void {
  if (e.isOrganizer)
    throw badRequest(
      "Your request can't be completed. You can't respond to a meeting you organized.",
      'ErrorInvalidRequest',
    );
  const now = ctx.now().toISOString();
  const input = (ctx.body ?? {}) as { comment?: string; sendResponse?: boolean };
  ctx.db.transaction(() => {
    saveEvent(ctx.db, { ...e, responseStatus: { response, time: now }, modified: now });
    const org = organizerCopy(ctx.db, e.iCalUId);
    if (org && input.sendResponse !== false) {
      const attendees = org.attendees.map((a) => (a.address === e.owner ? { ...a, response, time: now } : a));
      saveEvent(ctx.db, { ...org, attendees, modified: now });
      for (const copy of eventsByIcal(ctx.db, e.iCalUId).filter((c) => !c.isOrganizer && c.id !== e.id)) {
        saveEvent(ctx.db, { ...copy, attendees });
      }
      if (input.comment) {
        ctx.db.prepare('INSERT INTO mail (id, sender, json, sent) VALUES (?, ?, ?, ?)').run(
          randomUUID(),
          e.owner,
          JSON.stringify({
            kind: 'meetingResponse',
            response,
            comment: input.comment,
            to: org.owner,
            subject: e.subject,
          }),
          now,
        );
      }
    }
  })();
}

function cancel(ctx: Ctx, e: StoredEvent, comment?: string): void {
  const now = ctx.now().toISOString();
  ctx.db.transaction(() => {
    if (comment !== undefined) {
      const to = e.attendees.map((a) => a.address);
      ctx.db
        .prepare('INSERT INTO mail (id, sender, json, sent) VALUES (?, ?, ?, ?)')
        .run(
          randomUUID(),
          e.owner,
          JSON.stringify({ kind: 'meetingCancellation', comment, to, subject: `Canceled: ${e.subject}` }),
          now,
        );
    }
    const icals = [e.iCalUId];
    if (e.type === 'seriesMaster') {
      for (const r of ctx.db
        .prepare('SELECT DISTINCT ical_uid FROM events WHERE series_master_id = ?')
        .all(e.id) as Array<{ ical_uid: string }>)
        icals.push(r.ical_uid);
    }
    for (const ical of icals) {
      for (const copy of eventsByIcal(ctx.db, ical)) {
        if (copy.isOrganizer) ctx.db.prepare('DELETE FROM events WHERE id = ?').run(copy.id);
        else saveEvent(ctx.db, { ...copy, isCancelled: true, cancelledAt: now, modified: now });
      }
    }
  })();
}

const USER = '(?:\\/me|\\/users\\/([^/]+))';
const re = (s: string) => new RegExp(`^${USER}${s}$`);

const EXTENSION_ID_PREFIX = 'Microsoft.OutlookServices.OpenTypeExtension.';
const shortExtensionName = (name: string) =>
  name.replace(/^Microsoft\.OutlookServices\.OpenTypeExtension\./, '');

function storedExtension(ctx: Ctx, e: StoredEvent, name: string): GraphExtension {
  const row = ctx.db
    .prepare('SELECT json FROM extensions WHERE ical_uid = ? AND name = ?')
    .get(e.iCalUId, shortExtensionName(name)) as { json: string } | undefined;
  if (!row) throw itemNotFound();
  return JSON.parse(row.json) as GraphExtension;
}

/**
 * The whole open extension from a POST or PATCH body ("Create openTypeExtension", "Update open extension"):
 * `@odata.type` and `extensionName` are required, every other property is the extension's data.
 */
function extensionFromBody(body: unknown, expectedName?: string): GraphExtension {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('The request body must be an openTypeExtension.', 'ErrorInvalidRequest');
  const input = body as Record<string, unknown>;
  const type = String(input['@odata.type'] ?? '');
  if (!/^#?(microsoft\.graph\.openTypeExtension|Microsoft\.OutlookServices\.OpenTypeExtension)$/i.test(type))
    throw badRequest(
      'The request body needs "@odata.type": "microsoft.graph.openTypeExtension".',
      'ErrorInvalidRequest',
    );
  const name = typeof input.extensionName === 'string' ? input.extensionName : '';
  if (!name) throw badRequest('extensionName is required.', 'ErrorInvalidRequest');
  if (expectedName && name !== expectedName)
    throw badRequest(
      `extensionName '${name}' does not match the extension '${expectedName}'.`,
      'ErrorInvalidRequest',
    );
  const data = Object.fromEntries(
    Object.entries(input).filter(([k]) => !['@odata.type', 'extensionName', 'id'].includes(k)),
  );
  return {
    '@odata.type': '#microsoft.graph.openTypeExtension',
    id: `${EXTENSION_ID_PREFIX}${name}`,
    extensionName: name,
    ...data,
  };
}

const ORGANIZER_ONLY_CANCEL =
  "Your request can't be completed. You need to be an organizer to cancel a meeting.";

export const eventRoutes: Route[] = [
  {
    method: 'GET',
    pattern: re('\\/events'),
    handler: (ctx, [user]) => {
      const zone = answerZone(ctx);
      const rows = listFor(ctx, ownerOf(ctx, user), false).map((e) => toGraph(ctx, e, zone));
      return eventAnswer(
        ctx,
        collection(ctx, `${mailboxContext(ctx, user)}/events`, pagedStrict(ctx, rows, EVENT_PAGES)),
      );
    },
  },
  {
    method: 'GET',
    pattern: re('\\/calendar[vV]iew'),
    handler: (ctx, [user]) => {
      const zone = answerZone(ctx);
      const rows = listFor(ctx, ownerOf(ctx, user), true).map((e) => toGraph(ctx, e, zone));
      return eventAnswer(
        ctx,
        collection(ctx, `${mailboxContext(ctx, user)}/calendarView`, pagedStrict(ctx, rows, EVENT_PAGES)),
      );
    },
  },
  {
    method: 'POST',
    pattern: re('\\/events'),
    handler: (ctx, [user]) => {
      const created = createEvent(ctx, ownerOf(ctx, user), (ctx.body ?? {}) as GraphEventInput);
      return eventAnswer(ctx, entity(ctx, `${mailboxContext(ctx, user)}/events`, toGraph(ctx, created)), 201);
    },
  },
  {
    method: 'GET',
    pattern: re('\\/events\\/([^/]+)'),
    handler: (ctx, [user, id]) =>
      eventAnswer(
        ctx,
        entity(
          ctx,
          `${mailboxContext(ctx, user)}/events`,
          toGraph(ctx, ownEvent(ctx, ownerOf(ctx, user), id)),
        ),
      ),
  },
  {
    method: 'PATCH',
    pattern: re('\\/events\\/([^/]+)'),
    handler: (ctx, [user, id]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      const updated = update(ctx, e, (ctx.body ?? {}) as GraphEventInput);
      return eventAnswer(ctx, entity(ctx, `${mailboxContext(ctx, user)}/events`, toGraph(ctx, updated)));
    },
  },
  {
    method: 'DELETE',
    pattern: re('\\/events\\/([^/]+)'),
    handler: (ctx, [user, id]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      if (e.isOrganizer) cancel(ctx, e);
      else ctx.db.prepare('DELETE FROM events WHERE id = ?').run(e.id);
      return noContent();
    },
  },
  {
    // "event: cancel": the organizer only (an attendee gets 400), 202 without a body; the organizer's
    // event goes to Deleted Items, the attendees' copies become isCancelled.
    method: 'POST',
    pattern: re('\\/events\\/([^/]+)\\/cancel'),
    handler: (ctx, [user, id]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      if (!e.isOrganizer) throw badRequest(ORGANIZER_ONLY_CANCEL, 'ErrorInvalidRequest');
      const input = (ctx.body ?? {}) as { comment?: unknown; Comment?: unknown };
      const comment = input.comment ?? input.Comment;
      cancel(ctx, e, typeof comment === 'string' ? comment : '');
      return { status: 202 };
    },
  },
  ...(['accept', 'tentativelyAccept', 'decline'] as const).map((action): Route => ({
    method: 'POST',
    pattern: re(`\\/events\\/([^/]+)\\/${action}`),
    handler: (ctx, [user, id]) => {
      respond(
        ctx,
        ownEvent(ctx, ownerOf(ctx, user), id),
        action === 'accept' ? 'accepted' : action === 'decline' ? 'declined' : 'tentativelyAccepted',
      );
      return { status: 202 };
    },
  })),
  {
    method: 'GET',
    pattern: re('\\/events\\/([^/]+)\\/extensions'),
    handler: (ctx, [user, id]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      return ok(
        collection(ctx, `${mailboxContext(ctx, user)}/events(${odataKey(e.id)})/extensions`, {
          value: extensionsOf(ctx.db, e.iCalUId),
        }),
      );
    },
  },
  {
    method: 'POST',
    pattern: re('\\/events\\/([^/]+)\\/extensions'),
    handler: (ctx, [user, id]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      if (!e.isOrganizer) throw exchangeAccessDenied();
      const ext = extensionFromBody(ctx.body);
      const name = ext.extensionName!;
      if (ctx.db.prepare('SELECT 1 FROM extensions WHERE ical_uid = ? AND name = ?').get(e.iCalUId, name)) {
        throw new GraphHttpError(409, 'ErrorItemNotUnique', 'An extension with this name already exists.');
      }
      ctx.db
        .prepare('INSERT INTO extensions (ical_uid, name, json) VALUES (?, ?, ?)')
        .run(e.iCalUId, name, JSON.stringify(ext));
      return ok(entity(ctx, `${mailboxContext(ctx, user)}/events(${odataKey(e.id)})/extensions`, ext), 201);
    },
  },
  {
    method: 'GET',
    pattern: re('\\/events\\/([^/]+)\\/extensions\\/([^/]+)'),
    handler: (ctx, [user, id, name]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      const ext = storedExtension(ctx, e, name);
      return ok(entity(ctx, `${mailboxContext(ctx, user)}/events(${odataKey(e.id)})/extensions`, ext));
    },
  },
  {
    // "Update open extension": the body REPLACES the extension (properties not sent are deleted) and the
    // answer is 200 with the updated extension.
    method: 'PATCH',
    pattern: re('\\/events\\/([^/]+)\\/extensions\\/([^/]+)'),
    handler: (ctx, [user, id, name]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      if (!e.isOrganizer) throw exchangeAccessDenied();
      const short = shortExtensionName(name);
      storedExtension(ctx, e, short);
      const ext = extensionFromBody(ctx.body, short);
      ctx.db
        .prepare('UPDATE extensions SET json = ? WHERE ical_uid = ? AND name = ?')
        .run(JSON.stringify(ext), e.iCalUId, short);
      return ok(entity(ctx, `${mailboxContext(ctx, user)}/events(${odataKey(e.id)})/extensions`, ext));
    },
  },
  {
    method: 'DELETE',
    pattern: re('\\/events\\/([^/]+)\\/extensions\\/([^/]+)'),
    handler: (ctx, [user, id, name]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      if (!e.isOrganizer) throw exchangeAccessDenied();
      storedExtension(ctx, e, name);
      ctx.db
        .prepare('DELETE FROM extensions WHERE ical_uid = ? AND name = ?')
        .run(e.iCalUId, shortExtensionName(name));
      return noContent();
    },
  },
];
