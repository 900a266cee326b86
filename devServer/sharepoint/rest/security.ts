import { accessDenied, argumentError, badQuery, SpError, spException } from '../odataJson';
import {
  addMember,
  createGroup,
  groupByTitle,
  principalById,
  siteUserByLogin,
  type PrincipalRow,
} from '../principals';
import { Perm, type RoleDefinition } from '../roleDefinitions';
import { type ScopeKey, WEB } from '../scopeTree';
import { bodyObject, type RestAnswer, RestContext, noContent } from './context';

/* Principals, groups, role definitions and assignments as the SharePoint REST router needs them. */

export function roleDef(r: RoleDefinition | undefined): RoleDefinition {
  if (!r) throw spException('Cannot find the specified role definition.', 404);
  return r;
}

export function userById(rc: RestContext, id: number): PrincipalRow {
  const p = principalById(rc.db, rc.siteId, id);
  if (!p || p.kind !== 'user') throw spException('User cannot be found.', 404);
  return p;
}

export function userByLogin(rc: RestContext, login: string): PrincipalRow {
  const p = siteUserByLogin(rc.db, rc.siteId, login);
  if (!p) throw spException('User cannot be found.', 404);
  return p;
}

export function groupById(rc: RestContext, id: number): PrincipalRow {
  const p = principalById(rc.db, rc.siteId, id);
  if (!p || p.kind !== 'group') throw spException('Group cannot be found.', 404);
  return p;
}

export function assignmentOf(rc: RestContext, key: ScopeKey, principalId: number) {
  const a = rc.sec.assignments(key).find((x) => x.principalId === principalId);
  if (!a) throw spException(`Can not find the principal with id: ${principalId}.`, 404);
  return a;
}

/** POST web/sitegroups: needs CreateGroups on the web; the creator owns the group and is its first member. */
export function createSiteGroup(rc: RestContext): PrincipalRow {
  rc.require(WEB, Perm.CreateGroups);
  const body = bodyObject(rc);
  const title = String(body.Title ?? '').trim();
  if (!title) throw argumentError('The group name is empty. You must specify a group name.');
  if (title.length > 255 || /["/\\[\]:|<>+=;,?*'@]/.test(title))
    throw spException('The group name is not valid.');
  if (groupByTitle(rc.db, rc.siteId, title) || siteUserByLogin(rc.db, rc.siteId, title))
    throw new SpError(
      400,
      '-2130575293, Microsoft.SharePoint.SPException',
      'The specified name is already in use.',
    );
  const me = rc.meUser();
  const g = rc.db.transaction(() => {
    const created = createGroup(rc.db, rc.siteId, {
      title,
      description: body.Description === undefined ? null : String(body.Description),
      ownerId: me.id,
      // Not sent: members only by default, everyone under `members-visible` (variants.ts).
      onlyMembersView:
        body.OnlyAllowMembersViewMembership === undefined
          ? !rc.ctx.variants?.has('members-visible')
          : !!body.OnlyAllowMembersViewMembership,
    });
    addMember(rc.db, rc.siteId, created.id, me.id);
    return created;
  })();
  rc.sec.invalidate();
  return g;
}

export function updateGroup(rc: RestContext, g: PrincipalRow): RestAnswer {
  if (!rc.canManageGroup(g)) throw accessDenied();
  const body = bodyObject(rc);
  for (const k of Object.keys(body))
    if (!['Title', 'Description', 'OnlyAllowMembersViewMembership'].includes(k))
      throw badQuery(
        `The property '${k}' does not exist on type 'SP.Group'. Make sure to only use property names that are defined by the type.`,
      );
  if (body.Title !== undefined) {
    const title = String(body.Title);
    const other = groupByTitle(rc.db, rc.siteId, title);
    if (other && other.id !== g.id)
      throw new SpError(
        400,
        '-2130575293, Microsoft.SharePoint.SPException',
        'The specified name is already in use.',
      );
    rc.db
      .prepare('UPDATE sp_principals SET title = ?, login_name = ? WHERE site_id = ? AND id = ?')
      .run(title, title, rc.siteId, g.id);
  }
  if (body.Description !== undefined)
    rc.db
      .prepare('UPDATE sp_principals SET description = ? WHERE site_id = ? AND id = ?')
      .run(String(body.Description), rc.siteId, g.id);
  if (body.OnlyAllowMembersViewMembership !== undefined)
    rc.db
      .prepare('UPDATE sp_principals SET only_members_view = ? WHERE site_id = ? AND id = ?')
      .run(body.OnlyAllowMembersViewMembership ? 1 : 0, rc.siteId, g.id);
  return noContent();
}

/** The body of `POST web/roledefinitions` (SP.RoleDefinition): Name, Description, Order, BasePermissions {High, Low}. */
export function roleDefinitionBody(rc: RestContext) {
  const body = bodyObject(rc);
  const bp = body.BasePermissions as { High?: unknown; Low?: unknown } | undefined;
  const part = (v: unknown) => {
    const s = String(v ?? '');
    if (!/^\d+$/.test(s) || BigInt(s) > 0xffffffffn)
      throw argumentError('The parameter BasePermissions is not valid.');
    return BigInt(s);
  };
  if (!bp || typeof bp !== 'object') throw argumentError('The parameter BasePermissions is not valid.');
  return {
    name: String(body.Name ?? ''),
    description: String(body.Description ?? ''),
    order: Number.isInteger(body.Order) ? (body.Order as number) : 0,
    mask: (part(bp.High) << 32n) | part(bp.Low),
  };
}
