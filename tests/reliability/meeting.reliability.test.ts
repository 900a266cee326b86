import { runScriptedMeeting, type MeetingScript } from './scriptedMeeting';

jest.setTimeout(180_000);

/** The short form of `npm run soak`: the same script, fewer edits, shorter outages. */
const SHORT: MeetingScript = {
  items: 10,
  editsPerItem: 5,
  editIntervalMs: 120,
  chaos: { latency: 20, throttle: 0.1, error: 0.05, drop: 0.01, retryAfter: 1 },
  offlineAtEdits: [8, 31],
  offlineMs: 1500,
  reloadAtEdit: 19,
  restartAtEdit: 40,
  // Long-lived tokens: the restart with a rotated key makes every cached token invalid at once (a 401 the
  // client must renew from), as when tokens expire or are revoked mid-meeting.
  tokenLifetimeSeconds: 3600,
  seedRandom: 11,
};

test('a chaotic meeting with outages, a reload, a server restart and renewed tokens loses and duplicates nothing', async () => {
  const report = await runScriptedMeeting(SHORT);
  console.log(`reliability (short form): ${JSON.stringify(report)}`);
  expect(report.lostDetails).toEqual([]);
  expect(report.lost).toBe(0);
  expect(report.duplicated).toBe(0);
  expect(report.conflictsShown).toBe(0);
  expect(report.decisionRows).toBe(10);
  expect(report.followUpRows).toBe(10);
  // Graph throttles a mailbox above 4 requests in flight; the client never goes there.
  expect(report.maxInFlight).toBeLessThanOrEqual(4);
});
