import { LISTS, type ListSpec } from '../src/adapters/sharepoint/listSchema';

/** One line of the doctor: "✓ name" or "✗ name – fix". A skipped check holds (ok) and says why in its name. */
export interface Check {
  name: string;
  ok: boolean;
  fix?: string;
}

/** A GET with the right token for its resource (Graph or the site's SharePoint REST); JSON body or null. */
export type Getter = (url: string) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const PROVISION_FIX = 'kør `npm run provision` som ejer af sitet (docs/tenant-setup.md trin 4)';

interface SpList {
  HasUniqueRoleAssignments: boolean;
  ReadSecurity?: number;
  WriteSecurity?: number;
  NoCrawl?: boolean;
}
interface SpAssignment {
  PrincipalId?: number;
  Member?: { Id: number; Title?: string };
}

const spJson = (body: unknown) => body as { value?: unknown } & Record<string, unknown>;

/**
 * Each list's own security as the add-in needs it (src/adapters/sharepoint/listSchema.ts is the one source):
 * its own permissions (not inherited from the site), the site's Members and Visitors groups not assigned,
 * ReadSecurity/WriteSecurity and NoCrawl as the spec says. Read through SharePoint REST (`sp`, the site's
 * `_api` with a token for SharePoint itself). Used by the doctor and by `npm run provision` to refuse to
 * finish with a list that is open.
 */
export async function listSecurityChecks(sp: Getter, specs: readonly ListSpec[] = LISTS): Promise<Check[]> {
  const groupId = async (which: 'membergroup' | 'visitorgroup') => {
    const res = await sp(`/web/associated${which}?$select=Id,Title`);
    return res.status === 200 ? (spJson(res.body).Id as number) : undefined;
  };
  const members = await groupId('membergroup');
  const visitors = await groupId('visitorgroup');
  const checks: Check[] = [];
  for (const spec of specs) {
    const name = `Listen ${spec.name} har sine egne rettigheder og indstillinger`;
    const title = encodeURIComponent(spec.name.replace(/'/g, "''"));
    const res = await sp(
      `/web/lists/getbytitle('${title}')?$select=HasUniqueRoleAssignments,ReadSecurity,WriteSecurity,NoCrawl`,
    );
    if (res.status !== 200) {
      checks.push({ name, ok: false, fix: `listen kunne ikke læses (HTTP ${res.status}): ${PROVISION_FIX}` });
      continue;
    }
    const list = spJson(res.body) as unknown as SpList;
    const problems: string[] = [];
    if (!list.HasUniqueRoleAssignments)
      problems.push('arver rettigheder fra sitet (sitets Medlemmer kan læse alt)');
    else {
      const ra = await sp(`/web/lists/getbytitle('${title}')/roleassignments?$expand=Member`);
      const assigned = ((spJson(ra.body).value ?? []) as SpAssignment[]).map(
        (a) => a.PrincipalId ?? a.Member?.Id,
      );
      if (ra.status !== 200) problems.push(`rettighederne kunne ikke læses (HTTP ${ra.status})`);
      if (members !== undefined && assigned.includes(members)) problems.push('sitets Medlemmer har adgang');
      if (visitors !== undefined && assigned.includes(visitors)) problems.push('sitets Besøgende har adgang');
    }
    const wantRead = spec.readSecurity ?? 1;
    const wantWrite = spec.writeSecurity ?? 1;
    if ((list.ReadSecurity ?? 1) !== wantRead)
      problems.push(`ReadSecurity er ${list.ReadSecurity}, skal være ${wantRead}`);
    if ((list.WriteSecurity ?? 1) !== wantWrite)
      problems.push(`WriteSecurity er ${list.WriteSecurity}, skal være ${wantWrite}`);
    if (spec.noCrawl && !list.NoCrawl) problems.push('er med i søgning (NoCrawl mangler)');
    checks.push(
      problems.length
        ? { name, ok: false, fix: `${problems.join('; ')} – ${PROVISION_FIX}` }
        : { name, ok: true },
    );
  }
  return checks;
}

/** Each list exists (Graph) with every column of the spec, and the spec's indexed columns indexed. */
export async function listColumnChecks(
  graph: Getter,
  siteId: string,
  specs: readonly ListSpec[] = LISTS,
): Promise<Check[]> {
  const res = await graph(
    `/sites/${siteId}/lists?$select=id,displayName&$expand=columns($select=name,indexed)&$top=500`,
  );
  if (res.status !== 200)
    return [{ name: 'Listerne kan læses', ok: false, fix: `HTTP ${res.status}: ${PROVISION_FIX}` }];
  const lists = (res.body.value ?? []) as Array<{
    displayName: string;
    columns?: Array<{ name: string; indexed?: boolean }>;
  }>;
  return specs.map((spec) => {
    const name = `Listen ${spec.name} findes med kolonner og indeks`;
    const list = lists.find((l) => l.displayName === spec.name);
    if (!list) return { name, ok: false, fix: `listen mangler – ${PROVISION_FIX}` };
    const have = new Map((list.columns ?? []).map((c) => [c.name, c]));
    const missing = spec.columns.filter((c) => !have.has(c.name)).map((c) => c.name);
    const unindexed = spec.columns.filter((c) => c.indexed && have.has(c.name) && !have.get(c.name)!.indexed);
    const problems = [
      ...(missing.length ? [`kolonner mangler: ${missing.join(', ')}`] : []),
      ...(unindexed.length ? [`uden indeks: ${unindexed.map((c) => c.name).join(', ')}`] : []),
    ];
    return problems.length
      ? { name, ok: false, fix: `${problems.join('; ')} – ${PROVISION_FIX}` }
      : { name, ok: true };
  });
}
