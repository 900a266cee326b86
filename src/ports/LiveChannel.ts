import type { Decision } from '../domain/decision';
import type { MeetingKey, MeetingStatus } from '../domain/meeting';
import type { MeetingTimer } from '../domain/meetingTimer';
import type { Person } from '../domain/person';
import type { Stored } from './ListStore';

/** What travels on the live channel. SharePoint stays the record: text here is saved or being saved. */
export type LiveMessage =
  | {
      kind: 'decision';
      itemNumber: number;
      /** Null when the text is too large for one live message: the watcher reads it from SharePoint. */
      text: string | null;
      /** The SharePoint eTag once saved; a local revision ("local:N") while the save is on its way. */
      version: string;
      editorUpn: string;
      sentAt: string;
      /** The saved row itself, when the message comes from SharePoint (the polling adapter). */
      row?: Stored<Decision>;
    }
  | { kind: 'typing'; itemNumber: number; sentAt: string }
  | { kind: 'timer'; timer: MeetingTimer; status: MeetingStatus; sentAt: string };

export interface LiveJoinOptions {
  /** Where the late joiner's SharePoint read ended (decisionsCursor): the channel continues from there. */
  decisionsCursor?: string;
}

export type LiveStatus = 'connecting' | 'live' | 'polling' | 'closed';

export interface LiveChannel {
  /** 'liveShare': messages within a fraction of a second; 'polling': SharePoint read every few seconds. */
  readonly kind: 'liveShare' | 'polling' | 'memory';
  /** Connect for one meeting as one person. A late joiner reads SharePoint first, then joins. */
  join(meetingKey: MeetingKey, me: Person, options?: LiveJoinOptions): Promise<void>;
  /** Fire and forget; implementations respect the service's rate limit (Live Share: one message per 50 ms). */
  send(message: LiveMessage): void;
  /**
   * `from` is the sender as the channel's host identifies the sending client (Live Share: the signed-in
   * user the meeting service bound the client to), never what the message or the sender says about itself.
   */
  onMessage(listener: (message: LiveMessage, from: Person) => void): () => void;
  leave(): Promise<void>;
}

/** How the SharePoint-polling fallback reads: fast while decisions change, paused while the page is hidden. */
export interface PollingOptions {
  /** While decisions change; `idleIntervalMs` (default 4×) after a quiet minute. */
  intervalMs?: number;
  idleIntervalMs?: number;
  /** Read the meeting clock every n-th poll (it changes a few times an hour; decisions change by the second). */
  timerEvery?: number;
  /**
   * The referent's shortest spacing between two autosaves of a decision while typing goes on (LiveRecorder's
   * `minSaveIntervalMs`). After a read that brought a change, the next decisions read waits this long: the
   * next save of that text cannot land sooner than this after the last one, so a read in between finds it
   * only if the last one had landed a whole interval before the read that brought it.
   */
  saveSpacingMs?: number;
  /** Polling pauses while this says false (a hidden tab). */
  isActive?: () => boolean;
  onError?: (e: unknown) => void;
}

/** A channel fed by reading SharePoint (the fallback without Live Share); `poll()` reads now. */
export interface PollingLiveChannel extends LiveChannel {
  poll(): Promise<void>;
}

/** Made by the composition root over the page's ListStore, so the UI never builds an adapter itself. */
export type PollingChannelFactory = (options: PollingOptions) => PollingLiveChannel;

/** Larger decision texts go as "changed" signals without text (Fluid ops are limited to 16 KB). */
export const LIVE_TEXT_MAX = 8000;
