import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import { doctorMain, FRAME_ANCESTORS, type DoctorReport } from '../../cli/doctor';
import { LISTS } from '../../src/adapters/sharepoint/listSchema';
import { devToken } from '../devServer/target';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');

/** The doctor in process: its exit code, the JSON report it printed, and the text lines. */
async function doctor(args: string[], env: Record<string, string> = {}) {
  let out = '';
  const code = await doctorMain(['--graph', server.url, ...args], env, (s) => (out += s));
  return { code, out };
}
async function doctorJson(args: string[] = [], env: Record<string, string> = {}) {
  const { code, out } = await doctor(['--json', ...args], env);
  return { code, report: JSON.parse(out) as DoctorReport };
}
const failing = (r: DoctorReport) => r.checks.filter((c) => !c.ok);

let server: GraphServer;
beforeAll(async () => {
  // A fresh local server whose lists were provisioned by the add-in's own code (the demo seed).
  server = await startDemoServer({ port: 0, db: ':memory:', seed: 'demo', seedRandom: 1 });
});
afterAll(() => server.close());

test('on a freshly provisioned local server every check holds, as ✓ lines, and the exit code is 0', async () => {
  const { code, out } = await doctor([]);
  expect(code).toBe(0);
  const lines = out.trim().split('\n');
  expect(lines.filter((l) => l.startsWith('✗'))).toEqual([]);
  expect(out).toContain('✓ Appens Sites.Selected-tildeling på sitet er fullcontrol');
  expect(out).toContain(
    '✓ sofie@kommune.example er ikke ejer af sitet (en sekretær har kun sit sekretariat)',
  );
  expect(out).toContain(
    '✓ sofie@kommune.example har sin sekretariatsmappe med rettighedsniveauet Mødeleder i hver liste',
  );
  expect(out).toContain(
    '✓ birgitte@kommune.example er ikke ejer af sitet (en sekretær har kun sit sekretariat)',
  );
  // One column check and one security check per list of the schema.
  for (const list of LISTS) {
    expect(out).toContain(`✓ Listen ${list.name} findes med kolonner og indeks`);
    expect(out).toContain(`✓ Listen ${list.name} har sine egne rettigheder og indstillinger`);
  }
  // Without APP_URL the page check and, locally, the app registration are skipped, not failed.
  expect(out).toMatch(/✓ Siderne \(APP_URL\).*sprunget over/);
  expect(out).toMatch(/✓ App-registreringen.*sprunget over/);
});

test('--json prints one object { ok, checks: [{ name, ok }] } with ok true', async () => {
  const { code, report } = await doctorJson();
  expect(code).toBe(0);
  expect(report.ok).toBe(true);
  expect(report.checks.length).toBeGreaterThan(2 * LISTS.length);
  expect(report.checks.every((c) => typeof c.name === 'string' && c.ok === true && c.fix === undefined)).toBe(
    true,
  );
});

test('a secretary without a secretariat, or one who is a site owner, is told what IT must do', async () => {
  // Anders has no secretariat; Ingrid (IT) owns the site: neither is set up as a secretary.
  const { code, report } = await doctorJson([
    '--secretary',
    'anders@kommune.example',
    '--secretary',
    'ingrid@kommune.example',
  ]);
  expect(code).toBe(1);
  expect(report.ok).toBe(false);
  const named = (text: string) => report.checks.find((c) => c.name.includes(text));
  expect(named('anders@kommune.example har sin sekretariatsmappe')).toMatchObject({
    ok: false,
    fix: expect.stringContaining('npm run provision -- --secretary anders@kommune.example'),
  });
  expect(named('anders@kommune.example er ikke ejer')).toMatchObject({ ok: true });
  expect(named('ingrid@kommune.example er ikke ejer')).toMatchObject({
    ok: false,
    fix: expect.stringContaining('Ejere'),
  });
});

