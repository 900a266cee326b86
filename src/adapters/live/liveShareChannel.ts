import {
  LiveEvent,
  LiveShareClient,
  type ILiveShareClientOptions,
  type ILiveShareHost,
} from '@microsoft/live-share';
import { ConnectionState } from 'fluid-framework';
import { z } from 'zod';
import type { MeetingKey } from '../../domain/meeting';
import { MEETING_STATUSES } from '../../domain/meeting';
import type { Person } from '../../domain/person';
import {
  LIVE_TEXT_MAX,
  type LiveChannel,
  type LiveJoinOptions,
  type LiveMessage,
} from '../../ports/LiveChannel';
import { SendQueue } from './sendQueue';

interface Envelope {
  from: Person;
  message: LiveMessage;
}

const person = z.object({ upn: z.string().max(320), name: z.string().max(255) });
const timer = z.object({
  startedAt: z.string().nullable(),
  currentItem: z.number().int().nullable(),
  currentSince: z.string().nullable(),
  usedSeconds: z.record(z.string(), z.number()),
  endedAt: z.string().nullable(),
});
/** Anyone in the session can send anything: what arrives is checked before it reaches the page. */
const envelope = z.object({
  from: person,
  message: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('decision'),
      itemNumber: z.number().int().positive(),
      text: z.string().max(LIVE_TEXT_MAX).nullable(),
      version: z.string().max(200),
      editorUpn: z.string().max(320),
      sentAt: z.string().max(40),
    }),
    z.object({
      kind: z.literal('typing'),
      itemNumber: z.number().int().positive(),
      sentAt: z.string().max(40),
    }),
    z.object({
      kind: z.literal('timer'),
      timer,
      status: z.enum(MEETING_STATUSES),
      sentAt: z.string().max(40),
    }),
  ]),
});

export interface LiveShareChannelOptions {
  /** Teams: `LiveShareHost.create()` from teams-js; locally: `localLiveShareHost(...)`. */
  host: (meetingKey: MeetingKey) => ILiveShareHost;
  /** Local mode: the Fluid service (tinylicious) and its insecure token provider. Teams: leave out. */
  connection?: ILiveShareClientOptions['connection'];
  /** Live Share allows one message per 50 ms. */
  minIntervalMs?: number;
}

/**
 * The live channel over Teams Live Share: one Fluid container per meeting, one LiveEvent that carries
 * "item N changed to text T (version V)", typing and the meeting clock. Nothing here is the record —
 * SharePoint is; a late joiner has read it before joining.
 */
export class LiveShareChannel implements LiveChannel {
  readonly kind = 'liveShare' as const;
  private readonly listeners = new Set<(message: LiveMessage, from: Person) => void>();
  private queue: SendQueue | null = null;
  private dispose: (() => void) | null = null;

  constructor(private readonly options: LiveShareChannelOptions) {}

  /** Live Share keeps no history: the caller has read SharePoint already, so no cursor is needed. */
  async join(meetingKey: MeetingKey, me: Person, _options?: LiveJoinOptions): Promise<void> {
    const client = new LiveShareClient(this.options.host(meetingKey), {
      connection: this.options.connection,
    });
    const { container } = await client.joinContainer({ initialObjects: { events: LiveEvent } });
    const events = container.initialObjects.events as LiveEvent<Envelope>;
    await events.initialize();
    // Live Share's events are Fluid signals: only a connected client hears them. Joined means connected.
    if (container.connectionState !== ConnectionState.Connected) {
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => {
          container.dispose();
          reject(new Error('Live Share did not connect within 15 s.'));
        }, 15000);
        container.once('connected', () => {
          clearTimeout(timeout);
          resolve();
        });
      });
    }
    events.on('received', (evt: unknown, local: boolean) => {
      if (local) return;
      const parsed = envelope.safeParse(evt);
      if (!parsed.success) return;
      for (const listener of this.listeners) listener(parsed.data.message as LiveMessage, parsed.data.from);
    });
    this.queue = new SendQueue(
      (message) => void events.send({ from: me, message }).catch(() => undefined),
      this.options.minIntervalMs ?? 50,
    );
    this.dispose = () => container.dispose();
  }

  send(message: LiveMessage): void {
    if (message.kind === 'decision') {
      const { row: _row, ...rest } = message;
      this.queue?.push(
        rest.text !== null && rest.text.length > LIVE_TEXT_MAX ? { ...rest, text: null } : rest,
      );
    } else this.queue?.push(message);
  }

  onMessage(listener: (message: LiveMessage, from: Person) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async leave(): Promise<void> {
    this.queue?.close();
    this.queue = null;
    this.dispose?.();
    this.dispose = null;
    this.listeners.clear();
  }
}
