/**
 * Person folders that, when their inheritance is broken, may copy the meeting folder above them: it already
 * holds the circle's Read and the organizer's Full Control, so only the differences are changed (the
 * person's Contribute; in CommitteeStatements the referent's Contribute removed), not the circle person by
 * person (issue 22). Copying gives the folder nothing it did not hold a moment before, when it inherited.
 * Only where nothing below the meeting folder adds Limited Access to it while the person folders are
 * broken: everyone with a person folder there reads the meeting folder. Not item or bilag folders: a guest's
 * Limited Access on the meeting's Decisions folder, copied into a closed item's folder, would tell her that
 * item exists. Not AbsenceReasons: its meeting folder is the organizer's alone, copying saves nothing.
 */
export const COPIES: ReadonlySet<string> = new Set(['Absences', 'CommitteeStatements']);

/** Role assignments to add and remove to turn `from` into `to`. */
export const changes = (from: Set<string>, to: Set<string>) =>
  [...to].filter((p) => !from.has(p)).length + [...from].filter((p) => !to.has(p)).length;

export interface RoleAssignmentInfo {
  PrincipalId?: number;
  Member?: { Id: number; LoginName?: string };
  RoleDefinitionBindings?: Array<{ Id: number; Name?: string; RoleTypeKind?: number; Hidden?: boolean }>;
}

/** Role assignments held on a scope as `principal:role` pairs, and whether it also holds Limited Access. */
export interface Held {
  pairs: Set<string>;
  limited: boolean;
}

export function heldOf(assignments: RoleAssignmentInfo[]): Held {
  const held: Held = { pairs: new Set(), limited: false };
  for (const a of assignments) {
    const principal = a.PrincipalId ?? a.Member?.Id;
    for (const binding of a.RoleDefinitionBindings ?? []) {
      // Limited Access is SharePoint's own bookkeeping for access below this scope: never ours to change.
      if (binding.Hidden || binding.RoleTypeKind === 1) held.limited = true;
      else held.pairs.add(`${principal}:${binding.Id}`);
    }
  }
  return held;
}
