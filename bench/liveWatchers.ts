import { DevTokenProvider } from '../src/adapters/auth/devTokenProvider';
import { graphPeople } from '../src/adapters/graph/graphPeople';
import { insecureTokens } from '../src/adapters/live/connectLive';
import { LiveShareChannel } from '../src/adapters/live/liveShareChannel';
import { localLiveShareHost } from '../src/adapters/live/localLiveShareHost';
import { PollingChannel } from '../src/adapters/live/pollingChannel';
import { startFluidService } from '../devServer/fluidService';
import { startDemoServer } from '../demo/server';
import { ATTENDEES, connections, listsFor, nextMeetingKey, percentile } from './demoMeeting';
import { RuMeter } from './resourceUnits';

/**
 * N attendees watch over Live Share (a local Fluid service) while the referent types: a new version of
 * the text every `typeEveryMs`, saved to SharePoint once a second, as the meeting page does. Each watcher
 * read SharePoint when it joined and keeps a safety-net delta poll once a minute, as the page does.
 * Figures: time from the referent's keystroke to each watcher having that version (a later version
 * arriving first counts for the ones it superseded), and SharePoint requests per watcher-minute (counted
 * at the server by kind; the safety poll runs once a minute here, so the run includes it: the page's is
 * every `safetyPollMs`, and `ruPerWatcherMinuteByKind` is scaled to that).
 * 80 ms latency on the Graph server; the Fluid service is local (no latency injected there).
 */
export async function benchLiveWatchers(opts: {
  watchers: number;
  seconds: number;
  typeEveryMs: number;
  latencyMs: number;
  /** The page's safety poll on Live Share (useMeeting's safetyPollMs). */
  safetyPollMs: number;
}) {
  const meter = new RuMeter();
  const [server, fluid] = await Promise.all([
    startDemoServer({
      port: 0,
      db: ':memory:',
      seed: 'demo',
      chaos: { latency: opts.latencyMs },
      onRequest: meter.observe,
    }),
    startFluidService(),
  ]);
  const channels: LiveShareChannel[] = [];
  const safety: PollingChannel[] = [];
  try {
    const conn = connections(server);
    // Each page registers its client with its own token and looks a sender up once in the directory
    // (through its own Graph connection, so those requests are counted with the watcher's).
    const channel = (upn: string, graph = conn(upn)) => {
      const tokens = new DevTokenProvider(server.origin, upn);
      const c = new LiveShareChannel({
        host: (key) => localLiveShareHost(server.origin, key, () => tokens.getToken([])),
        people: graphPeople(graph),
        connection: {
          type: 'local',
          endpoint: fluid.endpoint,
          tokenProvider: insecureTokens({ upn, name: upn }),
        },
      });
      channels.push(c);
      return c;
    };
    const madsUpn = 'mads@kommune.example';
    const mads = listsFor(server)(conn(madsUpn), madsUpn);
    const key = await nextMeetingKey(conn);

    const referent = channel(madsUpn);
    await referent.join(key, { upn: madsUpn, name: 'Mads Nielsen' });

    const sentAt = new Map<number, number>();
    const delays: number[] = [];
    const counters: Array<{ count: number }> = [];
    const joinMs: number[] = [];
    // Join in groups of ten, as people arrive; each reads SharePoint first, then listens.
    for (let first = 0; first < opts.watchers; first += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, opts.watchers - first) }, async (_, j) => {
          const upn = `${ATTENDEES[(first + j) % ATTENDEES.length]}@kommune.example`;
          const c = conn(upn);
          counters.push(c.counter);
          const lists = listsFor(server)(c, upn);
          const snapshot = await lists.openMeeting(key);
          const live = channel(upn, c);
          let seenUpTo = 0;
          live.onMessage((m) => {
            if (m.kind !== 'decision' || m.text === null) return;
            const now = performance.now();
            const k = Number(/version (\d+)$/.exec(m.text)?.[1] ?? 0);
            for (let v = seenUpTo + 1; v <= k; v++) {
              const at = sentAt.get(v);
              if (at !== undefined) delays.push(now - at);
            }
            seenUpTo = Math.max(seenUpTo, k);
          });
          const t0 = performance.now();
          await live.join(key, { upn, name: upn }, { decisionsCursor: snapshot.decisionsCursor });
          joinMs.push(performance.now() - t0);
          const net = new PollingChannel(lists, { intervalMs: 60000, idleIntervalMs: 60000, timerEvery: 0 });
          safety.push(net);
          await net.join(key, { upn, name: upn }, { decisionsCursor: snapshot.decisionsCursor });
        }),
      );
    }

    const before = counters.reduce((s, c) => s + c.count, 0);
    meter.reset();
    const started = performance.now();
    let eTag: string | undefined;
    let lastSave = 0;
    let saving: Promise<void> | null = null;
    const versions = Math.floor((opts.seconds * 1000) / opts.typeEveryMs);
    for (let v = 1; v <= versions; v++) {
      const text = `Beslutning version ${v}`;
      sentAt.set(v, performance.now());
      referent.send({
        kind: 'decision',
        itemNumber: 1,
        text,
        version: `local:${v}`,
        editorUpn: madsUpn,
        sentAt: new Date().toISOString(),
      });
      if (!saving && performance.now() - lastSave > 1000) {
        lastSave = performance.now();
        saving = mads
          .saveDecision(
            key,
            {
              itemNumber: 1,
              itemTitle: 'Dagsorden',
              text,
              status: 'Kladde',
              editorUpn: madsUpn,
              updatedAt: new Date().toISOString(),
            },
            eTag,
          )
          .then((row) => {
            eTag = row.eTag;
          })
          .finally(() => (saving = null));
      }
      await new Promise((r) => setTimeout(r, opts.typeEveryMs));
    }
    await new Promise((r) => setTimeout(r, 1500));
    const minutes = (performance.now() - started) / 60000;
    const requests = counters.reduce((s, c) => s + c.count, 0) - before;
    const byKind = meter.requests(ATTENDEES.map((a) => `${a}@kommune.example`));
    const scale = 60000 / opts.safetyPollMs;
    delays.sort((a, b) => a - b);
    joinMs.sort((a, b) => a - b);
    return {
      watchers: opts.watchers,
      versionsSeen: `${delays.length}/${opts.watchers * versions}`,
      decisionVisibleP50Ms: percentile(delays, 0.5),
      decisionVisibleP95Ms: percentile(delays, 0.95),
      spRequestsPerWatcherMinute: Math.round((requests / opts.watchers / minutes) * 10) / 10,
      joinP95Ms: percentile(joinMs, 0.95),
      ruPerWatcherMinuteByKind: Object.fromEntries(
        Object.entries(byKind).map(([k, n]) => [
          k,
          Math.round((n / opts.watchers / minutes) * scale * 100) / 100,
        ]),
      ),
    };
  } finally {
    await Promise.all([...channels, ...safety].map((c) => c.leave().catch(() => undefined)));
    await server.close();
    await fluid.close();
  }
}
