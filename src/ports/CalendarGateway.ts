import type { MeetingKey } from '../domain/meeting';
import type { Person } from '../domain/person';

export type ResponseKind =
  'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

/** The user's own copy of a calendar event (Graph `event`), reduced to what the add-in reads. */
export interface CalendarEvent {
  id: string;
  key: MeetingKey;
  subject: string;
  /** ISO UTC. */
  start: string;
  end: string;
  location: string;
  organizer: Person;
  attendees: Array<Person & { response: ResponseKind }>;
  isOrganizer: boolean;
  isCancelled: boolean;
  myResponse: ResponseKind;
  bodyHtml: string;
  joinUrl?: string;
  seriesMasterId?: string;
}

export interface AgendaFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface AgendaPublication {
  /** Sanitized HTML for the delimited agenda section at the top of the event body. */
  sectionHtml: string;
  file?: AgendaFile;
  extension: { meetingKey: MeetingKey; siteId: string; agendaVersion: number };
}

export interface CalendarGateway {
  /** The signed-in user's copy of the occurrence with this iCalUId. NotFound if none. */
  findByKey(key: MeetingKey): Promise<CalendarEvent>;
  findByEventId(eventId: string): Promise<CalendarEvent>;
  /** Teams: the chat's online meeting → its calendar event. */
  findByChatId(chatId: string): Promise<CalendarEvent>;
  /** The signed-in user's meetings in [from, to) (ISO). */
  listMeetings(from: string, to: string): Promise<CalendarEvent[]>;
  /** Organizer only: replace the agenda section in the body, attach the file, update the extension. */
  publishAgenda(eventId: string, publication: AgendaPublication): Promise<void>;
  /** Organizer: attach a file to the event (replacing one with the same name), e.g. the referat. */
  attachFile(eventId: string, file: AgendaFile): Promise<void>;
  /** Attendee: decline with a comment, so the organizer's Outlook shows it. */
  decline(eventId: string, comment: string): Promise<void>;
}
