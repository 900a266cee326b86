import type { Decision } from '../../domain/decision';
import type { MeetingProgress } from '../../domain/meetingProgress';
import type { Person } from '../../domain/person';
import type { LiveMessage } from '../../ports/LiveChannel';
import type { Stored } from '../../ports/ListStore';

type TimerMessage = Extract<LiveMessage, { kind: 'timer' }>;

/** What the leading page tells the others of the same meeting in this browser profile. */
export type SharedRead =
  | { type: 'decisions'; changed: Stored<Decision>[]; cursor: string; polledAt: number }
  | { type: 'timer'; message: TimerMessage; seen: string; polledAt: number }
  | { type: 'polled'; cursor: string | undefined; polledAt: number }
  | { type: 'pollNow' };

/** The clock's messages come from no one in particular: the row says it, not a person. */
export const NO_ONE: Person = { upn: '', name: '' };

/** A changed Decisions row as the live message the page hears, from its editor. */
export function decisionMessage(row: Stored<Decision>): { message: LiveMessage; from: Person } {
  return {
    message: {
      kind: 'decision',
      itemNumber: row.value.itemNumber,
      text: row.value.text,
      version: row.eTag,
      editorUpn: row.value.editorUpn,
      sentAt: row.value.updatedAt,
      row,
    },
    from: { upn: row.value.editorUpn, name: row.value.editorUpn },
  };
}

/**
 * The clock in a MeetingProgress row: `seen` says what the row held (timer and status), so a row read again
 * unchanged is not told twice; `message` is the timer message when the row holds a clock that differs from
 * `lastSeen`. Every clock move writes the timer with its status ('I gang', 'Afsluttet'), so the row says all
 * a watcher's clock needs.
 */
export function clockOf(
  progress: Stored<MeetingProgress> | null,
  lastSeen: string,
): { seen: string; message?: TimerMessage } {
  const status = progress?.value.status;
  const timer = progress?.value.timer;
  const seen = JSON.stringify([timer ?? null, status ?? null]);
  if (seen === lastSeen || !timer || !status) return { seen };
  return { seen, message: { kind: 'timer', timer, status, sentAt: new Date().toISOString() } };
}
