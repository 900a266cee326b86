import { DevTokenProvider } from '../../src/adapters/auth/devTokenProvider';
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import { depsAs } from '../support/nodeDeps';

let server: GraphServer;
beforeAll(async () => {
  server = await startDemoServer({ port: 0, db: ':memory:', seed: 'demo' });
});
afterAll(() => server.close());

const search = async (query: string, headers: Record<string, string> = {}) => {
  const token = await new DevTokenProvider(server.origin, 'sofie@kommune.example').getToken();
  const res = await fetch(`${server.url}/users?$search=${encodeURIComponent(query)}&$select=displayName`, {
    headers: { Authorization: `Bearer ${token}`, ...headers },
  });
  return {
    status: res.status,
    body: (await res.json()) as { value?: Array<{ displayName: string }>; error?: { code: string } },
  };
};

describe('the tenant’s people by name (the guest picker)', () => {
  test('the organizer finds a guest by a word of her name or address, as "Name <address>"', async () => {
    const people = depsAs(server, 'sofie@kommune.example').people!;
    await expect(people.searchPeople('Kamil')).resolves.toEqual([
      { upn: 'kamilla@kommune.example', name: 'Kamilla Uhd Hansen' },
    ]);
    // A later word of the name counts too (Graph's tokenized prefix search).
    await expect(people.searchPeople('hans')).resolves.toContainEqual({
      upn: 'kamilla@kommune.example',
      name: 'Kamilla Uhd Hansen',
    });
    await expect(people.searchPeople('ingen-saadan-person')).resolves.toEqual([]);
  });

  test('the server answers $search only with ConsistencyLevel: eventual, as Graph does', async () => {
    const without = await search('"displayName:kamil"');
    expect(without.status).toBe(400);
    expect(without.body.error?.code).toBe('Request_UnsupportedQuery');
    const withHeader = await search('"displayName:kamil"', { ConsistencyLevel: 'eventual' });
    expect(withHeader.status).toBe(200);
    expect(withHeader.body.value?.map((u) => u.displayName)).toEqual(['Kamilla Uhd Hansen']);
    // Positive control: without $search the directory lists everyone, header or not.
    const token = await new DevTokenProvider(server.origin, 'sofie@kommune.example').getToken();
    const all = await fetch(`${server.url}/users`, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await all.json()) as { value: unknown[] }).value.length).toBeGreaterThan(1);
  });
});
