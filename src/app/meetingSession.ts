import type { Decision } from '../domain/decision';
import { extractFollowUps, type FollowUp } from '../domain/followUp';
import { can, circleOf, roleIn } from '../domain/permissions';
import type {
  LiveChannel,
  LiveMessage,
  PollingChannelFactory,
  PollingLiveChannel,
} from '../ports/LiveChannel';
import type { Stored } from '../ports/ListStore';
import type { AppDeps } from './deps';
import { LiveRecorder, type RecorderOptions, type SaveState } from './liveRecorder';
import type { ClockAction } from './meetingClock';
import { openMeeting, type MeetingView } from './openMeeting';
import { PendingWrites } from './pendingWrites';
import { retryTransient } from './retryTransient';
import { globalTimers, type Timers } from './timers';

/** What the meeting page shows; a new object only when something in it changed. */
export interface MeetingSnapshot {
  readonly view: MeetingView | null;
  readonly error: unknown;
  readonly loading: boolean;
  /** Decision text per item, as shown (the referent's own typing included). */
  readonly texts: Readonly<Record<number, string>>;
  readonly saveStates: Readonly<Record<number, SaveState>>;
  readonly followUps: readonly FollowUp[];
  /** The last failed action (clock, referat), shown without leaving the page. */
  readonly actionError?: unknown;
  /** Who is writing which item right now (from the live channel): item number → name. */
  readonly typing: Readonly<Record<number, string>>;
  /** How the page hears about changes: 'liveShare' (instant) or 'polling' (every few seconds). */
  readonly liveKind: LiveChannel['kind'] | null;
}

export interface MeetingSessionOptions {
  /** Delta polling interval without a live channel. */
  watchIntervalMs: number;
  /** The SharePoint-polling channel, made by the composition root over the page's lists. */
  pollingChannel: PollingChannelFactory;
  /** The Live Share channel where the host has one; null or a failure means polling. */
  connectLive?: () => Promise<LiveChannel | null>;
  /** With a live channel, SharePoint is still read this often as a safety net. */
  safetyPollMs?: number;
  /** How long "X skriver…" stays without a new sign of typing. */
  typingShownMs?: number;
  /** Attempts to open the meeting while it fails transiently (a dropped connection, a 5xx). */
  loadTries?: number;
  loadRetryBaseMs?: number;
  timers?: Timers;
  /** Whether the page is seen (a hidden tab does not poll). */
  isActive?: () => boolean;
  /** The network is back: send what waits. Returns how to stop listening. */
  onOnline?: (listener: () => void) => () => void;
  recorder?: RecorderOptions;
  /** The profile's outbox for the clock (the page's own PendingWrites when not given). */
  writes?: PendingWrites;
}

const EMPTY: MeetingSnapshot = {
  view: null,
  error: null,
  loading: true,
  texts: {},
  saveStates: {},
  followUps: [],
  typing: {},
  liveKind: null,
};

/** One start of the session's jobs; `retry` and `dispose` end it, so a late answer of an old run is dropped. */
interface Run {
  stopped: boolean;
  cleanups: Array<() => void>;
  recorder: LiveRecorder | null;
  live: LiveChannel | null;
  polling: PollingLiveChannel | null;
}

/**
 * One meeting as a page shows it, kept live. SharePoint is read first (tried again by itself while it
 * fails transiently); then the session listens: on Live Share where the host has it (the referent's text
 * within a fraction of a second, who is typing, the clock), with SharePoint read once a minute as a safety
 * net; otherwise by delta polling every few seconds. For the referent, typing goes through the LiveRecorder
 * (outbox, autosave, conflicts) and is announced on the channel.
 *
 * Shaped for React's useSyncExternalStore: `subscribe`, `getSnapshot`, commands as methods, `dispose`.
 * A disposed session can be started again (React's StrictMode mounts twice).
 */
export class MeetingSession {
  private snapshot: MeetingSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private run: Run | null = null;
  /** Items whose text the referent typed here and SharePoint has not confirmed: a remote row does not replace it. */
  private readonly dirty = new Set<number>();
  /** Newest live text per item (the editor's clock): an older row read from SharePoint must not replace it. */
  private readonly liveSentAt = new Map<number, string>();
  private readonly typingTimers = new Map<number, unknown>();
  private liveRevision = 0;
  private readonly timers: Timers;
  private readonly writes: PendingWrites;

