import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** Counts requests as they leave (after retries, each attempt counts): for benchmarks and the UI's diagnostics. */
export class RequestCounter implements Middleware {
  private next?: Middleware;
  count = 0;

  async execute(context: Context): Promise<void> {
    this.count += 1;
    return this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
