import type { AgendaItem } from './agendaItem';
import { formatTime } from './format';

export interface ItemTime {
  itemId: string;
  number: number;
  /** ISO UTC. */
  start: string;
  end: string;
}

export interface AgendaSchedule {
  items: ItemTime[];
  /** When the agenda ends if every item takes its minutes. */
  plannedEnd: string;
  /** Minutes past the meeting's end (0 when it fits). */
  overrunMinutes: number;
}

/**
 * Clock times of the items from the meeting's start and the minutes per item, in agenda order: the
 * organizer's schedule of the whole agenda (what the editor shows while it changes).
 */
export function computeItemTimes(
  meetingStartIso: string,
  meetingEndIso: string,
  items: AgendaItem[],
): AgendaSchedule {
  let t = Date.parse(meetingStartIso);
  const times = [...items]
    .sort((a, b) => a.number - b.number)
    .map((item) => {
      const start = t;
      t += Math.max(0, item.durationMinutes) * 60000;
      return {
        itemId: item.id,
        number: item.number,
        start: new Date(start).toISOString(),
        end: new Date(t).toISOString(),
      };
    });
  const overrun = Math.max(0, Math.round((t - Date.parse(meetingEndIso)) / 60000));
  return { items: times, plannedEnd: new Date(t).toISOString(), overrunMinutes: overrun };
}

/** The agenda with each item's planned start fixed from the whole agenda, for storing with the items. */
export function withPlannedStarts(items: AgendaItem[]): AgendaItem[] {
  const starts = new Map<string, number>();
  let minutes = 0;
  for (const item of [...items].sort((a, b) => a.number - b.number)) {
    starts.set(item.id, minutes);
    minutes += Math.max(0, item.durationMinutes);
  }
  return items.map((item) => ({ ...item, startMinutes: starts.get(item.id) }));
}

/**
 * Clock times of the items a page shows, which may be only some of the agenda (a guest's own item): an
 * item's stored planned start wins, so everyone sees the organizer's times; an item stored before planned
 * starts were written follows the one before it, as the whole agenda would.
 */
export function shownItemTimes(meetingStartIso: string, items: AgendaItem[]): ItemTime[] {
  const meetingStart = Date.parse(meetingStartIso);
  let t = meetingStart;
  return [...items]
    .sort((a, b) => a.number - b.number)
    .map((item) => {
      const planned = item.startMinutes;
      const start =
        planned !== undefined && Number.isFinite(planned) && planned >= 0
          ? meetingStart + planned * 60000
          : t;
      t = start + Math.max(0, item.durationMinutes) * 60000;
      return {
        itemId: item.id,
        number: item.number,
        start: new Date(start).toISOString(),
        end: new Date(t).toISOString(),
      };
    });
}

/** "Tid: 18.15 - 18.18 (3 min.)", as the committee agendas print it. */
export function formatItemTime(time: Pick<ItemTime, 'start' | 'end'>): string {
  const minutes = Math.round((Date.parse(time.end) - Date.parse(time.start)) / 60000);
  const dot = (iso: string) => formatTime(iso).replace(':', '.');
  return `Tid: ${dot(time.start)} - ${dot(time.end)} (${minutes} min.)`;
}

/** "11:00 - 11:10" for the agenda list. */
export function formatItemClock(time: Pick<ItemTime, 'start' | 'end'>): string {
  return `${formatTime(time.start)} - ${formatTime(time.end)}`;
}
