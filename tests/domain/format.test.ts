import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  addDays,
  copenhagenToUtc,
  formatDate,
  formatLongDate,
  formatMeetingWhen,
  formatTime,
  formatTimeRange,
  localDate,
  weekdayOf,
} from '../../src/domain/format';

/**
 * The formatting and Copenhagen time rules are the platform's Intl and @date-fns/tz; luxon (a dev
 * dependency only, no longer in the pages) is the oracle they must agree with on any instant, daylight
 * saving changes included.
 */
const instants = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const oracle = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone('Europe/Copenhagen');

test('the date, time and day in Copenhagen agree with luxon for any instant', () => {
  fc.assert(
    fc.property(instants, (iso) => {
      expect(formatDate(iso)).toBe(oracle(iso).toFormat('dd-MM-yyyy'));
      expect(formatTime(iso)).toBe(oracle(iso).toFormat('HH:mm'));
      expect(localDate(iso)).toBe(oracle(iso).toISODate());
      expect(formatLongDate(iso, 'da')).toBe(oracle(iso).setLocale('da').toFormat('d. MMMM yyyy'));
      expect(formatLongDate(iso, 'en')).toBe(oracle(iso).setLocale('en-GB').toFormat('d MMMM yyyy'));
    }),
    { numRuns: 500 },
  );
});

test('a Copenhagen wall clock becomes the same UTC instant as luxon makes of it, gaps and overlaps included', () => {
  const wallClocks = fc.record({
    day: fc.date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2060-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  });
  const dstDays = fc.constantFrom('2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26');
  fc.assert(
    fc.property(
      fc.oneof(
        wallClocks,
        wallClocks.chain((w) => dstDays.map((d) => ({ ...w, day: new Date(`${d}T00:00:00Z`) }))),
      ),
      ({ day, hour, minute }) => {
        const ymd = day.toISOString().slice(0, 10);
        const hhmm = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        const expected = DateTime.fromISO(`${ymd}T${hhmm}`, { zone: 'Europe/Copenhagen' })
          .toUTC()
          .toISO({ suppressMilliseconds: false });
        expect(copenhagenToUtc(ymd, hhmm)).toBe(expected);
      },
    ),
    { numRuns: 500 },
  );
});

test("the seeds' notation: 20-02-2024 11:00 - 13:00, and a meeting over midnight names both days", () => {
  expect(formatTimeRange('2024-02-20T10:00:00.000Z', '2024-02-20T12:00:00.000Z')).toBe(
    '20-02-2024 11:00 - 13:00',
  );
  expect(formatTimeRange('2024-06-20T20:00:00.000Z', '2024-06-20T22:30:00.000Z')).toBe(
    '20-06-2024 22:00 - 21-06-2024 00:30',
  );
  // A time without an offset is UTC as stored, never the machine's zone.
  expect(formatTime('2024-02-20T10:00:00')).toBe('11:00');
  expect(copenhagenToUtc('2024-02-20', '11.00')).toBe('2024-02-20T10:00:00.000Z');
});

test('a date or time that does not exist is refused, not moved', () => {
  expect(() => copenhagenToUtc('2024-02-30', '11:00')).toThrow();
  expect(() => copenhagenToUtc('2024-02-20', '25:00')).toThrow();
  expect(() => copenhagenToUtc('20-02-2024', '11:00')).toThrow();
  expect(formatDate('not a date')).toBe('');
});

test('counting days and weekdays crosses months, years and leap days', () => {
  expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  expect(weekdayOf('2024-02-20')).toBe(2);
  expect(weekdayOf('2024-02-25')).toBe(7);
});

describe('the meeting time as Teams writes it (taskpane-workflow)', () => {
  test('Danish long date with weekday, "kl." and a dash between the times', () => {
    expect(formatMeetingWhen('2026-12-09T10:00:00Z', '2026-12-09T12:00:00Z')).toBe(
      'onsdag 9. december 2026, kl. 11.00–13.00',
    );
  });
  test('English, and a meeting over midnight names both days', () => {
    expect(formatMeetingWhen('2026-12-09T10:00:00Z', '2026-12-09T12:00:00Z', 'en')).toBe(
      'Wednesday 9 December 2026, 11:00–13:00',
    );
    expect(formatMeetingWhen('2026-06-30T20:00:00Z', '2026-06-30T23:30:00Z')).toBe(
      'tirsdag 30. juni 2026, kl. 22.00 – onsdag 1. juli 2026, kl. 01.30',
    );
  });
});
