import { DevTokenProvider } from '../src/adapters/auth/devTokenProvider';
import { createGraphConnection, type GraphConnection } from '../src/adapters/graph/graphClient';
import { SharePointListStore } from '../src/adapters/sharepoint/sharePointListStore';
import { createSharePointRest } from '../src/adapters/sharepoint/sharePointRest';

export const SITE = 'kommune.sharepoint.com:/sites/moeder';
export const ATTENDEES = ['anders', 'erik', 'louise', 'sofie'];

/** A Graph connection per demo person against a local server (each with its own request counter). */
export const connections =
  (server: { url: string; origin: string }) =>
  (upn: string): GraphConnection =>
    createGraphConnection({
      baseUrl: server.url,
      tokens: new DevTokenProvider(server.origin, upn),
      scopes: [],
    });

/** A person's ListStore over a Graph connection from `connections`, with SharePoint REST for folder rows. */
export const listsFor =
  (server: { url: string; origin: string }) =>
  (graph: GraphConnection, upn: string): SharePointListStore =>
    new SharePointListStore(
      graph,
      SITE,
      createSharePointRest({
        siteUrl: `${server.origin}/sites/moeder`,
        tokens: new DevTokenProvider(server.origin, upn),
        scopes: [],
      }),
    );

/** The demo tenant's next meeting, from Sofie's calendar. */
export async function nextMeetingKey(conn: (upn: string) => GraphConnection): Promise<string> {
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 30 * 86400000).toISOString();
  const events = (await conn('sofie@kommune.example')
    .client.api('/me/calendarView')
    .query({ startDateTime: from, endDateTime: to })
    .orderby('start/dateTime')
    .get()) as { value: Array<{ iCalUId: string }> };
  return events.value[0].iCalUId;
}

/** p-th percentile of sorted numbers, rounded (NaN when empty). */
export const percentile = (sorted: number[], p: number): number =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN);
