import { sameUpn } from '../domain/person';
import type { Decision } from '../domain/decision';
import type { FollowUp } from '../domain/followUp';
import type { MeetingKey } from '../domain/meeting';
import { can, type Role } from '../domain/permissions';
import { validateDecision } from '../domain/validation';
import { Conflict, Forbidden, isTransient, Offline, PortError, Unauthorized } from '../ports/errors';
import type { ErrorCode } from '../ports/errors';
import type { Stored } from '../ports/ListStore';
import { slotKey, type OutboxEntry, type OutboxSlot } from '../ports/Outbox';
import type { AppDeps } from './deps';
import { AUTOSAVE_SPACING_MS } from './autosaveSpacing';
import { backoffMs } from './retryTransient';
import { globalTimers, type Timers } from './timers';

/** What the referent sees next to each text: "Gemmer…", "Gemt", "Offline – gemmes når forbindelsen er tilbage". */
export type SaveState =
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'offline' }
  | { kind: 'conflict'; mine: string; theirs: string; theirsEditor: string }
  | { kind: 'error'; message: string; code?: ErrorCode };

export interface RecorderOptions {
  /** Autosave this long after typing stops. */
  debounceMs?: number;
  /**
   * While typing goes on, autosave an item no sooner than this after its last autosave: each save is 2 resource units of
   * the tenant's SharePoint quota (docs/adr/008-budgets.md), and watchers on Live Share have the text anyway.
   */
  minSaveIntervalMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** The page's timers and clock by default; a test's fake ones. */
  timers?: Timers;
}

/** The recorder's own writes: the referent's text of an item, and a follow-up. */
export type RecorderSlot = Extract<OutboxSlot, { kind: 'decision' | 'followUp' }>;
/** Its stored key (slotKey): what the recorder's maps are keyed by. */
type Key = string;

export const SIGNED_OUT: ErrorCode = 'signedOutKeptLocally';
export const FORBIDDEN_DECISION: ErrorCode = 'onlyWritersDecide';
export const NOT_ACCEPTED_YET: ErrorCode = 'notAcceptedYetKeptLocally';
/** After this many passes in a row that left an entry for later, the page says so beside its text. */
const STUCK_PASSES_SHOWN = 3;

/**
 * Records what the referent types, so that nothing is lost: every edit goes first into the durable outbox
 * (IndexedDB), then — debounced — to SharePoint, in order. A dropped network or a 429 leaves the text in the
 * outbox and retries with back-off; a reload picks it up again (`resume`). A write that finds a newer version
 * by someone else (412) is never forced: it becomes a conflict the user resolves.
 */
export class LiveRecorder {
  private readonly known = new Map<Key, Stored<Decision | FollowUp>>();
  private readonly debounce = new Map<Key, unknown>();
  private readonly states = new Map<Key, SaveState>();
  private readonly listeners = new Set<(slot: RecorderSlot, state: SaveState) => void>();
  private readonly savedListeners = new Set<(row: Stored<Decision | FollowUp>, slot: RecorderSlot) => void>();
  private draining: Promise<void> | null = null;
  private again = false;
  private retryTimer: unknown = null;
  private failures = 0;
  /** Drains in a row that ended with entries left for later. */
  private stuckPasses = 0;
  /** When each slot's autosave last went out. */
  private readonly lastAutosave = new Map<Key, number>();
  private stopped = false;
  private readonly timers: Timers;
  private readonly opts: Required<Omit<RecorderOptions, 'timers'>>;

  constructor(
    private readonly deps: AppDeps,
    private readonly meeting: { key: MeetingKey; role: Role },
    options: RecorderOptions = {},
  ) {
    const { timers, ...rest } = options;
    this.timers = timers ?? globalTimers;
    this.opts = {
      debounceMs: 1000,
      minSaveIntervalMs: AUTOSAVE_SPACING_MS,
      retryBaseMs: 1000,
      retryMaxMs: 15000,
      ...rest,
    };
  }

  static decisionSlot(meetingKey: MeetingKey, itemNumber: number): RecorderSlot {
    return { kind: 'decision', meetingKey, itemNumber };
  }

  static followUpSlot(meetingKey: MeetingKey, followUpId: string): RecorderSlot {
    return { kind: 'followUp', meetingKey, followUpId };
  }

