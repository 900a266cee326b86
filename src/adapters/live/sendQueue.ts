import type { LiveMessage } from '../../ports/LiveChannel';

/** Messages that supersede each other share a key: only the newest text of an item is worth sending. */
export function coalesceKey(message: LiveMessage): string {
  return message.kind === 'timer' ? 'timer' : `${message.kind}:${message.itemNumber}`;
}

/**
 * At most one message per `minIntervalMs` (Live Share asks for no more than one per 50 ms). While a message
 * waits, a newer one with the same key replaces it in place, so fast typing sends the latest text, not a
 * backlog; different keys keep their order.
 */
export class SendQueue {
  private readonly pending = new Map<string, LiveMessage>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSentAt = -Infinity;
  private closed = false;

  constructor(
    private readonly sendNow: (message: LiveMessage) => void,
    private readonly minIntervalMs = 50,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(message: LiveMessage): void {
    if (this.closed) return;
    this.pending.set(coalesceKey(message), message);
    this.schedule();
  }

  get size(): number {
    return this.pending.size;
  }

  close(): void {
    this.closed = true;
    this.pending.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer || this.pending.size === 0) return;
    const wait = Math.max(0, this.lastSentAt + this.minIntervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      const [key, message] = this.pending.entries().next().value as [string, LiveMessage];
      this.pending.delete(key);
      this.lastSentAt = this.now();
      try {
        this.sendNow(message);
      } finally {
        this.schedule();
      }
    }, wait);
  }
}
