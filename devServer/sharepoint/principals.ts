import { nextCounter, type Db } from '../db';
import { findUser } from '../routes/users';

/**
 * SharePoint principals of one site: site users (PrincipalType 1) and SharePoint groups (PrincipalType 8),
 * with integer ids unique across both, as in the site's User Information List.
 */
export interface PrincipalRow {
  site_id: string;
  id: number;
  kind: 'user' | 'group';
  login_name: string;
  title: string;
  email: string;
  upn: string | null;
  description: string | null;
  owner_id: number | null;
  only_members_view: number;
}

export const CLAIMS_PREFIX = 'i:0#.f|membership|';
export const loginNameFor = (upn: string) => `${CLAIMS_PREFIX}${upn.toLowerCase()}`;

/** "i:0#.f|membership|x@y" → "x@y"; a plain e-mail or UPN is accepted as SharePoint resolves those too. */
export function upnFromLogin(login: string): string | undefined {
  const s = login.trim();
  if (s.toLowerCase().startsWith(CLAIMS_PREFIX)) return s.slice(CLAIMS_PREFIX.length);
  if (/^[^|@\s]+@[^|@\s]+$/.test(s)) return s;
  return undefined;
}

const nextPrincipalId = (db: Db, siteId: string) => nextCounter(db, `principals:${siteId}`);

export function principalById(db: Db, siteId: string, id: number): PrincipalRow | undefined {
  return db.prepare('SELECT * FROM sp_principals WHERE site_id = ? AND id = ?').get(siteId, id) as
    PrincipalRow | undefined;
}

export function siteUserByUpn(db: Db, siteId: string, upn: string): PrincipalRow | undefined {
  return db
    .prepare("SELECT * FROM sp_principals WHERE site_id = ? AND kind = 'user' AND upn = ?")
    .get(siteId, upn) as PrincipalRow | undefined;
}

export function siteUserByLogin(db: Db, siteId: string, login: string): PrincipalRow | undefined {
  const row = db
    .prepare("SELECT * FROM sp_principals WHERE site_id = ? AND kind = 'user' AND login_name = ?")
    .get(siteId, login) as PrincipalRow | undefined;
  if (row) return row;
  const upn = upnFromLogin(login);
  return upn ? siteUserByUpn(db, siteId, upn) : undefined;
}

export function groupByTitle(db: Db, siteId: string, title: string): PrincipalRow | undefined {
  return db
    .prepare("SELECT * FROM sp_principals WHERE site_id = ? AND kind = 'group' AND title = ?")
    .get(siteId, title) as PrincipalRow | undefined;
}

export function allOfKind(db: Db, siteId: string, kind: 'user' | 'group'): PrincipalRow[] {
  return db
    .prepare('SELECT * FROM sp_principals WHERE site_id = ? AND kind = ? ORDER BY id')
    .all(siteId, kind) as PrincipalRow[];
}

/** The person becomes a site user (SPWeb.EnsureUser); undefined when the tenant has no such person. */
export function ensureUser(db: Db, siteId: string, loginOrUpn: string): PrincipalRow | undefined {
  const upn = upnFromLogin(loginOrUpn);
  if (!upn) return undefined;
  const existing = siteUserByUpn(db, siteId, upn);
  if (existing) return existing;
  const person = findUser(db, upn);
  if (!person) return undefined;
  const id = nextPrincipalId(db, siteId);
  db.prepare(
    `INSERT INTO sp_principals (site_id, id, kind, login_name, title, email, upn) VALUES (?, ?, 'user', ?, ?, ?, ?)`,
  ).run(
    siteId,
    id,
    loginNameFor(person.userPrincipalName),
    person.displayName,
    person.mail,
    person.userPrincipalName,
  );
  return principalById(db, siteId, id);
}

export function createGroup(
  db: Db,
  siteId: string,
  input: { title: string; description?: string | null; ownerId: number | null; onlyMembersView?: boolean },
): PrincipalRow {
  const id = nextPrincipalId(db, siteId);
  db.prepare(
    `INSERT INTO sp_principals (site_id, id, kind, login_name, title, description, owner_id, only_members_view)
     VALUES (?, ?, 'group', ?, ?, ?, ?, ?)`,
  ).run(
    siteId,
    id,
    input.title,
    input.title,
    input.description ?? null,
    input.ownerId,
    input.onlyMembersView ? 1 : 0,
  );
  return principalById(db, siteId, id)!;
}

