import { columnDefinition, LIBRARIES, LISTS, type ListSpec } from './listSchema';
import type { ListClient } from './listClient';

/**
 * Provisioning and list security: create missing lists and columns, then give each list its own
 * permissions and item-level settings (docs/adr/004-permissions.md). Safe to run any number of times.
 */
export async function provisionLists(c: ListClient): Promise<void> {
  const existing = await c.get<{
    value: Array<{
      id: string;
      displayName: string;
      columns?: Array<{ id: string; name: string; choice?: { choices?: string[] } }>;
    }>;
  }>(`${c.root}/lists?$select=id,displayName&$expand=columns($select=id,name,choice)`);
  for (const spec of LISTS) {
    const list = existing.value.find((l) => l.displayName === spec.name);
    if (!list) {
      await c.send('POST', `${c.root}/lists`, {
        displayName: spec.name,
        list: { template: 'genericList' },
        columns: spec.columns.map(columnDefinition),
      });
    } else {
      const have = new Map((list.columns ?? []).map((col) => [col.name, col]));
      for (const column of spec.columns) {
        const found = have.get(column.name);
        if (!found) {
          await c.send('POST', `${c.root}/lists/${list.id}/columns`, columnDefinition(column));
          continue;
        }
        // A choice added in a later version (a new kind of committee row) joins the column's choices.
        const choices = found.choice?.choices;
        if (column.type !== 'choice' || !choices) continue;
        const missing = column.choices.filter((c) => !choices.includes(c));
        if (missing.length)
          await c.send('PATCH', `${c.root}/lists/${list.id}/columns/${found.id}`, {
            choice: { choices: [...choices, ...missing], allowTextEntry: false },
          });
      }
    }
    await secureList(c, spec);
  }
  // The document libraries (Bilag): created as Graph creates one (template documentLibrary), then secured
  // like the lists; a library has no item-level read/write security to set.
  for (const lib of LIBRARIES) {
    if (!existing.value.some((l) => l.displayName === lib.name))
      await c.send('POST', `${c.root}/lists`, {
        displayName: lib.name,
        list: { template: 'documentLibrary' },
      });
    await secureList(c, { name: lib.name, noCrawl: true, library: true });
  }
}

/**
 * The list's own permissions and settings, once: break inheritance copying the site's assignments, drop
 * the site's Members and Visitors (so only the Owners group and what the meetings set below remain),
 * folders on, item-level read/write security as the spec says. Cheap when already done: one read.
 */
async function secureList(
  c: ListClient,
  spec: Pick<ListSpec, 'readSecurity' | 'writeSecurity' | 'noCrawl'> & { name: string; library?: boolean },
): Promise<void> {
  const list = await c.folders.list(spec.name);
  const info = await list.select(
    'HasUniqueRoleAssignments',
    'ReadSecurity',
    'WriteSecurity',
    'EnableFolderCreation',
    'NoCrawl',
  )<{
    HasUniqueRoleAssignments: boolean;
    ReadSecurity: number;
    WriteSecurity: number;
    EnableFolderCreation: boolean;
    NoCrawl?: boolean;
  }>();
  if (!info.HasUniqueRoleAssignments) {
    await list.breakRoleInheritance(true, false);
    const web = await c.folders.web();
    const [members, visitors] = await Promise.all([
      web.associatedMemberGroup.select('Id')<{ Id: number }>(),
      web.associatedVisitorGroup.select('Id')<{ Id: number }>(),
    ]);
    const drop = new Set([members.Id, visitors.Id]);
    const assignments = await list.roleAssignments.expand('Member', 'RoleDefinitionBindings')<
      Array<{
        PrincipalId?: number;
        Member?: { Id: number };
        RoleDefinitionBindings?: Array<{ Id: number }>;
      }>
    >();
    for (const a of assignments) {
      const principal = a.PrincipalId ?? a.Member?.Id;
      if (principal === undefined || !drop.has(principal)) continue;
      for (const binding of a.RoleDefinitionBindings ?? [])
        await list.roleAssignments.remove(principal, binding.Id);
    }
  }
  const wanted = {
    EnableFolderCreation: true,
    ReadSecurity: spec.readSecurity ?? 1,
    WriteSecurity: spec.writeSecurity ?? 1,
    ...(spec.noCrawl ? { NoCrawl: true } : {}),
  };
  if (
    (spec.noCrawl && !info.NoCrawl) ||
    info.EnableFolderCreation !== wanted.EnableFolderCreation ||
    (info.ReadSecurity ?? 1) !== wanted.ReadSecurity ||
    (info.WriteSecurity ?? 1) !== wanted.WriteSecurity
  )
    // SharePoint keeps ReadSecurity/WriteSecurity for lists only: a library is sent the rest.
    await list.update(
      spec.library ? { EnableFolderCreation: true, ...(spec.noCrawl ? { NoCrawl: true } : {}) } : wanted,
    );
}
