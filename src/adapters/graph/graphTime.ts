import type { DateTimeTimeZone } from '@microsoft/microsoft-graph-types';
import { zonedToUtc } from '../../domain/format';

const isZone = (name: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};

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
  if (isZone(key)) return key;
  throw new Error(`Unknown time zone from Graph: ${key}`);
}

/**
 * Graph's `{dateTime: "2024-02-20T11:00:00.0000000", timeZone: "Romance Standard Time"}` → the instant as
 * "2024-02-20T10:00:00.000Z". Any number of fractional digits; an explicit offset wins over the zone.
 */
export function toIsoUtc(t: DateTimeTimeZone | null | undefined): string {
  if (!t?.dateTime) throw new Error('Graph returned an event without a time');
  const parts =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d\d:?\d\d)?$/i.exec(
      t.dateTime.trim(),
    );
  if (!parts) throw new Error(`Graph returned an unreadable time: ${t.dateTime}`);
  const [, y, mo, d, h, mi, s = '0', frac = '0', offset] = parts;
  const fields = [y, mo, d, h, mi, s, frac.padEnd(3, '0')].map(Number);
  // An explicit offset wins over the zone: the wall clock is read in UTC, then moved by the offset.
  const utc = zonedToUtc(offset ? 'UTC' : zoneOf(t.timeZone), fields);
  if (!utc) throw new Error(`Graph returned an unreadable time: ${t.dateTime}`);
  if (!offset || /^z$/i.test(offset)) return utc;
  const [, sign, oh, om] = /^([+-])(\d\d):?(\d\d)$/.exec(offset)!;
  const minutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return new Date(Date.parse(utc) - minutes * 60_000).toISOString();
}
