/**
 * One retry policy per write (issue 26, point 5): on a page, a write the outbox owns is sent once by the
 * transport — the Graph SDK's RetryHandler and PnPjs' fetch-with-retry leave it to the outbox — while reads
 * keep the transport's retries. Counted against a local HTTP server that refuses with 503/429.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runBatch } from '../../src/adapters/graph/batch';
import { createGraphConnection, type GraphConnection } from '../../src/adapters/graph/graphClient';
import { mapGraphError } from '../../src/adapters/graph/graphErrors';
import { createSharePointRest } from '../../src/adapters/sharepoint/sharePointRest';
import type { WriteRetries } from '../../src/adapters/writeRetries';
import { LiveRecorder } from '../../src/app/liveRecorder';
import { openMeeting } from '../../src/app/openMeeting';
import { assignReferent } from '../../src/app/assignReferent';
import type { Decision } from '../../src/domain/decision';
import type { MeetingKey } from '../../src/domain/meeting';
import { PortError } from '../../src/ports/errors';
import type { ListStore, Stored } from '../../src/ports/ListStore';
import type { TokenProvider } from '../../src/ports/TokenProvider';
import { fakeTimers } from '../support/fakeTimers';
import { KEY, people, world } from '../app/fixtures';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';

const tokens: TokenProvider = {
  getToken: async () => 'tok',
  account: async () => null,
  signOut: async () => {},
};

interface Hit {
  method: string;
  url: string;
}

/** A server that answers every request with `answer` (503 with Retry-After: 0 unless told otherwise). */
async function refusingServer(
  answer: (hit: Hit, body: string) => { status: number; body: unknown } = () => ({
    status: 503,
    body: { error: { code: 'serviceNotAvailable', message: 'Try again' } },
  }),
) {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const hit = { method: req.method ?? 'GET', url: req.url ?? '' };
      hits.push(hit);
      const { status, body: out } = answer(hit, body);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Retry-After': '0' });
      res.end(JSON.stringify(out));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { hits, origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const graphOf = (origin: string, writeRetries: WriteRetries) =>
  createGraphConnection({
    baseUrl: `${origin}/v1.0`,
    tokens,
    scopes: [],
    retryDelaySeconds: 0,
    writeRetries,
  });

const kindOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof PortError ? e.kind : mapGraphError(e).kind),
  );

let server: Awaited<ReturnType<typeof refusingServer>>;
afterEach(() => server.close());

describe('Graph client chain', () => {
  test('a page’s refused write is sent once; the same read is retried by the SDK', async () => {
    server = await refusingServer();
    const graph = graphOf(server.origin, 'owner');
    expect(
      await kindOf(graph.client.api('/sites/s/lists/Decisions/items/7/fields').patch({ Text: 'x' })),
    ).toBe('Unavailable');
    expect(server.hits.filter((h) => h.method === 'PATCH')).toHaveLength(1);
    expect(await kindOf(graph.client.api('/sites/s/lists/Decisions/items/7').get())).toBe('Unavailable');
    expect(server.hits.filter((h) => h.method === 'GET')).toHaveLength(1 + 3);
  });

  test('a tool without an outbox keeps the SDK’s retries for writes', async () => {
    server = await refusingServer();
    const graph = graphOf(server.origin, 'transport');
    await kindOf(graph.client.api('/sites/s/lists/Decisions/items/7/fields').patch({ Text: 'x' }));
    expect(server.hits.filter((h) => h.method === 'PATCH')).toHaveLength(1 + 3);
  });

  test('a $batch of reads keeps its retries, a $batch with a write step is sent once', async () => {
    server = await refusingServer();
    const graph = graphOf(server.origin, 'owner');
    const noSleep = async () => undefined;
    await kindOf(runBatch(graph, [{ id: 'r', method: 'GET', url: '/me' }], { sleep: noSleep }));
    expect(server.hits).toHaveLength(1 + 3);
    server.hits.length = 0;
    await kindOf(
      runBatch(graph, [{ id: 'w', method: 'PATCH', url: '/x/1', body: { a: 1 } }], { sleep: noSleep }),
    );
    expect(server.hits).toHaveLength(1);
  });

  test('a throttled write step inside a 200 batch comes back to its owner instead of being sent again', async () => {
    server = await refusingServer((_hit, body) => ({
      status: 200,
      body: {
        responses: (JSON.parse(body) as { requests: Array<{ id: string }> }).requests.map((r) => ({
          id: r.id,
          status: 429,
          headers: { 'Retry-After': '0' },
          body: { error: { code: 'TooManyRequests', message: 'Slow down' } },
        })),
      },
    }));
    const answers = await runBatch(graphOf(server.origin, 'owner'), [
      { id: 'w', method: 'PATCH', url: '/x/1', body: { a: 1 } },
    ]);
    expect(answers.get('w')?.status).toBe(429);
    expect(server.hits).toHaveLength(1);
  });
});

