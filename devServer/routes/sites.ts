import { badRequest, forbidden, notFound } from '../errors';
import { ok, select, type Ctx, type Result, type Route } from '../http';
import { ListAccess } from '../lists/access';
import { site, siteByPath, type SiteRow } from '../lists/sites';
import { siteDrivesHandler } from './drives';
import { listsHandler } from './lists';
import { sitePermissionsHandler } from './sitePermissions';

/** `/sites/{site}…`: the site by id, by `hostname:/path:` or `root`, then its lists. */
function sitesHandler(ctx: Ctx, [spec]: string[]): Result {
  let s: SiteRow | undefined;
  let rest: string;
  if (spec === 'root' || spec.startsWith('root/')) {
    s = ctx.db.prepare("SELECT * FROM sites WHERE path = '/'").get() as typeof s;
    rest = spec.slice(4);
  } else if (/^[^/,]+:\//.test(spec)) {
    const m = /^([^/:]+):(\/[^:]*?)(?::(\/.*)?)?$/.exec(spec);
    if (!m) throw badRequest('Invalid site path.');
    s = siteByPath(ctx.db, m[1], m[2]);
    rest = m[3] ?? '';
  } else {
    const [id, ...tail] = spec.split('/');
    s = site(ctx.db, id);
    rest = tail.length ? `/${tail.join('/')}` : '';
  }
  if (!s) throw notFound('Requested site could not be found');
  const access = new ListAccess(ctx, s.id);
  if (access.webMask() === 0n) throw forbidden();
  const parts = rest.split('/').filter(Boolean);
  if (parts.length === 0) {
    if (ctx.method !== 'GET') throw badRequest('Unsupported request.', 'BadRequest');
    return ok({
      '@odata.context': `${ctx.base}/$metadata#sites/$entity`,
      ...select({ ...JSON.parse(s.json), id: s.id }, ctx.query.$select),
    });
  }
  if (parts[0] === 'permissions') return sitePermissionsHandler(ctx, s, access, parts);
  if (parts[0] === 'drives') return siteDrivesHandler(ctx, s, access, parts);
  if (parts[0] !== 'lists') throw badRequest(`Resource '${parts[0]}' is not supported here.`, 'BadRequest');
  return listsHandler(ctx, s, access, parts);
}

export const siteRoutes: Route[] = ['GET', 'POST', 'PATCH', 'DELETE'].map((method) => ({
  method,
  pattern: /^\/sites\/(.+)$/,
  handler: sitesHandler,
}));
