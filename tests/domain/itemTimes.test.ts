/**
 * Planned item times: stored with each item from the whole agenda, so a page that may show only some items
 * (a guest's own) gives them the organizer's clock times.
 */
import fc from 'fast-check';
import {
  computeItemTimes,
  formatItemClock,
  shownItemTimes,
  withPlannedStarts,
} from '../../src/domain/itemTimes';
import { item } from './helpers';

const START = '2024-02-20T10:00:00.000Z';
const END = '2024-02-20T12:00:00.000Z';

test('a guest who sees only Punkt 3 sees 11:10 - 11:20, as the organizer does', () => {
  const agenda = withPlannedStarts([
    item(1, 'Dagsorden', { durationMinutes: 5 }),
    item(2, 'Referat', { durationMinutes: 5 }),
    item(3, 'Status på Integrationshandleplanen', { durationMinutes: 10 }),
  ]);
  const guests = agenda.filter((i) => i.number === 3);
  expect(shownItemTimes(START, guests).map(formatItemClock)).toEqual(['11:10 - 11:20']);
  expect(shownItemTimes(START, agenda).map(formatItemClock)).toEqual([
    '11:00 - 11:05',
    '11:05 - 11:10',
    '11:10 - 11:20',
  ]);
});

test('rows written before planned starts were stored follow the items shown, as before', () => {
  const shown = [item(2, 'Referat', { durationMinutes: 5 }), item(4, 'Bordrunde', { durationMinutes: 5 })];
  expect(shownItemTimes(START, shown).map(formatItemClock)).toEqual(['11:00 - 11:05', '11:05 - 11:10']);
});

test('any part of any agenda shows the times the whole agenda gives', () => {
  const agenda = fc
    .array(fc.record({ minutes: fc.integer({ min: 0, max: 240 }), shown: fc.boolean() }), {
      minLength: 1,
      maxLength: 40,
    })
    .chain((rows) =>
      fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows.map((_, i) => i), { minLength: rows.length })),
    );
  fc.assert(
    fc.property(agenda, ([rows, order]) => {
      // Items are numbered 1..n but may be held in any order.
      const items = order.map((i) => item(i + 1, `Punkt ${i + 1}`, { durationMinutes: rows[i].minutes }));
      const organizer = new Map(computeItemTimes(START, END, items).items.map((t) => [t.itemId, t]));
      const stored = withPlannedStarts(items);
      const part = stored.filter((i) => rows[i.number - 1].shown);
      for (const t of shownItemTimes(START, part)) {
        const expected = organizer.get(t.itemId)!;
        expect([t.start, t.end]).toEqual([expected.start, expected.end]);
      }
    }),
  );
});
