import type { IItem } from '@pnp/sp/items';
import {
  bilagFolderName,
  personFolderName,
  type Grant,
  type MeetingPermissionPlan,
  type Principal,
  type Scope,
  type SharePointRole,
} from '../../domain/meetingScopes';
import { NotFound } from '../../ports/errors';
import type { MeetingPermissions, PermissionReport, PlanRows } from '../../ports/MeetingPermissions';
import { changes, COPIES, heldOf, type Held, type RoleAssignmentInfo } from './roleAssignmentDiff';
import { pool, SharePointFolders, type SecurableItem, type SharePointRestSource } from './sharePointFolders';

/** SharePoint's role types (locale-independent; the names are translated on a Danish tenant). */
const ROLE_TYPE: Record<SharePointRole, 2 | 3 | 5> = { Read: 2, Contribute: 3, 'Full Control': 5 };

/** A securable object located: the list it is in and its item. */
interface Target {
  list: string;
  item: SecurableItem;
}

/** A folder scope's path below its list's root, inside the meeting's place. */
function folderPath(place: string, scope: Scope): string {
  if (scope.kind === 'itemFolder') return `${place}/${scope.itemNumber}`;
  if (scope.kind === 'bilagFolder') return `${place}/${bilagFolderName(scope.itemId)}`;
  return scope.kind === 'personFolder' ? `${place}/${personFolderName(scope.upn)}` : place;
}

/** The key of a folder's recorded id: `<list>/<path below the list root>`. */
export const folderKey = (list: string, relative: string) => `${list}/${relative}`;

const loginOf = (upn: string) => `i:0#.f|membership|${upn.trim().toLowerCase()}`;

/**
 * The MeetingPermissions port over SharePoint REST (PnPjs), exactly as docs/adr/004-permissions.md says:
 * the meeting's folder in each folder list (and item folders where the plan needs them unique), and on
 * every unique scope exactly the plan's role assignments, each person of the circle directly (no group).
 * Role definition ids, principal ids and list roots are looked up once per instance.
 */
export class SharePointPermissions implements MeetingPermissions {
  private readonly folders: SharePointFolders;
  private readonly roleIds = new Map<SharePointRole, Promise<number>>();
  private readonly userIds = new Map<string, Promise<number>>();
  private membersGroup?: Promise<number>;
  private currentUser?: Promise<number>;
  private readonly places = new Map<string, Promise<string>>();

  constructor(rest: SharePointRestSource) {
    this.folders = new SharePointFolders(rest);
  }

  async apply(given: MeetingPermissionPlan, rows: PlanRows): Promise<PermissionReport> {
    const plan = { ...given, folder: await this.placeOf(given, rows) };
    let calls = 0;
    const pending: Scope[] = [];
    const folders: Record<string, number> = {};
    const created = new Set<string>();
    // Parents first: the meeting's rows and folders, then what lives inside a meeting folder (an item's
    // folder, a person's reasons folder) and the agenda rows; within a level the scopes are independent.
    const isItemScope = (s: Scope) => s.kind !== 'meetingRow' && s.kind !== 'meetingFolder';
    const levels = [
      plan.unique.filter((p) => !isItemScope(p.scope)),
      plan.unique.filter((p) => isItemScope(p.scope)),
    ];
    // What a meeting folder holds once made exact in the first level (absent when it also held Limited
    // Access): a person folder below it may copy it when breaking (see COPIES).
    const exact = new Map<string, Set<string>>();
    for (const level of levels) {
      const results = await pool(level, 4, async ({ scope, grants }) => {
        const located = await this.locate(plan, rows, scope, folders, created);
        if (!located) {
          pending.push(scope);
          return 0;
        }
        const parent =
          scope.kind === 'personFolder' && COPIES.has(scope.list) ? exact.get(scope.list) : undefined;
        const made = await this.makeExactly(located.target, grants, parent);
        if (scope.kind === 'meetingFolder' && made.holds) exact.set(scope.list, made.holds);
        return located.calls + made.calls;
      });
      calls += results.reduce((a, b) => a + b, 0);
    }
    // Inheriting item folders exist too (from "Send dagsorden"): a folder appearing with the first decision
    // would tell whoever may probe the meeting's folder that the item has one.
    const resets = await pool(plan.inheriting, 4, async (scope): Promise<number> => {
      const located = await this.locate(plan, rows, scope, folders, created);
      if (!located?.target.item.HasUniqueRoleAssignments) return located?.calls ?? 0;
      await (await this.itemOf(located.target)).resetRoleInheritance();
      return located.calls + 1;
    });
    calls += resets.reduce((a, b) => a + b, 0);
    return { calls, pending, folders };
  }

