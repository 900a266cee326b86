import type { Grant, MeetingPermissionPlan, Scope } from '../../domain/meetingScopes';
import { sameUpn } from '../../domain/person';
import { Forbidden } from '../../ports/errors';
import type { MeetingPermissions, PermissionReport, PlanRows } from '../../ports/MeetingPermissions';

const scopeKey = (s: Scope): string =>
  s.kind === 'meetingRow'
    ? `row:${s.list}`
    : s.kind === 'meetingFolder'
      ? `folder:${s.list}`
      : s.kind === 'itemFolder'
        ? `item:${s.list}:${s.itemNumber}`
        : s.kind === 'personFolder'
          ? `person:${s.list}:${s.upn}`
          : s.kind === 'bilagFolder'
            ? `bilag:${s.itemId}`
            : `agenda:${s.itemId}`;
const grantKey = (g: Grant) =>
  `${g.principal.kind === 'user' ? `user:${g.principal.upn}` : g.principal.kind}=${g.role}`;

interface MeetingState {
  circle: Set<string>;
  /** Unique scopes and their assignments. */
  scopes: Map<string, Set<string>>;
  removedFolders: string[];
}

/**
 * MeetingPermissions in memory: records every applied plan and counts the calls the SharePoint adapter
 * would make (scopes broken, assignments added/removed, scopes reset), so
 * use-case tests can check that a re-send changes nothing. With `actor`, only the meeting's organizer
 * may apply (Forbidden otherwise), as on SharePoint.
 */
export class MemoryPermissions implements MeetingPermissions {
  readonly applied: Array<{ plan: MeetingPermissionPlan; rows: PlanRows; report: PermissionReport }> = [];
  readonly removed: Array<{ key: string; list: 'AbsenceReasons' }> = [];
  calls = 0;
  private readonly meetings: Map<string, MeetingState>;

  constructor(
    private readonly actor?: string,
    shared?: MemoryPermissions,
  ) {
    this.meetings = shared?.meetings ?? new Map();
  }

  /** The same permissions, applied by `upn`. */
  as(upn: string): MemoryPermissions {
    return new MemoryPermissions(upn, this);
  }

  async apply(plan: MeetingPermissionPlan, rows: PlanRows): Promise<PermissionReport> {
    if (this.actor && !sameUpn(this.actor, plan.organizerUpn))
      throw new Forbidden(`${this.actor} may not manage the permissions of meeting ${plan.key}`);
    let state = this.meetings.get(plan.key);
    let calls = 0;
    if (!state) {
      state = { circle: new Set(), scopes: new Map(), removedFolders: [] };
      this.meetings.set(plan.key, state);
    }
    // The circle is given person by person on each scope (no group): its changes are counted there.
    state.circle = new Set(plan.circle);
    const pending: Scope[] = [];
    const exists = (scope: Scope) =>
      scope.kind === 'meetingRow'
        ? !!(scope.list === 'Meetings' ? rows.meetings : rows.progress)
        : scope.kind === 'agendaRow'
          ? !!rows.agenda[scope.itemId]
          : true;
    for (const { scope, grants } of plan.unique) {
      if (!exists(scope)) {
        pending.push(scope);
        continue;
      }
      const key = scopeKey(scope);
      const wanted = new Set(grants.map(grantKey));
      const have = state.scopes.get(key);
      if (!have)
        calls += 1 + wanted.size; // break, then every assignment
      else {
        for (const g of wanted) if (!have.has(g)) calls += 1;
        for (const g of have) if (!wanted.has(g)) calls += 1;
      }
      state.scopes.set(key, wanted);
    }
    for (const scope of plan.inheriting) {
      if (state.scopes.delete(scopeKey(scope))) calls += 1;
    }
    this.calls += calls;
    const report = { calls, pending };
    this.applied.push({ plan, rows, report });
    return report;
  }

  async removeFolder(plan: MeetingPermissionPlan, list: 'AbsenceReasons'): Promise<void> {
    if (this.actor && !sameUpn(this.actor, plan.organizerUpn))
      throw new Forbidden(`${this.actor} may not remove folders of meeting ${plan.key}`);
    this.removed.push({ key: plan.key, list });
    const scopes = this.meetings.get(plan.key)?.scopes;
    // The folder goes with everything in it: the persons' own folders too.
    for (const key of [...(scopes?.keys() ?? [])])
      if (key === `folder:${list}` || key.startsWith(`person:${list}:`)) scopes!.delete(key);
  }

  /** The assignments a scope holds now (for assertions), or undefined when it inherits. */
  scopeOf(key: string, scope: Scope): string[] | undefined {
    const grants = this.meetings.get(key)?.scopes.get(scopeKey(scope));
    return grants ? [...grants].sort() : undefined;
  }

  circleOf(key: string): string[] {
    return [...(this.meetings.get(key)?.circle ?? [])].sort();
  }
}
