import { watchDecisions } from '../src/app/watchDecisions';
import { startGraphServer } from '../devServer/server';
import { ATTENDEES, connections, listsFor, nextMeetingKey, percentile } from './demoMeeting';

/**
 * N attendees watch a meeting by delta polling (the page's fallback, every `intervalMs`) while the referent
 * saves a new decision text every second; 80 ms latency on the local Graph server. Per saved version,
 * the time until each watcher has it; and the SharePoint requests the watchers make per minute.
 */
export async function benchWatchers(opts: {
  watchers: number;
  seconds: number;
  intervalMs: number;
  latencyMs: number;
}) {
  const server = await startGraphServer({
    port: 0,
    db: ':memory:',
    seed: 'demo',
    chaos: { latency: opts.latencyMs },
  });
  try {
    const conn = connections(server);
    const mads = listsFor(server)(conn('mads@kommune.example'), 'mads@kommune.example');
    const key = await nextMeetingKey(conn);

    const savedAt = new Map<string, number>();
    const delays: number[] = [];
    const watches = [];
    const counters = [];
    for (let w = 0; w < opts.watchers; w++) {
      const c = conn(`${ATTENDEES[w % ATTENDEES.length]}@kommune.example`);
      counters.push(c.counter);
      const lists = listsFor(server)(c, `${ATTENDEES[w % ATTENDEES.length]}@kommune.example`);
      const first = await lists.decisionChanges(key);
      let seenUpTo = 0;
      watches.push(
        watchDecisions(
          lists,
          key,
          first.cursor,
          (changed) => {
            // Seeing version k means every earlier version is on screen too (superseded): each counts as
            // visible now.
            const now = performance.now();
            for (const d of changed) {
              const k = Number(/version (\d+)$/.exec(d.value.text)?.[1] ?? 0);
              for (let j = seenUpTo + 1; j <= k; j++) {
                const at = savedAt.get(`Beslutning version ${j}`);
                if (at !== undefined) delays.push(now - at);
              }
              seenUpTo = Math.max(seenUpTo, k);
            }
          },
          { intervalMs: opts.intervalMs },
        ),
      );
      await new Promise((r) => setTimeout(r, opts.intervalMs / opts.watchers)); // watchers don't poll in lockstep
    }
    const before = counters.reduce((s, c) => s + c.count, 0);
    const started = performance.now();
    let eTag: string | undefined;
    for (let i = 1; i <= opts.seconds; i++) {
      const text = `Beslutning version ${i}`;
      const t0 = performance.now();
      const saved = await mads.saveDecision(
        key,
        {
          itemNumber: 1,
          itemTitle: 'Dagsorden',
          text,
          status: 'Kladde',
          editorUpn: 'mads@kommune.example',
          updatedAt: new Date().toISOString(),
        },
        eTag,
      );
      savedAt.set(text, t0 + (performance.now() - t0)); // visible from the moment SharePoint confirmed it
      eTag = saved.eTag;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs + 1000));
    const minutes = (performance.now() - started) / 60000;
    const requests = counters.reduce((s, c) => s + c.count, 0) - before;
    watches.forEach((w) => w.stop());
    delays.sort((a, b) => a - b);
    const pct = (p: number) => percentile(delays, p);
    return {
      watchers: opts.watchers,
      versionsSeen: `${delays.length}/${opts.watchers * opts.seconds}`,
      decisionVisibleP50Ms: pct(0.5),
      decisionVisibleP95Ms: pct(0.95),
      spRequestsPerWatcherMinute: Math.round((requests / opts.watchers / minutes) * 10) / 10,
    };
  } finally {
    await server.close();
  }
}
