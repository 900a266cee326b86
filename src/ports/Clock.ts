export interface Clock {
  /** Current time, ISO 8601 UTC. */
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };
