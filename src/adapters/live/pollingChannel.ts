import type { Decision } from '../../domain/decision';
import type { MeetingKey } from '../../domain/meeting';
import type { Person } from '../../domain/person';
import type {
  LiveJoinOptions,
  LiveMessage,
  PollingLiveChannel,
  PollingOptions,
} from '../../ports/LiveChannel';
import type { ListStore, Stored } from '../../ports/ListStore';
import type { BroadcastLike, PollingEnvironment } from './pollingEnvironment';
import { clockOf, decisionMessage, NO_ONE, type SharedRead } from './pollMessages';
import { PollPace } from './pollPace';

export type PollingChannelOptions = PollingOptions;

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
  private readonly pace: PollPace;

  constructor(
    private readonly lists: ListStore,
    private readonly options: PollingChannelOptions = {},
    private readonly env: PollingEnvironment = {},
  ) {
    this.pace = new PollPace(options);
  }

  async join(meetingKey: MeetingKey, me: Person, joinOptions: LiveJoinOptions = {}): Promise<void> {
    this.key = meetingKey;
    // Per person too: two people signed in to one profile (local mode) must not share what they may read.
    this.lockId = `moedeassistent-poll:${me.upn.toLowerCase()}:${meetingKey}`;
    this.cursor = joinOptions.decisionsCursor;
    this.joined = true;
    // The page has just read SharePoint (the cursor is from that read): the first poll is one interval on.
    this.pace.start();
    if (this.env.locks && this.env.broadcast) {
      this.bus = this.env.broadcast(this.lockId);
      this.bus.onmessage = (event) => this.hear(event.data as SharedRead);
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
      this.bus.postMessage({ type: 'pollNow' } satisfies SharedRead);
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
    this.schedule(this.pace.dueIn());
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
        if (this.leading) this.schedule(this.pace.interval());
      });
    }, ms);
  }

  private read(what: 'decisions' | 'clock'): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.inFlight = (what === 'clock' ? this.readClock() : this.readDecisions())
      .then(
        () => this.pace.succeeded(),
        (e: unknown) => {
          this.pace.failed(e);
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
    this.pace.polled(polledAt, changes.changed.length > 0);
    if (changes.changed.length) {
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
    const polledAt = Date.now();
    this.pace.polled(polledAt, false);
    const { seen, message } = clockOf(progress, this.lastTimer);
    this.lastTimer = seen;
    if (!message) return this.share({ type: 'polled', cursor: this.cursor, polledAt });
    this.share({ type: 'timer', message, seen, polledAt });
    this.emit(message, NO_ONE);
  }

  private share(message: SharedRead): void {
    if (this.env.locks) this.bus?.postMessage(message);
  }

  private hear(message: SharedRead): void {
    if (!this.joined) return;
    if (message.type === 'pollNow') {
      if (this.leading) void this.read('decisions');
      return;
    }
    this.pace.heard(message.polledAt, message.type === 'decisions');
    if (message.type === 'decisions') {
      this.cursor = message.cursor;
      this.emitDecisions(message.changed);
    } else if (message.type === 'timer') {
      this.lastTimer = message.seen;
      this.emit(message.message, NO_ONE);
    } else if (message.cursor) this.cursor = message.cursor;
  }

  private emitDecisions(changed: Stored<Decision>[]): void {
    for (const row of changed) {
      const { message, from } = decisionMessage(row);
      this.emit(message, from);
    }
  }

  private emit(message: LiveMessage, from: Person): void {
    for (const listener of this.listeners) listener(message, from);
  }
}
