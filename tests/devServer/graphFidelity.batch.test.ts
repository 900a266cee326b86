/**
 * $batch as Graph answers it ("Combine multiple HTTP requests using JSON batching"): at most 20 requests,
 * each response step carrying its own headers (a JSON body with its Content-Type, also on a 424), and no
 * batch inside a batch (security issue #13: the 20-request cap must hold through nesting too).
 */
import { localOnly, target, type Caller, type Target } from './target';

let t: Target;
let me: Caller;
const GRAPH_JSON =
  'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';
type Step = {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: { error?: { code: string } };
};

beforeAll(async () => {
  t = await target();
  me = await t.as('sofie@kommune.example');
});
afterAll(() => t.close());

const batch = (requests: unknown[]) => me('/$batch', { method: 'POST', body: { requests } });

describe('$batch', () => {
  test('each step with a JSON body says its Content-Type, the failed dependency (424) too', async () => {
    const res = await batch([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: '/me/events/not-an-id' },
      { id: '3', method: 'GET', url: '/me', dependsOn: ['2'] },
    ]);
    expect(res.status).toBe(200);
    const steps = new Map<string, Step>(res.body.responses.map((r: Step) => [r.id, r]));
    for (const id of ['1', '2', '3'])
      expect(steps.get(id)!.headers?.['Content-Type']).toMatch(/^application\/json/);
    expect(steps.get('2')!.status).toBe(400);
    expect(steps.get('3')!.status).toBe(424);
  });

  test('21 requests are refused with 400', async () => {
    const res = await batch(
      Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' })),
    );
    expect(res.status).toBe(400);
  });
});

localOnly('$batch (local server)', () => {
  test("steps carry exactly Graph's Content-Type", async () => {
    const res = await batch([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: '/me/events/not-an-id' },
      { id: '3', method: 'GET', url: '/me', dependsOn: ['2'] },
    ]);
    for (const step of res.body.responses as Step[]) expect(step.headers?.['Content-Type']).toBe(GRAPH_JSON);
    expect(res.headers.get('content-type')).toBe(GRAPH_JSON);
  });

  test.each(['$batch', '/$batch', '/v1.0/$batch', 'v1.0/$batch', '/v1.0/%24batch', '/$batch?x=1'])(
    'a nested batch (%s) refuses the whole batch with 400 and runs none of it',
    async (url) => {
      const before = (await me('/me/events?$top=1000')).body.value.length;
      const res = await batch([
        {
          id: '1',
          method: 'POST',
          url: '/me/events',
          headers: { 'Content-Type': 'application/json' },
          body: {
            subject: 'Må ikke oprettes',
            start: { dateTime: '2031-03-04T10:00:00', timeZone: 'UTC' },
            end: { dateTime: '2031-03-04T11:00:00', timeZone: 'UTC' },
          },
        },
        {
          id: '2',
          method: 'POST',
          url,
          headers: { 'Content-Type': 'application/json' },
          body: {
            requests: Array.from({ length: 20 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })),
          },
        },
      ]);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BadRequest');
      expect((await me('/me/events?$top=1000')).body.value.length).toBe(before);
    },
  );

  test('a client cannot pass for an inner batch request: a spoofed marker header is ignored', async () => {
    const res = await me('/$batch', {
      method: 'POST',
      headers: { 'x-graph-batch': '1' },
      body: { requests: [{ id: '1', method: 'GET', url: '/me' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.responses[0].status).toBe(200);
  });

  test('an absolute inner URL is refused, as Graph refuses it ("Invalid batch payload format")', async () => {
    const res = await batch([{ id: '1', method: 'GET', url: `${t.base}/me` }]);
    expect(res.status).toBe(400);
  });

  test('Prefer inside a step is honoured and its Preference-Applied is passed on', async () => {
    const e = (
      await me('/me/events', {
        method: 'POST',
        body: {
          subject: 'I batch',
          start: { dateTime: '2031-03-04T11:00:00', timeZone: 'Romance Standard Time' },
          end: { dateTime: '2031-03-04T12:00:00', timeZone: 'Romance Standard Time' },
        },
      })
    ).body;
    const res = await batch([
      {
        id: '1',
        method: 'GET',
        url: `/me/events/${e.id}`,
        headers: { Prefer: 'outlook.timezone="W. Europe Standard Time"' },
      },
    ]);
    const step = res.body.responses[0];
    expect(step.body.start).toEqual({
      dateTime: '2031-03-04T11:00:00.0000000',
      timeZone: 'W. Europe Standard Time',
    });
    expect(step.headers['Preference-Applied']).toBe('outlook.timezone="W. Europe Standard Time"');
  });
});
