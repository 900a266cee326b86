import { GraphHttpError } from '../errors';
import type { Ctx } from '../http';
import { allLists } from '../lists/lists';
import { deleteItem } from '../lists/rows';
import type { SiteRow } from '../lists/sites';
import { accessDenied, badQuery, fileNotFound, itemMissing, SpError, spException } from './odataJson';
import {
  addMember,
  allOfKind,
  associatedGroups,
  deleteGroup,
  ensureUser,
  groupByTitle,
  groupMembers,
  principalById,
  removeMember,
  siteUserByLogin,
} from './principals';
import { EMPTY_MASK, highLow, Perm, ROLE, roleByType, type RoleDefinition } from './roleDefinitions';
import { createRoleDefinition, siteRoleByName, siteRoles } from './siteRoles';
import { itemKey, listKey, WEB } from './scopeTree';
import {
  type Node,
  type RestAnswer,
  RestContext,
  type RestRequest,
  ok,
  securableOf,
  securableUri,
} from './rest/context';
import { addValidate, columnFormValue, queryItems, updateItem, updateList } from './rest/items';
import { placeIn, relocate, validateUpdate } from './rest/itemForms';
import {
  assignmentOf,
  createSiteGroup,
  groupById,
  roleDef,
  roleDefinitionBody,
  updateGroup,
  userById,
  userByLogin,
} from './rest/security';
import { Args, type Segment, asBool, asInt, splitSegments } from './rest/url';

/**
 * SharePoint REST (`/_api/...` below a site's path) for what Graph v1.0 has no API for: principals, role
 * definitions, role assignments and inheritance, list settings, folders and items created in folders.
 * URL forms, verbs, JSON shapes and error bodies as SharePoint Online has them (see devServer/README.md).
 *
 * The router: it walks the path's segments from the web to what they address (`step`) and answers the
 * verb there (`finish`); the request context is rest/context.ts, URL parsing rest/url.ts, principals and
 * groups rest/security.ts, list and item writes and queries rest/items.ts.
 */

export function handleRest(ctx: Ctx, site: SiteRow, req: RestRequest, origin: string): RestAnswer {
  const rc = new RestContext(ctx, site, req, origin);
  let path: string;
  try {
    path = decodeURIComponent(req.apiPath);
  } catch {
    throw badQuery(`The expression "${req.apiPath}" is not valid.`);
  }
  const segs = splitSegments(path);
  if (!segs.length) throw badQuery('The expression "" is not valid.');
  const first = segs[0].name;
  if (first === '$batch') {
    throw new SpError(
      501,
      '-1, System.NotImplementedException',
      'The local server does not implement $batch on _api; send the requests one by one.',
    );
  }
  if (rc.mask(WEB) === EMPTY_MASK) throw accessDenied();
  if (first === 'contextinfo') {
    if (rc.verb !== 'POST') throw badQuery('The HTTP method GET cannot be used for contextinfo; use POST.');
    const value = {
      FormDigestTimeoutSeconds: 1800,
      FormDigestValue: `0x${Buffer.from(`${ctx.me.upn}|${site.id}`).toString('hex').slice(0, 64).toUpperCase()},${ctx
        .now()
        .toUTCString()}`,
      LibraryVersion: '16.0.0.0',
      SiteFullUrl: rc.webUrl,
      SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
      WebFullUrl: rc.webUrl,
    };
    return ok(rc.render.complex('GetContextWebInformation', 'SP.ContextWebInformation', value));
  }
  if (first !== 'web' || segs[0].args !== undefined) throw badQuery(`The expression "${path}" is not valid.`);
  let node: Node = { k: 'web' };
  for (let i = 1; i < segs.length; i++) {
    const seg = segs[i];
    const last = i === segs.length - 1;
    const stepped = step(rc, node, seg, last);
    if ('status' in stepped) {
      if (!last) throw badQuery(`The expression "${path}" is not valid.`);
      return stepped;
    }
    node = stepped;
  }
  return finish(rc, node);
}

