/**
 * `npm start`: the embedded local Graph server with the demo tenant, and the add-in pages served by the
 * webpack dev server. Prints one link per demo person so one can act out a whole meeting in several tabs,
 * and the personal pages (Mine møder, Opfølgninger, Arkiv). A busy port is not an error: the next free one
 * is taken, and said.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { devSecret } from '../devServer/devSecret';
import { startFluidService, type FluidService } from '../devServer/fluidService';
import { devOriginsFromEnv } from '../devServer/routes/dev';
import { startDemoServer } from '../demo/server';
import { COMMITTEE_NAME, seedCommitteeDemo } from '../demo/committee';

const DEMO_PEOPLE = [
  ['sofie', 'organisator (sekretær)'],
  ['anders', 'rådmand'],
  ['erik', 'direktør'],
  ['louise', 'stabschef'],
  ['mads', 'referent'],
  ['kamilla', 'gæst på ét punkt'],
  ['peter', 'ikke inviteret'],
  ['birgitte', 'anden sekretær, ikke inv.'],
] as const;

/** The committee's people whose links `npm start` prints (demo/committee.ts has them all). */
const COMMITTEE_LINKS = [
  ['sofie', 'udvalgssekretær', 'taskpane.html'],
  ['mads', 'referent', 'meeting.html'],
  ['henrik', 'udvalgsformand (A)', 'meeting.html'],
  ['karen', 'medlem (V)', 'meeting.html'],
  ['ib', 'stedfortræder (V)', 'meeting.html'],
] as const;

/** Whether nothing listens on `port` (any interface, as the servers below listen on localhost or all). */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port);
  });
}

/** `wanted`, or the next free port after it (said on the console), never one of `taken`. */
async function nextFreePort(wanted: number, what: string, taken: number[] = []): Promise<number> {
  for (let port = wanted; port < wanted + 100; port++) {
    if (taken.includes(port) || !(await isFree(port))) continue;
    if (port !== wanted) console.log(`Port ${wanted} er optaget; ${what} bruger port ${port}.`);
    return port;
  }
  throw new Error(`No free port for ${what} in ${wanted}–${wanted + 99}`);
}

async function main() {
  const graphPort = await nextFreePort(Number(process.env.GRAPH_PORT ?? 4000), 'den lokale Graph-server');
  const port = await nextFreePort(Number(process.env.PORT ?? 3000), 'siderne', [graphPort]);
  const liveSharePort =
    process.env.LIVE_SHARE_PORT === 'off'
      ? 'off'
      : String(
          await nextFreePort(Number(process.env.LIVE_SHARE_PORT ?? 7070), 'Live Share', [graphPort, port]),
        );
  const db = process.env.GRAPH_DB ?? '.data/graph.db';
  // Only the pages served here (APP_URL, else http(s)://localhost:PORT) may call the server's /_dev/*.
  const graph = await startDemoServer({
    port: graphPort,
    db,
    seed: 'demo',
    secret: devSecret(db),
    devOrigins: devOriginsFromEnv({ ...process.env, PORT: String(port) }),
  });
  console.log(`Graph ready at ${graph.url}`);
  await seedCommitteeDemo(graph);
  // Live Share's local Fluid service: attendees see the referent type within a fraction of a second.
  // Without it (LIVE_SHARE_PORT=off, or it fails to start) the pages poll SharePoint instead.
  let fluid: FluidService | null = null;
  if (liveSharePort !== 'off') {
    try {
      fluid = await startFluidService({ port: Number(liveSharePort) });
      console.log(`Live Share (tinylicious) ready at ${fluid.endpoint}`);
    } catch (e) {
      console.warn(
        `Live Share er slået fra (${e instanceof Error ? e.message : String(e)}); siderne opdaterer ved polling.`,
      );
    }
  }

  const web = spawn(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development', '--port', String(port)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        GRAPH_PORT: String(graphPort),
        PORT: String(port),
        // Without the service (it failed to start) the pages poll SharePoint instead of waiting for it.
        LIVE_SHARE_PORT: fluid ? liveSharePort : 'off',
      },
    },
  );
  let announced = false;
  web.stdout.on('data', async (chunk: Buffer) => {
    const text = chunk.toString();
    if (process.env.VERBOSE) process.stdout.write(text);
    if (!announced && /compiled (successfully|with)/i.test(text)) {
      announced = true;
      await printLinks(graph.origin, port);
    }
  });
  const stop = async () => {
    web.kill('SIGTERM');
    await fluid?.close();
    await graph.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  web.on('exit', async (code) => {
    if (code) console.error(`webpack dev server stopped (${code})`);
    await fluid?.close();
    await graph.close();
    process.exit(code ?? 0);
  });
}

