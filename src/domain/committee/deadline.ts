/*
 * For COMMITTEE-EDGE — exports: DEFAULT_AGENDA_DEADLINE_WORKING_DAYS, easterSunday, danishHolidays,
 * isWorkingDay, agendaDeadline, lateBy. Dates are "yyyy-mm-dd" in Copenhagen; instants are ISO UTC.
 */
import { addDays, copenhagenToUtc, instantOf, localDate, weekdayOf } from '../format';

const ymdOf = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Kommunestyrelsesloven § 10 has the council's agenda out 4 hverdage before; committees follow it by default. */
export const DEFAULT_AGENDA_DEADLINE_WORKING_DAYS = 4;

/** Easter Sunday (Gregorian, the anonymous "Meeus/Jones/Butcher" computation) as "yyyy-mm-dd". */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymdOf(year, month, day);
}

/**
 * The days in the year on which the municipality does not work, besides weekends:
 * - the public holidays (helligdage): Nytårsdag, Skærtorsdag, Langfredag, Påskedag, 2. påskedag,
 *   Kristi himmelfartsdag, Pinsedag, 2. pinsedag, Juledag, 2. juledag — and Store bededag (4th Friday
 *   after Easter) up to and including 2023; it was abolished by law from 2024;
 * - by municipal practice (the collective agreements give them off and the town halls are closed):
 *   Grundlovsdag 5 June, Juleaftensdag 24 December and Nytårsaftensdag 31 December.
 * The Friday after Kristi himmelfartsdag and the days between Christmas and New Year are ordinary
 * working days here: many offices close, but no agreement makes them days off.
 */
export function danishHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number) => addDays(easter, days);
  const fixed = (month: number, day: number) => ymdOf(year, month, day);
  const days = [
    fixed(1, 1),
    fromEaster(-3),
    fromEaster(-2),
    fromEaster(0),
    fromEaster(1),
    ...(year <= 2023 ? [fromEaster(26)] : []),
    fromEaster(39),
    fromEaster(49),
    fromEaster(50),
    fixed(6, 5),
    fixed(12, 24),
    fixed(12, 25),
    fixed(12, 26),
    fixed(12, 31),
  ];
  return [...new Set(days)].sort();
}

/** Monday to Friday and not one of danishHolidays. */
export function isWorkingDay(ymd: string): boolean {
  return weekdayOf(ymd) <= 5 && !danishHolidays(Number(ymd.slice(0, 4))).includes(ymd);
}

/**
 * The last moment the agenda may be sent for a meeting starting at `meetingStart` (ISO UTC): the end of the
 * working day that lies `workingDays` working days before the meeting's day (Copenhagen time). Meeting on a
 * Thursday with 4 days → the agenda must be out by the end of the Friday before. Returned as ISO UTC (the
 * instant midnight begins the next calendar day in Copenhagen).
 */
export function agendaDeadline(meetingStart: string, workingDays: number): string {
  let day = localDate(meetingStart);
  for (let counted = 0; counted < Math.max(0, workingDays);) {
    day = addDays(day, -1);
    if (isWorkingDay(day)) counted++;
  }
  return copenhagenToUtc(addDays(day, 1), '00:00');
}

/** The working day (Copenhagen) on which the deadline falls: the day before the instant agendaDeadline returns. */
export function deadlineDay(deadline: string): string {
  return addDays(localDate(deadline), -1);
}

/**
 * How late an agenda sent at `sentAt` is for the deadline (both ISO UTC): undefined when in time, else the
 * working days after the deadline day up to and including the day it was sent (0 when sent late on a
 * weekend or holiday right after the deadline) and the whole hours past the deadline, rounded up.
 */
export function lateBy(deadline: string, sentAt: string): { workingDays: number; hours: number } | undefined {
  const end = +instantOf(deadline);
  const sent = +instantOf(sentAt);
  if (sent < end) return undefined;
  const sentDay = localDate(sentAt);
  let workingDays = 0;
  for (let day = addDays(deadlineDay(deadline), 1); day <= sentDay; day = addDays(day, 1))
    if (isWorkingDay(day)) workingDays++;
  return { workingDays, hours: Math.max(1, Math.ceil((sent - end) / 3_600_000)) };
}