function step(rc: RestContext, node: Node, seg: Segment, last: boolean): Node | RestAnswer {
  const args = new Args(seg.args, rc.aliases);
  const invalid = () => badQuery(`The expression "${seg.name}" is not valid here.`);
  const post = () => {
    if (rc.verb !== 'POST') throw badQuery(`The HTTP method '${rc.verb}' cannot be used for '${seg.name}'.`);
  };
  const securable = securableOf(node);

  // Securable members (web, list, item).
  if (securable) {
    switch (seg.name) {
      case 'roleassignments': {
        const uri = `${securableUri(rc, node)}/RoleAssignments`;
        if (seg.args !== undefined)
          return { k: 'roleassignment', key: securable, principalId: asInt(args.get('id'), 'id'), uri };
        return { k: 'roleassignments', key: securable, uri };
      }
      case 'breakroleinheritance': {
        post();
        rc.require(securable, Perm.ManagePermissions);
        const copy = asBool(args.get('copyroleassignments'));
        const clear = asBool(args.get('clearsubscopes', 1));
        rc.sec.breakInheritance(securable, copy, clear, rc.meUser().id);
        return ok(rc.render.none('BreakRoleInheritance'));
      }
      case 'resetroleinheritance': {
        post();
        if (securable === WEB) throw spException('You cannot reset the role inheritance of the root web.');
        rc.require(securable, Perm.ManagePermissions);
        rc.sec.resetInheritance(securable);
        return ok(rc.render.none('ResetRoleInheritance'));
      }
      case 'hasuniqueroleassignments':
        if (!last) throw invalid();
        return ok(rc.render.primitive('HasUniqueRoleAssignments', rc.sec.isUnique(securable), 'Edm.Boolean'));
      case 'effectivebasepermissions':
        if (!last) throw invalid();
        return ok(
          rc.render.complex('EffectiveBasePermissions', 'SP.BasePermissions', highLow(rc.mask(securable))),
        );
      case 'getusereffectivepermissions': {
        if (!last) throw invalid();
        rc.require(securable, Perm.EnumeratePermissions);
        const login = String(args.get('username') ?? args.get('user') ?? args.positional[0] ?? '');
        const user = siteUserByLogin(rc.db, rc.siteId, login);
        const mask = user?.upn ? rc.sec.maskOf(user.upn, securable) : EMPTY_MASK;
        return ok(rc.render.complex('GetUserEffectivePermissions', 'SP.BasePermissions', highLow(mask)));
      }
      case 'firstuniqueancestorsecurableobject':
        throw invalid();
    }
  }

  switch (node.k) {
    case 'web':
      switch (seg.name) {
        case 'currentuser':
          return { k: 'user', p: rc.meUser() };
        case 'siteusers':
          if (seg.args !== undefined)
            return { k: 'user', p: userByLogin(rc, String(args.get('loginname') ?? '')) };
          return { k: 'siteusers' };
        case 'getuserbyid':
          return { k: 'user', p: userById(rc, asInt(args.get('id'), 'id')) };
        case 'ensureuser': {
          post();
          const logonName = String(
            args.get('logonname') ?? (rc.req.body as { logonName?: string } | undefined)?.logonName ?? '',
          );
          const p = ensureUser(rc.db, rc.siteId, logonName);
          if (!p) throw spException(`The specified user ${logonName} could not be found.`);
          rc.sec.invalidate();
          return ok(rc.render.entity(rc.userEntity(p)));
        }
        case 'roledefinitions':
          if (seg.args !== undefined)
            return { k: 'roledef', r: roleDef(rc.sec.role(asInt(args.get('id'), 'id'))) };
          return { k: 'roledefs' };
        case 'sitegroups':
          if (seg.args !== undefined) return { k: 'group', p: groupById(rc, asInt(args.get('id'), 'id')) };
          return { k: 'groups' };
        case 'associatedownergroup':
        case 'associatedmembergroup':
        case 'associatedvisitorgroup': {
          const g = associatedGroups(rc.db, rc.siteId);
          const id =
            seg.name === 'associatedownergroup'
              ? g.owner
              : seg.name === 'associatedmembergroup'
                ? g.member
                : g.visitor;
          if (!id) throw spException('Group cannot be found.', 404);
          return { k: 'group', p: groupById(rc, id) };
        }
        case 'lists':
          if (seg.args !== undefined) return { k: 'list', list: rc.listById(String(args.get('id'))) };
          return { k: 'lists' };
        case 'getlist': {
          const found = rc.folderByUrl(String(args.get('strurl') ?? ''));
          if (!found || found.row) throw fileNotFound();
          return { k: 'list', list: found.list };
        }
        case 'getfolderbyserverrelativepath':
        case 'getfolderbyserverrelativeurl': {
          const url = String(
            args.get('decodedurl') ?? args.get('serverrelativeurl') ?? args.positional[0] ?? '',
          );
          const found = rc.folderByUrl(url);
          if (!found) throw fileNotFound();
          // Traversing a folder needs some permission on it (Limited Access is enough); else it is not there.
          const key = found.row ? itemKey(found.list.id, found.row.id) : listKey(found.list.id);
          if (rc.mask(key) === EMPTY_MASK) throw fileNotFound();
          return { k: 'folder', list: found.list, row: found.row };
        }
      }
      break;
    case 'siteusers':
      switch (seg.name) {
        case 'getbyloginname':
          return { k: 'user', p: userByLogin(rc, String(args.get('loginname') ?? '')) };
        case 'getbyid':
          return { k: 'user', p: userById(rc, asInt(args.get('id'), 'id')) };
        case 'getbyemail': {
          const email = String(args.get('emailaddress') ?? '').toLowerCase();
          const p = allOfKind(rc.db, rc.siteId, 'user').find((u) => u.email.toLowerCase() === email);
          if (!p) throw spException('User cannot be found.', 404);
          return { k: 'user', p };
        }
      }
      break;
    case 'roledefs':
      switch (seg.name) {
        case 'getbyid':
          return { k: 'roledef', r: roleDef(rc.sec.role(asInt(args.get('id'), 'id'))) };
        case 'getbyname':
          return {
            k: 'roledef',
            r: roleDef(siteRoleByName(rc.db, rc.siteId, String(args.get('name') ?? ''))),
          };
        case 'getbytype':
          return {
            k: 'roledef',
            r: roleDef(roleByType(asInt(args.get('roletype') ?? args.get('roletypekind'), 'roleType'))),
          };
      }
      break;
    case 'groups':
      switch (seg.name) {
        case 'getbyid':
          return { k: 'group', p: groupById(rc, asInt(args.get('id'), 'id')) };
        case 'getbyname': {
          const p = groupByTitle(rc.db, rc.siteId, String(args.get('name') ?? ''));
          if (!p) throw spException('Group cannot be found.', 404);
          return { k: 'group', p };
        }
        case 'removebyid':
        case 'removebyloginname': {
          post();
          const g =
            seg.name === 'removebyid'
              ? groupById(rc, asInt(args.get('id'), 'id'))
              : (groupByTitle(rc.db, rc.siteId, String(args.get('loginname') ?? '')) ??
                (() => {
                  throw spException('Group cannot be found.', 404);
                })());
          if (!rc.canManageGroup(g)) throw accessDenied();
          rc.db.transaction(() => deleteGroup(rc.db, rc.siteId, g.id))();
          rc.sec.invalidate();
          return ok(rc.render.none(seg.name === 'removebyid' ? 'RemoveById' : 'RemoveByLoginName'));
        }
      }
      break;
    case 'group':
      if (seg.name === 'users') return { k: 'groupusers', g: node.p };
      if (seg.name === 'owner') {
        const owner = node.p.owner_id ? principalById(rc.db, rc.siteId, node.p.owner_id) : undefined;
        if (!owner) throw spException('Group cannot be found.', 404);
        return owner.kind === 'user' ? { k: 'user', p: owner } : { k: 'group', p: owner };
      }
      break;
    case 'groupusers': {
      const g = node.g;
      // Every look-up of a member answers by the same rule as the members list (OnlyAllowMembersViewMembership).
      const members = () => {
        if (!rc.canViewMembers(g)) throw accessDenied();
        return groupMembers(rc.db, rc.siteId, g.id);
      };
      switch (seg.name) {
        case 'getbyid': {
          const p = members().find((m) => m.id === asInt(args.get('id'), 'id'));
          if (!p) throw spException('User cannot be found.', 404);
          return { k: 'user', p };
        }
        case 'getbyloginname': {
          const login = String(args.get('loginname') ?? '');
          const u = siteUserByLogin(rc.db, rc.siteId, login);
          const p = u && members().find((m) => m.id === u.id);
          if (!p) throw spException('User cannot be found.', 404);
          return { k: 'user', p };
        }
        case 'removebyid':
        case 'removebyloginname': {
          post();
          if (!rc.canManageGroup(g)) throw accessDenied();
          const u =
            seg.name === 'removebyid'
              ? principalById(rc.db, rc.siteId, asInt(args.get('id'), 'id'))
              : siteUserByLogin(rc.db, rc.siteId, String(args.get('loginname') ?? ''));
          if (!u || u.kind !== 'user') throw spException('User cannot be found.', 404);
          removeMember(rc.db, rc.siteId, g.id, u.id);
          rc.sec.invalidate();
          return ok(rc.render.none(seg.name === 'removebyid' ? 'RemoveById' : 'RemoveByLoginName'));
        }
      }
      break;
    }
    case 'lists':
      if (seg.name === 'getbytitle')
        return { k: 'list', list: rc.listByTitle(String(args.get('title') ?? '')) };
      if (seg.name === 'getbyid') return { k: 'list', list: rc.listById(String(args.get('id') ?? '')) };
      break;
    case 'list':
      switch (seg.name) {
        case 'items':
          if (seg.args !== undefined)
            return {
              k: 'item',
              list: node.list,
              row: rc.visibleItem(node.list, asInt(args.get('id'), 'id')),
            };
          return { k: 'items', list: node.list };
        case 'rootfolder':
          return { k: 'folder', list: node.list };
        case 'addvalidateupdateitemusingpath':
          post();
          return addValidate(rc, node.list);
      }
      break;
    case 'items':
      if (seg.name === 'getbyid')
        return { k: 'item', list: node.list, row: rc.visibleItem(node.list, asInt(args.get('id'), 'id')) };
      break;
    case 'item':
      if (seg.name === 'folder' && node.row.fs_obj_type)
        return { k: 'folder', list: node.list, row: node.row };
      if (seg.name === 'validateupdatelistitem') {
        post();
        return validateUpdate(rc, node.list, node.row, columnFormValue);
      }
      break;
    case 'folder':
      if (seg.name === 'moveto') {
        // Moving (or renaming) a folder: a reading of its own (`rename-allowed`), refused by default.
        post();
        if (!node.row) throw accessDenied();
        const to = placeIn(rc, node.list, String(args.get('newurl') ?? args.positional[0] ?? ''));
        if (!to) throw badQuery('The new URL must be inside the same list.');
        relocate(rc, node.list, node.row, to.dir, to.leaf);
        return ok(rc.render.none('MoveTo'));
      }
      if (seg.name === 'listitemallfields') {
        if (!node.row) throw itemMissing();
        if (!rc.access.canRead(node.list, node.row)) throw fileNotFound();
        return { k: 'item', list: node.list, row: node.row };
      }
      break;
    case 'roleassignments':
      switch (seg.name) {
        case 'getbyprincipalid':
          return {
            k: 'roleassignment',
            key: node.key,
            principalId: asInt(args.get('principalid'), 'principalId'),
            uri: node.uri,
          };
        case 'addroleassignment':
        case 'removeroleassignment': {
          post();
          rc.require(node.key, Perm.ManagePermissions);
          if (!rc.sec.isUnique(node.key))
            throw spException('This operation is not allowed on an object that inherits permissions.');
          const principalId = asInt(args.get('principalid'), 'principalId');
          const roleId = asInt(args.get('roledefid'), 'roleDefId');
          if (!principalById(rc.db, rc.siteId, principalId))
            throw spException(`Can not find the principal with id: ${principalId}.`, 404);
          const role = rc.sec.role(roleId);
          if (!role) throw spException('Cannot find the specified role definition.');
          if (seg.name === 'addroleassignment') {
            if (role.Id === ROLE.limitedAccess)
              throw spException('You cannot grant a user the Limited Access permission level.');
            rc.sec.addAssignment(node.key, principalId, roleId);
            return ok(rc.render.none('AddRoleAssignment'));
          }
          rc.sec.removeAssignment(node.key, principalId, roleId);
          return ok(rc.render.none('RemoveRoleAssignment'));
        }
      }
      break;
    case 'roleassignment':
      switch (seg.name) {
        case 'member':
          return { k: 'member', key: node.key, principalId: node.principalId };
        case 'roledefinitionbindings':
          return { k: 'bindings', key: node.key, principalId: node.principalId, uri: node.uri };
        case 'deleteobject': {
          post();
          rc.require(node.key, Perm.ManagePermissions);
          if (!rc.sec.isUnique(node.key))
            throw spException('This operation is not allowed on an object that inherits permissions.');
          assignmentOf(rc, node.key, node.principalId);
          rc.sec.removePrincipal(node.key, node.principalId);
          return ok(rc.render.none('DeleteObject'));
        }
      }
      break;
  }
  throw invalid();
}

