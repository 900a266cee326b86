import type { Chat, Event } from '@microsoft/microsoft-graph-types';
import type { MeetingKey } from '../../domain/meeting';
import type {
  AgendaFile,
  AgendaPublication,
  CalendarEvent,
  CalendarGateway,
} from '../../ports/CalendarGateway';
import { NotFound } from '../../ports/errors';
import type { Sanitizer } from '../browser/sanitizeHtml';
import { publishAgenda, replaceAttachment } from './agendaPublication';
import { bodyOf, type BatchRequest, type BatchResponse } from './batch';
import type { GraphConnection } from './graphClient';
import { relativeLink } from './graphClient';
import { mapGraphError } from './graphErrors';
import { EVENT_FIELDS, toCalendarEvent } from './graphEvent';
import { PREFER_UTC } from './graphTime';

const LOOKUP_WINDOW_DAYS = 400;
/** Meetings in 120 days of a busy secretary's calendar fit in one page; more fall back to the paged lookup. */
const JOIN_LINKS_PAGE = 500;

type GraphEvent = Event;

/** The CalendarGateway over Microsoft Graph (`/me/events`, `/me/calendarView`, `/chats`). */
export class GraphCalendar implements CalendarGateway {
  constructor(
    private readonly graph: GraphConnection,
    private readonly sanitize: Sanitizer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One calendarView request: it holds single meetings and the occurrences of series alike. */
  async findByKey(key: MeetingKey): Promise<CalendarEvent> {
    const primed = this.primed.get(key);
    if (primed) {
      this.primed.delete(key);
      return primed;
    }
    return this.eventOfKey(key, await this.get<{ value: GraphEvent[] }>(this.findByKeyRequest(key).url));
  }

  /** What findByKey asks Graph, as a $batch step (the page opens a meeting in one batch). */
  findByKeyRequest(key: MeetingKey): BatchRequest {
    const literal = encodeURIComponent(key.replace(/'/g, "''"));
    const day = 86400000;
    const from = new Date(this.now().getTime() - LOOKUP_WINDOW_DAYS * day).toISOString();
    const to = new Date(this.now().getTime() + LOOKUP_WINDOW_DAYS * day).toISOString();
    return {
      id: 'event',
      method: 'GET',
      url: `/me/calendarView?startDateTime=${from}&endDateTime=${to}&$filter=iCalUId eq '${literal}'&$select=${EVENT_FIELDS}`,
      headers: PREFER_UTC,
    };
  }

  /** The answer to findByKeyRequest, for the next findByKey(key) (once). */
  prime(key: MeetingKey, answer: BatchResponse | undefined): void {
    const event = (async () => this.eventOfKey(key, bodyOf<{ value: GraphEvent[] }>(answer)))();
    event.catch(() => undefined);
    this.primed.set(key, event);
  }

  /** An event just read by id, for the next findByKey of its key (once). */
  remember(event: CalendarEvent): void {
    this.primed.set(event.key, Promise.resolve(event));
  }

  private readonly primed = new Map<MeetingKey, Promise<CalendarEvent>>();

  private eventOfKey(key: MeetingKey, found: { value: GraphEvent[] }): CalendarEvent {
    if (!found.value[0])
      throw new NotFound(`Meeting ${key} is not in the calendar`, { code: 'meetingNotInCalendar' });
    return toCalendarEvent(found.value[0]);
  }

  async findByEventId(eventId: string): Promise<CalendarEvent> {
    return toCalendarEvent(await this.get<GraphEvent>(this.findByEventIdRequest(eventId).url));
  }

  /** What findByEventId asks Graph, as a $batch step. */
  findByEventIdRequest(eventId: string): BatchRequest {
    return {
      id: 'event',
      method: 'GET',
      url: `/me/events/${encodeURIComponent(eventId)}?$select=${EVENT_FIELDS}`,
      headers: PREFER_UTC,
    };
  }

  /** The answer to findByEventIdRequest. */
  eventFrom(answer: BatchResponse | undefined): CalendarEvent {
    return toCalendarEvent(bodyOf<GraphEvent>(answer));
  }

  async findByChatId(chatId: string): Promise<CalendarEvent> {
    return this.eventOfChat(await this.get<Chat>(this.findByChatIdRequest(chatId).url));
  }

  /** What findByChatId asks Graph first, as a $batch step. */
  findByChatIdRequest(chatId: string): BatchRequest {
    return { id: 'chat', method: 'GET', url: `/chats/${encodeURIComponent(chatId)}` };
  }

  /**
   * The person's own meetings 60 days either side, only their keys and join links: asked beside the chat
   * (it needs nothing from it), so the chat's join link names the key without another round trip.
   */
  joinLinksRequest(): BatchRequest {
    const day = 86400000;
    const nowMs = this.now().getTime();
    const from = new Date(nowMs - 60 * day).toISOString();
    const to = new Date(nowMs + 60 * day).toISOString();
    return {
      id: 'joinLinks',
      method: 'GET',
      url: `/me/calendarView?startDateTime=${from}&endDateTime=${to}&$top=${JOIN_LINKS_PAGE}&$select=iCalUId,onlineMeeting,isCancelled`,
    };
  }

  /**
   * The key of the chat's meeting from the answers to findByChatIdRequest and joinLinksRequest: the meeting
   * in the person's calendar with the chat's join link (organizer and attendee alike). When that page does
   * not hold it (more meetings than a page, or further away), findByChat's own lookups decide.
   */
  async keyOfChat(
    chatAnswer: BatchResponse | undefined,
    linksAnswer: BatchResponse | undefined,
  ): Promise<MeetingKey> {
    const chat = bodyOf<Chat>(chatAnswer);
    const joinUrl = chat.onlineMeetingInfo?.joinWebUrl;
    if (joinUrl && linksAnswer && linksAnswer.status < 300) {
      const page = bodyOf<{ value: GraphEvent[] }>(linksAnswer);
      const match = page.value.find(
        (e) => !e.isCancelled && e.onlineMeeting?.joinUrl === joinUrl && e.iCalUId,
      );
      if (match?.iCalUId) return match.iCalUId;
    }
    const event = await this.eventOfChat(chat);
    this.remember(event);
    return event.key;
  }

  /** findByChatId from the answer to findByChatIdRequest. */
  findByChat(answer: BatchResponse | undefined): Promise<CalendarEvent> {
    return this.eventOfChat(bodyOf<Chat>(answer));
  }

  /**
   * The chat names the organizer's event: an attendee cannot read it by id and finds their own copy by the
   * join link in their calendar. Both are asked at once (one round trip, not two in a row).
   */
  private async eventOfChat(chat: Chat): Promise<CalendarEvent> {
    const info = chat.onlineMeetingInfo;
    if (!info) throw new NotFound('The chat belongs to no meeting', { code: 'chatNotAMeeting' });
    const day = 86400000;
    const nowMs = this.now().getTime();
    const byJoinUrl = async () => {
      const candidates = await this.listMeetings(
        new Date(nowMs - 60 * day).toISOString(),
        new Date(nowMs + 60 * day).toISOString(),
      );
      const match = candidates.find((c) => c.joinUrl && c.joinUrl === info.joinWebUrl);
      if (!match)
        throw new NotFound("The chat's meeting is not in the calendar", { code: 'meetingNotInCalendar' });
      return match;
    };
    if (!info.calendarEventId) return byJoinUrl();
    const [byId, inCalendar] = await Promise.allSettled([
      this.findByEventId(info.calendarEventId),
      info.joinWebUrl
        ? byJoinUrl()
        : Promise.reject(new NotFound('The chat has no join link', { code: 'meetingNotInCalendar' })),
    ]);
    if (byId.status === 'fulfilled') return byId.value;
    if (!(byId.reason instanceof NotFound) || !info.joinWebUrl) throw byId.reason;
    if (inCalendar.status === 'fulfilled') return inCalendar.value;
    throw inCalendar.reason;
  }

  async listMeetings(from: string, to: string): Promise<CalendarEvent[]> {
    const out: CalendarEvent[] = [];
    let path: string | undefined =
      `/me/calendarView?startDateTime=${from}&endDateTime=${to}&$orderby=start/dateTime&$top=50&$select=${EVENT_FIELDS}`;
    while (path) {
      const page: { value: GraphEvent[]; '@odata.nextLink'?: string } = await this.get(path);
      out.push(...page.value.map(toCalendarEvent));
      path = page['@odata.nextLink'] ? relativeLink(this.graph, page['@odata.nextLink']) : undefined;
    }
    return out.filter((e) => !e.isCancelled);
  }

  async publishAgenda(eventId: string, publication: AgendaPublication): Promise<void> {
    try {
      await publishAgenda(this.graph, this.sanitize, encodeURIComponent(eventId), publication);
    } catch (e) {
      throw mapGraphError(e);
    }
  }

  async decline(eventId: string, comment: string): Promise<void> {
    try {
      await this.graph.client
        .api(`/me/events/${encodeURIComponent(eventId)}/decline`)
        .post({ comment, sendResponse: true });
    } catch (e) {
      throw mapGraphError(e);
    }
  }

  async attachFile(eventId: string, file: AgendaFile): Promise<void> {
    try {
      await replaceAttachment(this.graph, eventId, file);
    } catch (e) {
      throw mapGraphError(e);
    }
  }

  /** Reads ask for UTC times (Graph's default, said out loud); toIsoUtc reads any zone regardless. */
  private async get<T>(path: string): Promise<T> {
    try {
      return (await this.graph.client.api(path).headers(PREFER_UTC).get()) as T;
    } catch (e) {
      throw mapGraphError(e);
    }
  }
}
