import { secretariatFolderName } from '../../domain/meetingScopes';
import type { ListClient } from './listClient';
import { LIBRARIES, LISTS } from './listSchema';

/**
 * IT's part of the secretaries' set-up (docs/adr/004-permissions.md, "Secretaries"): the permission level
 * "Mødeleder" and, per secretary, a secretariat folder at the root of every list and library with its own permissions:
 * the site's Owners group Full Control and the secretary Mødeleder. A secretary is no site Owner: she
 * manages permissions inside her secretariat only, and cannot manage lists, create groups, override
 * ReadSecurity/WriteSecurity or manage the web. Safe to run any number of times.
 */
export const MEETING_LEADER = 'Mødeleder';

/**
 * SPBasePermissions of Mødeleder, as `{High, Low}` (PermissionKind N is bit N-1): View, Add, Edit and Delete
 * Items, Open Items, View Versions, View Application Pages, Open, View Pages, Browse Directories, Browse
 * User Information, Use Remote Interfaces, Manage Permissions and Enumerate Permissions (the last two go
 * together in SharePoint's own permission-level page). Deliberately absent: Manage Lists, Override List
 * Behaviors, Create Groups, Manage Web, Add and Customize Pages.
 */
export const MEETING_LEADER_PERMISSIONS = { High: 1073741856, Low: 235081839 } as const;

const loginOf = (upn: string) => `i:0#.f|membership|${upn.trim().toLowerCase()}`;

interface Assignment {
  PrincipalId?: number;
  Member?: { Id: number };
  RoleDefinitionBindings?: Array<{ Id: number; Hidden?: boolean; RoleTypeKind?: number }>;
}

/** The Mødeleder level's id, created when the site does not have it yet. */
export async function ensureMeetingLeaderRole(c: ListClient): Promise<number> {
  const web = await c.folders.web();
  const levels = await web.roleDefinitions.select('Id', 'Name')<Array<{ Id: number; Name: string }>>();
  const found = levels.find((l) => l.Name.toLowerCase() === MEETING_LEADER.toLowerCase());
  if (found) return found.Id;
  const created = await web.roleDefinitions.add(
    MEETING_LEADER,
    'Meeting assistant: manages the permissions of her own meetings inside her secretariat; cannot change lists, list settings or groups.',
    100,
    MEETING_LEADER_PERMISSIONS,
  );
  return (created.data as { Id: number }).Id;
}

/** Creates (or completes) each secretary's secretariat folder in every list the add-in writes. */
export async function provisionSecretariats(c: ListClient, secretaries: string[]): Promise<void> {
  if (!secretaries.length) return;
  const web = await c.folders.web();
  const [leader, owners, fullControl, me] = await Promise.all([
    ensureMeetingLeaderRole(c),
    web.associatedOwnerGroup
      .select('Id')<{ Id: number }>()
      .then((g) => g.Id),
    web.roleDefinitions
      .getByType(5)
      .select('Id')<{ Id: number }>()
      .then((r) => r.Id),
    web.currentUser
      .select('Id')<{ Id: number }>()
      .then((u) => u.Id),
  ]);
  for (const upn of secretaries) {
    const secretary = (await web.ensureUser(loginOf(upn))).Id;
    const folder = secretariatFolderName(upn);
    for (const spec of [...LISTS, ...LIBRARIES]) {
      const { item } = await c.folders.ensure(spec.name, folder);
      const securable = (await c.folders.list(spec.name)).items.getById(item.Id);
      if (!item.HasUniqueRoleAssignments) await securable.breakRoleInheritance(false, false);
      const assignments = await securable.roleAssignments.expand('Member', 'RoleDefinitionBindings')<
        Assignment[]
      >();
      const have = new Set<string>();
      for (const a of assignments)
        for (const b of a.RoleDefinitionBindings ?? [])
          if (!b.Hidden && b.RoleTypeKind !== 1) have.add(`${a.PrincipalId ?? a.Member?.Id}:${b.Id}`);
      const wanted = [`${owners}:${fullControl}`, `${secretary}:${leader}`];
      for (const pair of wanted.filter((p) => !have.has(p))) {
        const [principal, role] = pair.split(':').map(Number);
        await securable.roleAssignments.add(principal, role);
      }
      // Anything else goes, IT's own Full Control (left by breaking inheritance) last.
      const extra = [...have].filter((p) => !wanted.includes(p));
      const own = extra.filter((p) => Number(p.split(':')[0]) === me);
      for (const pair of [...extra.filter((p) => !own.includes(p)), ...own]) {
        const [principal, role] = pair.split(':').map(Number);
        await securable.roleAssignments.remove(principal, role);
      }
    }
  }
}
