/**
 * A meeting played against the local Graph server under chaos, through exactly the code the meeting page
 * runs (LiveRecorder → outbox → SharePointListStore → the Graph client chain): the referent types
 * decisions and follow-ups for every item at several edits per second while the network drops, the page
 * reloads mid-sentence, and the server is killed and restarted with a rotated signing key (every token
 * in the pages becomes invalid, as when tokens expire mid-meeting). At the end the lists are read back
 * through Graph and compared with what was typed last. Used by `npm test` (short form) and `npm run soak`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevTokenProvider } from '../../src/adapters/auth/devTokenProvider';
import { GraphCalendar } from '../../src/adapters/graph/graphCalendar';
import { createGraphConnection } from '../../src/adapters/graph/graphClient';
import { MemoryOutbox } from '../../src/adapters/memory/memoryOutbox';
import { SharePointListStore } from '../../src/adapters/sharepoint/sharePointListStore';
import { SharePointPermissions } from '../../src/adapters/sharepoint/sharePointPermissions';
import { createSharePointRest } from '../../src/adapters/sharepoint/sharePointRest';
import type { AppDeps } from '../../src/app/deps';
import { LiveRecorder } from '../../src/app/liveRecorder';
import { openMeeting } from '../../src/app/openMeeting';
import { sendAgenda } from '../../src/app/sendAgenda';
import type { AgendaItem } from '../../src/domain/agendaItem';
import type { Person } from '../../src/domain/person';
import { systemClock } from '../../src/ports/Clock';
import { slotKey } from '../../src/ports/Outbox';
import type { ChaosOptions } from '../../devServer/chaos';
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';

export interface MeetingScript {
  items: number;
  editsPerItem: number;
  /** Pause between two edits (several edits per second: ≤ 300). */
  editIntervalMs: number;
  chaos: ChaosOptions;
  /** Go offline at these edits (counted over the whole meeting) for `offlineMs`. */
  offlineAtEdits: number[];
  offlineMs: number;
  /** Reload the page (a new recorder over the same durable outbox) at this edit, mid-sentence. */
  reloadAtEdit: number;
  /** Kill and restart the server (new signing key) at this edit; -1 for never. */
  restartAtEdit: number;
  tokenLifetimeSeconds: number;
  seedRandom?: number;
}

export interface MeetingReport {
  editsTyped: number;
  itemsWithText: number;
  followUpsTyped: number;
  decisionRows: number;
  followUpRows: number;
  lost: number;
  duplicated: number;
  conflictsShown: number;
  referentRequests: number;
  requestsPerEdit: number;
  maxInFlight: number;
  durationMs: number;
  lostDetails: string[];
}

const people: Record<string, Person> = {
  sofie: { upn: 'sofie@kommune.example', name: 'Sofie Holm' },
  mads: { upn: 'mads@kommune.example', name: 'Mads' },
};
const SITE = 'kommune.sharepoint.com:/sites/moeder';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The network of the referent's page: every request fails like a browser's while `offline`. */
function networkSwitch() {
  const real = globalThis.fetch;
  const state = { offline: false };
  const fetchThrough: typeof fetch = (input, init) =>
    state.offline ? Promise.reject(new TypeError('Failed to fetch')) : real(input, init);
  return { state, fetchThrough, real };
}

function depsFor(
  base: { url: string; origin: string },
  me: Person,
  outbox: MemoryOutbox,
  tokenLifetimeSeconds: number,
  fetchImpl: typeof fetch,
): AppDeps {
  const tokens = new DevTokenProvider(base.origin, me.upn, {
    lifetimeSeconds: tokenLifetimeSeconds,
    fetch: fetchImpl,
  });
  const graph = createGraphConnection({
    baseUrl: base.url,
    tokens,
    scopes: [],
    retryDelaySeconds: 0.2,
    timeoutMs: 5000,
  });
  const rest = createSharePointRest({
    siteUrl: `${base.origin}/sites/moeder`,
    tokens,
    scopes: [],
    retryIntervalMs: 200,
    timeoutMs: 5000,
  });
  return {
    me,
    calendar: new GraphCalendar(graph, (h) => h),
    lists: new SharePointListStore(graph, SITE, rest),
    permissions: new SharePointPermissions(rest),
    outbox,
    clock: systemClock,
  };
}

const agenda = (n: number): AgendaItem[] =>
  Array.from({ length: n }, (_v, i) => ({
    id: `soak-${i + 1}`,
    number: i + 1,
    title: `Punkt til prøve ${i + 1}`,
    category: 'Til drøftelse',
    durationMinutes: 10,
    guests: [],
    closed: false,
    attachments: [],
  }));

const WORDS =
  'Rådmanden tog orienteringen til efterretning og bad Fagligt Sekretariat om en opfølgning på næste møde med et notat om økonomien'.split(
    ' ',
  );