  constructor(
    private readonly deps: AppDeps,
    readonly key: string,
    private readonly options: MeetingSessionOptions,
  ) {
    this.timers = options.timers ?? globalTimers;
    this.writes = options.writes ?? new PendingWrites(deps, { timers: this.timers });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): MeetingSnapshot => this.snapshot;

  /** Open the meeting and start listening. */
  start(): void {
    if (this.run && !this.run.stopped) return;
    const run: Run = { stopped: false, cleanups: [], recorder: null, live: null, polling: null };
    this.run = run;
    this.dirty.clear();
    this.liveSentAt.clear();
    if (this.options.onOnline)
      run.cleanups.push(
        this.options.onOnline(() => {
          void run.recorder?.flush();
          void this.writes.resume();
        }),
      );
    if (!this.options.writes) run.cleanups.push(() => this.writes.dispose());
    void this.load(run);
  }

  /** Open again after a failure (the page's "Prøv igen"). */
  retry(): void {
    this.stop();
    this.start();
  }

  /** Stop every job: channels left, timers cleared, the recorder stopped. Nothing changes afterwards. */
  dispose(): void {
    this.stop();
  }

  /** The referent typed: shown at once, kept durably, then announced on the live channel. */
  edit(itemNumber: number, itemTitle: string, text: string): void {
    const run = this.run;
    this.dirty.add(itemNumber);
    this.set({ texts: { ...this.snapshot.texts, [itemNumber]: text } });
    const recording = run?.recorder?.editDecision({ itemNumber, itemTitle, text, status: 'Kladde' });
    // Kept durably first, then announced: the channel carries only what is saved or being saved.
    recording
      ?.then(() =>
        run?.live?.send({
          kind: 'decision',
          itemNumber,
          text: this.liveText(itemNumber, text),
          version: `local:${++this.liveRevision}`,
          editorUpn: this.deps.me.upn,
          sentAt: this.deps.clock.now(),
        }),
      )
      .catch((e: unknown) =>
        this.set({
          saveStates: {
            ...this.snapshot.saveStates,
            [itemNumber]: { kind: 'error', message: e instanceof Error ? e.message : String(e) },
          },
        }),
      );
  }

  /** Send what is pending now (the editor lost focus). */
  flush(): void {
    void this.run?.recorder?.flush();
  }

  /** After a conflict: the text the referent chose to keep. */
  resolve(itemNumber: number, text: string): void {
    this.set({ texts: { ...this.snapshot.texts, [itemNumber]: text } });
    void this.run?.recorder?.resolveConflict(LiveRecorder.decisionSlot(this.key, itemNumber), text);
  }

  addFollowUp(itemNumber: number, text: string): void {
    const extracted = extractFollowUps(text)[0];
    const followUp: FollowUp = {
      id: crypto.randomUUID(),
      itemNumber,
      owners: extracted?.owners ?? [],
      task: text,
      status: 'Åben',
    };
    this.set({ followUps: [...this.snapshot.followUps, followUp] });
    void this.run?.recorder?.editFollowUp(followUp);
  }

  /** A newer view written elsewhere on the page (the referat panel). */
  setView(view: MeetingView): void {
    this.set({ view });
  }

  fail(error: unknown): void {
    this.set({ actionError: error });
  }

  /**
   * Start, next item, end: kept in the outbox and shown at once, stored on MeetingProgress, then told to
   * everyone listening. Offline, it is sent when the network is back.
   */
  driveClock(action: ClockAction): void {
    const view = this.snapshot.view;
    const run = this.run;
    if (!view || !run) return;
    this.writes.driveClock(view, action).then(
      (result) => {
        if (run.stopped) return;
        if (result.kind === 'queued') return void (result.value && this.set({ view: result.value }));
        const next = result.value;
        this.set({ view: next, actionError: undefined });
        if (next.meeting.timer)
          run.live?.send({
            kind: 'timer',
            timer: next.meeting.timer,
            status: next.meeting.status,
            sentAt: this.deps.clock.now(),
          });
      },
      (e: unknown) => {
        if (!run.stopped) this.fail(e);
      },
    );
  }

