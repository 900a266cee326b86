/**
 * The reliability meeting in Chromium (the short form; `npm run soak` is the long one): the referent types
 * decisions and follow-ups for 10 items at several edits per second while the local Graph server injects
 * latency, 429s, 5xx and dropped connections; the browser goes offline twice and the page is reloaded
 * mid-sentence. At the end the SharePoint lists (read through Graph) hold exactly the last text of every
 * item: lost and duplicated writes are counted and must be 0.
 */
import { openMeeting } from '../../src/app/openMeeting';
import { saveAgenda } from '../../src/app/sendAgenda';
import { depsAs } from '../support/nodeDeps';
import { nextMeetingKey, startStack, type Stack } from './harness';

jest.setTimeout(240_000);
let stack: Stack;
let key: string;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  stack = await startStack();
  key = await nextMeetingKey(stack);
  // Ten items on the agenda, saved by the organizer through the add-in's own use case (so the rows live in
  // the meeting's folder under its permissions); the agenda is not under test.
  const sofie = depsAs(stack.graph, 'sofie@kommune.example');
  const view = await openMeeting(sofie, key);
  await saveAgenda(
    sofie,
    view,
    Array.from({ length: 10 }, (_v, i) => ({
      id: `chaos-${i + 1}`,
      number: i + 1,
      title: `Punkt til prøve ${i + 1}`,
      category: 'Til drøftelse' as const,
      durationMinutes: 10,
      guests: [],
      closed: false,
      attachments: [],
    })),
  );
});
afterAll(() => stack?.close());

test('nothing typed is lost or written twice under chaos, outages and a reload', async () => {
  const { context, open } = await stack.person('mads@kommune.example');
  const page = await open('meeting.html', { meeting: key });
  await page
    .getByRole('textbox', { name: 'Beslutning for punkt 10', exact: true })
    .waitFor({ timeout: 20_000 });
  stack.graph.setChaos({ latency: 40, throttle: 0.1, error: 0.05, drop: 0.01, retryAfter: 1 });
  const before = (await (await fetch(`${stack.graph.origin}/_dev/stats`)).json()) as {
    byUser: Record<string, number>;
  };

  const last = new Map<number, string>();
  let edit = 0;
  let onlineAt = 0;
  for (let n = 1; n <= 10; n++) {
    const box = () => page.getByRole('textbox', { name: `Beslutning for punkt ${n}`, exact: true });
    let text = '';
    for (let e = 1; e <= 4; e++) {
      edit++;
      if (edit === 6 || edit === 26) {
        await context.setOffline(true);
        onlineAt = Date.now() + 4000;
        setTimeout(() => void context.setOffline(false), 4000);
      }
      if (edit === 17) {
        // Reload mid-sentence (once the network is back: a browser cannot load a page offline): the
        // outbox (IndexedDB) must carry the unsent text across.
        await sleep(Math.max(0, onlineAt - Date.now() + 100));
        await page.reload();
        await box().waitFor({ timeout: 20_000 });
        text = await box().inputValue();
      }
      text = `${text}${text ? ' ' : ''}ord${e}`;
      await box().fill(`Beslutning ${n}: ${text}`);
      last.set(n, `Beslutning ${n}: ${text}`);
      await sleep(150);
    }
    await box().blur();
    const followUp = page.getByRole('textbox', { name: `Opfølgning for punkt ${n}`, exact: true });
    await followUp.fill(`FAS følger op på punkt ${n}`);
    await page
      .getByRole('button', { name: 'Tilføj opfølgning' })
      .nth(n - 1)
      .click();
  }
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));

  const sofie = await stack.graphAs('sofie@kommune.example');
  const rows = async (list: string) => {
    // The checker reads through the same chaotic server: a dropped connection or a 5xx means "read again".
    const res = await sofie(
      `/sites/kommune.sharepoint.com:/sites/moeder:/lists/${list}/items?$expand=fields&$top=999&$filter=${encodeURIComponent(`fields/MeetingKey eq '${key}'`)}`,
    ).catch(() => null);
    if (res?.status !== 200) return null;
    return ((await res.json()) as { value: Array<{ fields: Record<string, unknown> }> }).value.map(
      (v) => v.fields,
    );
  };
  let lost: string[] = [];
  let duplicated = 0;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const decisions = await rows('Decisions');
    const followUps = await rows('FollowUps');
    if (decisions && followUps) {
      lost = [...last]
        .filter(([n, t]) => decisions.find((d) => d.ItemNumber === n)?.Text !== t)
        .map(([n]) => `punkt ${n}`);
      lost.push(
        ...[...last.keys()]
          .filter(
            (n) => !followUps.some((f) => f.ItemNumber === n && String(f.Task).startsWith('FAS følger op')),
          )
          .map((n) => `opfølgning ${n}`),
      );
      const counts = new Map<number, number>();
      for (const d of decisions)
        counts.set(Number(d.ItemNumber), (counts.get(Number(d.ItemNumber)) ?? 0) + 1);
      duplicated = [...counts.values()].reduce((s, c) => s + c - 1, 0) + Math.max(0, followUps.length - 10);
      if (lost.length === 0) break;
    }
    await sleep(500);
  }
  stack.graph.setChaos({});
  const after = (await (await fetch(`${stack.graph.origin}/_dev/stats`)).json()) as {
    byUser: Record<string, number>;
    maxInFlightByUser: Record<string, number>;
  };
  const requests = (after.byUser['mads@kommune.example'] ?? 0) - (before.byUser['mads@kommune.example'] ?? 0);
  console.log(
    `browser chaos meeting: ${JSON.stringify({ edits: edit, lost: lost.length, duplicated, referentRequests: requests, requestsPerEdit: Math.round((requests / edit) * 100) / 100, maxInFlight: after.maxInFlightByUser['mads@kommune.example'] })}`,
  );
  expect(lost).toEqual([]);
  expect(duplicated).toBe(0);
  expect(after.maxInFlightByUser['mads@kommune.example']).toBeLessThanOrEqual(4);
});
