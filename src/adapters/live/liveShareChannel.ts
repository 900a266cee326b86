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

/** What goes on the wire: the message only. Who sent it is what the host says about the sending client. */
interface Envelope {
  message: LiveMessage;
}
/** Sent on every (re)connect to learn our own Fluid clientId, which the host is then told (see join). */
interface Hello {
  hello: true;
}
const timer = z.object({
  startedAt: z.string().nullable(),
  currentItem: z.number().int().nullable(),
  currentSince: z.string().nullable(),
  usedSeconds: z.record(z.string(), z.number()),
  endedAt: z.string().nullable(),
});
/**
 * Anyone in the session can send anything: what arrives is checked before it reaches the page. A `from`
 * in the envelope (older clients sent one; a forger still may) is ignored, never trusted.
 */
const envelope = z.object({
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
  /**
   * Who a host user is: the host identifies a message's sender by the Fluid clientId the service stamped
   * on it (`getClientInfo(clientId).userId`: the AAD object id in Teams, the local registry's user id
   * locally); this resolves that id to the person (Graph `/users/{id}`). Null: not a person of the tenant,
   * and the message is dropped.
   */
  people: (userId: string) => Promise<Person | null>;
  /** Live Share allows one message per 50 ms. */
  minIntervalMs?: number;
  /** How long to wait for the host to know a sender that has just connected (ms between asks). */
  identifyRetryMs?: number[];
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

  /**
   * Live Share keeps no history: the caller has read SharePoint already, so no cursor is needed. Who we are
   * is the host's to say (the signed-in user behind our client), not the `me` given here.
   */
  async join(meetingKey: MeetingKey, _me: Person, _options?: LiveJoinOptions): Promise<void> {
    const host = this.options.host(meetingKey);
    const client = new LiveShareClient(host, {
      connection: this.options.connection,
    });
    const { container } = await client.joinContainer({ initialObjects: { events: LiveEvent } });
    const events = container.initialObjects.events as LiveEvent<Envelope | Hello>;
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
    // The sender is who the host says the sending client is: the clientId comes from the Fluid service
    // (Live Share overwrites any clientId in the content with it), never from the message. One lookup per
    // client; messages from one client keep their order (they wait on the same lookup).
    const senders = new Map<string, Promise<Person | null>>();
    const senderOf = (clientId: string): Promise<Person | null> => {
      let known = senders.get(clientId);
      if (!known) {
        known = this.identify(host, clientId).then((who) => {
          if (!who) senders.delete(clientId);
          return who;
        });
        senders.set(clientId, known);
      }
      return known;
    };
    events.on('received', (evt: unknown, local: boolean, clientId?: string) => {
      if (local || !clientId) return;
      const parsed = envelope.safeParse(evt);
      if (!parsed.success) return;
      const message = parsed.data.message as LiveMessage;
      void senderOf(clientId).then((from) => {
        if (!from || this.dispose === null) return;
        for (const listener of this.listeners) listener(message, from);
      });
    });
    // Tell the host who this client is: it binds the clientId to the signed-in user (in Teams the meeting
    // service, locally the local server's registry, from our token). Live Share does this only for its
    // synchronized objects (LiveState, LivePresence…), not for a LiveEvent alone; a reconnect is a new
    // clientId. Others drop our messages until the host knows us, so joined means registered.
    const register = async () => {
      const hello = await events.send({ hello: true });
      if (!hello.clientId) throw new Error('Live Share gave no clientId.');
      await host.registerClientId(hello.clientId);
      return hello.clientId;
    };
    try {
      const clientId = await register();
      // If this page cannot tell who a sender is (the directory refuses: no consent for User.ReadBasic.All,
      // or the host does not know its users), it would drop every message: better not go live and keep
      // polling at full speed. Checked on ourselves, the one client we know is registered.
      if (!(await this.identify(host, clientId)))
        throw new Error('The live channel cannot tell who sends a message; staying on polling.');
    } catch (e) {
      container.dispose();
      throw e;
    }
    container.on('connected', () => void register().catch(() => undefined));
    this.queue = new SendQueue(
      (message) => void events.send({ message } satisfies Envelope).catch(() => undefined),
      this.options.minIntervalMs ?? 50,
    );
    this.dispose = () => container.dispose();
  }

  /** The host's user behind a Fluid clientId, as a person of the tenant; null when it cannot say. */
  private async identify(host: ILiveShareHost, clientId: string): Promise<Person | null> {
    // A client that has just connected may not be registered with the host yet: ask again a few times.
    for (const wait of [0, ...(this.options.identifyRetryMs ?? [100, 200, 400, 800])]) {
      if (wait) await new Promise((r) => setTimeout(r, wait));
      try {
        const info = await host.getClientInfo(clientId);
        if (info?.userId) return await this.options.people(info.userId);
      } catch {
        // Not known (yet): ask again, then give up and drop the message.
      }
    }
    return null;
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