  /** The rows as last read from SharePoint. */
  seed(decisions: Stored<Decision>[], followUps: Stored<FollowUp>[] = []): void {
    for (const d of decisions)
      this.known.set(slotKey(LiveRecorder.decisionSlot(this.meeting.key, d.value.itemNumber)), d);
    for (const f of followUps)
      this.known.set(slotKey(LiveRecorder.followUpSlot(this.meeting.key, f.value.id)), f);
  }

  /** A row changed on the server (seen by polling or the live channel). */
  serverChanged(row: Stored<Decision>): void {
    const key = slotKey(LiveRecorder.decisionSlot(this.meeting.key, row.value.itemNumber));
    const pending = this.states.get(key);
    if (pending && pending.kind !== 'saved') return; // our pending text decides; a 412 will surface any conflict
    this.known.set(key, row);
  }

  onState(listener: (slot: RecorderSlot, state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onSaved(listener: (row: Stored<Decision | FollowUp>, slot: RecorderSlot) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  state(slot: RecorderSlot): SaveState | undefined {
    return this.states.get(slotKey(slot));
  }

  /** Texts typed earlier that never reached SharePoint (after a reload): shown again in the editors. */
  async resume(): Promise<OutboxEntry[]> {
    const pending = await this.mine();
    for (const entry of pending) {
      if (entry.conflict) this.setState(entry, this.conflictState(entry));
      else this.setState(entry, { kind: 'saving' });
    }
    if (pending.some((e) => !e.conflict)) void this.flush();
    return pending;
  }

  /** The referent typed: keep it durably now, send it when typing pauses. */
  async editDecision(decision: Omit<Decision, 'editorUpn' | 'updatedAt'>): Promise<void> {
    this.assertMayWrite();
    const full = validateDecision({
      ...decision,
      editorUpn: this.deps.me.upn,
      updatedAt: this.deps.clock.now(),
    });
    await this.enqueue(LiveRecorder.decisionSlot(this.meeting.key, full.itemNumber), full);
  }

  async editFollowUp(followUp: FollowUp): Promise<void> {
    this.assertMayWrite();
    await this.enqueue(LiveRecorder.followUpSlot(this.meeting.key, followUp.id), followUp);
  }

  /** Send what is pending now (on blur, when the network is back). */
  flush(): Promise<void> {
    for (const t of this.debounce.values()) this.timers.clearTimeout(t);
    this.debounce.clear();
    if (this.retryTimer !== null) {
      this.timers.clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.flush();
      }
    });
    return this.draining;
  }

  /** The user chose the text to keep after a conflict: it is written over the version they have now seen. */
  async resolveConflict(slot: RecorderSlot, text: string): Promise<void> {
    const key = slotKey(slot);
    const entry = await this.deps.outbox.get(key);
    if (!entry?.conflict) return;
    const payload = {
      ...(entry.payload as Decision),
      text,
      editorUpn: this.deps.me.upn,
      updatedAt: this.deps.clock.now(),
    };
    await this.deps.outbox.put({
      ...entry,
      payload,
      baseETag: entry.conflict.serverETag,
      conflict: undefined,
    });
    await this.deps.outbox.update(key, { conflict: undefined, baseETag: entry.conflict.serverETag });
    this.setState(entry, { kind: 'saving' });
    await this.flush();
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.debounce.values()) this.timers.clearTimeout(t);
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
  }

  /** Whether this person may write decisions in this meeting (the referent or the organizer). */
  canWrite(): boolean {
    return can(this.meeting.role, 'writeDecision');
  }

  /** The referent's entries of this meeting; the page's other writes (afbud, clock…) are PendingWrites'. */
  private async mine(): Promise<OutboxEntry[]> {
    return (await this.deps.outbox.list(this.meeting.key)).filter(
      (e) => e.kind === 'decision' || e.kind === 'followUp',
    );
  }

  private assertMayWrite(): void {
    if (!can(this.meeting.role, 'writeDecision'))
      throw new Forbidden('Not a writer', { code: FORBIDDEN_DECISION });
  }

