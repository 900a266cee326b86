import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { throttledCaller, type RequestRecord } from '../../cli/verify/target';

/**
 * The kit's requests respect SharePoint's throttling: one at a time per person, and a 429's Retry-After is
 * waited out (through the wait it is given, so nothing here depends on the clock) before the retry.
 */
let server: Server;
let base: string;
let inFlight = 0;
let maxInFlight = 0;
let throttleNext = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setImmediate(() => {
      inFlight--;
      if (throttleNext > 0) {
        throttleNext--;
        res.writeHead(429, { 'Retry-After': '7', 'Content-Type': 'application/json' });
        res.end('{"error":{"code":"TooManyRequests"}}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ path: req.url }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

test("a person's requests go one at a time, even when started together", async () => {
  const log: RequestRecord[] = [];
  const call = throttledCaller(base, async () => 't', 'attendee', log);
  maxInFlight = 0;
  const answers = await Promise.all(['/a', '/b', '/c', '/d'].map((p) => call(p)));
  expect(answers.map((a) => a.body.path)).toEqual(['/a', '/b', '/c', '/d']);
  expect(maxInFlight).toBe(1);
  expect(log.map((r) => [r.as, r.status])).toEqual([
    ['attendee', 200],
    ['attendee', 200],
    ['attendee', 200],
    ['attendee', 200],
  ]);
});

test("a 429 is retried after its Retry-After, and every attempt is in the report's request log", async () => {
  const log: RequestRecord[] = [];
  const waits: number[] = [];
  const call = throttledCaller(base, async () => 't', 'organizer', log, {
    wait: async (ms) => {
      waits.push(ms);
    },
  });
  throttleNext = 2;
  const res = await call('/x', { method: 'POST', body: { a: 1 } });
  expect(res.status).toBe(200);
  expect(waits).toEqual([7000, 7000]);
  expect(log.map((r) => [r.method, r.status])).toEqual([
    ['POST', 429],
    ['POST', 429],
    ['POST', 200],
  ]);
  expect(log[0].answer).toContain('TooManyRequests');
});

test('after its last try the 429 is returned, not retried for ever', async () => {
  const waits: number[] = [];
  const call = throttledCaller(base, async () => 't', 'guest', [], {
    tries: 2,
    wait: async (ms) => {
      waits.push(ms);
    },
  });
  throttleNext = 5;
  expect((await call('/y')).status).toBe(429);
  expect(waits).toEqual([7000]);
  throttleNext = 0;
});
