import type { AgendaItem } from '../../src/domain/agendaItem';
import {
  endMeeting,
  idleTimer,
  moveToItem,
  overrunOf,
  startMeeting,
  timerView,
} from '../../src/domain/meetingTimer';

const item = (number: number, durationMinutes: number): AgendaItem => ({
  id: `i${number}`,
  number,
  title: `Punkt ${number}`,
  category: null,
  durationMinutes,
  guests: [],
  closed: false,
  attachments: [],
});
const items = [item(1, 5), item(2, 5), item(3, 10), item(4, 15)];
const at = (min: number, sec = 0) => new Date(Date.UTC(2024, 1, 20, 10, min, sec)).toISOString();

test('time used on each item adds up as the meeting moves through the agenda', () => {
  let t = startMeeting(idleTimer(), 1, at(0));
  t = moveToItem(t, 2, at(4));
  t = moveToItem(t, 3, at(10));
  const view = timerView(t, items, at(12));
  expect(view.items.map((c) => c.usedSeconds)).toEqual([240, 360, 120, 0]);
  expect(view.current).toMatchObject({
    itemNumber: 3,
    plannedMinutes: 10,
    usedSeconds: 120,
    overrun: 'none',
  });
});

test('an item over its planned time turns amber, and red when it runs far over', () => {
  expect(overrunOf(5, 300)).toBe('none');
  expect(overrunOf(5, 301)).toBe('amber');
  expect(overrunOf(5, 5 * 60 + 149)).toBe('amber');
  expect(overrunOf(5, 5 * 60 + 150)).toBe('red');
  expect(overrunOf(10, 10 * 60 + 299)).toBe('amber');
  expect(overrunOf(10, 15 * 60)).toBe('red');
});

test('the projected end counts the rest of the current item and the items not yet taken', () => {
  let t = startMeeting(idleTimer(), 1, at(0));
  t = moveToItem(t, 2, at(8));
  // Item 2 has used 1 of 5 minutes at 10:09: 4 min left, then 10 + 15 for items 3 and 4.
  expect(timerView(t, items, at(9)).projectedEnd).toBe(at(38));
});

test('a revisited item keeps the time it had and the ended meeting stops the clock', () => {
  let t = startMeeting(idleTimer(), 1, at(0));
  t = moveToItem(t, 2, at(2));
  t = moveToItem(t, 1, at(3));
  t = endMeeting(t, at(5));
  const view = timerView(t, items, at(30));
  expect(view.running).toBe(false);
  expect(view.items[0].usedSeconds).toBe(4 * 60);
  expect(view.items[1].usedSeconds).toBe(60);
  expect(view.projectedEnd).toBe(at(5));
});

test('moving before the meeting is started does nothing', () => {
  expect(moveToItem(idleTimer(), 3, at(0))).toEqual(idleTimer());
});