  private async enqueue(slot: RecorderSlot, payload: Decision | FollowUp): Promise<void> {
    const key = slotKey(slot);
    const existing = await this.deps.outbox.get(key);
    const entry = await this.deps.outbox.put({
      slot: key,
      kind: slot.kind,
      meetingKey: this.meeting.key,
      payload,
      baseETag: existing ? undefined : this.known.get(key)?.eTag,
      updatedAt: this.deps.clock.now(),
    });
    if (existing?.conflict) {
      this.setState(entry, this.conflictState({ ...existing, payload }));
      return;
    }
    if (this.states.get(key)?.kind !== 'offline') this.setState(entry, { kind: 'saving' });
    if (this.debounce.has(key)) this.timers.clearTimeout(this.debounce.get(key));
    this.debounce.set(
      key,
      this.timers.setTimeout(
        () => {
          this.debounce.delete(key);
          this.lastAutosave.set(key, this.timers.now());
          void this.flush();
        },
        Math.max(
          this.opts.debounceMs,
          (this.lastAutosave.get(key) ?? -Infinity) + this.opts.minSaveIntervalMs - this.timers.now(),
        ),
      ),
    );
  }

  private async drain(): Promise<void> {
    // Entries that must wait for a later pass (their row is in a state only time resolves, e.g. another
    // first write half made): the others go on, so one stuck item never holds back the rest of the meeting.
    const later = new Map<Key, { entry: OutboxEntry; error: PortError | undefined }>();
    for (;;) {
      if (this.stopped) return;
      const entries = (await this.mine()).filter((e) => !e.conflict && !later.has(e.slot));
      if (entries.length === 0) {
        if (later.size === 0) {
          this.failures = 0;
          this.stuckPasses = 0;
          return;
        }
        this.stuckPasses += 1;
        // Passes have not resolved it by themselves: say so beside the text (kept, and still tried).
        if (this.stuckPasses >= STUCK_PASSES_SHOWN)
          for (const { entry } of later.values())
            this.setState(entry, { kind: 'error', code: NOT_ACCEPTED_YET, message: 'Not accepted yet' });
        const errors = [...later.values()].map((l) => l.error);
        this.scheduleRetry(
          errors.find((e) => e?.details.retryAfterMs),
          this.stuckPasses,
        );
        return;
      }
      const outcome = await this.writeOne(entries[0]);
      if (outcome === 'pause') return;
      if (outcome !== 'next') later.set(entries[0].slot, { entry: entries[0], error: outcome.later });
    }
  }

  /** Write one entry: go on with the next, pause the whole drain (network, throttling, sign-in), or try it later. */
  private async writeOne(entry: OutboxEntry): Promise<'next' | 'pause' | { later: PortError | undefined }> {
    try {
      const row = await this.save(entry, entry.baseETag);
      await this.confirmed(entry, row);
      this.failures = 0;
      return 'next';
    } catch (e) {
      if (!(e instanceof Conflict)) return (await this.afterFailure(entry, e)) ? 'next' : 'pause';
      try {
        await this.onConflict(entry);
        return 'next';
      } catch (again) {
        // The row moved again between reading it and writing over it (or the reading failed): the entry
        // stays in the outbox and a later pass reads afresh. Never out of the drain as a rejection.
        if (again instanceof Unauthorized || isTransient(again))
          return (await this.afterFailure(entry, again)) ? 'next' : 'pause';
        return { later: again instanceof PortError ? again : undefined };
      }
    }
  }

  /** A write that failed other than by a conflict: pause on network and sign-in, else say why and go on. */
  private async afterFailure(entry: OutboxEntry, e: unknown): Promise<boolean> {
    if (e instanceof Unauthorized) {
      // Sign-in lapsed and could not be renewed silently: keep every text, say so, and try again later.
      for (const pending of await this.mine())
        if (!pending.conflict)
          this.setState(pending, { kind: 'error', code: SIGNED_OUT, message: 'Signed out' });
      this.scheduleRetry(e);
      return false;
    }
    if (isTransient(e)) {
      for (const pending of await this.mine()) {
        if (!pending.conflict)
          this.setState(pending, e instanceof Offline ? { kind: 'offline' } : { kind: 'saving' });
      }
      this.scheduleRetry(e as PortError);
      return false;
    }
    await this.deps.outbox.remove(entry.slot, entry.revision);
    const message = e instanceof Error ? e.message : String(e);
    this.setState(entry, { kind: 'error', message });
    return true;
  }

