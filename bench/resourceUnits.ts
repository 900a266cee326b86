import type { ServedRequest } from '../devServer/server';

/**
 * SharePoint Online meters each app per tenant per minute in resource units, with these published costs
 * (Microsoft, "Avoid getting throttled or blocked in SharePoint Online", section "Resource units",
 * https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online):
 *   1 RU: a single item query (get item), a delta with token;
 *   2 RU: a multi-item query (list children; a delta without token), create, update, delete;
 *   5 RU: every permission resource operation (including `$expand=permissions`).
 * The smallest tenants (under 1,000 licences) get 1,200 RU per app per minute in that table (the issue
 * quotes 1,250); CSOM/REST calls have no published cost and are priced here by the same rules.
 * A Graph `$batch` is not a SharePoint request itself: each of its steps is one, and counts as such.
 */
export type RuKind = 'singleItem' | 'deltaWithToken' | 'multiItem' | 'write' | 'permission';

export const RU_COST: Record<RuKind, number> = {
  singleItem: 1,
  deltaWithToken: 1,
  multiItem: 2,
  write: 2,
  permission: 5,
};

/** The kind of a request as SharePoint prices it; null for what is not SharePoint (`/me`, calendar, $batch). */
export function ruKindOf(
  r: Pick<ServedRequest, 'method' | 'path' | 'query' | 'sharePointRest'>,
): RuKind | null {
  const path = r.path.split('?')[0];
  if (r.sharePointRest) {
    if (/roleassignment|roleinheritance|roledefinition|sitegroups|\/users\b/i.test(path)) return 'permission';
    if (/roleassignment|permission/i.test(r.query.$expand ?? '')) return 'permission';
    if (r.method !== 'GET') return 'write';
    return /\/(items|folders|files|lists)\/?$/i.test(path) ? 'multiItem' : 'singleItem';
  }
  if (!path.startsWith('/sites')) return null;
  if (r.method !== 'GET') return 'write';
  if (/\/permissions\b/i.test(path) || /permissions/i.test(r.query.$expand ?? '')) return 'permission';
  if (/\/items\/delta$/i.test(path)) return r.query.token !== undefined ? 'deltaWithToken' : 'multiItem';
  // A collection (items, lists, columns) is a multi-item query; a site, a list or one item is a single one.
  return /\/(items|lists|columns)$/i.test(path) ? 'multiItem' : 'singleItem';
}

/** Counts the SharePoint requests a local server sees, by kind and by person. */
export class RuMeter {
  private readonly counts = new Map<string, Record<RuKind, number>>();

  readonly observe = (r: ServedRequest): void => {
    const kind = ruKindOf(r);
    if (!kind) return;
    const mine = this.counts.get(r.upn.toLowerCase()) ?? zero();
    mine[kind] += 1;
    this.counts.set(r.upn.toLowerCase(), mine);
  };

  reset(): void {
    this.counts.clear();
  }

  /** Requests by kind, for the people given (everyone when omitted). */
  requests(upns?: string[]): Record<RuKind, number> {
    const out = zero();
    for (const [upn, counts] of this.counts) {
      if (upns && !upns.some((u) => u.toLowerCase() === upn)) continue;
      for (const k of Object.keys(out) as RuKind[]) out[k] += counts[k];
    }
    return out;
  }
}

export const zero = (): Record<RuKind, number> => ({
  singleItem: 0,
  deltaWithToken: 0,
  multiItem: 0,
  write: 0,
  permission: 0,
});

export const resourceUnits = (requests: Record<RuKind, number>): number =>
  (Object.keys(requests) as RuKind[]).reduce((sum, k) => sum + requests[k] * RU_COST[k], 0);