export async function runScriptedMeeting(script: MeetingScript): Promise<MeetingReport> {
  const started = Date.now();
  const db = join(mkdtempSync(join(tmpdir(), 'soak-')), 'graph.db');
  let server: GraphServer = await startDemoServer({
    port: 0,
    db,
    seed: 'demo',
    secret: 'first-key',
    seedRandom: script.seedRandom ?? 7,
  });
  const port = Number(new URL(server.origin).port);
  const net = networkSwitch();
  // Whatever the server is doing, the test reads through the real network.
  const base = { url: server.url, origin: server.origin };
  try {
    // The organizer sends a 10-item agenda with mads as referent (no chaos yet: the set-up is not under test).
    const sofie = depsFor(base, people.sofie, new MemoryOutbox(), 3600, net.real);
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 30 * 86400000).toISOString();
    const key = (await sofie.calendar.listMeetings(from, to))[0].key;
    await sendAgenda(sofie, await openMeeting(sofie, key), agenda(script.items));

    server.setChaos(script.chaos);
    await fetch(`${server.origin}/_dev/stats/reset`, { method: 'POST' });
    const outbox = new MemoryOutbox(); // IndexedDB: survives the reload
    const mads = depsFor(base, people.mads, outbox, script.tokenLifetimeSeconds, net.fetchThrough);
    const conflicts = new Set<string>();
    const page = async () => {
      // Page load: open the meeting (retrying while the network or server is away), then resume the outbox.
      for (let attempt = 0; ; attempt++) {
        try {
          const v = await openMeeting(mads, key);
          const r = new LiveRecorder(
            mads,
            { key, role: v.role },
            { debounceMs: 250, retryBaseMs: 200, retryMaxMs: 2000 },
          );
          r.seed(Object.values(v.decisions), v.followUps);
          r.onState((slot, s) => s.kind === 'conflict' && conflicts.add(slotKey(slot)));
          await r.resume();
          return r;
        } catch (e) {
          if (attempt > 50) throw e;
          await sleep(200);
        }
      }
    };
    let recorder = await page();
    let restartedServerStats: { byUser: Record<string, number>; maxInFlightByUser: Record<string, number> } =
      { byUser: {}, maxInFlightByUser: {} };

    const lastText = new Map<number, string>();
    const lastFollowUp = new Map<number, string>();
    let edit = 0;
    for (let n = 1; n <= script.items; n++) {
      for (let e = 1; e <= script.editsPerItem; e++) {
        edit++;
        if (script.offlineAtEdits.includes(edit)) {
          net.state.offline = true;
          setTimeout(() => {
            net.state.offline = false;
            void recorder.flush(); // the page's 'online' listener
          }, script.offlineMs);
        }
        if (edit === script.reloadAtEdit) {
          recorder.stop();
          recorder = await page();
        }
        if (edit === script.restartAtEdit) {
          const s = (await (
            await net.real(`${server.origin}/_dev/stats`)
          ).json()) as typeof restartedServerStats;
          restartedServerStats = s;
          await server.close();
          await sleep(500);
          server = await startDemoServer({
            port,
            db,
            seed: 'demo',
            secret: 'rotated-key',
            chaos: script.chaos,
            seedRandom: (script.seedRandom ?? 7) + 1,
          });
        }
        const text = `${WORDS.slice(0, 1 + ((e * 3) % WORDS.length)).join(' ')} (${n}.${e})`;
        await recorder.editDecision({
          itemNumber: n,
          itemTitle: `Punkt til prøve ${n}`,
          text,
          status: 'Kladde',
        });
        lastText.set(n, text);
        await sleep(script.editIntervalMs);
      }
      const task = `FAS følger op på punkt ${n}.`;
      await recorder.editFollowUp({ id: `fu-${n}`, itemNumber: n, owners: ['FAS'], task, status: 'Åben' });
      lastFollowUp.set(n, task);
      await recorder.flush(); // leaving the field
    }

    // The meeting ends: wait for the outbox to drain (the page keeps retrying in the background).
    net.state.offline = false;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      await recorder.flush();
      const pending = (await outbox.list(key)).filter((p) => !p.conflict);
      if (pending.length === 0) break;
      await sleep(250);
    }
    recorder.stop();
    server.setChaos({});

    // Read back through Graph, as the organizer.
    const reader = depsFor(
      { url: server.url, origin: server.origin },
      people.sofie,
      new MemoryOutbox(),
      3600,
      net.real,
    );
    const snapshot = await reader.lists.openMeeting(key);
    const byItem = new Map<number, number>();
    for (const d of snapshot.decisions)
      byItem.set(d.value.itemNumber, (byItem.get(d.value.itemNumber) ?? 0) + 1);
    const followUpsById = new Map<string, number>();
    for (const f of snapshot.followUps)
      followUpsById.set(f.value.id, (followUpsById.get(f.value.id) ?? 0) + 1);
    const lostDetails: string[] = [];
    for (const [n, text] of lastText) {
      const stored = snapshot.decisions.find((d) => d.value.itemNumber === n)?.value.text;
      if (stored !== text)
        lostDetails.push(`punkt ${n}: stored ${JSON.stringify(stored)}, typed ${JSON.stringify(text)}`);
    }
    for (const [n, task] of lastFollowUp) {
      const stored = snapshot.followUps.find((f) => f.value.id === `fu-${n}`)?.value.task;
      if (stored !== task) lostDetails.push(`opfølgning ${n}: stored ${JSON.stringify(stored)}`);
    }
    const duplicated =
      [...byItem.values()].reduce((sum, c) => sum + c - 1, 0) +
      [...followUpsById.values()].reduce((sum, c) => sum + c - 1, 0);
    const stats = (await (
      await net.real(`${server.origin}/_dev/stats`)
    ).json()) as typeof restartedServerStats;
    const requests =
      (restartedServerStats.byUser[people.mads.upn] ?? 0) + (stats.byUser[people.mads.upn] ?? 0);
    return {
      editsTyped: edit,
      itemsWithText: lastText.size,
      followUpsTyped: lastFollowUp.size,
      decisionRows: snapshot.decisions.length,
      followUpRows: snapshot.followUps.length,
      lost: lostDetails.length,
      duplicated,
      conflictsShown: conflicts.size,
      referentRequests: requests,
      requestsPerEdit: Math.round((requests / edit) * 100) / 100,
      maxInFlight: Math.max(
        restartedServerStats.maxInFlightByUser[people.mads.upn] ?? 0,
        stats.maxInFlightByUser[people.mads.upn] ?? 0,
      ),
      durationMs: Date.now() - started,
      lostDetails,
    };
  } finally {
    await server.close();
  }
}
