import type { AgendaItem } from './agendaItem';

/**
 * The item clock during the meeting: who is on which item since when, and how long each item took.
 * Kept on the Meetings row, so everyone (and the referat) sees the same times.
 */
export interface MeetingTimer {
  /** ISO UTC; null before the meeting is started. */
  startedAt: string | null;
  currentItem: number | null;
  currentSince: string | null;
  /** Seconds used per item number, for items already left. */
  usedSeconds: Record<number, number>;
  endedAt: string | null;
}

export const idleTimer = (): MeetingTimer => ({
  startedAt: null,
  currentItem: null,
  currentSince: null,
  usedSeconds: {},
  endedAt: null,
});

const seconds = (fromIso: string, toIso: string) =>
  Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));

function leaveCurrent(timer: MeetingTimer, now: string): Record<number, number> {
  const used = { ...timer.usedSeconds };
  if (timer.currentItem !== null && timer.currentSince) {
    used[timer.currentItem] = (used[timer.currentItem] ?? 0) + seconds(timer.currentSince, now);
  }
  return used;
}

/** "Start mødet": the first item (or the given one) becomes current. */
export function startMeeting(timer: MeetingTimer, firstItem: number, now: string): MeetingTimer {
  if (timer.startedAt && !timer.endedAt) return timer;
  return {
    ...timer,
    startedAt: timer.startedAt ?? now,
    endedAt: null,
    currentItem: firstItem,
    currentSince: now,
  };
}

/** Move to another item; time on the item left is added to what it has used (items can be revisited). */
export function moveToItem(timer: MeetingTimer, itemNumber: number, now: string): MeetingTimer {
  if (!timer.startedAt || timer.endedAt) return timer;
  if (timer.currentItem === itemNumber) return timer;
  return { ...timer, usedSeconds: leaveCurrent(timer, now), currentItem: itemNumber, currentSince: now };
}

export function endMeeting(timer: MeetingTimer, now: string): MeetingTimer {
  if (!timer.startedAt || timer.endedAt) return timer;
  return {
    ...timer,
    usedSeconds: leaveCurrent(timer, now),
    currentItem: null,
    currentSince: null,
    endedAt: now,
  };
}

export type Overrun = 'none' | 'amber' | 'red';

export interface ItemClock {
  itemNumber: number;
  plannedMinutes: number;
  usedSeconds: number;
  /** amber from the planned time, red from 50 % over it (and at least 2 minutes over). */
  overrun: Overrun;
}

export interface TimerView {
  running: boolean;
  current: ItemClock | null;
  items: ItemClock[];
  /** When the meeting will end if the remaining items take their planned time (ISO UTC). */
  projectedEnd: string | null;
}

export function overrunOf(plannedMinutes: number, usedSeconds: number): Overrun {
  const planned = plannedMinutes * 60;
  if (usedSeconds <= planned) return 'none';
  const over = usedSeconds - planned;
  return over >= Math.max(120, planned * 0.5) ? 'red' : 'amber';
}

export function timerView(timer: MeetingTimer, items: AgendaItem[], now: string): TimerView {
  const usedNow = timer.endedAt ? timer.usedSeconds : leaveCurrent(timer, now);
  const clocks = [...items]
    .sort((a, b) => a.number - b.number)
    .map((item) => {
      const used = usedNow[item.number] ?? 0;
      return {
        itemNumber: item.number,
        plannedMinutes: item.durationMinutes,
        usedSeconds: used,
        overrun: overrunOf(item.durationMinutes, used),
      };
    });
  const running = !!timer.startedAt && !timer.endedAt;
  let projectedEnd: string | null = null;
  if (running && timer.currentItem !== null) {
    const current = clocks.find((c) => c.itemNumber === timer.currentItem);
    const remainingCurrent = current ? Math.max(0, current.plannedMinutes * 60 - current.usedSeconds) : 0;
    const later = clocks
      .filter((c) => c.itemNumber > (timer.currentItem ?? 0) && c.usedSeconds === 0)
      .reduce((sum, c) => sum + c.plannedMinutes * 60, 0);
    projectedEnd = new Date(Date.parse(now) + (remainingCurrent + later) * 1000).toISOString();
  } else if (timer.endedAt) {
    projectedEnd = timer.endedAt;
  }
  return {
    running,
    current: clocks.find((c) => c.itemNumber === timer.currentItem) ?? null,
    items: clocks,
    projectedEnd,
  };
}
