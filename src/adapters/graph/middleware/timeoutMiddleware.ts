import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export class RequestTimeout extends Error {
  constructor(ms: number) {
    super(`Graph did not answer within ${ms} ms`);
    this.name = 'RequestTimeout';
  }
}

/** Abort a request that hangs (a dropped connection can leave fetch waiting for minutes). */
export class TimeoutMiddleware implements Middleware {
  private next?: Middleware;

  constructor(private readonly ms = 20000) {}

  async execute(context: Context): Promise<void> {
    const controller = new AbortController();
    const outer = context.options?.signal;
    outer?.addEventListener('abort', () => controller.abort(outer.reason));
    const timer = setTimeout(() => controller.abort(new RequestTimeout(this.ms)), this.ms);
    context.options = { ...context.options, signal: controller.signal };
    try {
      await this.next!.execute(context);
    } catch (e) {
      if (controller.signal.aborted && controller.signal.reason instanceof RequestTimeout) {
        throw controller.signal.reason;
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
