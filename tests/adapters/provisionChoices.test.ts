import { localGraph, localSharePoint, SITE } from '../contracts/graphStack';

jest.setTimeout(60_000);

/**
 * A site provisioned by an earlier version: its committee lists' Kind columns lack the choices added since
 * (the declaration of inhabilitet, the publication of a closed item, the opening of a signing round). Provisioning again adds them and keeps
 * the old ones.
 */
test('provisioning again adds the choices a newer version needs to an existing choice column', async () => {
  const { server } = await localGraph({ seed: 'none' });
  try {
    const it = localSharePoint(server, 'ingrid@kommune.example');
    const api = (path: string) => it.graph.client.api(`/sites/${SITE}:${path}`);
    const old: Record<string, string[]> = {
      CommitteeDecisions: ['Fremmøde', 'Inhabilitet', 'Afstemning'],
      CommitteeStatements: ['Inhabilitet', 'Protokoltilførsel', 'Underskrift'],
    };
    await it.lists.ensureProvisioned();
    const kindColumn = async (name: string) =>
      (
        (await api(`/lists/${name}/columns`).get()) as {
          value: Array<{ id: string; name: string; choice?: { choices: string[] } }>;
        }
      ).value.find((c) => c.name === 'Kind')!;
    // Back to the earlier version's choices, as a site provisioned then has them.
    for (const [name, choices] of Object.entries(old))
      await api(`/lists/${name}/columns/${(await kindColumn(name)).id}`).patch({
        choice: { choices, allowTextEntry: false },
      });
    expect((await kindColumn('CommitteeDecisions')).choice!.choices).toEqual(old.CommitteeDecisions);
    const again = localSharePoint(server, 'ingrid@kommune.example');
    await again.lists.ensureProvisioned();
    const kindOf = async (name: string) => (await kindColumn(name)).choice!.choices;
    expect(await kindOf('CommitteeDecisions')).toEqual([
      'Fremmøde',
      'Inhabilitet',
      'Afstemning',
      'Offentliggørelse',
    ]);
    expect(await kindOf('CommitteeStatements')).toEqual([
      'Inhabilitet',
      'Protokoltilførsel',
      'Underskrift',
      'Inhabilitetserklæring',
      'Underskriftsrunde',
    ]);
  } finally {
    await server.close();
  }
});
