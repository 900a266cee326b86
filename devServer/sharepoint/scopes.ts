import type { Db } from '../db';
import { groupIdsOf, groupMembers, principalById, siteUserByUpn } from './principals';
import { EMPTY_MASK, has, Perm, ROLE, type RoleDefinition } from './roleDefinitions';
import { siteRoles } from './siteRoles';
import { NO_VARIANTS, type SpVariants } from '../variants';
import { listKey, ScopeTree, WEB, type ScopeKey, type SecuredItem } from './scopeTree';

/**
 * Role assignments on securables and the effective permissions they give, as SharePoint computes them, over
 * the inheritance of ./scopeTree.ts: who may view or change an item, and breaking, resetting and assigning.
 */

export interface Assignment {
  principalId: number;
  roleIds: number[];
}

/** List settings that decide item access beyond role assignments (SPList.ReadSecurity / WriteSecurity). */
export interface ItemSecurity {
  readSecurity: number;
  writeSecurity: number;
}

/** One request's view of a site's security, with caches (every change clears them). */
export class Security extends ScopeTree {
  private assignmentCache = new Map<ScopeKey, Assignment[]>();
  private principalsOfUpn = new Map<string, number[]>();
  private masks = new Map<string, bigint>();
  private roles: Map<number, RoleDefinition> | null = null;

  constructor(
    db: Db,
    siteId: string,
    private readonly variants: SpVariants = NO_VARIANTS,
  ) {
    super(db, siteId);
  }

  override invalidate() {
    super.invalidate();
    this.assignmentCache.clear();
    this.principalsOfUpn.clear();
    this.masks.clear();
    this.roles = null;
  }

  /** The site's permission levels (built-in and custom) by id. */
  role(id: number): RoleDefinition | undefined {
    this.roles ??= new Map(siteRoles(this.db, this.siteId).map((r) => [r.Id, r]));
    return this.roles.get(id);
  }

  /** The role assignments that apply to a securable (those of its effective scope). */
  assignments(key: ScopeKey): Assignment[] {
    const scope = this.effectiveScope(key);
    let a = this.assignmentCache.get(scope);
    if (!a) {
      const rows = this.db
        .prepare(
          'SELECT principal_id, role_id FROM sp_role_assignments WHERE site_id = ? AND scope = ? ORDER BY rowid',
        )
        .all(this.siteId, scope) as Array<{ principal_id: number; role_id: number }>;
      const byPrincipal = new Map<number, number[]>();
      for (const r of rows)
        byPrincipal.set(r.principal_id, [...(byPrincipal.get(r.principal_id) ?? []), r.role_id]);
      a = [...byPrincipal].map(([principalId, roleIds]) => ({ principalId, roleIds }));
      this.assignmentCache.set(scope, a);
    }
    return a;
  }

  /** The principal ids that act for a person: their site user and every group they are in. */
  principalsOf(upn: string): number[] {
    const key = upn.toLowerCase();
    let p = this.principalsOfUpn.get(key);
    if (!p) {
      const user = siteUserByUpn(this.db, this.siteId, upn);
      p = user ? [user.id, ...groupIdsOf(this.db, this.siteId, user.id)] : [];
      this.principalsOfUpn.set(key, p);
    }
    return p;
  }

  /** Union of the masks of every role bound, on the securable's effective scope, to the person or their groups. */
  maskOf(upn: string, key: ScopeKey): bigint {
    const scope = this.effectiveScope(key);
    const cacheKey = `${upn.toLowerCase()}|${scope}`;
    const cached = this.masks.get(cacheKey);
    if (cached !== undefined) return cached;
    const mine = new Set(this.principalsOf(upn));
    let mask = EMPTY_MASK;
    for (const a of this.assignments(scope))
      if (mine.has(a.principalId)) for (const r of a.roleIds) mask |= this.role(r)?.mask ?? EMPTY_MASK;
    this.masks.set(cacheKey, mask);
    return mask;
  }

  /** May view the item: ViewListItems on its scope, then the list's ReadSecurity (2: own items only). */
  canView(upn: string, listId: string, item: SecuredItem, settings: ItemSecurity): boolean {
    const mask = this.maskOf(upn, this.keyOfItem(listId, item));
    if (!has(mask, Perm.ViewListItems)) return false;
    return settings.readSecurity !== 2 || own(item, upn) || this.overrides(upn, listId, mask);
  }

  /**
   * Exempt from ReadSecurity/WriteSecurity (Override List Behaviors, held as CancelCheckout): checked on the
   * row's effective scope; under `bypass-at-list` the list's scope grants it as well (variants.ts).
   */
  private overrides(upn: string, listId: string, itemMask: bigint): boolean {
    if (has(itemMask, Perm.CancelCheckout)) return true;
    return this.variants.has('bypass-at-list') && has(this.maskOf(upn, listKey(listId)), Perm.CancelCheckout);
  }