async function printLinks(graphOrigin: string, port: number) {
  const token = await fetch(`${graphOrigin}/_dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ upn: 'sofie@kommune.example' }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const from = new Date(Date.now() - 60 * 86400000).toISOString();
  const to = new Date(Date.now() + 60 * 86400000).toISOString();
  const view = await fetch(
    `${graphOrigin}/v1.0/me/calendarView?startDateTime=${from}&endDateTime=${to}&$select=iCalUId,subject,start&$orderby=start/dateTime&$top=100`,
    { headers: { Authorization: `Bearer ${token.access_token}` } },
  ).then(
    (r) =>
      r.json() as Promise<{
        value: Array<{ iCalUId: string; subject: string; start: { dateTime: string } }>;
      }>,
  );
  const now = new Date().toISOString();
  const committee = view.value.filter((e) => e.subject === COMMITTEE_NAME);
  const meetings = view.value.filter((e) => e.subject !== COMMITTEE_NAME);
  const upcoming = meetings.find((e) => `${e.start.dateTime}Z` > now) ?? meetings.at(-1);
  const past = [...meetings].reverse().find((e) => `${e.start.dateTime}Z` < now);
  const base = `${process.env.HTTPS === '1' ? 'https' : 'http'}://localhost:${port}`;
  console.log(`\nMødeassistent kører på ${base}\n`);
  if (upcoming) {
    console.log(`Kommende møde (${upcoming.start.dateTime.slice(0, 10)}):`);
    for (const [name, role] of DEMO_PEOPLE) {
      const q = `as=${name}@kommune.example&meeting=${encodeURIComponent(upcoming.iCalUId)}`;
      const page = name === 'sofie' ? 'taskpane.html' : 'meeting.html';
      console.log(`  ${name.padEnd(8)} ${role.padEnd(24)} ${base}/${page}?${q}`);
    }
  }
  if (past) {
    console.log(
      `\nAfholdt møde (${past.start.dateTime.slice(0, 10)}): ${base}/meeting.html?as=sofie@kommune.example&meeting=${encodeURIComponent(past.iCalUId)}`,
    );
  }
  const link = (page: string, name: string, key: string) =>
    `${base}/${page}?as=${name}@kommune.example&meeting=${encodeURIComponent(key)}`;
  const nextCommittee = committee.find((e) => `${e.start.dateTime}Z` > now);
  const pastCommittee = [...committee].reverse().find((e) => `${e.start.dateTime}Z` < now);
  if (nextCommittee) {
    console.log(`\n${COMMITTEE_NAME}, kommende udvalgsmøde (${nextCommittee.start.dateTime.slice(0, 10)}):`);
    for (const [name, role, page] of COMMITTEE_LINKS)
      console.log(`  ${name.padEnd(8)} ${role.padEnd(24)} ${link(page, name, nextCommittee.iCalUId)}`);
  }
  if (pastCommittee) {
    console.log(
      `${COMMITTEE_NAME}, afholdt udvalgsmøde med underskrevet protokol (${pastCommittee.start.dateTime.slice(0, 10)}): ${link('meeting.html', 'sofie', pastCommittee.iCalUId)}`,
    );
  }
  // The personal app's pages (Teams' personal tab): each person's own meetings, follow-ups and archive.
  const personal = (page: string, name: string) => `${base}/${page}?as=${name}@kommune.example`;
  console.log(`\nSofies egne sider:`);
  console.log(`  Mine møder     ${personal('meeting.html', 'sofie')}`);
  console.log(`  Opfølgninger   ${personal('followups.html', 'sofie')}`);
  console.log(`  Arkiv          ${personal('archive.html', 'sofie')}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
