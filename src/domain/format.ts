import { TZDate } from '@date-fns/tz';

export type Locale = 'da' | 'en';
export const ZONE = 'Europe/Copenhagen';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An ISO text as the instant it names. Without an offset it is read as UTC (as every time the add-in stores
 * is), never as the machine's zone; a date alone is midnight UTC.
 */
export function instantOf(iso: string): Date {
  return new Date(/T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(iso) ? `${iso}Z` : iso);
}

/** The wall clock in Copenhagen at an instant. */
const local = (iso: string) => new TZDate(+instantOf(iso), ZONE);

/** "2024-02-20": the calendar day in Copenhagen of an instant ('' for an unreadable one). */
export function localDate(iso: string): string {
  const d = local(iso);
  if (Number.isNaN(+d)) return '';
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "20-02-2024" (both languages: the municipality's format). */
export function formatDate(iso: string, _locale: Locale = 'da'): string {
  const ymd = localDate(iso);
  return ymd ? `${ymd.slice(8, 10)}-${ymd.slice(5, 7)}-${ymd.slice(0, 4)}` : '';
}

const longDate = {
  da: new Intl.DateTimeFormat('da', { day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE }),
};

/** "22. januar 2025" / "22 January 2025". */
export function formatLongDate(iso: string, locale: Locale = 'da'): string {
  const at = instantOf(iso);
  return Number.isNaN(+at) ? '' : longDate[locale === 'en' ? 'en' : 'da'].format(at);
}

const dayParts = {
  da: new Intl.DateTimeFormat('da', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: ZONE,
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: ZONE,
  }),
};

/** "onsdag 9. december 2026" / "Wednesday 9 December 2026" (Danish: no "den", as Outlook writes it). */
export function formatWeekdayDate(iso: string, locale: Locale = 'da'): string {
  const at = instantOf(iso);
  if (Number.isNaN(+at)) return '';
  const parts = dayParts[locale === 'en' ? 'en' : 'da'].formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return locale === 'en'
    ? `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`
    : `${part('weekday')} ${part('day')}. ${part('month')} ${part('year')}`;
}

/**
 * A meeting's time as Teams and Outlook write it: "onsdag 9. december 2026, kl. 11.00–13.00" /
 * "Wednesday 9 December 2026, 11:00–13:00"; a meeting over midnight names both days.
 */
export function formatMeetingWhen(startIso: string, endIso: string, locale: Locale = 'da'): string {
  const time = (iso: string) => (locale === 'en' ? formatTime(iso) : formatTime(iso).replace(':', '.'));
  const at = (iso: string) => (locale === 'en' ? time(iso) : `kl. ${time(iso)}`);
  const start = `${formatWeekdayDate(startIso, locale)}, ${at(startIso)}`;
  if (localDate(startIso) === localDate(endIso)) return `${start}–${time(endIso)}`;
  return `${start} – ${formatWeekdayDate(endIso, locale)}, ${at(endIso)}`;
}

/** "11:00" in Copenhagen time. */
export function formatTime(iso: string): string {
  const d = local(iso);
  return Number.isNaN(+d) ? '' : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "20-02-2024 11:00 - 13:00", as the seeds print a meeting's time. */
export function formatTimeRange(startIso: string, endIso: string, locale: Locale = 'da'): string {
  const endText =
    localDate(startIso) === localDate(endIso)
      ? formatTime(endIso)
      : `${formatDate(endIso, locale)} ${formatTime(endIso)}`;
  return `${formatDate(startIso, locale)} ${formatTime(startIso)} - ${endText}`;
}

/** "10 min" (both languages); "1 t 30 min" / "1 h 30 min" from an hour up. */
export function formatDuration(minutes: number, locale: Locale = 'da'): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = locale === 'en' ? `${h} h` : `${h} t`;
  return m ? `${hours} ${m} min` : hours;
}

/**
 * A wall-clock time in a zone (y, m, d, h, min, s, ms as written) → the instant as ISO UTC, daylight saving
 * included (a time in the spring gap moves forward by the gap, as clocks do). Undefined when the date does
 * not exist (30 February) or a field is out of range.
 */
export function zonedToUtc(zone: string, fields: number[]): string | undefined {
  const [y, mo, d, h = 0, mi = 0, s = 0, ms = 0] = fields;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const t = new TZDate(y, mo - 1, d, h, mi, s, ms, zone);
  if (Number.isNaN(+t) || t.getFullYear() !== y || t.getMonth() !== mo - 1 || t.getDate() !== d)
    return undefined;
  return new Date(+t).toISOString();
}

/** A wall-clock time in Copenhagen ("2024-02-20", "11:00") → ISO UTC, daylight saving included. */
export function copenhagenToUtc(dateYmd: string, hhmm: string): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateYmd.trim());
  const time = /^(\d{2})[:.](\d{2})(?::(\d{2}))?$/.exec(hhmm.trim());
  const utc =
    date && time
      ? zonedToUtc(
          ZONE,
          [...date.slice(1), ...time.slice(1)].map((v) => Number(v ?? 0)),
        )
      : undefined;
  if (!utc) throw new RangeError(`not a Copenhagen date and time: ${dateYmd} ${hhmm}`);
  return utc;
}

/** "2024-02-20" + n days (calendar days; no zone is involved in counting days). */
export function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}
