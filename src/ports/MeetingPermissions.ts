import type { MeetingPermissionPlan, Scope } from '../domain/meetingScopes';

/** List item ids of the rows that are scopes of their own (they exist before the plan is applied). */
export interface PlanRows {
  /** The meeting's Meetings row. */
  meetings?: string;
  /** The meeting's MeetingProgress row. */
  progress?: string;
  /** AgendaItems row id by agenda item id. */
  agenda: Record<string, string>;
  /**
   * List item ids of the meeting's folders recorded when they were created (`<list>/<path>` → id): folders are
   * found by id, never by path, because a folder can be renamed by whoever may edit it.
   */
  folders?: Record<string, number>;
}

export interface PermissionReport {
  /** SharePoint REST calls made that create or change permissions (groups, folders, assignments). */
  calls: number;
  /** Scopes of the plan whose object does not exist yet (a row not written yet): apply again later. */
  pending: Scope[];
  /** Ids of the meeting's folders as found or created (`<list>/<path>` → id), to be recorded with the plan. */
  folders?: Record<string, number>;
}

/**
 * Makes SharePoint hold a meeting's permission plan (docs/adr/004-permissions.md), with the signed-in
 * person's own delegated rights: the meeting's folders in every folder list, and exactly the plan's role
 * assignments (each person of the circle directly, no group) on every unique scope. Idempotent: applying the same
 * plan twice changes nothing the second time. Fails with Forbidden when the person may not manage the
 * meeting's permissions (only its organizer may).
 */
export interface MeetingPermissions {
  apply(plan: MeetingPermissionPlan, rows: PlanRows): Promise<PermissionReport>;
  /** Remove a folder list's folder of the meeting with everything in it (the afbud reasons after approval). */
  removeFolder(plan: MeetingPermissionPlan, list: 'AbsenceReasons', rows?: PlanRows): Promise<void>;
}
