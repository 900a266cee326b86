/**
 * Security issue #13, part A: the local server's `/_dev/*` endpoints mint anyone's token, hold the sent
 * mail (decline comments are health data) and switch chaos on. They answer this machine's tools and the
 * add-in's own dev pages only — refused by the server itself, not only by the browser's CORS check.
 * Black-box: raw HTTP against a started server, with the headers a browser or an attacker would send.
 */
import { request } from 'node:http';
import { devAccess } from '../../devServer/routes/dev';
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';

const EVIL = 'https://evil.example';
const DEV_PAGES = 'http://localhost:3000';

let server: GraphServer;
let port: number;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One raw HTTP request to the server on 127.0.0.1 (node:http lets a test set Host, as a browser would). */
function call(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          host: `localhost:${port}`,
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const fromEvil = { origin: EVIL };

beforeAll(async () => {
  server = await startDemoServer({ port: 0, db: ':memory:', seed: 'demo' });
  port = Number(new URL(server.origin).port);
});
afterAll(async () => server?.close());

describe('a page at another origin (Origin: https://evil.example)', () => {
  test("cannot mint the organizer's token", async () => {
    const res = await call('POST', '/_dev/token', {
      headers: fromEvil,
      body: { upn: 'sofie@kommune.example' },
    });
    expect(res.status).toBe(403);
    expect(res.json().error.code).toBe('accessDenied');
    expect(res.text).not.toContain('access_token');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    // Nor does its preflight pass.
    const preflight = await call('OPTIONS', '/_dev/token', {
      headers: {
        ...fromEvil,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('cannot read /_dev/mail (decline comments are health data)', async () => {
    const token = (await call('POST', '/_dev/token', { body: { upn: 'sofie@kommune.example' } })).json()
      .access_token as string;
    const sent = await call('POST', '/v1.0/me/sendMail', {
      headers: { authorization: `Bearer ${token}` },
      body: {
        message: {
          subject: 'Afbud',
          body: { contentType: 'text', content: 'Indlagt til operation på torsdag' },
          toRecipients: [{ emailAddress: { address: 'anders@kommune.example' } }],
        },
      },
    });
    expect(sent.status).toBe(202);
    const res = await call('GET', '/_dev/mail', { headers: fromEvil });
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('operation');
    // The same mail is there for a tool on this machine.
    expect((await call('GET', '/_dev/mail')).text).toContain('operation');
  });

  test('cannot switch chaos on (nor read it)', async () => {
    const on = await call('POST', '/_dev/chaos', { headers: fromEvil, body: { error: 1 } });
    expect(on.status).toBe(403);
    expect((await call('GET', '/_dev/chaos', { headers: fromEvil })).status).toBe(403);
    expect((await call('GET', '/_dev/chaos')).json()).toEqual({});
  });

  test('cannot read stats, chats or the live registry, nor reset stats or register a live container', async () => {
    for (const [method, path, body] of [
      ['GET', '/_dev/stats'],
      ['POST', '/_dev/stats/reset'],
      ['GET', '/_dev/chats?meeting=x'],
      ['GET', '/_dev/live/some-meeting'],
      ['POST', '/_dev/live/some-meeting', { containerId: 'evil-container' }],
      ['POST', '/_dev/live/some-meeting/clients', { clientId: 'c1' }],
      ['GET', '/_dev/live/some-meeting/clients/c1'],
    ] as Array<[string, string, unknown?]>) {
      const res = await call(method, path, { headers: fromEvil, body });
      expect([method, path, res.status]).toEqual([method, path, 403]);
      expect(res.json().error.code).toBe('accessDenied');
    }
    // The container mapping was not taken over.
    expect((await call('GET', '/_dev/live/some-meeting')).json().containerState).toBe('NotFound');
  });

  test('still reaches Graph (/v1.0) as real Graph allows any origin, and Graph still wants a token', async () => {
    const res = await call('GET', '/v1.0/me', { headers: fromEvil });
    expect(res.status).toBe(401);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('who may use the dev endpoints', () => {
  test("the dev pages' origin can mint a token, through its CORS preflight", async () => {
    const preflight = await call('OPTIONS', '/_dev/token', {
      headers: {
        origin: DEV_PAGES,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(DEV_PAGES);
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('content-type');
    const res = await call('POST', '/_dev/token', {
      headers: { origin: DEV_PAGES },
      body: { upn: 'mads@kommune.example' },
    });
    expect(res.status).toBe(200);
    expect(res.json().access_token).toEqual(expect.any(String));
    expect(res.headers['access-control-allow-origin']).toBe(DEV_PAGES);
    expect(res.headers.vary).toContain('Origin');
  });

  test('a Node tool without Origin on loopback can (token, chaos, stats, mail, chats, live)', async () => {
    const token = await fetch(`${server.origin}/_dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn: 'sofie@kommune.example' }),
    });
    expect(token.status).toBe(200);
    expect(token.headers.get('access-control-allow-origin')).toBeNull();
    for (const path of ['/_dev/chaos', '/_dev/stats', '/_dev/mail', '/_dev/chats?meeting=x', '/_dev/live/m'])
      expect([path, (await fetch(`${server.origin}${path}`)).status]).toEqual([path, 200]);
    for (const host of ['127.0.0.1', '[::1]'])
      expect((await call('GET', '/_dev/stats', { headers: { host: `${host}:${port}` } })).status).toBe(200);
  });

  test('a DNS-rebinding Host is refused (a page at evil.example whose name now points at 127.0.0.1)', async () => {
    for (const headers of [
      { host: `evil.example:${port}` } as Record<string, string>,
      { host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
      { host: `localhost.evil.example:${port}` },
    ]) {
      const res = await call('POST', '/_dev/token', { headers, body: { upn: 'sofie@kommune.example' } });
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('access_token');
    }
  });

  test('the dev secret lets a tool in whatever its Host; a wrong secret does not', async () => {
    const host = { host: `moeder-dev.kommune.example:${port}` };
    expect(server.devSecret).toMatch(/^[0-9a-f]{64}$/);
    const ok = await call('GET', '/_dev/stats', { headers: { ...host, 'x-dev-secret': server.devSecret } });
    expect(ok.status).toBe(200);
    const wrong = await call('GET', '/_dev/stats', { headers: { ...host, 'x-dev-secret': 'guess' } });
    expect(wrong.status).toBe(403);
    // The secret does not make another origin's page welcome.
    const evil = await call('GET', '/_dev/mail', {
      headers: { ...fromEvil, 'x-dev-secret': server.devSecret },
    });
    expect(evil.status).toBe(403);
  });

  test('a caller from another machine (not loopback) without the secret is refused', () => {
    const options = { devOrigins: [DEV_PAGES], devSecret: 's'.repeat(64) };
    const from = (remoteAddress: string, headers: Record<string, string> = {}) =>
      devAccess({ headers: { host: `localhost:${port}`, ...headers }, socket: { remoteAddress } }, options)
        .ok;
    expect(from('192.168.1.20')).toBe(false);
    expect(from('192.168.1.20', { origin: DEV_PAGES })).toBe(false);
    expect(from('192.168.1.20', { 'x-dev-secret': 's'.repeat(64) })).toBe(true);
    expect(from('::ffff:127.0.0.1')).toBe(true);
    expect(from('::1')).toBe(true);
  });

  test('a server started with other dev origins (APP_URL) lets those pages in, and no longer localhost:3000', async () => {
    const other = await startDemoServer({
      port: 0,
      db: ':memory:',
      seed: 'none',
      devOrigins: ['https://localhost:8443'],
    });
    try {
      const ask = (origin: string) =>
        fetch(`${other.origin}/_dev/stats`, { headers: { Origin: origin } }).then((r) => r.status);
      expect(await ask('https://localhost:8443')).toBe(200);
      expect(await ask(DEV_PAGES)).toBe(403);
    } finally {
      await other.close();
    }
  });
});
