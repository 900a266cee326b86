import { RU_COST, type RuKind } from './resourceUnits';

/**
 * Monday morning in a municipality: 40 meetings of 12 people running at once. Per meeting 10 people in
 * Teams on Live Share (the referent among them) and 2 following in Outlook by polling; the referent types
 * at the pace of bench/watchers.ts TYPING. The meetings start within `arrivalMinutes`, and at each start the
 * organizer opens it, which checks the meeting's rights against its plan (the permission operations of
 * bench/permissions.ts, `organizerOpensAtStart`; the agenda and the referent were set days before, the
 * referat is approved after). SharePoint meters the app per tenant per minute (bench/resourceUnits.ts);
 * the smallest tenants get 1,200 RU.
 */
export const MONDAY = {
  meetings: 40,
  liveSharePerMeeting: 10,
  pollingPerMeeting: 2,
  referentsPerMeeting: 1,
  arrivalMinutes: 10,
};

type PerMinute = Partial<Record<RuKind, number>>;

/** The tenant's resource units in the peak minute, from per-role request rates measured in the run. */
export function tenantPeak(measured: {
  pollingWatcher: PerMinute;
  liveShareWatcher: PerMinute;
  referent: PerMinute;
  /** Resource units of the organizer's open at one meeting's start (rows and the rights check). */
  meetingStartPermissionRu: number;
}): { total: number; byKind: Record<string, number>; byRole: Record<string, number> } {
  const m = MONDAY;
  const roles: Array<[string, PerMinute, number]> = [
    ['pollingWatchers', measured.pollingWatcher, m.meetings * m.pollingPerMeeting],
    ['liveShareWatchers', measured.liveShareWatcher, m.meetings * m.liveSharePerMeeting],
    ['referentsTyping', measured.referent, m.meetings * m.referentsPerMeeting],
  ];
  const byKind: Record<string, number> = {};
  const byRole: Record<string, number> = {};
  for (const [role, rates, people] of roles) {
    let ru = 0;
    for (const [kind, perMinute] of Object.entries(rates) as Array<[RuKind, number]>) {
      const units = perMinute * people * RU_COST[kind];
      byKind[kind] = (byKind[kind] ?? 0) + units;
      ru += units;
    }
    byRole[role] = Math.round(ru);
  }
  const permissions = (measured.meetingStartPermissionRu * m.meetings) / m.arrivalMinutes;
  byKind.permissionOperationsAtStart = permissions;
  byRole.permissionOperationsAtStart = Math.round(permissions);
  for (const k of Object.keys(byKind)) byKind[k] = Math.round(byKind[k]);
  const total = Math.round(Object.values(byRole).reduce((a, b) => a + b, 0));
  return { total, byKind, byRole };
}
