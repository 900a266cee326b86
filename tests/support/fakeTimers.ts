import type { Timers } from '../../src/app/timers';

/** Timers and a clock that move only when the test says so (`advance`), injected where a use case takes them. */
export interface FakeTimers extends Timers {
  /** Run, in time order, every callback due within `ms`, letting each one's promises settle before the next. */
  advance(ms: number): Promise<void>;
  /** Callbacks waiting. */
  pending(): number;
}

export function fakeTimers(start = Date.parse('2026-12-07T09:00:00.000Z')): FakeTimers {
  let now = start;
  let next = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  // Promises of the memory adapters settle within one turn of the event loop: wait for it.
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = next++;
      due.set(id, { at: now + Math.max(0, ms), run: callback });
      return id;
    },
    clearTimeout(handle) {
      due.delete(handle as number);
    },
    pending: () => due.size,
    async advance(ms) {
      const until = now + ms;
      await settle();
      for (;;) {
        let first: [number, { at: number; run: () => void }] | undefined;
        for (const timer of due)
          if (timer[1].at <= until && (!first || timer[1].at < first[1].at)) first = timer;
        if (!first) break;
        due.delete(first[0]);
        now = first[1].at;
        first[1].run();
        await settle();
      }
      now = until;
      await settle();
    },
  };
}
