import { accessDenied, spException } from '../odataJson';
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
} from '../principals';
import { type RestAnswer, type RestContext, ok } from './context';
import { principalEntity, userEntity } from './entities';
import { type Node, requirePost, type Step, type Stepped } from './nodes';
import { createSiteGroup, groupById, updateGroup, userById, userByLogin } from './security';
import { asInt } from './url';

/*
 * Principals through SharePoint REST: the site's users (the caller, by id, login or e-mail, ensureuser), its
 * SharePoint groups (by id or name, the associated owner/member/visitor groups, creating, changing and
 * removing one), a group's owner and its users (seen as OnlyAllowMembersViewMembership allows; added and
 * removed by the group's owner or whoever manages the web's permissions).
 */

/** Site users and SharePoint groups: from the web, the users' and groups' collections, a group and its users. */
export function stepPrincipals(s: Step): Stepped {
  const { rc, node, seg, args } = s;
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
          requirePost(s);
          const logonName = String(
            args.get('logonname') ?? (rc.req.body as { logonName?: string } | undefined)?.logonName ?? '',
          );
          const p = ensureUser(rc.db, rc.siteId, logonName);
          if (!p) throw spException(`The specified user ${logonName} could not be found.`);
          rc.sec.invalidate();
          return ok(rc.render.entity(userEntity(rc, p)));
        }
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
          requirePost(s);
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
          requirePost(s);
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
  }
  return undefined;
}

/** GET, POST (a group, a member) and MERGE (a group) on what stepPrincipals reached. */
export function finishPrincipals(rc: RestContext, node: Node): RestAnswer | undefined {
  const verb = rc.verb;
  const r = rc.render;
  switch (node.k) {
    case 'siteusers':
      if (verb !== 'GET') break;
      return ok(
        r.collection(
          allOfKind(rc.db, rc.siteId, 'user').map((p) => userEntity(rc, p)),
          'SP.ApiData.Users',
        ),
      );
    case 'user':
      if (verb !== 'GET') break;
      return ok(r.entity(userEntity(rc, node.p), 'SP.ApiData.Users'));
    case 'groups':
      if (verb === 'GET')
        return ok(
          r.collection(
            allOfKind(rc.db, rc.siteId, 'group').map((p) => principalEntity(rc, p)),
            'SP.ApiData.Groups',
          ),
        );
      if (verb === 'POST')
        return ok(r.entity(principalEntity(rc, createSiteGroup(rc)), 'SP.ApiData.Groups'), 201);
      break;
    case 'group':
      if (verb === 'GET') return ok(r.entity(principalEntity(rc, node.p), 'SP.ApiData.Groups'));
      if (verb === 'MERGE') return updateGroup(rc, node.p);
      break;
    case 'groupusers':
      if (verb === 'GET') {
        if (!rc.canViewMembers(node.g)) throw accessDenied();
        return ok(
          r.collection(
            groupMembers(rc.db, rc.siteId, node.g.id).map((p) => userEntity(rc, p)),
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
        return ok(r.entity(userEntity(rc, p), 'SP.ApiData.Users'), 201);
      }
      break;
  }
  return undefined;
}
