import '@pnp/sp/webs';
import { createSharePointRest, classify, type SendFn } from '../../src/adapters/sharepoint/sharePointRest';
import { PortError } from '../../src/ports/errors';
import type { TokenProvider } from '../../src/ports/TokenProvider';

const tokens = (seen: string[][] = []): TokenProvider => ({
  getToken: async (scopes) => {
    seen.push(scopes);
    return 'tok-1';
  },
  account: async () => null,
  signOut: async () => {},
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const kindOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof PortError ? e.kind : `raw ${String(e)}`),
  );

describe('SharePoint REST client (PnPjs with our behaviours)', () => {
  test('sends minimal-metadata JSON with our bearer token for the configured scope', async () => {
    const requests: Array<{ url: string; init: RequestInit }> = [];
    const send: SendFn = async (url, init) => {
      requests.push({ url: url.toString(), init });
      return json(200, { Title: 'Møder' });
    };
    const scopes: string[][] = [];
    const rest = createSharePointRest({
      siteUrl: 'https://kommune.sharepoint.com/sites/moeder/',
      tokens: tokens(scopes),
      scopes: ['https://kommune.sharepoint.com/Sites.Selected'],
      send,
    });
    expect(await rest.sp.web.select('Title')()).toEqual({ Title: 'Møder' });
    expect(requests[0].url).toBe('https://kommune.sharepoint.com/sites/moeder/_api/web?%24select=Title');
    const headers = requests[0].init.headers as Record<string, string>;
    expect(headers.Accept).toBe('application/json;odata=nometadata');
    expect(headers.Authorization).toBe('Bearer tok-1');
    expect(scopes[0]).toEqual(['https://kommune.sharepoint.com/Sites.Selected']);
    expect(rest.serverRelativeUrl).toBe('/sites/moeder');
    expect(rest.counter.reads).toBe(1);
  });

  test.each([
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [404, 'NotFound'],
    [409, 'Conflict'],
    [412, 'Conflict'],
    [429, 'Throttled'],
    [500, 'Unavailable'],
    [400, 'Invalid'],
  ])('HTTP %i becomes %s, with SharePoint’s message', async (status, kind) => {
    const rest = createSharePointRest({
      siteUrl: 'http://localhost:1/sites/moeder',
      tokens: tokens(),
      scopes: ['x'],
      send: async () =>
        json(
          status,
          {
            'odata.error': {
              code: '-2147024891, System.UnauthorizedAccessException',
              message: { value: 'Access denied.' },
            },
          },
          { 'Retry-After': '7' },
        ),
    });
    const error = await rest.sp.web().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect((error as PortError).kind).toBe(kind);
    expect((error as PortError).message).toContain('Access denied.');
    expect((error as PortError).details.status).toBe(status);
    if (status === 429) expect((error as PortError).details.retryAfterMs).toBe(7000);
  });

  test('a 401 is sent once more with a renewed token; PnPjs’ request id header is not sent', async () => {
    const seen: Array<Record<string, string>> = [];
    let issued = 0;
    const renewing: TokenProvider = {
      getToken: async (_scopes, options) => `tok-${options?.forceRefresh ? ++issued + 100 : issued}`,
      account: async () => null,
      signOut: async () => {},
    };
    const rest = createSharePointRest({
      siteUrl: 'http://localhost:1/sites/moeder',
      tokens: renewing,
      scopes: ['x'],
      send: async (_url, init) => {
        seen.push(init.headers as Record<string, string>);
        return seen.length === 1 ? json(401, {}) : json(200, { Title: 'ok' });
      },
    });
    expect(await rest.sp.web()).toEqual({ Title: 'ok' });
    expect(seen.map((h) => h.Authorization)).toEqual(['Bearer tok-0', 'Bearer tok-101']);
    expect(Object.keys(seen[0]).map((k) => k.toLowerCase())).not.toContain('x-pnpjs-requestid');
  });

  test('a dropped connection is Offline', async () => {
    const rest = createSharePointRest({
      siteUrl: 'http://localhost:1/sites/moeder',
      tokens: tokens(),
      scopes: ['x'],
      send: async () => {
        throw new TypeError('fetch failed');
      },
    });
    expect(await kindOf(rest.sp.web())).toBe('Offline');
  });

  test('the real fetch stage retries a 429 after its Retry-After (Node’s global fetch)', async () => {
    const http = await import('node:http');
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits += 1;
      if (hits === 1) {
        res.writeHead(429, { 'Retry-After': '0' });
        res.end('{}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ Title: 'ok' }));
    });
    await new Promise<void>((r) => server.listen(0, r));
    const port = (server.address() as { port: number }).port;
    try {
      const rest = createSharePointRest({
        siteUrl: `http://localhost:${port}/sites/moeder`,
        tokens: tokens(),
        scopes: ['x'],
      });
      expect(await rest.sp.web.select('Title')()).toEqual({ Title: 'ok' });
      expect(hits).toBe(2);
    } finally {
      server.close();
    }
  });

  test('permission-changing requests are told apart from reads and other writes', () => {
    const site = 'https://k.sharepoint.com/sites/m/_api/web';
    expect(classify('GET', `${site}/lists/getbytitle('A')/items(3)/roleassignments`, {})).toBe('reads');
    expect(
      classify(
        'POST',
        `${site}/lists/getbytitle('A')/items(3)/breakroleinheritance(copyroleassignments=false, clearsubscopes=false)`,
        {},
      ),
    ).toBe('permissionChanges');
    expect(
      classify(
        'POST',
        `${site}/lists/getbytitle('A')/items(3)/roleassignments/addroleassignment(principalid=4, roledefid=5)`,
        {},
      ),
    ).toBe('permissionChanges');
    expect(classify('POST', `${site}/sitegroups`, {})).toBe('permissionChanges');
    expect(classify('POST', `${site}/sitegroups(12)/users`, {})).toBe('permissionChanges');
    expect(classify('POST', `${site}/ensureuser`, {})).toBe('reads');
    expect(
      classify('POST', `${site}/lists/getbytitle('A')/AddValidateUpdateItemUsingPath()`, {
        body: '{"listItemCreateInfo":{"UnderlyingObjectType":1}}',
      }),
    ).toBe('permissionChanges');
    expect(
      classify('POST', `${site}/lists/getbytitle('A')/AddValidateUpdateItemUsingPath()`, {
        body: '{"formValues":[]}',
      }),
    ).toBe('writes');
  });
});
