import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * At most `limit` requests in flight (Outlook allows 4 concurrent requests per app and mailbox);
 * the rest wait in order. Placed outside the retry step, so a request holds its place while it waits
 * for a Retry-After.
 */
export class ConcurrencyMiddleware implements Middleware {
  private next?: Middleware;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  /** Highest number of simultaneous requests seen; read by tests and benchmarks. */
  peak = 0;

  constructor(private readonly limit = 4) {}

  async execute(context: Context): Promise<void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    this.peak = Math.max(this.peak, this.active);
    try {
      await this.next!.execute(context);
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
