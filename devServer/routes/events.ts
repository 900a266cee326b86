import { createHash, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Db } from '../db';
import { badRequest, forbidden, GraphHttpError, notFound } from '../errors';
import { graphDateTime, noContent, ok, paged, select, type Ctx, type Route } from '../http';
import { evaluate, orderBy, parseFilter, pathGet } from '../odata';
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

function ownEvent(ctx: Ctx, owner: string, id: string): StoredEvent {
  const row = ctx.db.prepare('SELECT json FROM events WHERE id = ? AND owner = ?').get(id, owner) as
    { json: string } | undefined;
  if (!row) throw notFound('The specified object was not found in the store.');
  return JSON.parse(row.json) as StoredEvent;
}

const iso = (t: { dateTime?: string; timeZone?: string } | undefined, field: string): string => {
  if (!t?.dateTime) throw badRequest(`${field} is required.`, 'ErrorInvalidRequest');
  const tz = t.timeZone ?? 'UTC';
  if (!/^(UTC|Etc\/UTC|Z)$/i.test(tz))
    throw badRequest(`Time zone ${tz} is not supported here; send UTC.`, 'ErrorInvalidRequest');
  const d = new Date(
    /(Z|[+-]\d\d:\d\d)$/.test(t.dateTime) ? t.dateTime : `${t.dateTime.replace(/(\.\d{3})\d*$/, '$1')}Z`,
  );
  if (Number.isNaN(d.getTime())) throw badRequest(`${field} is not a valid date.`, 'ErrorInvalidRequest');
  return d.toISOString();
};

export function toGraph(ctx: Pick<Ctx, 'db' | 'query'>, e: StoredEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {
    '@odata.etag': `W/"${Buffer.from(e.modified).toString('base64')}"`,
    id: e.id,
    createdDateTime: e.created,
    lastModifiedDateTime: e.modified,
    iCalUId: e.iCalUId,
    subject: e.subject,
    bodyPreview: e.body.content
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 255),
    body: e.body,
    start: graphDateTime(e.start),
    end: graphDateTime(e.end),
    location: { displayName: e.location, locationType: 'default' },
    isOrganizer: e.isOrganizer,
    isCancelled: e.isCancelled,
    type: e.type,
    seriesMasterId: e.seriesMasterId ?? null,
    recurrence: e.type === 'seriesMaster' ? (e.recurrence ?? null) : null,
    responseStatus: e.responseStatus,
    isOnlineMeeting: e.isOnlineMeeting,
    onlineMeetingProvider: e.isOnlineMeeting ? 'teamsForBusiness' : 'unknown',
    onlineMeeting: e.joinUrl ? { joinUrl: e.joinUrl } : null,
    organizer: { emailAddress: { name: e.organizer.name, address: e.organizer.address } },
    attendees: e.attendees.map((a) => ({
      type: 'required',
      status: { response: a.response, time: a.time },
      emailAddress: { name: a.name, address: a.address },
    })),
  };
  const expand = ctx.query.$expand;
  if (expand && /^extensions/.test(expand)) {
    const m = /\$filter=id eq '([^']+)'/.exec(expand);
    out.extensions = extensionsOf(ctx.db, e.iCalUId).filter(
      (x) => !m || x.id === m[1] || x.extensionName === m[1] || String(x.id).endsWith(`.${m[1]}`),
    );
  }
  return select(out, ctx.query.$select);
}