describe('SharePoint REST (PnPjs)', () => {
  test('a page’s refused write is sent once; a read is retried by PnPjs', async () => {
    server = await refusingServer();
    const rest = createSharePointRest({
      siteUrl: `${server.origin}/sites/moeder`,
      tokens,
      scopes: [],
      retryIntervalMs: 1,
      writeRetries: 'owner',
    });
    const list = rest.sp.web.lists.getByTitle('Decisions');
    expect(await kindOf(list.items.getById(7).update({ Title: 'x' }))).toBe('Unavailable');
    expect(server.hits.filter((h) => h.method === 'POST')).toHaveLength(1);
    expect(await kindOf(list.items.getById(7)())).toBe('Unavailable');
    expect(server.hits.filter((h) => h.method === 'GET')).toHaveLength(4);
  });
});

describe('the outbox owns the write', () => {
  /** The recorder's decisions written by one Graph PATCH through a page's chain (the rest in memory). */
  function patchingDecisions(store: ListStore, graph: GraphConnection): ListStore {
    return new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'saveDecision')
          return async (key: MeetingKey, d: Decision, eTag?: string): Promise<Stored<Decision>> => {
            try {
              await graph.client.api(`/sites/s/lists/Decisions/items/${d.itemNumber}/fields`).patch(d);
            } catch (e) {
              throw mapGraphError(e);
            }
            return target.saveDecision(key, d, eTag);
          };
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  test('one refused write is one request per attempt of the outbox, and lands when the server is back', async () => {
    let up = false;
    server = await refusingServer(() =>
      up
        ? { status: 200, body: {} }
        : { status: 503, body: { error: { code: 'serviceNotAvailable', message: 'Try again' } } },
    );
    const w = world();
    const sofie = w.as(people.sofie);
    await assignReferent(sofie, await openMeeting(sofie, KEY), people.mads);
    const base = w.as(people.mads);
    const mads = { ...base, lists: patchingDecisions(base.lists, graphOf(server.origin, 'owner')) };
    // Each flush is one attempt of the outbox (the debounce and back-off timers are fake and never run).
    const recorder = new LiveRecorder(mads, await openMeeting(mads, KEY), { timers: fakeTimers() });
    await recorder.editDecision({
      itemNumber: 1,
      itemTitle: 'Dagsorden',
      text: 'Godkendt.',
      status: 'Kladde',
    });
    await recorder.flush();
    expect(server.hits).toHaveLength(1);
    expect(recorder.state(LiveRecorder.decisionSlot(KEY, 1))).toEqual({ kind: 'saving' });
    await recorder.flush();
    expect(server.hits).toHaveLength(2);
    up = true;
    await recorder.flush();
    expect(server.hits).toHaveLength(3);
    expect((await w.lists.openMeeting(KEY)).decisions.map((d) => d.value.text)).toEqual(['Godkendt.']);
    expect(await base.outbox.list()).toEqual([]);
    recorder.stop();
  });
});
