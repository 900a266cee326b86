import { DevTokenProvider } from '../src/adapters/auth/devTokenProvider';
import { GraphCalendar } from '../src/adapters/graph/graphCalendar';
import { createGraphConnection } from '../src/adapters/graph/graphClient';
import { MemoryOutbox } from '../src/adapters/memory/memoryOutbox';
import { SharePointListStore } from '../src/adapters/sharepoint/sharePointListStore';
import { SharePointPermissions } from '../src/adapters/sharepoint/sharePointPermissions';
import { createSharePointRest } from '../src/adapters/sharepoint/sharePointRest';
import { openMeeting } from '../src/app/openMeeting';
import { GRAPH_SCOPES } from '../src/config';
import { signInAndFindMeeting } from '../src/entries/openSequence';
import type { HostContext } from '../src/ports/MeetingHost';
import { systemClock } from '../src/ports/Clock';
import { startDemoServer } from '../demo/server';

type HostPath = { urlKey: string | null; meeting: HostContext['meeting'] };

/**
 * Graph round trips from a signed-in page to the meeting on screen, as the page does it (the composition
 * root's signInAndFindMeeting, then openMeeting), per host path: the browser link and a configured Teams
 * tab carry the key in the URL; Outlook gives the item's event id; a Teams meeting chat gives the chat.
 * A "round trip" is a wave of requests in flight together, counted from the requests' start/end times.
 * The token is fetched before (in a tenant it comes from MSAL's cache or nested app authentication).
 */
export async function benchOpenMeeting(opts: { latencyMs: number }): Promise<Record<string, number>> {
  const server = await startDemoServer({
    port: 0,
    db: ':memory:',
    seed: 'demo',
    chaos: { latency: opts.latencyMs },
  });
  const original = globalThis.fetch;
  try {
    const upn = 'erik@kommune.example';
    const tokens = new DevTokenProvider(server.origin, upn);
    await tokens.getToken();
    const connect = () =>
      createGraphConnection({ baseUrl: server.url, tokens, scopes: [...GRAPH_SCOPES.base] });
    const probe = new GraphCalendar(connect(), (h) => h);
    const from = new Date(Date.now() - 60 * 86400000).toISOString();
    const to = new Date(Date.now() + 60 * 86400000).toISOString();
    const meetings = await probe.listMeetings(from, to);
    const upcoming = meetings.find((m) => m.start > new Date().toISOString() && m.joinUrl) ?? meetings[0];
    const chatId = decodeURIComponent(/meetup-join\/([^/]+)/.exec(upcoming.joinUrl ?? '')?.[1] ?? '');
    const hosts: Record<string, HostPath> = {
      browser: { urlKey: upcoming.key, meeting: null },
      teamsTab: { urlKey: upcoming.key, meeting: { chatId } },
      outlook: { urlKey: null, meeting: { eventId: upcoming.id } },
      teamsChat: { urlKey: null, meeting: { chatId } },
    };
    const spans: Array<[number, number]> = [];
    globalThis.fetch = async (input, init) => {
      const start = performance.now();
      try {
        return await original(input, init);
      } finally {
        spans.push([start, performance.now()]);
      }
    };
    const out: Record<string, number> = {};
    for (const [host, path] of Object.entries(hosts)) {
      // A fresh page: nothing cached in the adapters.
      const graph = connect();
      const calendar = new GraphCalendar(graph, (h) => h);
      const rest = createSharePointRest({ siteUrl: `${server.origin}/sites/moeder`, tokens, scopes: [] });
      const lists = new SharePointListStore(graph, 'kommune.sharepoint.com:/sites/moeder', rest);
      spans.length = 0;
      const t0 = performance.now();
      const { me, meetingKey } = await signInAndFindMeeting({
        graph,
        calendar,
        lists,
        urlKey: path.urlKey,
        host: { meeting: path.meeting },
        fallbackUpn: upn,
        readsMeeting: true,
      });
      if (meetingKey !== upcoming.key) throw new Error(`${host}: found ${meetingKey}, not ${upcoming.key}`);
      const deps = {
        me,
        calendar,
        lists,
        permissions: new SharePointPermissions(rest),
        outbox: new MemoryOutbox(),
        clock: systemClock,
      };
      await openMeeting(deps, meetingKey);
      out[`openMeetingRoundTrips.${host}`] = waves(spans);
      out[`openMeetingRequests.${host}`] = spans.length;
      out[`openMeetingMs.${host}`] = Math.round(performance.now() - t0);
    }
    return out;
  } finally {
    globalThis.fetch = original;
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
