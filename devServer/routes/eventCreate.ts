import { createHash, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { badRequest, invalidUser, notImplemented, timeZoneNotSupported } from '../errors';
import type { Ctx } from '../http';
import { ianaZone } from '../timeZones';
import { findUser } from './users';
import { attendeesFrom, type GraphEventInput, iso } from './eventInput';
import { NEVER, randomId, saveEvent, type StoredEvent } from './eventStore';

const MAX_OCCURRENCES = 200;

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

/** A new event in the organizer's mailbox and a copy in each invited mailbox of the tenant (a series: its occurrences too). */
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
