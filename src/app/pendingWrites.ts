import type { AgendaItem } from '../domain/agendaItem';
import type { FollowUpStatus } from '../domain/followUp';
import type { FollowUpRow } from '../domain/followUpBoard';
import type { MeetingKey } from '../domain/meeting';
import type { MeetingProgress } from '../domain/meetingProgress';
import type { Person } from '../domain/person';
import { isTransient, PortError, Unauthorized, type PortErrorKind } from '../ports/errors';
import { slotKey, type OutboxEntry, type OutboxKind } from '../ports/Outbox';
import { assignReferent } from './assignReferent';
import type { AppDeps } from './deps';
import { updateFollowUp } from './followUps';
import { nextProgress, withProgressRow, type ClockAction } from './meetingClock';
import { openMeeting, type MeetingView } from './openMeeting';
import {
  landAbsence,
  planAbsence,
  planWithdrawal,
  withAbsenceRow,
  type AbsenceInput,
  type AbsenceWrite,
} from './registerAbsence';
import { backoffMs } from './retryTransient';
import { saveAgenda } from './sendAgenda';
import { globalTimers, type Timers } from './timers';

/** The kinds of write these drain; the referent's text is the LiveRecorder's. */
export const PAGE_WRITE_KINDS = ['absence', 'agenda', 'referent', 'followUpStatus', 'clock'] as const;
export type PageWriteKind = (typeof PAGE_WRITE_KINDS)[number];

/**
 * How a write went when it was made: it reached SharePoint (`landed`, with what the page shows next), or
 * it waits durably on this computer and is sent by itself when the network (or sign-in) is back (`queued`).
 * A refusal (403, 409, 412, invalid) is thrown; the write is kept, with why, until the person acts.
 */
export type WriteResult<T> =
  | { kind: 'landed'; value: T }
  /** `value`, where given, is what the page shows meanwhile. */
  | { kind: 'queued'; reason: PortErrorKind; value?: T };

export interface PendingWritesSnapshot {
  /** Writes of this profile not yet in SharePoint, oldest first (every meeting). */
  readonly entries: readonly OutboxEntry[];
}

export interface PendingWritesOptions {
  retryBaseMs?: number;
  retryMaxMs?: number;
  timers?: Timers;
}

interface FollowUpChange {
  row: FollowUpRow;
  change: { status?: FollowUpStatus; due?: string | undefined };
}

const isPageWrite = (e: OutboxEntry): boolean => (PAGE_WRITE_KINDS as readonly OutboxKind[]).includes(e.kind);

/**
 * Every write of a page other than the referent's text — afbud, the agenda draft, the referent choice, a
 * follow-up's status or date, the meeting clock — goes through the durable outbox, as decisions do: kept
 * on this computer before the page says it is done, then written. A transient failure (offline, 429, 5xx,
 * a lapsed sign-in) leaves it there and retries with back-off; a refusal keeps it with its reason so the
 * person can try again or discard it. Any page of the profile resumes what an earlier one left (`resume`).
 * Writes go one at a time, in the order they were made.
 */
export class PendingWrites {
  private snapshot: PendingWritesSnapshot = { entries: [] };
  private readonly listeners = new Set<() => void>();
  private chain: Promise<unknown> = Promise.resolve();
  private retryTimer: unknown = null;
  private failures = 0;
  private disposed = false;
  private readonly timers: Timers;
  private readonly opts: Required<Omit<PendingWritesOptions, 'timers'>>;

  constructor(
    private readonly deps: AppDeps,
    options: PendingWritesOptions = {},
  ) {
    this.timers = options.timers ?? globalTimers;
    this.opts = { retryBaseMs: 1000, retryMaxMs: 30000, ...options };
  }