function extensionsOf(db: Db, ical: string): Array<Record<string, unknown>> {
  return (
    db.prepare('SELECT json FROM extensions WHERE ical_uid = ?').all(ical) as Array<{ json: string }>
  ).map((r) => JSON.parse(r.json));
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
): string[] {
  const type = recurrence.pattern?.type ?? 'weekly';
  const interval = Math.max(1, recurrence.pattern?.interval ?? 1);
  const stepDays = type === 'daily' ? interval : type === 'weekly' ? 7 * interval : NaN;
  if (Number.isNaN(stepDays))
    throw badRequest(`Recurrence pattern ${type} is not supported here.`, 'ErrorInvalidRequest');
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
  const first = DateTime.fromISO(startIso, { zone: 'utc' }).setZone(
    recurrence.range?.recurrenceTimeZone ?? 'Europe/Copenhagen',
  );
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
  if (!owner) throw notFound();
  if (!input.subject && input.subject !== '') throw badRequest('subject is required.', 'ErrorInvalidRequest');
  const now = ctx.now().toISOString();
  const start = iso(input.start, 'start');
  const end = iso(input.end, 'end');
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
    for (const s of occurrenceStarts(start, input.recurrence)) {
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
  let out = rows.map((e) => ({ e, g: toGraph(ctx, e) }));
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
  if (!user) throw notFound();
  if (user.userPrincipalName.toLowerCase() !== ctx.me.upn.toLowerCase()) throw forbidden();
  return user.userPrincipalName.toLowerCase();
}

function update(ctx: Ctx, e: StoredEvent, input: GraphEventInput): StoredEvent {
  const now = ctx.now().toISOString();
  const changes: Partial<StoredEvent> = { modified: now };
  if (input.subject !== undefined) changes.subject = String(input.subject);
  if (input.body !== undefined)
    changes.body = {
      contentType: input.body.contentType?.toLowerCase() === 'text' ? 'text' : 'html',
      content: input.body.content ?? '',
    };
  if (input.start !== undefined) changes.start = iso(input.start, 'start');
  if (input.end !== undefined) changes.end = iso(input.end, 'end');
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
        saveEvent(ctx.db, { ...copy, isCancelled: true, modified: now });
        continue;
      }
      const { attendees, subject, body, start, end, location } = updated;
      saveEvent(ctx.db, {
        ...copy,
        attendees,
        subject,
        body,
        start,
        end,
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

function cancel(ctx: Ctx, e: StoredEvent): void {
  const now = ctx.now().toISOString();
  ctx.db.transaction(() => {
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
        else saveEvent(ctx.db, { ...copy, isCancelled: true, modified: now });
      }
    }
  })();
}

const USER = '(?:\\/me|\\/users\\/([^/]+))';
const re = (s: string) => new RegExp(`^${USER}${s}$`);

export const eventRoutes: Route[] = [
  {
    method: 'GET',
    pattern: re('\\/events'),
    handler: (ctx, [user]) =>
      ok(
        paged(
          ctx,
          listFor(ctx, ownerOf(ctx, user), false).map((e) => toGraph(ctx, e)),
        ),
      ),
  },
  {
    method: 'GET',
    pattern: re('\\/calendar[vV]iew'),
    handler: (ctx, [user]) =>
      ok(
        paged(
          ctx,
          listFor(ctx, ownerOf(ctx, user), true).map((e) => toGraph(ctx, e)),
        ),
      ),
  },
  {
    method: 'POST',
    pattern: re('\\/events'),
    handler: (ctx, [user]) =>
      ok(toGraph(ctx, createEvent(ctx, ownerOf(ctx, user), (ctx.body ?? {}) as GraphEventInput)), 201),
  },
  {
    method: 'GET',
    pattern: re('\\/events\\/([^/]+)'),
    handler: (ctx, [user, id]) => ok(toGraph(ctx, ownEvent(ctx, ownerOf(ctx, user), id))),
  },
  {
    method: 'PATCH',
    pattern: re('\\/events\\/([^/]+)'),
    handler: (ctx, [user, id]) =>
      ok(
        toGraph(ctx, update(ctx, ownEvent(ctx, ownerOf(ctx, user), id), (ctx.body ?? {}) as GraphEventInput)),
      ),
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
    method: 'POST',
    pattern: re('\\/events\\/([^/]+)\\/extensions'),
    handler: (ctx, [user, id]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      if (!e.isOrganizer) throw forbidden('Only the organizer can add extensions to this meeting.');
      const body = (ctx.body ?? {}) as Record<string, unknown>;
      const name = String(body.extensionName ?? '');
      if (!name) throw badRequest('extensionName is required.', 'ErrorInvalidRequest');
      if (ctx.db.prepare('SELECT 1 FROM extensions WHERE ical_uid = ? AND name = ?').get(e.iCalUId, name)) {
        throw new GraphHttpError(409, 'ErrorItemNotUnique', 'An extension with this name already exists.');
      }
      const ext = {
        ...body,
        '@odata.type': '#microsoft.graph.openTypeExtension',
        id: `Microsoft.OutlookServices.OpenTypeExtension.${name}`,
        extensionName: name,
      };
      ctx.db
        .prepare('INSERT INTO extensions (ical_uid, name, json) VALUES (?, ?, ?)')
        .run(e.iCalUId, name, JSON.stringify(ext));
      return ok(ext, 201);
    },
  },
  {
    method: 'GET',
    pattern: re('\\/events\\/([^/]+)\\/extensions\\/([^/]+)'),
    handler: (ctx, [user, id, name]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      const short = name.replace(/^Microsoft\.OutlookServices\.OpenTypeExtension\./, '');
      const row = ctx.db
        .prepare('SELECT json FROM extensions WHERE ical_uid = ? AND name = ?')
        .get(e.iCalUId, short) as { json: string } | undefined;
      if (!row) throw notFound('The specified object was not found in the store.');
      return ok(JSON.parse(row.json));
    },
  },
  {
    method: 'PATCH',
    pattern: re('\\/events\\/([^/]+)\\/extensions\\/([^/]+)'),
    handler: (ctx, [user, id, name]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      if (!e.isOrganizer) throw forbidden('Only the organizer can change extensions on this meeting.');
      const short = name.replace(/^Microsoft\.OutlookServices\.OpenTypeExtension\./, '');
      const row = ctx.db
        .prepare('SELECT json FROM extensions WHERE ical_uid = ? AND name = ?')
        .get(e.iCalUId, short) as { json: string } | undefined;
      if (!row) throw notFound('The specified object was not found in the store.');
      const ext = { ...JSON.parse(row.json), ...(ctx.body as object), extensionName: short };
      ctx.db
        .prepare('UPDATE extensions SET json = ? WHERE ical_uid = ? AND name = ?')
        .run(JSON.stringify(ext), e.iCalUId, short);
      return noContent();
    },
  },
];