test('an app grant left at write, not fullcontrol, is reported with the step that raises it', async () => {
  // Graph as a tenant answers when step 2.2 stopped after the POST: the same server, its grant read as `write`.
  const writeGrant: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (!/\/sites\/[^/]+\/permissions$/.test(new URL(String(input)).pathname)) return res;
    const body = (await res.json()) as { value: Array<{ roles: string[] }> };
    body.value.forEach((g) => (g.roles = ['write']));
    return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
  };
  let out = '';
  const code = await doctorMain(['--graph', server.url, '--json'], {}, (s) => (out += s), writeGrant);
  const report = JSON.parse(out) as DoctorReport;
  expect(code).toBe(1);
  expect(failing(report)).toEqual([
    {
      name: 'Appens Sites.Selected-tildeling på sitet er fullcontrol',
      ok: false,
      fix: expect.stringMatching(/tildelingen er write: hæv den til fullcontrol \(trin 2\.2\)/),
    },
  ]);
});

describe('the pages at APP_URL', () => {
  let pages: Server;
  let headers: Record<string, string> = {};
  let url: string;
  beforeAll(async () => {
    pages = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', ...headers });
      res.end('<!doctype html><title>x</title>');
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/taskpane.html`;
  });
  afterAll(() => new Promise<void>((resolve) => pages.close(() => resolve())));

  const cspCheck = (r: DoctorReport) => r.checks.find((c) => c.name.startsWith('Siderne på'));

  test('answering with the guide’s frame-ancestors header: the check holds', async () => {
    headers = {
      'Content-Security-Policy': `default-src 'self'; frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
    };
    const { report } = await doctorJson(['--app-url', url]);
    expect(cspCheck(report)).toEqual({
      name: `Siderne på ${url} sender CSP-headeren frame-ancestors`,
      ok: true,
    });
  });

  test('without the header, or with Outlook missing from it: the check fails and says what to set', async () => {
    headers = {};
    const none = await doctorJson([], { APP_URL: url });
    expect(none.code).toBe(1);
    expect(cspCheck(none.report)).toMatchObject({ ok: false, fix: expect.stringContaining('trin 3') });
    headers = { 'Content-Security-Policy': 'frame-ancestors teams.microsoft.com *.teams.microsoft.com' };
    const partial = await doctorJson(['--app-url', url]);
    expect(cspCheck(partial.report)).toMatchObject({
      ok: false,
      fix: expect.stringContaining('outlook.office365.com'),
    });
  });
});

describe('a list left inheriting the site’s permissions', () => {
  beforeAll(async () => {
    // The owner resets AbsenceReasons to inherit from the site: the site's Members (Edit) read every reason.
    const token = await devToken(server.origin, 'ingrid@kommune.example');
    const res = await fetch(
      `${server.origin}/sites/moeder/_api/web/lists/getbytitle('AbsenceReasons')/resetroleinheritance`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json;odata=nometadata' },
      },
    );
    expect(res.status).toBe(200);
  });

  test('is reported: ok false, that list’s check fails with a fix, the other lists still hold', async () => {
    const { code, report } = await doctorJson();
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    expect(failing(report)).toEqual([
      {
        name: 'Listen AbsenceReasons har sine egne rettigheder og indstillinger',
        ok: false,
        fix: expect.stringMatching(/arver rettigheder fra sitet.*npm run provision/),
      },
    ]);
  });

  test('`npm run -s doctor -- --json` prints that one JSON object and exits 1', async () => {
    const result = await run('npm', ['run', '-s', 'doctor', '--', '--json', '--graph', server.url], {
      cwd: ROOT,
      env: { ...process.env, GRAPH_BASE_URL: '', GRAPH_TOKEN: '', SHAREPOINT_TOKEN: '', APP_URL: '' },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as DoctorReport;
    expect(report.ok).toBe(false);
    expect(failing(report).map((c) => c.name)).toEqual([
      'Listen AbsenceReasons har sine egne rettigheder og indstillinger',
    ]);
    expect(failing(report)[0].fix).toContain('npm run provision');
  });
});
