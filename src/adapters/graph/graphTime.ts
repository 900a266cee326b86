import type { DateTimeTimeZone } from '@microsoft/microsoft-graph-types';
import { DateTime, IANAZone } from 'luxon';

/**
 * Windows zone names Outlook writes on events (a Danish secretary's meetings carry "Romance Standard Time")
 * → IANA. Graph answers in UTC unless asked otherwise, and the add-in asks for UTC, but a dateTimeTimeZone
 * is read correctly in any of these zones or any IANA zone.
 */
const WINDOWS_TO_IANA: Readonly<Record<string, string>> = {
  utc: 'UTC',
  'romance standard time': 'Europe/Paris',
  'w. europe standard time': 'Europe/Berlin',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'fle standard time': 'Europe/Helsinki',
  'eastern standard time': 'America/New_York',
  'pacific standard time': 'America/Los_Angeles',
};

/** The header that makes Graph answer every dateTimeTimeZone in UTC ("Prefer: outlook.timezone"). */
export const PREFER_UTC = { Prefer: 'outlook.timezone="UTC"' } as const;

export function zoneOf(name: string | null | undefined): string {
  const key = (name ?? 'UTC').trim();
  const windows = WINDOWS_TO_IANA[key.toLowerCase()];
  if (windows) return windows;
  if (/^(Etc\/)?(UTC|GMT)$/i.test(key)) return 'UTC';
  if (IANAZone.isValidZone(key)) return key;
  throw new Error(`Unknown time zone from Graph: ${key}`);
}

/**
 * Graph's `{dateTime: "2024-02-20T11:00:00.0000000", timeZone: "Romance Standard Time"}` → the instant as
 * "2024-02-20T10:00:00.000Z". Any number of fractional digits; an explicit offset wins over the zone.
 */
export function toIsoUtc(t: DateTimeTimeZone | null | undefined): string {
  if (!t?.dateTime) throw new Error('Graph returned an event without a time');
  const text = t.dateTime.replace(/(\.\d{3})\d+/, '$1');
  const hasOffset = /(Z|[+-]\d\d:?\d\d)$/i.test(text);
  const d = hasOffset
    ? DateTime.fromISO(text, { setZone: true })
    : DateTime.fromISO(text, { zone: zoneOf(t.timeZone) });
  if (!d.isValid) throw new Error(`Graph returned an unreadable time: ${t.dateTime}`);
  return d.toUTC().toISO()!;
}
