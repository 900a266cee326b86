import { DateTime } from 'luxon';

export type Locale = 'da' | 'en';
export const ZONE = 'Europe/Copenhagen';

const local = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE);

/** "20-02-2024" (both languages: the municipality's format). */
export function formatDate(iso: string, _locale: Locale = 'da'): string {
  return local(iso).toFormat('dd-MM-yyyy');
}

/** "22. januar 2025" / "22 January 2025". */
export function formatLongDate(iso: string, locale: Locale = 'da'): string {
  const d = local(iso).setLocale(locale === 'en' ? 'en-GB' : 'da');
  return locale === 'en' ? d.toFormat('d MMMM yyyy') : d.toFormat('d. MMMM yyyy');
}

/** "11:00" in Copenhagen time. */
export function formatTime(iso: string): string {
  return local(iso).toFormat('HH:mm');
}

/** "20-02-2024 11:00 - 13:00", as the seeds print a meeting's time. */
export function formatTimeRange(startIso: string, endIso: string, locale: Locale = 'da'): string {
  const start = local(startIso);
  const end = local(endIso);
  const endText = start.hasSame(end, 'day')
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

/** A wall-clock time in Copenhagen ("2024-02-20", "11:00") → ISO UTC, daylight saving included. */
export function copenhagenToUtc(dateYmd: string, hhmm: string): string {
  const d = DateTime.fromISO(`${dateYmd}T${hhmm.replace('.', ':')}`, { zone: ZONE });
  if (!d.isValid) throw new Error(`Ugyldig dato eller tid: ${dateYmd} ${hhmm}`);
  return d.toUTC().toISO({ suppressMilliseconds: false })!;
}
