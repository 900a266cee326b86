/**
 * The timers and the millisecond clock a use case runs on: the page's own by default, a test's fake ones
 * (MeetingSession, PendingWrites and LiveRecorder take them the same way).
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds since the epoch, on the clock these timers run by. */
  now(): number;
}

export const globalTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};
