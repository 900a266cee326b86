import type { DateTimeTimeZone, Event, ResponseType } from '@microsoft/microsoft-graph-types';
import { notImplemented } from '../errors';
import { graphTimestamp, ok, select, type Ctx, type Result } from '../http';
import { preferredTimeZone, wallClock } from '../timeZones';
import { extensionsOf, type GraphExtension } from './eventExtensions';
import type { StoredEvent } from './eventStore';

/* An event as Graph answers it: its annotations, times in the zone asked for, $select and $expand. */

export type { GraphExtension };

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

/** Echo the time zone preference when it was applied, as Graph does (`Preference-Applied`). */
const zoneHeaders = (ctx: Ctx): Record<string, string> | undefined => {
  const zone = preferredTimeZone(ctx.headers);
  return zone ? { 'Preference-Applied': `outlook.timezone="${zone.name}"` } : undefined;
};
export const eventAnswer = (ctx: Ctx, body: object, status = 200): Result =>
  ok(body, status, zoneHeaders(ctx));