export function setGroupOwner(db: Db, siteId: string, groupId: number, ownerId: number) {
  db.prepare('UPDATE sp_principals SET owner_id = ? WHERE site_id = ? AND id = ?').run(ownerId, siteId, groupId);
}

export function groupMembers(db: Db, siteId: string, groupId: number): PrincipalRow[] {
  return db
    .prepare(
      `SELECT p.* FROM sp_group_members m JOIN sp_principals p ON p.site_id = m.site_id AND p.id = m.user_id
       WHERE m.site_id = ? AND m.group_id = ? ORDER BY p.id`,
    )
    .all(siteId, groupId) as PrincipalRow[];
}

export function groupIdsOf(db: Db, siteId: string, userId: number): number[] {
  return (
    db.prepare('SELECT group_id FROM sp_group_members WHERE site_id = ? AND user_id = ?').all(siteId, userId) as
      Array<{ group_id: number }>
  ).map((r) => r.group_id);
}

export function addMember(db: Db, siteId: string, groupId: number, userId: number) {
  db.prepare('INSERT OR IGNORE INTO sp_group_members (site_id, group_id, user_id) VALUES (?, ?, ?)').run(
    siteId,
    groupId,
    userId,
  );
}

export function removeMember(db: Db, siteId: string, groupId: number, userId: number) {
  db.prepare('DELETE FROM sp_group_members WHERE site_id = ? AND group_id = ? AND user_id = ?').run(
    siteId,
    groupId,
    userId,
  );
}

/** Deleting a group also removes its memberships and every role assignment it held, as SharePoint does. */
export function deleteGroup(db: Db, siteId: string, groupId: number) {
  db.prepare('DELETE FROM sp_group_members WHERE site_id = ? AND group_id = ?').run(siteId, groupId);
  db.prepare('DELETE FROM sp_role_assignments WHERE site_id = ? AND principal_id = ?').run(siteId, groupId);
  db.prepare("DELETE FROM sp_principals WHERE site_id = ? AND id = ? AND kind = 'group'").run(siteId, groupId);
}

export interface AssociatedGroups {
  owner: number | null;
  member: number | null;
  visitor: number | null;
}

export function associatedGroups(db: Db, siteId: string): AssociatedGroups {
  const row = db.prepare('SELECT * FROM sp_webs WHERE site_id = ?').get(siteId) as
    { owner_group: number | null; member_group: number | null; visitor_group: number | null } | undefined;
  return { owner: row?.owner_group ?? null, member: row?.member_group ?? null, visitor: row?.visitor_group ?? null };
}

export function setAssociatedGroups(db: Db, siteId: string, g: AssociatedGroups) {
  db.prepare(
    `INSERT INTO sp_webs (site_id, owner_group, member_group, visitor_group) VALUES (?, ?, ?, ?)
     ON CONFLICT(site_id) DO UPDATE SET owner_group = excluded.owner_group, member_group = excluded.member_group,
       visitor_group = excluded.visitor_group`,
  ).run(siteId, g.owner, g.member, g.visitor);
}

/** SP.User as REST renders it. */
export function userJson(p: PrincipalRow) {
  return {
    Id: p.id,
    IsHiddenInUI: false,
    LoginName: p.login_name,
    Title: p.title,
    PrincipalType: 1,
    Email: p.email,
    Expiration: '',
    IsEmailAuthenticationGuestUser: false,
    IsShareByEmailGuestUser: false,
    IsSiteAdmin: false,
    UserId: { NameId: p.upn ?? '', NameIdIssuer: 'urn:federation:microsoftonline' },
    UserPrincipalName: p.upn,
  };
}

/** SP.Group as REST renders it. */
export function groupJson(db: Db, p: PrincipalRow) {
  const owner = p.owner_id ? principalById(db, p.site_id, p.owner_id) : undefined;
  return {
    Id: p.id,
    IsHiddenInUI: false,
    LoginName: p.login_name,
    Title: p.title,
    PrincipalType: 8,
    AllowMembersEditMembership: false,
    AllowRequestToJoinLeave: false,
    AutoAcceptRequestToJoinLeave: false,
    Description: p.description,
    OnlyAllowMembersViewMembership: !!p.only_members_view,
    OwnerTitle: owner?.title ?? '',
    RequestToJoinLeaveEmailSetting: null,
  };
}

export const principalJson = (db: Db, p: PrincipalRow) => (p.kind === 'user' ? userJson(p) : groupJson(db, p));