function finish(rc: RestContext, node: Node): RestAnswer {
  const verb = rc.verb;
  const r = rc.render;
  switch (node.k) {
    case 'web':
      if (verb !== 'GET') break;
      return ok(
        r.entity({
          type: 'SP.Web',
          uri: `${rc.apiUrl}/Web`,
          data: rc.applySelect({
            Created: '2022-01-01T00:00:00Z',
            Description: '',
            Id: rc.site.id.split(',')[2] ?? rc.site.id,
            Language: 1030,
            ServerRelativeUrl: rc.site.path,
            Title: (JSON.parse(rc.site.json) as { displayName?: string }).displayName ?? '',
            Url: rc.webUrl,
            WebTemplate: 'STS',
            ...(rc.selected()?.has('hasuniqueroleassignments') ? { HasUniqueRoleAssignments: true } : {}),
          }),
        }),
      );
    case 'siteusers':
      if (verb !== 'GET') break;
      return ok(
        r.collection(
          allOfKind(rc.db, rc.siteId, 'user').map((p) => rc.userEntity(p)),
          'SP.ApiData.Users',
        ),
      );
    case 'user':
      if (verb !== 'GET') break;
      return ok(r.entity(rc.userEntity(node.p), 'SP.ApiData.Users'));
    case 'roledefs':
      if (verb === 'POST') {
        rc.require(WEB, Perm.ManagePermissions);
        const created = createRoleDefinition(rc.db, rc.siteId, roleDefinitionBody(rc));
        rc.sec.invalidate();
        return ok(r.entity(rc.roleDefEntity(created), 'SP.ApiData.RoleDefinitions'), 201);
      }
      if (verb !== 'GET') break;
      return ok(
        r.collection(
          siteRoles(rc.db, rc.siteId).map((d) => rc.roleDefEntity(d)),
          'SP.ApiData.RoleDefinitions',
        ),
      );
    case 'roledef':
      if (verb !== 'GET') break;
      return ok(r.entity(rc.roleDefEntity(node.r), 'SP.ApiData.RoleDefinitions'));
    case 'groups':
      if (verb === 'GET')
        return ok(
          r.collection(
            allOfKind(rc.db, rc.siteId, 'group').map((p) => rc.principalEntity(p)),
            'SP.ApiData.Groups',
          ),
        );
      if (verb === 'POST')
        return ok(r.entity(rc.principalEntity(createSiteGroup(rc)), 'SP.ApiData.Groups'), 201);
      break;
    case 'group':
      if (verb === 'GET') return ok(r.entity(rc.principalEntity(node.p), 'SP.ApiData.Groups'));
      if (verb === 'MERGE') return updateGroup(rc, node.p);
      break;
    case 'groupusers':
      if (verb === 'GET') {
        if (!rc.canViewMembers(node.g)) throw accessDenied();
        return ok(
          r.collection(
            groupMembers(rc.db, rc.siteId, node.g.id).map((p) => rc.userEntity(p)),
            'SP.ApiData.Users',
          ),
        );
      }
      if (verb === 'POST') {
        if (!rc.canManageGroup(node.g)) throw accessDenied();
        const login = String((rc.req.body as { LoginName?: string } | undefined)?.LoginName ?? '');
        const p = ensureUser(rc.db, rc.siteId, login);
        if (!p) throw spException(`The specified user ${login} could not be found.`);
        addMember(rc.db, rc.siteId, node.g.id, p.id);
        rc.sec.invalidate();
        return ok(r.entity(rc.userEntity(p), 'SP.ApiData.Users'), 201);
      }
      break;
    case 'lists':
      if (verb !== 'GET') break;
      return ok(
        r.collection(
          allLists(rc.db, rc.siteId)
            .filter((l) => rc.access.opens(l))
            .map((l) => rc.listEntity(l)),
          'SP.ApiData.Lists',
        ),
      );
    case 'list':
      if (verb === 'GET') return ok(r.entity(rc.listEntity(node.list), 'SP.ApiData.Lists'));
      if (verb === 'MERGE' || verb === 'PATCH') return updateList(rc, node.list);
      break;
    case 'items':
      if (verb === 'GET') return queryItems(rc, node.list);
      break;
    case 'item':
      if (verb === 'GET') return ok(r.entity(rc.itemEntity(node.list, node.row)));
      if (verb === 'MERGE' || verb === 'PATCH') return updateItem(rc, node.list, node.row);
      if (verb === 'DELETE') {
        if (!rc.access.canDelete(node.list, node.row)) throw accessDenied();
        rc.db.transaction(() => deleteItem(rc.ctx, rc.access, node.list, node.row))();
        return { status: 200 };
      }
      break;
    case 'folder':
      if (verb === 'GET') return ok(r.entity(rc.folderEntity(node.list, node.row)));
      break;
    case 'roleassignments':
      if (verb !== 'GET') break;
      rc.require(node.key, Perm.EnumeratePermissions);
      return ok(
        r.collection(
          rc.sec.assignments(node.key).map((a) => rc.assignmentEntity(a, node.uri)),
          'SP.ApiData.RoleAssignments',
        ),
      );
    case 'roleassignment':
      if (verb === 'GET') {
        rc.require(node.key, Perm.EnumeratePermissions);
        return ok(r.entity(rc.assignmentEntity(assignmentOf(rc, node.key, node.principalId), node.uri)));
      }
      if (verb === 'DELETE') {
        rc.require(node.key, Perm.ManagePermissions);
        if (!rc.sec.isUnique(node.key))
          throw spException('This operation is not allowed on an object that inherits permissions.');
        assignmentOf(rc, node.key, node.principalId);
        rc.sec.removePrincipal(node.key, node.principalId);
        return { status: 200 };
      }
      break;
    case 'bindings':
      if (verb !== 'GET') break;
      rc.require(node.key, Perm.EnumeratePermissions);
      return ok(
        r.collection(
          assignmentOf(rc, node.key, node.principalId)
            .roleIds.map((id) => rc.sec.role(id))
            .filter((d): d is RoleDefinition => !!d)
            .map((d) => rc.roleDefEntity(d)),
          'SP.ApiData.RoleDefinitions',
        ),
      );
    case 'member': {
      if (verb !== 'GET') break;
      rc.require(node.key, Perm.EnumeratePermissions);
      assignmentOf(rc, node.key, node.principalId);
      const p = principalById(rc.db, rc.siteId, node.principalId);
      if (!p) throw spException(`Can not find the principal with id: ${node.principalId}.`, 404);
      return ok(r.entity(rc.principalEntity(p)));
    }
  }
  throw badQuery(`The HTTP method '${verb}' is not supported for this resource.`);
}

/** SharePoint's 401 when the bearer token is missing or not valid. */
export function unauthorized(e: unknown): SpError {
  const message = e instanceof GraphHttpError ? e.message : 'Invalid token.';
  return new SpError(401, '-2147024891, System.UnauthorizedAccessException', message, {
    'WWW-Authenticate': 'Bearer realm="kommune", client_id="00000003-0000-0ff1-ce00-000000000000"',
  });
}