  private stop(): void {
    const run = this.run;
    if (!run || run.stopped) return;
    run.stopped = true;
    for (const cleanup of run.cleanups.splice(0)) cleanup();
    run.recorder?.stop();
    void run.polling?.leave();
    run.polling = null;
    if (run.live) void run.live.leave();
    run.live = null;
    for (const t of this.typingTimers.values()) this.timers.clearTimeout(t);
    this.typingTimers.clear();
  }

  private set(patch: Partial<MeetingSnapshot>): void {
    const changed = (Object.keys(patch) as Array<keyof MeetingSnapshot>).some(
      (k) => patch[k] !== this.snapshot[k],
    );
    if (!changed) return;
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }

  private async load(run: Run): Promise<void> {
    this.set({ loading: true, error: null });
    try {
      const view = await retryTransient(() => openMeeting(this.deps, this.key), {
        tries: this.options.loadTries ?? 6,
        baseMs: this.options.loadRetryBaseMs,
        wait: (ms) => new Promise<void>((resolve) => this.timers.setTimeout(resolve, ms)),
      });
      if (run.stopped) return;
      await this.record(run, view);
      if (run.stopped) return;
      await this.listen(run, view);
    } catch (error) {
      if (!run.stopped) this.set({ error, loading: false });
    }
  }

  /** The recorder, seeded with the rows just read; text typed earlier on this computer is shown again. */
  private async record(run: Run, view: MeetingView): Promise<void> {
    const texts: Record<number, string> = {};
    for (const [n, d] of Object.entries(view.decisions)) texts[Number(n)] = d.value.text;
    const rec = new LiveRecorder(this.deps, view, { timers: this.timers, ...this.options.recorder });
    run.recorder = rec;
    rec.seed(Object.values(view.decisions), view.followUps);
    run.cleanups.push(
      rec.onState((slot, saveState) => {
        if (slot.kind !== 'decision') return;
        const { itemNumber } = slot;
        if (saveState.kind === 'saved') this.dirty.delete(itemNumber);
        this.set({ saveStates: { ...this.snapshot.saveStates, [itemNumber]: saveState } });
      }),
      rec.onSaved((row, slot) => {
        if (slot.kind !== 'decision') return;
        const d = row.value as Decision;
        run.live?.send({
          kind: 'decision',
          itemNumber: d.itemNumber,
          text: this.liveText(d.itemNumber, d.text),
          version: row.eTag,
          editorUpn: d.editorUpn,
          sentAt: d.updatedAt,
        });
      }),
    );
    const pending = rec.canWrite() ? await rec.resume() : [];
    if (run.stopped) return;
    for (const entry of pending) {
      if (entry.kind !== 'decision') continue;
      const d = entry.payload as Decision;
      texts[d.itemNumber] = d.text;
      this.dirty.add(d.itemNumber);
    }
    this.set({ view, error: null, loading: false, texts, followUps: view.followUps.map((f) => f.value) });
  }

  /** Polling at once; Live Share for the meeting's members where the host has it. */
  private async listen(run: Run, view: MeetingView): Promise<void> {
    const { watchIntervalMs, connectLive, safetyPollMs = 600_000 } = this.options;
    await this.startPolling(run, view, watchIntervalMs, 4);
    if (run.stopped) return;
    this.set({ liveKind: 'polling' });
    // Guests and site readers stay on polling: the live session is for the meeting's members.
    if (!connectLive || !can(view.role, 'readClosedItems')) return;
    try {
      const channel = await connectLive();
      if (!channel || run.stopped) return void channel?.leave();
      await channel.join(this.key, this.deps.me, { decisionsCursor: view.decisionsCursor });
      if (run.stopped) return void channel.leave();
      run.live = channel;
      channel.onMessage((message, from) => {
        if (this.mayWriteLive(from.upn)) this.onMessage(run, message, from);
      });
      // Live now: SharePoint once a minute is enough to catch anything the channel missed.
      await this.startPolling(run, view, safetyPollMs, 0);
      if (!run.stopped) this.set({ liveKind: channel.kind });
    } catch {
      // No live service (or it failed): keep polling, which already runs.
    }
  }

