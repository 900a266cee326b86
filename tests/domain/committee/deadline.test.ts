import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  agendaDeadline,
  danishHolidays,
  deadlineDay,
  easterSunday,
  isWorkingDay,
  lateBy,
} from '../../../src/domain/committee/deadline';
import { copenhagenToUtc, ZONE } from '../../../src/domain/format';

test('Easter Sunday for known years', () => {
  expect(['2022', '2023', '2024', '2025', '2026', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
    '2022-04-17',
    '2023-04-09',
    '2024-03-31',
    '2025-04-20',
    '2026-04-05',
    '2038-04-25',
  ]);
});

test('the holidays of 2024: Store bededag is gone; Grundlovsdag, 24 and 31 December are off by municipal practice', () => {
  expect(danishHolidays(2024)).toEqual([
    '2024-01-01',
    '2024-03-28',
    '2024-03-29',
    '2024-03-31',
    '2024-04-01',
    '2024-05-09',
    '2024-05-19',
    '2024-05-20',
    '2024-06-05',
    '2024-12-24',
    '2024-12-25',
    '2024-12-26',
    '2024-12-31',
  ]);
  expect(danishHolidays(2023)).toContain('2023-05-05');
  expect(danishHolidays(2024)).not.toContain('2024-04-26');
});

test('4 working days before a Thursday meeting is the end of the Friday before', () => {
  const deadline = agendaDeadline(copenhagenToUtc('2024-02-22', '14:00'), 4);
  expect(deadline).toBe(copenhagenToUtc('2024-02-17', '00:00'));
  expect(deadlineDay(deadline)).toBe('2024-02-16');
});

test('Easter pushes the deadline back over Skærtorsdag, Langfredag and 2. påskedag', () => {
  // Meeting Wednesday 3 April 2024: Tue 2 (1), Mon 1 off, Fri 29 and Thu 28 off, Wed 27 (2), Tue 26 (3), Mon 25 (4).
  expect(deadlineDay(agendaDeadline(copenhagenToUtc('2024-04-03', '10:00'), 4))).toBe('2024-03-25');
});

test('lateBy: in time, late the next working day, late over a weekend', () => {
  const deadline = agendaDeadline(copenhagenToUtc('2024-02-22', '14:00'), 4);
  expect(lateBy(deadline, copenhagenToUtc('2024-02-16', '23:59'))).toBeUndefined();
  expect(lateBy(deadline, copenhagenToUtc('2024-02-17', '10:00'))).toEqual({ workingDays: 0, hours: 10 });
  expect(lateBy(deadline, copenhagenToUtc('2024-02-19', '09:30'))).toEqual({ workingDays: 1, hours: 58 });
  expect(lateBy(deadline, copenhagenToUtc('2024-02-21', '08:00'))).toEqual({ workingDays: 3, hours: 104 });
});

test('across the change to summer time the deadline is still local midnight', () => {
  // Meeting Thursday 4 April 2024 (summer time since 31 March); the deadline day Tuesday 26 March is winter time.
  const deadline = agendaDeadline(copenhagenToUtc('2024-04-04', '10:00'), 4);
  expect(deadline).toBe('2024-03-26T23:00:00.000Z');
  expect(DateTime.fromISO(deadline).setZone(ZONE).toFormat('yyyy-MM-dd HH:mm')).toBe('2024-03-27 00:00');
  expect(deadlineDay(deadline)).toBe('2024-03-26');
});

test('property: the deadline day is a working day with exactly N working days before the meeting’s day', () => {
  fc.assert(
    fc.property(
      fc.date({
        min: new Date('2022-01-01T00:00:00Z'),
        max: new Date('2032-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      fc.integer({ min: 1, max: 15 }),
      (start, n) => {
        const day = deadlineDay(agendaDeadline(start.toISOString(), n));
        expect(isWorkingDay(day)).toBe(true);
        const d = DateTime.fromISO(day, { zone: 'utc' });
        expect(d.weekday).toBeLessThanOrEqual(5);
        expect(danishHolidays(d.year)).not.toContain(day);
        const meetingDay = DateTime.fromJSDate(start).setZone(ZONE).toISODate()!;
        let between = 0;
        for (let x = d.plus({ days: 1 }); x.toISODate()! < meetingDay; x = x.plus({ days: 1 }))
          if (isWorkingDay(x.toISODate()!)) between++;
        expect(between).toBe(n - 1);
      },
    ),
  );
});

test('property: in time exactly before the deadline; lateness never shrinks as the sending moves later', () => {
  const meetingStart = copenhagenToUtc('2024-05-16', '14:00');
  const deadline = agendaDeadline(meetingStart, 4);
  const base = Date.parse(deadline);
  fc.assert(
    fc.property(
      fc.integer({ min: -10 * 24 * 60, max: 10 * 24 * 60 }),
      fc.integer({ min: 0, max: 5 * 24 * 60 }),
      (minutes, later) => {
        const at = (m: number) => new Date(base + m * 60_000).toISOString();
        const first = lateBy(deadline, at(minutes));
        expect(first === undefined).toBe(minutes < 0);
        const second = lateBy(deadline, at(minutes + later));
        if (first) {
          expect(second!.workingDays).toBeGreaterThanOrEqual(first.workingDays);
          expect(second!.hours).toBeGreaterThanOrEqual(first.hours);
          expect(first.hours).toBe(Math.max(1, Math.ceil(minutes / 60)));
        }
      },
    ),
  );
});
