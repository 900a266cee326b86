import type { Event } from '@microsoft/microsoft-graph-types';
import type { CalendarEvent, ResponseKind } from '../../ports/CalendarGateway';
import { toIsoUtc } from './graphTime';

/** The event's fields every read asks for: what toCalendarEvent maps. */
export const EVENT_FIELDS =
  'id,iCalUId,subject,start,end,location,organizer,attendees,isOrganizer,isCancelled,responseStatus,body,onlineMeeting,seriesMasterId,type';

/** A Graph event as the port's CalendarEvent (times in UTC, whatever zone Graph answered in). */
export function toCalendarEvent(e: Event): CalendarEvent {
  if (!e.id || !e.iCalUId) throw new Error('Graph returned an event without id or iCalUId');
  const organizer = {
    upn: e.organizer?.emailAddress?.address ?? '',
    name: e.organizer?.emailAddress?.name ?? e.organizer?.emailAddress?.address ?? '',
  };
  return {
    id: e.id,
    key: e.iCalUId,
    subject: e.subject ?? '',
    start: toIsoUtc(e.start),
    end: toIsoUtc(e.end),
    location: e.location?.displayName ?? '',
    organizer,
    attendees: (e.attendees ?? []).map((a) => ({
      upn: a.emailAddress?.address ?? '',
      name: a.emailAddress?.name ?? a.emailAddress?.address ?? '',
      response: (a.status?.response ?? 'none') as ResponseKind,
    })),
    isOrganizer: !!e.isOrganizer,
    isCancelled: !!e.isCancelled,
    myResponse: (e.responseStatus?.response ?? 'none') as ResponseKind,
    bodyHtml: e.body?.content ?? '',
    joinUrl: e.onlineMeeting?.joinUrl ?? undefined,
    seriesMasterId: e.seriesMasterId ?? undefined,
  };
}
