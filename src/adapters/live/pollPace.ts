import { PortError } from '../../ports/errors';
import type { PollingOptions } from '../../ports/LiveChannel';

/** Longest wait after repeated failures or a 429 without Retry-After. */
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * How long the poller waits before its next read, from what the reads so far brought (its own and those the
 * leading page shared): the interval, longer when the meeting has been idle for a minute, the referent's
 * autosave spacing after a read that brought a change, doubled while failures go on (up to five minutes),
 * and never shorter than a 429's Retry-After.
 */
export class PollPace {
  /** When the last read was made (here or by the leader), in ms since the epoch. */
  lastPollAt = -Infinity;
  private lastChangeAt = Date.now();
  /** Whether the last read (here or by the leader) brought changed decisions. */
  private changedLastRead = false;
  private failures = 0;
  private retryAfterMs = 0;

  constructor(private readonly options: PollingOptions) {}

  /** The page has just read SharePoint (on joining): the first poll is one interval on. */
  start(): void {
    this.lastChangeAt = Date.now();
    this.lastPollAt = Date.now();
  }

  /** This page read at `at`; `changed`: the read brought changed decisions. */
  polled(at: number, changed: boolean): void {
    this.lastPollAt = at;
    this.changedLastRead = changed;
    if (changed) this.lastChangeAt = at;
  }

  /** The leading page says it read at `at`. */
  heard(at: number, changed: boolean): void {
    this.lastPollAt = Math.max(this.lastPollAt, at);
    this.changedLastRead = changed;
    if (changed) this.lastChangeAt = at;
  }

  succeeded(): void {
    this.failures = 0;
    this.retryAfterMs = 0;
  }

  failed(e: unknown): void {
    this.failures += 1;
    this.retryAfterMs = e instanceof PortError ? (e.details.retryAfterMs ?? 0) : 0;
  }

  /** The wait between two reads now. */
  interval(): number {
    const intervalMs = this.options.intervalMs ?? 15_000;
    const idle = Date.now() - this.lastChangeAt >= 60_000;
    const busy = this.changedLastRead ? Math.max(intervalMs, this.options.saveSpacingMs ?? 0) : intervalMs;
    const base = idle ? (this.options.idleIntervalMs ?? intervalMs * 4) : busy;
    const backoff = this.failures ? Math.min(MAX_BACKOFF_MS, base * 2 ** this.failures) : base;
    return Math.max(backoff, this.retryAfterMs);
  }

  /** How long until the next read is due: one interval after the last read, whoever made it. */
  dueIn(): number {
    return Math.max(0, this.lastPollAt + this.interval() - Date.now());
  }
}
