import { DateTime } from 'luxon';
import { badRequest, timeZoneNotSupported } from '../errors';
import type { Ctx } from '../http';
import { ianaZone } from '../timeZones';
import { findUser } from './users';
import { type Attendee, NEVER } from './eventStore';

/** What a POST or PATCH of an event may carry, read as Exchange reads it. */
export interface GraphEventInput {
  subject?: string;
  body?: { contentType?: string; content?: string };
  start?: { dateTime?: string; timeZone?: string };
  end?: { dateTime?: string; timeZone?: string };
  location?: { displayName?: string };
  attendees?: Array<{ emailAddress?: { address?: string; name?: string } }>;
  isOnlineMeeting?: boolean;
  recurrence?: {
    pattern?: { type?: string; interval?: number; daysOfWeek?: string[] };
    range?: {
      type?: string;
      startDate?: string;
      endDate?: string;
      numberOfOccurrences?: number;
      recurrenceTimeZone?: string;
    };
  };
}

/**
 * A dateTimeTimeZone as sent → ISO UTC (whole seconds, as Exchange keeps them) and the zone name.
 * Windows and IANA names are both taken ("dateTimeTimeZone resource type"); an unknown one is Graph's
 * 400 TimeZoneNotSupportedException. A dateTime with its own offset is taken as that instant.
 */
export const iso = (
  t: { dateTime?: string; timeZone?: string } | undefined,
  field: string,
): { at: string; zone: string } => {
  if (!t?.dateTime) throw badRequest(`${field} is required.`, 'ErrorInvalidRequest');
  const zone = t.timeZone ?? 'UTC';
  const iana = ianaZone(zone);
  if (!iana) throw timeZoneNotSupported(zone);
  const hasOffset = /(Z|[+-]\d\d:?\d\d)$/i.test(t.dateTime);
  const d = hasOffset
    ? DateTime.fromISO(t.dateTime, { setZone: true })
    : DateTime.fromISO(t.dateTime, { zone: iana });
  if (!d.isValid) throw badRequest(`${field} is not a valid date.`, 'ErrorInvalidRequest');
  return { at: new Date(d.toUTC().startOf('second').toMillis()).toISOString(), zone };
};

export function attendeesFrom(
  ctx: Ctx,
  input: GraphEventInput['attendees'],
  organizer: string,
  now: string,
  keep: Attendee[] = [],
): Attendee[] {
  const seen = new Set<string>();
  return (input ?? [])
    .map((a) => {
      const address = a.emailAddress?.address?.trim().toLowerCase();
      if (!address) throw badRequest('An attendee needs an email address.', 'ErrorInvalidRequest');
      const prior = keep.find((k) => k.address === address);
      const user = findUser(ctx.db, address);
      return (
        prior ?? {
          name: a.emailAddress?.name || user?.displayName || address,
          address,
          response: 'none',
          time: NEVER,
        }
      );
    })
    .filter((a) => a.address !== organizer && !seen.has(a.address) && seen.add(a.address) !== undefined)
    .map((a) => ({ ...a, time: a.time || now }));
}
