import { isTransient } from '../ports/errors';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  tries?: number;
  /** Wait before the second attempt; doubled each time after. */
  baseMs?: number;
  wait?: (ms: number) => Promise<void>;
  /** Told of each transient failure that will be tried again (the page says so meanwhile). */
  onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Run `attempt` again while it fails with a transient error (offline, throttled, unavailable), waiting
 * longer each time; anything else, or the last failure, is thrown as it came. For starting a page: one
 * dropped connection must not leave it broken.
 */
export async function retryTransient<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { tries = 5, baseMs = 500 } = options;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isTransient(e) || n + 1 >= tries) throw e;
      options.onRetry?.(e, n + 1);
      await wait(baseMs * 2 ** n);
    }
  }
}

/**
 * How long a drain of the outbox waits after its n-th failure in a row: doubling from `baseMs`, capped at
 * `maxMs`, and never sooner than the server asked (Retry-After).
 */
export function backoffMs(failures: number, baseMs: number, maxMs: number, retryAfterMs = 0): number {
  return Math.max(Math.min(maxMs, baseMs * 2 ** (failures - 1)), retryAfterMs);
}
