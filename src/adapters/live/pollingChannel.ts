import type { Decision } from '../../domain/decision';
import type { MeetingKey } from '../../domain/meeting';
import type { Person } from '../../domain/person';
import { PortError } from '../../ports/errors';
import type {
  LiveJoinOptions,
  LiveMessage,
  PollingLiveChannel,
  PollingOptions,
} from '../../ports/LiveChannel';
import type { ListStore, Stored } from '../../ports/ListStore';

export type PollingChannelOptions = PollingOptions;

/** `document.visibilityState` as a signal (the composition root passes the page's; tests pass a fake). */
export interface VisibilitySignal {
  visible(): boolean;
  onChange(listener: () => void): () => void;
}

/** The part of the Web Locks API (`navigator.locks`) the poller uses. */
export interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

/** The part of BroadcastChannel the poller uses. */
export interface BroadcastLike {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

/**
 * Where the poller runs. Without `locks` and `broadcast` (an old browser, Node) each page polls by itself;
 * without `visibility` the page counts as always visible.
 */
export interface PollingEnvironment {
  visibility?: VisibilitySignal;
  locks?: LockManagerLike;
  broadcast?: (name: string) => BroadcastLike;
}

/** What the leading page tells the others of the same meeting in this browser profile. */
type Shared =
  | { type: 'decisions'; changed: Stored<Decision>[]; cursor: string; polledAt: number }
  | { type: 'timer'; message: Extract<LiveMessage, { kind: 'timer' }>; seen: string; polledAt: number }
  | { type: 'polled'; cursor: string | undefined; polledAt: number }
  | { type: 'pollNow' };

/** Longest wait after repeated failures or a 429 without Retry-After. */
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * The live channel where there is no Live Share (Outlook, a browser without the local Fluid service): the
 * SharePoint record itself, read by delta (only rows changed since the last read come back). Budgeted per
 * watcher, since every request counts against the tenant's SharePoint quota:
 * - one request per tick: the Decisions delta, and every `timerEvery`-th tick the clock instead (the
 *   MeetingProgress row, a single item once its id is known) — never a $batch, whose steps SharePoint
 *   counts one by one;
 * - after a read that brought a change, the next one waits the referent's autosave spacing
 *   (`saveSpacingMs`): the read in between would almost never find the next save yet;
 * - nothing while the page is hidden; reading again at once when it comes back;
 * - one poller per browser profile and meeting: the pages of the meeting that are visible queue for a Web
 *   Lock, the holder polls and tells the others over a BroadcastChannel (rows, cursor, when it polled),
 *   so a second tab or pane adds no request and a new leader continues where the last one was;
 * - after a 429 it waits at least Retry-After, and doubles its interval while failures go on.
 * Sending is a no-op: what the referent types reaches the others by being saved.
 */
export class PollingChannel implements PollingLiveChannel {
  readonly kind = 'polling' as const;
  private readonly listeners = new Set<(message: LiveMessage, from: Person) => void>();
  private key: MeetingKey = '';
  private lockId = '';
  private cursor: string | undefined;
  private lastTimer = '';
  private joined = false;
  private leading = false;
  private waiting: AbortController | null = null;
  private release: (() => void) | null = null;
  private bus: BroadcastLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private unwatch: (() => void) | null = null;
  private tick = 0;
  private lastPollAt = -Infinity;
  private lastChangeAt = Date.now();
  /** Whether the last read (here or by the leader) brought changed decisions. */
  private changedLastRead = false;
  private failures = 0;
  private retryAfterMs = 0;

  constructor(
    private readonly lists: ListStore,
    private readonly options: PollingChannelOptions = {},
    private readonly env: PollingEnvironment = {},
  ) {}

  async join(meetingKey: MeetingKey, me: Person, joinOptions: LiveJoinOptions = {}): Promise<void> {
    this.key = meetingKey;
    // Per person too: two people signed in to one profile (local mode) must not share what they may read.
    this.lockId = `moedeassistent-poll:${me.upn.toLowerCase()}:${meetingKey}`;
    this.cursor = joinOptions.decisionsCursor;
    this.joined = true;
    // The page has just read SharePoint (the cursor is from that read): the first poll is one interval on.
    this.lastChangeAt = Date.now();
    this.lastPollAt = Date.now();
    if (this.env.locks && this.env.broadcast) {
      this.bus = this.env.broadcast(this.lockId);
      this.bus.onmessage = (event) => this.hear(event.data as Shared);
    }
    this.unwatch = this.env.visibility?.onChange(() => this.update()) ?? null;
    this.update();
  }

  send(_message: LiveMessage): void {
    // Saved text reaches the others through SharePoint.
  }

  /** Read now (a live message said "changed" without its text): the leader reads, wherever it is. */
  poll(): Promise<void> {
    if (!this.joined) return Promise.resolve();
    if (this.bus && !this.leading && this.env.locks) {
      this.bus.postMessage({ type: 'pollNow' } satisfies Shared);
      return Promise.resolve();
    }
    return this.read('decisions');
  }

