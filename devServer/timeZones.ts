import { DateTime, IANAZone } from 'luxon';

/**
 * Time zones as Graph takes them in dateTimeTimeZone values and in `Prefer: outlook.timezone`: any Windows
 * zone name, or an IANA one ("dateTimeTimeZone resource type"). Windows names are what Outlook writes
 * (a Danish secretary's meetings carry "Romance Standard Time"); this server knows the ones below.
 */
export const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  'Romance Standard Time': 'Europe/Paris', // Brussels, Copenhagen, Madrid, Paris
  'W. Europe Standard Time': 'Europe/Berlin', // Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna
  'Central Europe Standard Time': 'Europe/Budapest', // Belgrade, Bratislava, Budapest, Ljubljana, Prague
  'Central European Standard Time': 'Europe/Warsaw', // Sarajevo, Skopje, Warsaw, Zagreb
  'GMT Standard Time': 'Europe/London', // Dublin, Edinburgh, Lisbon, London
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'FLE Standard Time': 'Europe/Helsinki',
  'Eastern Standard Time': 'America/New_York',
  'Pacific Standard Time': 'America/Los_Angeles',
};

/** A zone name as sent → the IANA zone to compute with, or undefined when Graph would refuse it. */
export function ianaZone(name: string): string | undefined {
  const trimmed = name.trim();
  const windows = Object.entries(WINDOWS_ZONES).find(([k]) => k.toLowerCase() === trimmed.toLowerCase());
  if (windows) return windows[1];
  if (/^(Etc\/)?(UTC|GMT)$/i.test(trimmed)) return 'UTC';
  // IANA names only (Area/Location); luxon would also take offsets such as "UTC+1", Graph does not.
  if (/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$/.test(trimmed) && IANAZone.isValidZone(trimmed)) return trimmed;
  return undefined;
}

/** `Prefer: outlook.timezone="Romance Standard Time"` (quoted or not, among other preferences). */
export function preferredTimeZone(
  headers: Record<string, string | string[] | undefined>,
): { name: string; iana: string } | undefined {
  const raw = headers.prefer ?? headers.Prefer;
  const text = Array.isArray(raw) ? raw.join(',') : raw;
  if (!text) return undefined;
  const m = /outlook\.timezone\s*=\s*(?:"([^"]*)"|([^,;\s]+))/i.exec(text);
  const name = m?.[1] ?? m?.[2];
  if (!name) return undefined;
  const iana = ianaZone(name);
  return iana ? { name, iana } : undefined;
}

/** Stored ISO UTC → Graph's wall-clock "2024-02-20T11:00:00.0000000" in the zone. */
export function wallClock(isoUtc: string, iana: string): string {
  return `${DateTime.fromISO(isoUtc, { zone: 'utc' }).setZone(iana).toFormat("yyyy-MM-dd'T'HH:mm:ss")}.0000000`;
}