  private async confirmed(entry: OutboxEntry, row: Stored<Decision | FollowUp>): Promise<void> {
    const slot = entry.slot;
    this.known.set(slot, row);
    await this.deps.outbox.remove(slot, entry.revision);
    const still = await this.deps.outbox.get(slot);
    if (still) {
      // More was typed while this write was on its way: it builds on the version just written.
      await this.deps.outbox.update(slot, { baseETag: row.eTag });
    } else {
      this.setState(entry, { kind: 'saved', at: this.deps.clock.now() });
    }
    for (const l of this.savedListeners) l(row, recorderSlot(entry));
  }

  private async onConflict(entry: OutboxEntry): Promise<boolean> {
    const slot = entry.slot;
    const server = await this.readServer(entry);
    const mine = entry.payload as Decision | FollowUp;
    const known = this.known.get(slot);
    if (!server) {
      // The row is gone (or never was where we thought): create it afresh.
      const row = await this.save(entry, undefined);
      await this.confirmed(entry, row);
      return true;
    }
    if (known && server.eTag === known.eTag) {
      // Our base was just behind our own last write: nobody else changed it.
      const row = await this.save(entry, server.eTag);
      await this.confirmed(entry, row);
      return true;
    }
    if (textOf(server.value) === textOf(mine)) {
      this.known.set(slot, server);
      await this.deps.outbox.remove(slot, entry.revision);
      this.setState(entry, { kind: 'saved', at: this.deps.clock.now() });
      return true;
    }
    if ('editorUpn' in server.value && sameUpn(server.value.editorUpn, this.deps.me.upn)) {
      // The newer version is this person's own earlier write whose answer was lost on the way back (a
      // dropped connection after SharePoint saved it): nobody else's text is at stake, so build on it.
      const row = await this.save(entry, server.eTag);
      await this.confirmed(entry, row);
      return true;
    }
    const conflict = { serverPayload: server.value, serverETag: server.eTag };
    await this.deps.outbox.update(slot, { conflict });
    this.known.set(slot, server);
    this.setState(entry, this.conflictState({ ...entry, conflict }));
    return true;
  }

  private conflictState(entry: OutboxEntry): SaveState {
    const theirs = entry.conflict!.serverPayload as Decision | FollowUp;
    return {
      kind: 'conflict',
      mine: textOf(entry.payload as Decision | FollowUp),
      theirs: textOf(theirs),
      theirsEditor: 'editorUpn' in theirs ? theirs.editorUpn : '',
    };
  }

  private save(entry: OutboxEntry, eTag: string | undefined): Promise<Stored<Decision | FollowUp>> {
    return entry.kind === 'decision'
      ? this.deps.lists.saveDecision(this.meeting.key, entry.payload as Decision, eTag)
      : this.deps.lists.saveFollowUp(this.meeting.key, entry.payload as FollowUp, eTag);
  }

  private async readServer(entry: OutboxEntry): Promise<Stored<Decision | FollowUp> | undefined> {
    if (entry.kind === 'decision') {
      const itemNumber = (entry.payload as Decision).itemNumber;
      const all = await this.deps.lists.decisionChanges(this.meeting.key);
      return all.changed.find((d) => d.value.itemNumber === itemNumber);
    }
    const id = (entry.payload as FollowUp).id;
    const snapshot = await this.deps.lists.openMeeting(this.meeting.key);
    return snapshot.followUps.find((f) => f.value.id === id);
  }

  private scheduleRetry(e?: PortError, attempt?: number): void {
    this.failures += 1;
    const delay = backoffMs(
      attempt ?? this.failures,
      this.opts.retryBaseMs,
      this.opts.retryMaxMs,
      e?.details.retryAfterMs,
    );
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  private setState(entry: OutboxEntry, state: SaveState): void {
    this.states.set(entry.slot, state);
    const slot = recorderSlot(entry);
    for (const l of this.listeners) l(slot, state);
  }
}

/** The typed slot of one of the recorder's entries, from what it writes (never from its key). */
function recorderSlot(entry: OutboxEntry): RecorderSlot {
  return entry.kind === 'decision'
    ? LiveRecorder.decisionSlot(entry.meetingKey, (entry.payload as Decision).itemNumber)
    : LiveRecorder.followUpSlot(entry.meetingKey, (entry.payload as FollowUp).id);
}

function textOf(v: Decision | FollowUp): string {
  return 'text' in v ? v.text : `${v.owners.join(', ')}: ${v.task}`;
}
