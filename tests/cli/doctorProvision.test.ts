import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import { provisionMain } from '../../cli/provision';
import { runDoctor } from '../../cli/doctor';
import { devToken } from '../devServer/target';

let server: GraphServer;
let sp: (path: string, method?: string) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
beforeAll(async () => {
  server = await startDemoServer({ port: 0, db: ':memory:', seed: 'demo', seedRandom: 1 });
  const token = await devToken(server.origin, 'ingrid@kommune.example');
  sp = async (path, method = 'GET') => {
    const res = await fetch(`${server.origin}/sites/moeder/_api${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json;odata=nometadata' },
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  };
});
afterAll(() => server.close());

async function provision() {
  let out = '';
  let err = '';
  const code = await provisionMain(
    ['--as', 'ingrid@kommune.example', '--graph', server.url],
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}

test('provision puts back a list left inheriting the site, and the doctor then finds all in order', async () => {
  expect((await sp("/web/lists/getbytitle('Decisions')/resetroleinheritance", 'POST')).status).toBe(200);
  expect((await runDoctor({ env: {}, graph: server.url })).ok).toBe(false);
  const { code, out } = await provision();
  expect(code).toBe(0);
  expect(out).toContain('Listerne findes');
  expect((await runDoctor({ env: {}, graph: server.url })).ok).toBe(true);
});

test('provision refuses to finish while the site’s Members are still assigned on a list, and names it', async () => {
  // Someone gave the site's Members Edit on AbsenceReasons after it got its own permissions.
  const members = await sp('/web/associatedmembergroup?$select=Id');
  const add = await sp(
    `/web/lists/getbytitle('AbsenceReasons')/roleassignments/addroleassignment(principalid=${members.body.Id},roledefid=1073741830)`,
    'POST',
  );
  expect(add.status).toBe(200);
  const { code, out, err } = await provision();
  expect(code).toBe(1);
  expect(out).toBe('');
  expect(err).toMatch(
    /✗ Listen AbsenceReasons har sine egne rettigheder og indstillinger – sitets Medlemmer har adgang/,
  );
  expect(err).not.toContain('Listen Decisions');
});

test('on a tenant, provision will not start with only a Graph token', async () => {
  const saved = { ...process.env };
  process.env.GRAPH_TOKEN = 'a-graph-token';
  delete process.env.SHAREPOINT_TOKEN;
  try {
    let err = '';
    const code = await provisionMain(
      ['--as', 'admin@contoso.dk'],
      () => undefined,
      (s) => (err += s),
    );
    expect(code).toBe(2);
    expect(err).toContain('SHAREPOINT_TOKEN');
  } finally {
    process.env = saved;
  }
});

test('on a tenant the doctor signs in once per resource and sends SharePoint REST only the SharePoint token', async () => {
  // The tenant's hosts answered by the local server; the device-code sign-in replaced by dev tokens.
  const tokens = {
    graph: await devToken(server.origin, 'ingrid@kommune.example', 3600),
    sharePoint: await devToken(server.origin, 'ingrid@kommune.example', 3599),
  };
  expect(tokens.graph).not.toBe(tokens.sharePoint);
  const asked: string[][] = [];
  const sent: Array<{ url: string; token: string }> = [];
  const tenantHosts: typeof fetch = async (input, init) => {
    const url = String(input)
      .replace('https://graph.microsoft.com', server.origin)
      .replace('https://kommune.sharepoint.com', server.origin);
    const auth = new Headers(init?.headers).get('Authorization') ?? '';
    sent.push({ url: String(input), token: auth.replace(/^Bearer /, '') });
    return fetch(url, init);
  };
  const report = await runDoctor({
    env: { GRAPH_MODE: 'tenant', AAD_APP_CLIENT_ID: '11111111-2222-3333-4444-555555555555' },
    fetch: tenantHosts,
    signIn: async (scopes) => {
      asked.push(scopes);
      return scopes[0].startsWith('https://graph.microsoft.com') ? tokens.graph : tokens.sharePoint;
    },
  });
  expect(asked).toEqual([
    ['https://graph.microsoft.com/.default'],
    ['https://kommune.sharepoint.com/.default'],
  ]);
  const rest = sent.filter((r) => r.url.includes('/_api/'));
  expect(rest.length).toBeGreaterThan(0);
  expect(rest.every((r) => r.token === tokens.sharePoint)).toBe(true);
  expect(sent.filter((r) => !r.url.includes('/_api/')).every((r) => r.token === tokens.graph)).toBe(true);
  // Signed in as the app: the consented scopes are checked from the token.
  expect(report.checks).toContainEqual({ name: 'Appens Graph-tilladelser har samtykke', ok: true });
});
