import { spException } from '../odataJson';
import { principalById, siteUserByLogin } from '../principals';
import { EMPTY_MASK, highLow, Perm, ROLE, roleByType, type RoleDefinition } from '../roleDefinitions';
import { createRoleDefinition, siteRoleByName, siteRoles } from '../siteRoles';
import { WEB } from '../scopeTree';
import { type RestAnswer, type RestContext, ok } from './context';
import { assignmentEntity, principalEntity, roleDefEntity } from './entities';
import {
  invalidHere,
  type Node,
  requirePost,
  securableOf,
  securableUri,
  type Step,
  type Stepped,
} from './nodes';
import { assignmentOf, roleDef, roleDefinitionBody } from './security';
import { asBool, asInt } from './url';

/*
 * Permissions through SharePoint REST: what every securable (web, list, item) answers about itself (role
 * assignments, breaking and resetting inheritance, effective permissions), the web's role definitions, and
 * one role assignment: its member, its bindings, adding, removing and deleting it.
 */

/** The members every securable (web, list, item) has: its role assignments, inheritance and permissions. */
export function stepSecurable(s: Step): Stepped {
  const { rc, node, seg, args, last } = s;
  const securable = securableOf(node);
  if (!securable) return undefined;
  switch (seg.name) {
    case 'roleassignments': {
      const uri = `${securableUri(rc, node)}/RoleAssignments`;
      if (seg.args !== undefined)
        return { k: 'roleassignment', key: securable, principalId: asInt(args.get('id'), 'id'), uri };
      return { k: 'roleassignments', key: securable, uri };
    }
    case 'breakroleinheritance': {
      requirePost(s);
      rc.require(securable, Perm.ManagePermissions);
      const copy = asBool(args.get('copyroleassignments'));
      const clear = asBool(args.get('clearsubscopes', 1));
      rc.sec.breakInheritance(securable, copy, clear, rc.meUser().id);
      return ok(rc.render.none('BreakRoleInheritance'));
    }
    case 'resetroleinheritance': {
      requirePost(s);
      if (securable === WEB) throw spException('You cannot reset the role inheritance of the root web.');
      rc.require(securable, Perm.ManagePermissions);
      rc.sec.resetInheritance(securable);
      return ok(rc.render.none('ResetRoleInheritance'));
    }
    case 'hasuniqueroleassignments':
      if (!last) throw invalidHere(s);
      return ok(rc.render.primitive('HasUniqueRoleAssignments', rc.sec.isUnique(securable), 'Edm.Boolean'));
    case 'effectivebasepermissions':
      if (!last) throw invalidHere(s);
      return ok(
        rc.render.complex('EffectiveBasePermissions', 'SP.BasePermissions', highLow(rc.mask(securable))),
      );
    case 'getusereffectivepermissions': {
      if (!last) throw invalidHere(s);
      rc.require(securable, Perm.EnumeratePermissions);
      const login = String(args.get('username') ?? args.get('user') ?? args.positional[0] ?? '');
      const user = siteUserByLogin(rc.db, rc.siteId, login);
      const mask = user?.upn ? rc.sec.maskOf(user.upn, securable) : EMPTY_MASK;
      return ok(rc.render.complex('GetUserEffectivePermissions', 'SP.BasePermissions', highLow(mask)));
    }
    case 'firstuniqueancestorsecurableobject':
      throw invalidHere(s);
  }
  return undefined;
}

/** The web's role definitions, and a securable's role assignments: one, its member and its bindings. */
export function stepPermissions(s: Step): Stepped {
  const { rc, node, seg, args } = s;
  switch (node.k) {
    case 'web':
      switch (seg.name) {
        case 'roledefinitions':
          if (seg.args !== undefined)
            return { k: 'roledef', r: roleDef(rc.sec.role(asInt(args.get('id'), 'id'))) };
          return { k: 'roledefs' };
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
          requirePost(s);
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
          requirePost(s);
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
  return undefined;
}

/** GET (and POST on role definitions, DELETE on an assignment) on what stepPermissions reached. */
export function finishPermissions(rc: RestContext, node: Node): RestAnswer | undefined {
  const verb = rc.verb;
  const r = rc.render;
  switch (node.k) {
    case 'roledefs':
      if (verb === 'POST') {
        rc.require(WEB, Perm.ManagePermissions);
        const created = createRoleDefinition(rc.db, rc.siteId, roleDefinitionBody(rc));
        rc.sec.invalidate();
        return ok(r.entity(roleDefEntity(rc, created), 'SP.ApiData.RoleDefinitions'), 201);
      }
      if (verb !== 'GET') break;
      return ok(
        r.collection(
          siteRoles(rc.db, rc.siteId).map((d) => roleDefEntity(rc, d)),
          'SP.ApiData.RoleDefinitions',
        ),
      );
    case 'roledef':
      if (verb !== 'GET') break;
      return ok(r.entity(roleDefEntity(rc, node.r), 'SP.ApiData.RoleDefinitions'));
    case 'roleassignments':
      if (verb !== 'GET') break;
      rc.require(node.key, Perm.EnumeratePermissions);
      return ok(
        r.collection(
          rc.sec.assignments(node.key).map((a) => assignmentEntity(rc, a, node.uri)),
          'SP.ApiData.RoleAssignments',
        ),
      );
    case 'roleassignment':
      if (verb === 'GET') {
        rc.require(node.key, Perm.EnumeratePermissions);
        return ok(r.entity(assignmentEntity(rc, assignmentOf(rc, node.key, node.principalId), node.uri)));
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
            .map((d) => roleDefEntity(rc, d)),
          'SP.ApiData.RoleDefinitions',
        ),
      );
    case 'member': {
      if (verb !== 'GET') break;
      rc.require(node.key, Perm.EnumeratePermissions);
      assignmentOf(rc, node.key, node.principalId);
      const p = principalById(rc.db, rc.siteId, node.principalId);
      if (!p) throw spException(`Can not find the principal with id: ${node.principalId}.`, 404);
      return ok(r.entity(principalEntity(rc, p)));
    }
  }
  return undefined;
}