  async removeFolder(given: MeetingPermissionPlan, list: 'AbsenceReasons', rows?: PlanRows): Promise<void> {
    const plan = { ...given, folder: await this.placeOf(given, rows) };
    const known = rows?.folders?.[folderKey(list, plan.folder)];
    const folder =
      (known !== undefined ? (await this.row(list, String(known)))?.target.item : undefined) ??
      (await this.folders.find(list, plan.folder));
    if (!folder) return;
    // SharePoint deletes a folder's items with it.
    await (await this.folders.list(list)).items.getById(folder.Id).delete();
  }

  /**
   * The meeting's place below each list's root (src/domain/trust/place.ts): inside the secretariat folder
   * that holds the organizer's Meetings row, or at the root for a meeting from before secretariats. Without
   * a Meetings row yet: the organizer's secretariat when IT made one.
   */
  private placeOf(plan: MeetingPermissionPlan, rows?: PlanRows): Promise<string> {
    let place = this.places.get(plan.key);
    if (!place) {
      place = this.folders.placeOf(plan.key, plan.organizerUpn, rows?.meetings);
      place.catch(() => this.places.delete(plan.key));
      this.places.set(plan.key, place);
    }
    return place;
  }

  /**
   * Where a scope lives. A folder is found by the id recorded when it was created (`rows.folders`), not by
   * path: Edit/Contribute may rename a folder on SharePoint Online, and approval must still freeze it. A
   * folder without a recorded id is found by path or created; its id goes into `found`.
   */
  private async locate(
    plan: MeetingPermissionPlan,
    rows: PlanRows,
    scope: Scope,
    found: Record<string, number>,
    fresh: Set<string>,
  ): Promise<{ target: Target; calls: number } | null> {
    switch (scope.kind) {
      case 'meetingRow':
        return this.row(scope.list, scope.list === 'Meetings' ? rows.meetings : rows.progress);
      case 'agendaRow':
        return this.row('AgendaItems', rows.agenda[scope.itemId]);
      case 'meetingFolder':
      case 'itemFolder':
      case 'bilagFolder':
      case 'personFolder': {
        const list = scope.kind === 'bilagFolder' ? 'Bilag' : scope.list;
        const relative = folderPath(plan.folder, scope);
        const key = folderKey(list, relative);
        const known = rows.folders?.[key];
        if (known !== undefined) {
          const byId = await this.row(list, String(known));
          if (byId) {
            found[key] = known;
            return byId;
          }
        }
        // A folder whose parent this apply just created cannot exist yet: create it without looking first.
        const parent = folderKey(list, relative.slice(0, Math.max(0, relative.lastIndexOf('/'))));
        const { item, created } = fresh.has(parent)
          ? { item: await this.folders.create(list, relative), created: true }
          : await this.folders.ensure(list, relative);
        if (created) fresh.add(key);
        found[key] = item.Id;
        return { target: { list, item }, calls: created ? 1 : 0 };
      }
    }
  }

  private async row(list: string, id: string | undefined): Promise<{ target: Target; calls: number } | null> {
    if (!id || !/^\d+$/.test(id)) return null;
    try {
      const item = await (
        await this.folders.list(list)
      ).items
        .getById(Number(id))
        .select('Id', 'HasUniqueRoleAssignments')<SecurableItem>();
      return { target: { list, item }, calls: 0 };
    } catch (e) {
      if (e instanceof NotFound) return null;
      throw e;
    }
  }

