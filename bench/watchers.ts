import { DevTokenProvider } from '../src/adapters/auth/devTokenProvider';
import { PollingChannel } from '../src/adapters/live/pollingChannel';
import { LiveRecorder } from '../src/app/liveRecorder';
import { openMeeting } from '../src/app/openMeeting';
import { readConfig } from '../src/config';
import type { Decision } from '../src/domain/decision';
import { createNodeStack } from '../src/entries/nodeStack';
import { startDemoServer } from '../demo/server';
import { ATTENDEES, connections, listsFor, nextMeetingKey, percentile } from './demoMeeting';
import { resourceUnits, RuMeter } from './resourceUnits';

/** A referent at a realistic pace: a phrase of 30 characters at 200 ms a key (60 wpm), then a 2 s pause. */
export const TYPING = { keyMs: 200, phrase: 30, pauseMs: 2000 };

/**
 * N attendees watch a meeting by polling (the page's PollingChannel, as Outlook runs it: one request per
 * `intervalMs`, the clock every fourth), each in its own browser profile, while the referent types through
 * the page's LiveRecorder (outbox, autosave) at the pace of TYPING; 80 ms latency on the local Graph
 * server. Per saved version, the time until each watcher has it; the SharePoint requests the watchers and
 * the referent make per minute, counted at the server by the kind SharePoint prices.
 */
export async function benchWatchers(opts: {
  watchers: number;
  seconds: number;
  intervalMs: number;
  /** The referent's autosave spacing, which the pollers wait after a change (the page's: AUTOSAVE_SPACING_MS). */
  saveSpacingMs: number;
  latencyMs: number;
}) {
  const meter = new RuMeter();
  const server = await startDemoServer({
    port: 0,
    db: ':memory:',
    seed: 'demo',
    chaos: { latency: opts.latencyMs },
    onRequest: meter.observe,
  });
  const channels: PollingChannel[] = [];
  try {
    const conn = connections(server);
    const key = await nextMeetingKey(conn);

    const savedAt = new Map<string, number>();
    const delays: number[] = [];
    for (let w = 0; w < opts.watchers; w++) {
      const upn = `${ATTENDEES[w % ATTENDEES.length]}@kommune.example`;
      const lists = listsFor(server)(conn(upn), upn);
      const first = await lists.openMeeting(key);
      let seenUpTo = 0;
      // As the page makes it (src/entries/runtime.ts): after a change, the referent's autosave spacing.
      const channel = new PollingChannel(lists, {
        intervalMs: opts.intervalMs,
        saveSpacingMs: opts.saveSpacingMs,
      });
      channel.onMessage((m) => {
        if (m.kind !== 'decision' || !m.text) return;
        // Seeing version k means every earlier version is on screen too (superseded): each counts now.
        const now = performance.now();
        const k = Number(/version (\d+)$/.exec(m.text)?.[1] ?? 0);
        for (let j = seenUpTo + 1; j <= k; j++) {
          const at = savedAt.get(`Beslutning version ${j}`); // versions typed but never saved are not counted
          if (at !== undefined) delays.push(now - at);
        }
        seenUpTo = Math.max(seenUpTo, k);
      });
      await channel.join(key, { upn, name: upn }, { decisionsCursor: first.decisionsCursor });
      channels.push(channel);
      await new Promise((r) => setTimeout(r, opts.intervalMs / opts.watchers)); // not in lockstep
    }
    const referentUpn = 'mads@kommune.example';
    const referent = createNodeStack({
      config: readConfig({ GRAPH_BASE_URL: server.url }),
      tokens: new DevTokenProvider(server.origin, referentUpn),
      me: { upn: referentUpn, name: 'Mads Nielsen' },
    }).deps;
    const recorder = new LiveRecorder(referent, await openMeeting(referent, key), {
      minSaveIntervalMs: opts.saveSpacingMs,
    });
    recorder.onSaved((row) => savedAt.set((row.value as Decision).text, performance.now()));
    // The decision's first write (its folder, the row, the rival check) happens once per item; measured
    // here is the steady state of a running meeting: typing on into a decision already saved once.
    await recorder.editDecision({
      itemNumber: 1,
      itemTitle: 'Dagsorden',
      text: 'Beslutning',
      status: 'Kladde',
    });
    await recorder.flush();
    meter.reset();
    const started = performance.now();
    let typed = 0;
    while (performance.now() - started < opts.seconds * 1000) {
      typed += 1;
      await recorder.editDecision({
        itemNumber: 1,
        itemTitle: 'Dagsorden',
        text: `Beslutning version ${typed}`,
        status: 'Kladde',
      });
      await new Promise((r) => setTimeout(r, typed % TYPING.phrase ? TYPING.keyMs : TYPING.pauseMs));
    }
    await recorder.flush();
    await new Promise((r) => setTimeout(r, opts.intervalMs + 1000));
    const minutes = (performance.now() - started) / 60000;
    const watcherUpns = ATTENDEES.map((a) => `${a}@kommune.example`);
    const byKind = meter.requests(watcherUpns);
    const referentByKind = meter.requests([referentUpn]);
    recorder.stop();
    // Rates are counted over the same window as before; the time to visible waits on for the pollers that
    // read a change just before the last save (they read again a save spacing later, or after the clock).
    await new Promise((r) => setTimeout(r, opts.saveSpacingMs));
    const requests = Object.values(byKind).reduce((a, b) => a + b, 0);
    delays.sort((a, b) => a - b);
    const perWatcherMinute = (n: number) => Math.round((n / opts.watchers / minutes) * 100) / 100;
    return {
      watchers: opts.watchers,
      intervalMs: opts.intervalMs,
      versionsSaved: savedAt.size,
      versionsSeen: `${delays.length}/${opts.watchers * savedAt.size}`,
      decisionVisibleP50Ms: percentile(delays, 0.5),
      decisionVisibleP95Ms: percentile(delays, 0.95),
      spRequestsPerWatcherMinute: perWatcherMinute(requests),
      ruPerWatcherMinute: perWatcherMinute(resourceUnits(byKind)),
      requestsPerWatcherMinuteByKind: Object.fromEntries(
        Object.entries(byKind).map(([k, n]) => [k, perWatcherMinute(n)]),
      ),
      referentRequestsPerMinuteByKind: Object.fromEntries(
        Object.entries(referentByKind).map(([k, n]) => [k, Math.round((n / minutes) * 100) / 100]),
      ),
    };
  } finally {
    await Promise.all(channels.map((c) => c.leave()));
    await server.close();
  }
}