  static absenceSlot(meetingKey: MeetingKey, upn: string): string {
    return slotKey({ kind: 'absence', meetingKey, upn });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PendingWritesSnapshot => this.snapshot;

  /** "Send afbud": kept, then written; the view with the registration in place. */
  async registerAbsence(view: MeetingView, input: AbsenceInput): Promise<WriteResult<MeetingView>> {
    return this.absence(view, planAbsence(this.deps, view, input));
  }

  /** "Fortryd afbud". */
  async withdrawAbsence(view: MeetingView, person?: Person): Promise<WriteResult<MeetingView>> {
    return this.absence(view, planWithdrawal(this.deps, view, person));
  }

  /** "Gem kladde" of the agenda. */
  saveAgenda(view: MeetingView, items: AgendaItem[]): Promise<WriteResult<MeetingView>> {
    return this.submit(
      {
        slot: slotKey({ kind: 'agenda', meetingKey: view.key }),
        kind: 'agenda',
        meetingKey: view.key,
        payload: { items },
      },
      () => saveAgenda(this.deps, view, items),
    );
  }

  /** The organizer's choice of referent (and the rights that follow it). */
  assignReferent(view: MeetingView, referent: Person | undefined): Promise<WriteResult<MeetingView>> {
    return this.submit(
      {
        slot: slotKey({ kind: 'referent', meetingKey: view.key }),
        kind: 'referent',
        meetingKey: view.key,
        payload: { referent },
      },
      () => assignReferent(this.deps, view, referent),
    );
  }

  /** A follow-up's status or next date; changes of one follow-up not yet written are sent together. */
  async updateFollowUp(
    row: FollowUpRow,
    change: FollowUpChange['change'],
  ): Promise<WriteResult<FollowUpRow>> {
    const slot = slotKey({ kind: 'followUpStatus', meetingKey: row.meetingKey, followUpId: row.followUp.id });
    const waiting = (await this.deps.outbox.get(slot))?.payload as FollowUpChange | undefined;
    const merged: FollowUpChange = { row, change: { ...waiting?.change, ...change } };
    return this.submit({ slot, kind: 'followUpStatus', meetingKey: row.meetingKey, payload: merged }, () =>
      updateFollowUp(this.deps, row, merged.change),
    );
  }

  /**
   * Start, next item, end: the view shows the new clock at once (`value` of a queued write too), the
   * MeetingProgress row follows. A clock moved by someone else meanwhile is a refusal (412), never overwritten.
   */
  async driveClock(view: MeetingView, action: ClockAction): Promise<WriteResult<MeetingView>> {
    const progress = nextProgress(this.deps, view, action);
    const result = await this.submit(
      {
        slot: slotKey({ kind: 'clock', meetingKey: view.key }),
        kind: 'clock',
        meetingKey: view.key,
        payload: { progress },
        baseETag: view.progressETag,
      },
      async (entry) => {
        const row = await this.deps.lists.saveProgress(view.key, progress, entry.baseETag);
        return { view: withProgressRow(view, row.value, row), eTag: row.eTag };
      },
    );
    return result.kind === 'landed'
      ? { kind: 'landed', value: result.value.view }
      : { ...result, value: withProgressRow(view, progress) };
  }

  /** Write whatever earlier pages of this profile left waiting (every meeting), oldest first. */
  resume(): Promise<void> {
    this.disposed = false;
    this.cancelRetry();
    return this.serially(() => this.drain());
  }

  /** The person chose to send a refused write again (after looking at what is in SharePoint now). */
  async retry(slot: string): Promise<void> {
    await this.deps.outbox.update(slot, { failure: undefined });
    await this.refresh();
    await this.resume();
  }

  /** The person chose to give up a write that was refused. */
  async discard(slot: string): Promise<void> {
    await this.deps.outbox.remove(slot);
    await this.refresh();
  }

  /** Stop retrying (the page goes); what waits stays in the outbox for the next `resume`. */
  dispose(): void {
    this.disposed = true;
    this.cancelRetry();
  }

  private absence(view: MeetingView, write: AbsenceWrite): Promise<WriteResult<MeetingView>> {
    return this.submit(
      {
        slot: PendingWrites.absenceSlot(view.key, write.absence.person.upn),
        kind: 'absence',
        meetingKey: view.key,
        payload: write,
      },
      async () => withAbsenceRow(view, await landAbsence(this.deps, view.key, write)),
    );
  }

  /** Keep the write durably, then write it in its turn with what the page has in hand. */
  private async submit<T>(
    entry: Omit<OutboxEntry, 'revision' | 'failure' | 'updatedAt'>,
    land: (entry: OutboxEntry) => Promise<T>,
  ): Promise<WriteResult<T>> {
    const kept = await this.deps.outbox.put({ ...entry, updatedAt: this.deps.clock.now() });
    await this.refresh();
    return this.serially(async () => {
      const current = await this.deps.outbox.get(kept.slot);
      // Written meanwhile by an earlier drain, or coalesced into a newer put that will write it.
      if (!current || current.revision !== kept.revision)
        return { kind: 'queued', reason: 'Offline' } as const;
      const outcome = await this.attempt(current, land);
      if (outcome.kind === 'refused') throw outcome.error;
      return outcome.kind === 'landed'
        ? ({ kind: 'landed', value: outcome.value } as const)
        : ({ kind: 'queued', reason: outcome.reason } as const);
    });
  }

  private serially<T>(job: () => Promise<T>): Promise<T> {
    const run = this.chain.then(job, job);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async drain(): Promise<void> {
    for (const entry of (await this.deps.outbox.list()).filter(isPageWrite)) {
      if (this.disposed) return;
      if (entry.failure?.refused) continue;
      const outcome = await this.attempt(entry, (e) => this.landStored(e));
      if (outcome.kind === 'queued') return;
    }
  }

  private async attempt<T>(
    entry: OutboxEntry,
    land: (entry: OutboxEntry) => Promise<T>,
  ): Promise<
    | { kind: 'landed'; value: T }
    | { kind: 'queued'; reason: PortErrorKind }
    | { kind: 'refused'; error: unknown }
  > {
    try {
      const value = await land(entry);
      await this.deps.outbox.remove(entry.slot, entry.revision);
      const eTag = (value as { eTag?: unknown } | undefined)?.eTag;
      // Changed again while this was on its way: the newer one builds on what was just written.
      if (typeof eTag === 'string') await this.deps.outbox.update(entry.slot, { baseETag: eTag });
      this.failures = 0;
      await this.refresh();
      return { kind: 'landed', value };
    } catch (error) {
      const waits = isTransient(error) || error instanceof Unauthorized;
      const port = error instanceof PortError ? error : null;
      await this.deps.outbox.update(entry.slot, {
        failure: {
          kind: port?.kind ?? 'Unavailable',
          code: port?.details.code,
          status: port?.details.status,
          message: error instanceof Error ? error.message : String(error),
          attempts: (entry.failure?.attempts ?? 0) + 1,
          at: this.deps.clock.now(),
          refused: !waits,
        },
      });
      await this.refresh();
      if (!waits) return { kind: 'refused', error };
      this.scheduleRetry(port);
      return { kind: 'queued', reason: port?.kind ?? 'Unavailable' };
    }
  }

  /** A write left by an earlier page: the meeting is read again to write it onto what is there now. */
  private async landStored(entry: OutboxEntry): Promise<unknown> {
    const key = entry.meetingKey;
    switch (entry.kind as PageWriteKind) {
      case 'absence':
        return landAbsence(this.deps, key, entry.payload as AbsenceWrite);
      case 'clock': {
        const { progress } = entry.payload as { progress: MeetingProgress };
        return this.deps.lists.saveProgress(key, progress, entry.baseETag);
      }
      case 'followUpStatus': {
        const { row, change } = entry.payload as FollowUpChange;
        return updateFollowUp(this.deps, row, change);
      }
      case 'agenda':
        return saveAgenda(
          this.deps,
          await openMeeting(this.deps, key),
          (entry.payload as { items: AgendaItem[] }).items,
        );
      case 'referent':
        return assignReferent(
          this.deps,
          await openMeeting(this.deps, key),
          (entry.payload as { referent?: Person }).referent,
        );
    }
  }

  private scheduleRetry(error: PortError | null): void {
    if (this.disposed) return;
    this.failures += 1;
    const delay = backoffMs(
      this.failures,
      this.opts.retryBaseMs,
      this.opts.retryMaxMs,
      error?.details.retryAfterMs,
    );
    this.cancelRetry();
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.resume();
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async refresh(): Promise<void> {
    const entries = (await this.deps.outbox.list()).filter(isPageWrite);
    if (JSON.stringify(entries) === JSON.stringify(this.snapshot.entries)) return;
    this.snapshot = { entries };
    for (const l of this.listeners) l();
  }
}
