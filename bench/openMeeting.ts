import { DevTokenProvider } from '../src/adapters/auth/devTokenProvider';
import { GraphCalendar } from '../src/adapters/graph/graphCalendar';
import { createGraphConnection } from '../src/adapters/graph/graphClient';
import { MemoryOutbox } from '../src/adapters/memory/memoryOutbox';
import { SharePointListStore } from '../src/adapters/sharepoint/sharePointListStore';
import { SharePointPermissions } from '../src/adapters/sharepoint/sharePointPermissions';
import { createSharePointRest } from '../src/adapters/sharepoint/sharePointRest';
import { openMeeting } from '../src/app/openMeeting';
import { GRAPH_SCOPES } from '../src/config';
import { systemClock } from '../src/ports/Clock';
import { startGraphServer } from '../devServer/server';

/**
 * Graph round trips from page load to interactive on the meeting page, as the page does it: /me, then the
 * calendar copy and the one SharePoint $batch in parallel. A "round trip" is a wave of requests in flight
 * together; counted from the requests' start/end times, not guessed from the elapsed time.
 */
export async function benchOpenMeeting(opts: { latencyMs: number }): Promise<{
  openMeetingRequests: number;
  openMeetingRoundTrips: number;
  openMeetingMs: number;
}> {
  const server = await startGraphServer({
    port: 0,
    db: ':memory:',
    seed: 'demo',
    chaos: { latency: opts.latencyMs },
  });
  try {
    const spans: Array<[number, number]> = [];
    const original = globalThis.fetch;
    const timedFetch: typeof fetch = async (input, init) => {
      const start = performance.now();
      try {
        return await original(input, init);
      } finally {
        spans.push([start, performance.now()]);
      }
    };
    const upn = 'erik@kommune.example';
    const tokens = new DevTokenProvider(server.origin, upn);
    await tokens.getToken();
    globalThis.fetch = timedFetch;
    try {
      const graph = createGraphConnection({ baseUrl: server.url, tokens, scopes: [...GRAPH_SCOPES.base] });
      const calendar = new GraphCalendar(graph, (h) => h);
      const from = new Date(Date.now() - 60 * 86400000).toISOString();
      const to = new Date(Date.now() + 60 * 86400000).toISOString();
      const meetings = await calendar.listMeetings(from, to);
      const upcoming = meetings.find((m) => m.start > new Date().toISOString()) ?? meetings[0];
      spans.length = 0;
      const t0 = performance.now();
      const me = await graph.client.api('/me').get();
      const rest = createSharePointRest({ siteUrl: `${server.origin}/sites/moeder`, tokens, scopes: [] });
      const deps = {
        me: { upn: me.userPrincipalName, name: me.displayName },
        calendar,
        lists: new SharePointListStore(graph, 'kommune.sharepoint.com:/sites/moeder', rest),
        permissions: new SharePointPermissions(rest),
        outbox: new MemoryOutbox(),
        clock: systemClock,
      };
      await openMeeting(deps, upcoming.key);
      return {
        openMeetingRequests: spans.length,
        openMeetingRoundTrips: waves(spans),
        openMeetingMs: Math.round(performance.now() - t0),
      };
    } finally {
      globalThis.fetch = original;
    }
  } finally {
    await server.close();
  }
}

function waves(spans: Array<[number, number]>): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let count = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (s >= end) {
      count += 1;
      end = e;
    } else end = Math.max(end, e);
  }
  return count;
}