  private async startPolling(run: Run, view: MeetingView, intervalMs: number, timerEvery: number) {
    await run.polling?.leave();
    if (run.stopped) return;
    const polling = this.options.pollingChannel({
      intervalMs,
      idleIntervalMs: timerEvery ? undefined : intervalMs,
      isActive: this.options.isActive,
      timerEvery,
    });
    run.polling = polling;
    polling.onMessage((message, from) => this.onMessage(run, message, from));
    await polling.join(this.key, this.deps.me, { decisionsCursor: view.decisionsCursor });
    if (run.stopped) await polling.leave();
  }

  private onMessage(run: Run, message: LiveMessage, from: { upn: string; name: string }): void {
    if (run.stopped) return;
    if (message.kind === 'decision') {
      if (message.row) {
        const row: Stored<Decision> = message.row;
        run.recorder?.serverChanged(row);
        const newer = this.liveSentAt.get(row.value.itemNumber);
        if (newer && row.value.updatedAt < newer) return;
        this.showText(row.value.itemNumber, row.value.text);
        return;
      }
      if (message.text === null || this.isClosed(message.itemNumber)) {
        // A closed item or a very long text: read the saved version from SharePoint.
        const saved = !message.version.startsWith('local:');
        this.showTyping(message.itemNumber, saved ? null : from.name);
        if (saved) void run.polling?.poll();
        return;
      }
      this.liveSentAt.set(message.itemNumber, message.sentAt);
      this.showText(message.itemNumber, message.text);
      this.showTyping(message.itemNumber, message.version.startsWith('local:') ? from.name : null);
    } else if (message.kind === 'typing') {
      this.showTyping(message.itemNumber, from.name);
    } else {
      const view = this.snapshot.view;
      if (view)
        this.set({
          view: { ...view, meeting: { ...view.meeting, timer: message.timer, status: message.status } },
        });
    }
  }

  /** The merge rule: text the referent typed here and SharePoint has not confirmed wins over a remote one. */
  private showText(itemNumber: number, text: string): void {
    if (this.dirty.has(itemNumber) || !this.snapshot.view?.items.some((i) => i.number === itemNumber)) return;
    if (this.snapshot.texts[itemNumber] === text) return;
    this.set({ texts: { ...this.snapshot.texts, [itemNumber]: text } });
  }

  private showTyping(itemNumber: number, name: string | null): void {
    this.timers.clearTimeout(this.typingTimers.get(itemNumber));
    this.typingTimers.delete(itemNumber);
    if (name)
      this.typingTimers.set(
        itemNumber,
        this.timers.setTimeout(() => this.showTyping(itemNumber, null), this.options.typingShownMs ?? 4000),
      );
    const current = this.snapshot.typing[itemNumber];
    if ((name ?? undefined) === current) return;
    const typing = { ...this.snapshot.typing };
    if (name) typing[itemNumber] = name;
    else delete typing[itemNumber];
    this.set({ typing });
  }

  /**
   * Everyone in the Live Share session hears what is sent, and a session cannot leave anyone out: the text
   * of a closed item never goes on the channel — only "changed", and members read it from SharePoint,
   * which checks who may.
   */
  private isClosed(itemNumber: number): boolean {
    return !!this.snapshot.view?.items.find((i) => i.number === itemNumber)?.closed;
  }

  private liveText(itemNumber: number, text: string): string | null {
    return this.isClosed(itemNumber) ? null : text;
  }

  /**
   * Only the referent and the organizer write decisions and drive the clock: whatever anyone else in the
   * session sends (a stray client, someone who joined by hand) is not shown. `upn` is the sender as the
   * channel's host identifies it, never whom the message names. SharePoint, which checks the writer, stays
   * the record either way.
   */
  private mayWriteLive(upn: string): boolean {
    const v = this.snapshot.view;
    return !!v && can(roleIn(circleOf(v.meeting, v.items), upn), 'writeDecision');
  }
}