  onMessage(listener: (message: LiveMessage, from: Person) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async leave(): Promise<void> {
    this.joined = false;
    this.resign();
    this.unwatch?.();
    this.unwatch = null;
    this.bus?.close();
    this.bus = null;
    this.listeners.clear();
  }

  private visible(): boolean {
    return (
      (this.env.visibility?.visible() ?? true) && (this.options.isActive ? this.options.isActive() : true)
    );
  }

  /** Lead while visible (or queue for the lock); step down when hidden or gone. */
  private update(): void {
    if (!this.joined || !this.visible()) return this.resign();
    if (this.leading || this.waiting) return;
    const locks = this.env.locks;
    if (!locks || !this.bus) return this.lead();
    const waiting = new AbortController();
    this.waiting = waiting;
    locks
      .request(
        this.lockId,
        { signal: waiting.signal },
        () =>
          new Promise<void>((release) => {
            this.waiting = null;
            this.release = release;
            if (!this.joined || !this.visible()) return this.resign();
            this.lead();
          }),
      )
      .catch(() => {
        // Aborted while queued: this page was hidden or left before its turn.
      });
  }

  private lead(): void {
    this.leading = true;
    this.schedule(Math.max(0, this.lastPollAt + this.interval() - Date.now()));
  }

  private resign(): void {
    this.leading = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.waiting?.abort();
    this.waiting = null;
    this.release?.();
    this.release = null;
  }

  private interval(): number {
    const intervalMs = this.options.intervalMs ?? 15_000;
    const idle = Date.now() - this.lastChangeAt >= 60_000;
    const busy = this.changedLastRead ? Math.max(intervalMs, this.options.saveSpacingMs ?? 0) : intervalMs;
    const base = idle ? (this.options.idleIntervalMs ?? intervalMs * 4) : busy;
    const backoff = this.failures ? Math.min(MAX_BACKOFF_MS, base * 2 ** this.failures) : base;
    return Math.max(backoff, this.retryAfterMs);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.leading) return;
      if (!this.visible()) return this.resign();
      const every = this.options.timerEvery ?? 4;
      this.tick += 1;
      const what = every > 0 && this.tick % every === 0 ? 'clock' : 'decisions';
      void this.read(what).finally(() => {
        if (this.leading) this.schedule(this.interval());
      });
    }, ms);
  }

  private read(what: 'decisions' | 'clock'): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.inFlight = (what === 'clock' ? this.readClock() : this.readDecisions())
      .then(
        () => {
          this.failures = 0;
          this.retryAfterMs = 0;
        },
        (e: unknown) => {
          this.failures += 1;
          this.retryAfterMs = e instanceof PortError ? (e.details.retryAfterMs ?? 0) : 0;
          this.options.onError?.(e);
        },
      )
      .finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async readDecisions(): Promise<void> {
    const changes = await this.lists.decisionChanges(this.key, this.cursor);
    const polledAt = Date.now();
    this.cursor = changes.cursor;
    this.lastPollAt = polledAt;
    this.changedLastRead = changes.changed.length > 0;
    if (changes.changed.length) {
      this.lastChangeAt = polledAt;
      this.share({ type: 'decisions', changed: changes.changed, cursor: changes.cursor, polledAt });
      this.emitDecisions(changes.changed);
    } else this.share({ type: 'polled', cursor: changes.cursor, polledAt });
  }

  /**
   * The MeetingProgress row alone (a single item once its id is known): every clock move writes the
   * timer with its status ('I gang', 'Afsluttet'), so the row says all a watcher's clock needs.
   */
  private async readClock(): Promise<void> {
    const progress = await this.lists.readProgress(this.key);
    const status = progress?.value.status;
    this.lastPollAt = Date.now();
    this.changedLastRead = false;
    const timer = progress?.value.timer;
    const seen = JSON.stringify([timer ?? null, status ?? null]);
    if (seen === this.lastTimer || !timer || !status) {
      this.lastTimer = seen;
      this.share({ type: 'polled', cursor: this.cursor, polledAt: this.lastPollAt });
      return;
    }
    this.lastTimer = seen;
    const message = {
      kind: 'timer' as const,
      timer,
      status,
      sentAt: new Date().toISOString(),
    };
    this.share({ type: 'timer', message, seen, polledAt: this.lastPollAt });
    this.emit(message, { upn: '', name: '' });
  }

  private share(message: Shared): void {
    if (this.env.locks) this.bus?.postMessage(message);
  }

  private hear(message: Shared): void {
    if (!this.joined) return;
    if (message.type === 'pollNow') {
      if (this.leading) void this.read('decisions');
      return;
    }
    this.lastPollAt = Math.max(this.lastPollAt, message.polledAt);
    this.changedLastRead = message.type === 'decisions';
    if (message.type === 'decisions') {
      this.cursor = message.cursor;
      this.lastChangeAt = message.polledAt;
      this.emitDecisions(message.changed);
    } else if (message.type === 'timer') {
      this.lastTimer = message.seen;
      this.emit(message.message, { upn: '', name: '' });
    } else if (message.cursor) this.cursor = message.cursor;
  }

  private emitDecisions(changed: Stored<Decision>[]): void {
    for (const row of changed)
      this.emit(
        {
          kind: 'decision',
          itemNumber: row.value.itemNumber,
          text: row.value.text,
          version: row.eTag,
          editorUpn: row.value.editorUpn,
          sentAt: row.value.updatedAt,
          row,
        },
        { upn: row.value.editorUpn, name: row.value.editorUpn },
      );
  }

  private emit(message: LiveMessage, from: Person): void {
    for (const listener of this.listeners) listener(message, from);
  }
}

/** The page's own visibility, Web Locks and BroadcastChannel, where the browser has them. */
export function pageEnvironment(page: {
  document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  navigator: { locks?: LockManagerLike };
  BroadcastChannel?: typeof BroadcastChannel;
}): PollingEnvironment {
  const { document, navigator } = page;
  const Channel = page.BroadcastChannel;
  return {
    visibility: {
      visible: () => document.visibilityState === 'visible',
      onChange(listener) {
        document.addEventListener('visibilitychange', listener);
        return () => document.removeEventListener('visibilitychange', listener);
      },
    },
    locks: navigator.locks,
    // A BroadcastChannel's onmessage receives a MessageEvent, which has the `data` the poller reads.
    broadcast: Channel ? (name) => new Channel(name) as unknown as BroadcastLike : undefined,
  };
}
