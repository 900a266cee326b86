/**
 * Each `startGraphServer` keeps its state (chaos, stats, the database) on its own Fastify instance: two
 * servers in one process do not see each other's chaos or requests.
 */
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';

let a: GraphServer;
let b: GraphServer;

beforeAll(async () => {
  [a, b] = await Promise.all([
    startDemoServer({ port: 0, db: ':memory:', seed: 'none' }),
    startDemoServer({ port: 0, db: ':memory:', seed: 'none' }),
  ]);
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

const tokenFor = async (server: GraphServer, upn: string) =>
  (
    (await (
      await fetch(`${server.origin}/_dev/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ upn }),
      })
    ).json()) as { access_token: string }
  ).access_token;

const me = async (server: GraphServer, token: string) =>
  fetch(`${server.url}/me`, { headers: { Authorization: `Bearer ${token}` } });

const stats = async (server: GraphServer) =>
  (await (await fetch(`${server.origin}/_dev/stats`)).json()) as {
    total: number;
    byUser: Record<string, number>;
  };

test("one server's chaos and requests are not the other's", async () => {
  const [ta, tb] = await Promise.all([
    tokenFor(a, 'sofie@kommune.example'),
    tokenFor(b, 'erik@kommune.example'),
  ]);
  a.setChaos({ error: 1 });
  try {
    expect((await me(a, ta)).status).toBeGreaterThanOrEqual(500);
    const res = await me(b, tb);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { userPrincipalName: string }).userPrincipalName).toBe(
      'erik@kommune.example',
    );
  } finally {
    a.setChaos({});
  }
  const [sa, sb] = await Promise.all([stats(a), stats(b)]);
  expect(sa.byUser).toEqual({ 'sofie@kommune.example': 1 });
  expect(sb.byUser).toEqual({ 'erik@kommune.example': 1 });
});
