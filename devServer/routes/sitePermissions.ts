import { badRequest, forbidden, notFound } from '../errors';
import { ok, type Ctx, type Result } from '../http';
import type { ListAccess } from '../lists/access';
import type { SiteRow } from '../lists/sites';
import { has, Perm } from '../sharepoint/roleDefinitions';

/**
 * The app's Sites.Selected grant on the site, the one Graph lists at `GET /sites/{id}/permissions`
 * ("List permissions", site-list-permissions): there the caller needs Sites.FullControl.All. The local
 * server has no app registrations and no admin consent; it stands in for both: the add-in's app is granted
 * `fullcontrol` on every site (what docs/tenant-setup.md step 2 sets up), and a caller with Manage
 * Permissions on the site (its Owners) may read the grant. Read-only: the grant cannot be changed here.
 */
export const LOCAL_APP = { id: '00000000-0000-0000-0000-00000000a11d', displayName: 'Mødeassistent (lokal)' };

export function sitePermissionsHandler(ctx: Ctx, s: SiteRow, access: ListAccess, parts: string[]): Result {
  if (ctx.method !== 'GET')
    throw badRequest('The local server does not change site permissions.', 'BadRequest');
  if (!has(access.webMask(), Perm.ManagePermissions)) throw forbidden();
  const grant = {
    id: Buffer.from(`i:0i.t|ms.sp.ext|${LOCAL_APP.id}@${s.id}`).toString('base64url'),
    roles: ['fullcontrol'],
    grantedToIdentitiesV2: [{ application: { ...LOCAL_APP } }],
    grantedToIdentities: [{ application: { ...LOCAL_APP } }],
  };
  if (parts.length === 1)
    return ok({ '@odata.context': `${ctx.base}/$metadata#sites('${s.id}')/permissions`, value: [grant] });
  if (parts.length === 2 && parts[1] === grant.id)
    return ok({ '@odata.context': `${ctx.base}/$metadata#sites('${s.id}')/permissions/$entity`, ...grant });
  throw notFound('Item not found');
}
