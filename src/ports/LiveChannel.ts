import type { MeetingKey } from '../domain/meeting';
import type { Person } from '../domain/person';

/** What travels on the live channel. SharePoint stays the record: text here is saved or being saved. */
export type LiveMessage =
  | {
      kind: 'decision';
      itemNumber: number;
      text: string;
      /** The SharePoint eTag once saved; a local revision ("local:N") while the save is on its way. */
      version: string;
      editorUpn: string;
      sentAt: string;
    }
  | { kind: 'typing'; itemNumber: number; person: Person; sentAt: string }
  | { kind: 'currentItem'; itemNumber: number | null; startedAt: string | null; sentAt: string };

export interface LiveChannel {
  readonly kind: 'liveShare' | 'polling' | 'memory';
  /** Connect for one meeting as one person. A late joiner reads SharePoint first, then joins. */
  join(meetingKey: MeetingKey, me: Person): Promise<void>;
  /** Fire and forget; implementations respect the service's rate limit (Live Share: one message per 50 ms). */
  send(message: LiveMessage): void;
  onMessage(listener: (message: LiveMessage, from: Person) => void): () => void;
  leave(): Promise<void>;
}