  /** May change (EditListItems) or delete (DeleteListItems) the item, within the list's WriteSecurity. */
  canWrite(upn: string, listId: string, item: SecuredItem, settings: ItemSecurity, perm: bigint): boolean {
    const mask = this.maskOf(upn, this.keyOfItem(listId, item));
    if (!has(mask, perm)) return false;
    if (this.overrides(upn, listId, mask)) return true;
    if (settings.writeSecurity === 4) return false;
    return settings.writeSecurity !== 2 || own(item, upn);
  }

  /** The site users who may view the item now (kept on a deleted row, so delta tells only them). */
  viewersOf(listId: string, item: SecuredItem, settings: ItemSecurity): number[] {
    const users = new Set<number>();
    for (const a of this.assignments(this.keyOfItem(listId, item))) {
      const p = principalById(this.db, this.siteId, a.principalId);
      if (p?.kind === 'user') users.add(p.id);
      else if (p) for (const m of groupMembers(this.db, this.siteId, p.id)) users.add(m.id);
    }
    return [...users].filter((id) => {
      const u = principalById(this.db, this.siteId, id);
      return !!u?.upn && this.canView(u.upn, listId, item, settings);
    });
  }

  /** A change runs in one transaction and clears the caches. */
  private write<T>(f: () => T): T {
    try {
      return this.db.transaction(f)();
    } finally {
      this.invalidate();
    }
  }

  private insertAssignment(scope: ScopeKey, principalId: number, roleId: number) {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO sp_role_assignments (site_id, scope, principal_id, role_id) VALUES (?, ?, ?, ?)',
      )
      .run(this.siteId, scope, principalId, roleId);
  }

  /**
   * breakroleinheritance: copy=true copies the parent's effective assignments; copy=false leaves only the
   * caller, with Full Control. clearSubscopes resets every unique securable below to inherit. On a securable
   * that already has unique permissions only clearSubscopes applies.
   */
  breakInheritance(key: ScopeKey, copy: boolean, clearSubscopes: boolean, callerId: number | undefined) {
    this.write(() => {
      if (!this.isUnique(key)) {
        const parentAssignments = this.assignments(key);
        this.db.prepare('INSERT INTO sp_scopes (site_id, key) VALUES (?, ?)').run(this.siteId, key);
        if (copy)
          for (const a of parentAssignments)
            for (const r of a.roleIds) this.insertAssignment(key, a.principalId, r);
        else if (callerId !== undefined) this.insertAssignment(key, callerId, ROLE.fullControl);
      }
      if (clearSubscopes) for (const k of this.uniqueBelow(key)) this.dropScope(k);
    });
  }

  resetInheritance(key: ScopeKey) {
    this.write(() => this.dropScope(key));
  }

  /** Removes a securable's unique scope and its assignments (also for deleted items). */
  dropScope(key: ScopeKey) {
    if (key === WEB) return;
    this.db.prepare('DELETE FROM sp_scopes WHERE site_id = ? AND key = ?').run(this.siteId, key);
    this.db.prepare('DELETE FROM sp_role_assignments WHERE site_id = ? AND scope = ?').run(this.siteId, key);
    this.forgetUnique(key);
    this.assignmentCache.clear();
    this.masks.clear();
  }

  /**
   * Adds a role binding on a securable with unique permissions. As SharePoint does, the principal also gets
   * Limited Access on each unique scope above it where it has nothing, so it can reach the securable
   * (open the list and folders) without seeing what inherits from those scopes.
   */
  addAssignment(key: ScopeKey, principalId: number, roleId: number) {
    this.write(() => {
      this.insertAssignment(key, principalId, roleId);
      const above = new Set(this.ancestors(key).map((k) => this.effectiveScope(k)));
      for (const scope of above) {
        const any = this.db
          .prepare(
            'SELECT 1 FROM sp_role_assignments WHERE site_id = ? AND scope = ? AND principal_id = ? LIMIT 1',
          )
          .get(this.siteId, scope, principalId);
        if (!any) this.insertAssignment(scope, principalId, ROLE.limitedAccess);
      }
    });
  }

  /** Removes one binding; removing the last binding removes the assignment. */
  removeAssignment(key: ScopeKey, principalId: number, roleId: number) {
    this.write(() =>
      this.db
        .prepare(
          'DELETE FROM sp_role_assignments WHERE site_id = ? AND scope = ? AND principal_id = ? AND role_id = ?',
        )
        .run(this.siteId, key, principalId, roleId),
    );
  }

  removePrincipal(key: ScopeKey, principalId: number) {
    this.write(() =>
      this.db
        .prepare('DELETE FROM sp_role_assignments WHERE site_id = ? AND scope = ? AND principal_id = ?')
        .run(this.siteId, key, principalId),
    );
  }

  /** The assignments stored on this very securable (empty when it inherits). */
  ownAssignments(key: ScopeKey): Assignment[] {
    return this.isUnique(key) ? this.assignments(key) : [];
  }
}

const own = (item: SecuredItem, upn: string) => item.created_by.toLowerCase() === upn.toLowerCase();
