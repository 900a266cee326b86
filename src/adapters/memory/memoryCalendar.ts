import { replaceAgendaSection } from '../../domain/agendaSection';
import type { MeetingKey } from '../../domain/meeting';
import { sameUpn } from '../../domain/person';
import type {
  AgendaFile,
  AgendaPublication,
  CalendarEvent,
  CalendarGateway,
} from '../../ports/CalendarGateway';
import { Forbidden, NotFound } from '../../ports/errors';

export interface MemoryCalendarState {
  /** The organizer's events; each attendee sees a copy with their own response. */
  events: CalendarEvent[];
  chats: Record<string, string>;
  publications: Array<{ eventId: string; publication: AgendaPublication }>;
  /** Files attached to the organizer's events, by event id. */
  files?: Record<string, AgendaFile[]>;
  declines: Array<{ key: MeetingKey; upn: string; comment: string }>;
}

/**
 * The CalendarGateway in memory, seen as one user. Several gateways (one per person) can share one state,
 * so a test can play organizer and attendees.
 */
export class MemoryCalendar implements CalendarGateway {
  constructor(
    private readonly state: MemoryCalendarState,
    private readonly upn: string,
  ) {}

  static emptyState(): MemoryCalendarState {
    return { events: [], chats: {}, publications: [], declines: [] };
  }

  async findByKey(key: MeetingKey): Promise<CalendarEvent> {
    const event = this.state.events.find((e) => e.key === key);
    if (!event || !this.sees(event)) throw new NotFound(`No meeting ${key} in your calendar`);
    return this.asMine(event);
  }

  async findByEventId(eventId: string): Promise<CalendarEvent> {
    const event = this.state.events.find((e) => e.id === eventId || this.copyId(e) === eventId);
    if (!event || !this.sees(event)) throw new NotFound(`No event ${eventId}`);
    return this.asMine(event);
  }

  async findByChatId(chatId: string): Promise<CalendarEvent> {
    const key = this.state.chats[chatId];
    if (!key) throw new NotFound(`No meeting for chat ${chatId}`);
    return this.findByKey(key);
  }

  async listMeetings(from: string, to: string): Promise<CalendarEvent[]> {
    return this.state.events
      .filter((e) => this.sees(e) && e.end > from && e.start < to)
      .map((e) => this.asMine(e))
      .sort((a, b) => a.start.localeCompare(b.start));
  }

  async publishAgenda(eventId: string, publication: AgendaPublication): Promise<void> {
    const event = await this.findByEventId(eventId);
    if (!event.isOrganizer) throw new Forbidden('Only the organizer can send the agenda');
    const original = this.state.events.find((e) => e.key === event.key)!;
    original.bodyHtml = replaceAgendaSection(original.bodyHtml, publication.sectionHtml);
    this.state.publications.push({ eventId: original.id, publication });
  }

  async attachFile(eventId: string, file: AgendaFile): Promise<void> {
    const event = await this.findByEventId(eventId);
    if (!event.isOrganizer) throw new Forbidden('Only the organizer can attach files');
    const files = (this.state.files ??= {});
    files[event.id] = [...(files[event.id] ?? []).filter((f) => f.name !== file.name), file];
  }

  async decline(eventId: string, comment: string): Promise<void> {
    const event = await this.findByEventId(eventId);
    const original = this.state.events.find((e) => e.key === event.key)!;
    const attendee = original.attendees.find((a) => sameUpn(a.upn, this.upn));
    if (!attendee) throw new Forbidden('Only an attendee can decline');
    attendee.response = 'declined';
    this.state.declines.push({ key: event.key, upn: this.upn, comment });
  }

  private sees(e: CalendarEvent): boolean {
    return sameUpn(e.organizer.upn, this.upn) || e.attendees.some((a) => sameUpn(a.upn, this.upn));
  }

  private copyId(e: CalendarEvent): string {
    return `${e.id}:${this.upn.toLowerCase()}`;
  }

  private asMine(e: CalendarEvent): CalendarEvent {
    const isOrganizer = sameUpn(e.organizer.upn, this.upn);
    const me = e.attendees.find((a) => sameUpn(a.upn, this.upn));
    return structuredClone({
      ...e,
      id: isOrganizer ? e.id : this.copyId(e),
      isOrganizer,
      myResponse: isOrganizer ? 'organizer' : (me?.response ?? 'none'),
    });
  }
}