  private async itemOf(target: Target): Promise<IItem> {
    return (await this.folders.list(target.list)).items.getById(target.item.Id);
  }

  /**
   * Unique permissions holding exactly `grants`: break inheritance, add what is missing, remove what is
   * extra, the caller's own assignment last. Breaking copies the parent's assignments when the parent's are
   * known (`parent`, what it holds) and copying leaves fewer to change; otherwise it does not copy
   * (SharePoint leaves the caller with Full Control). Either way nothing is read back: what breaking left
   * is known. Returns the calls made and what the scope holds now, unless it also holds Limited Access.
   */
  private async makeExactly(
    target: Target,
    grants: Grant[],
    parent?: Set<string>,
  ): Promise<{ calls: number; holds?: Set<string> }> {
    const item = await this.itemOf(target);
    let calls = 0;
    const wanted = new Set<string>();
    for (const grant of grants) {
      const [principal, role] = await Promise.all([
        this.principalId(grant.principal),
        this.roleId(grant.role),
      ]);
      wanted.add(`${principal}:${role}`);
    }
    const me = await this.currentUserId();
    let held: Held = { pairs: new Set(), limited: false };
    if (!target.item.HasUniqueRoleAssignments) {
      const mine = new Set([`${me}:${await this.roleId('Full Control')}`]);
      const copy = !!parent && changes(parent, wanted) < changes(mine, wanted);
      await item.breakRoleInheritance(copy, false);
      calls += 1;
      held.pairs = new Set(copy && parent ? parent : mine);
    } else {
      held = heldOf(
        await item.roleAssignments.expand('Member', 'RoleDefinitionBindings')<RoleAssignmentInfo[]>(),
      );
    }
    const have = held.pairs;
    for (const pair of wanted) {
      if (have.has(pair)) continue;
      const [principal, role] = pair.split(':').map(Number);
      await item.roleAssignments.add(principal, role);
      calls += 1;
    }
    const extra = [...have].filter((pair) => !wanted.has(pair));
    const own = extra.filter((pair) => Number(pair.split(':')[0]) === me);
    for (const pair of [...extra.filter((p) => !own.includes(p)), ...own]) {
      const [principal, role] = pair.split(':').map(Number);
      await item.roleAssignments.remove(principal, role);
      calls += 1;
    }
    return { calls, holds: held.limited ? undefined : wanted };
  }

  private principalId(principal: Principal): Promise<number> {
    switch (principal.kind) {
      case 'siteMembers':
        this.membersGroup ??= this.folders
          .web()
          .then((web) => web.associatedMemberGroup.select('Id')<{ Id: number }>())
          .then((g) => g.Id);
        return this.membersGroup;
      case 'user':
        return this.userId(principal.upn);
    }
  }

  private userId(upn: string): Promise<number> {
    const key = upn.trim().toLowerCase();
    let id = this.userIds.get(key);
    if (!id) {
      id = this.folders
        .web()
        .then((web) => web.ensureUser(loginOf(key)))
        .then((u) => u.Id);
      id.catch(() => this.userIds.delete(key));
      this.userIds.set(key, id);
    }
    return id;
  }

  private roleId(role: SharePointRole): Promise<number> {
    let id = this.roleIds.get(role);
    if (!id) {
      id = this.folders
        .web()
        .then((web) => web.roleDefinitions.getByType(ROLE_TYPE[role]).select('Id')<{ Id: number }>())
        .then((r) => r.Id);
      id.catch(() => this.roleIds.delete(role));
      this.roleIds.set(role, id);
    }
    return id;
  }

  private currentUserId(): Promise<number> {
    this.currentUser ??= this.folders
      .web()
      .then((web) => web.currentUser.select('Id')<{ Id: number }>())
      .then((u) => u.Id);
    return this.currentUser;
  }
}
