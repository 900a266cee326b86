import type { Decision } from '../domain/decision';
import type { MeetingKey } from '../domain/meeting';
import type { ListStore, Stored } from '../ports/ListStore';

export interface DecisionWatch {
  stop(): void;
  /** Poll now (e.g. when the page becomes visible again). */
  poll(): Promise<void>;
}

export interface WatchOptions {
  /** Interval while decisions are changing (and for the first minute). */
  intervalMs?: number;
  /** Interval after `activeForMs` without a change (default: four times `intervalMs`). */
  idleIntervalMs?: number;
  activeForMs?: number;
  /** Polling pauses while this says false (e.g. document.visibilityState !== 'visible'). */
  isActive?: () => boolean;
  onError?: (e: unknown) => void;
}

/**
 * Everyone else sees decisions appear while the meeting runs: one delta request per poll (the cursor
 * makes it cheap — only rows changed since the last poll come back). Polls come fast while decisions are
 * being written and slow down when nothing has changed for a minute, so an idle meeting costs a quarter.
 * A live channel, where a host has one, replaces the timer; SharePoint stays the record either way.
 */
export function watchDecisions(
  lists: ListStore,
  key: MeetingKey,
  cursor: string | undefined,
  onChange: (changed: Stored<Decision>[]) => void,
  options: WatchOptions = {},
): DecisionWatch {
  const intervalMs = options.intervalMs ?? 1000;
  const idleIntervalMs = options.idleIntervalMs ?? intervalMs * 4;
  const activeForMs = options.activeForMs ?? 60000;
  let lastChange = Date.now();
  let current = cursor;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let inFlight: Promise<void> | null = null;

  const poll = (): Promise<void> => {
    if (inFlight) return inFlight;
    inFlight = (async () => {
      try {
        const changes = await lists.decisionChanges(key, current);
        current = changes.cursor;
        if (changes.changed.length) {
          lastChange = Date.now();
          onChange(changes.changed);
        }
      } catch (e) {
        options.onError?.(e);
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  };

  const loop = () => {
    if (stopped) return;
    const busy = Date.now() - lastChange < activeForMs;
    timer = setTimeout(
      async () => {
        if (!options.isActive || options.isActive()) await poll();
        loop();
      },
      busy ? intervalMs : idleIntervalMs,
    );
  };
  loop();

  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    poll,
  };
}
