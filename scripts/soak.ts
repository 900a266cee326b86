/**
 * `npm run soak`: the long form of tests/reliability — a 2-hour meeting compressed to a few minutes
 * (10 items, 40 edits each at ~7 per second, chaos latency=80,throttle=0.1,error=0.05,drop=0.01, the
 * network away for 30 s twice, a reload mid-sentence, the server killed and restarted with a rotated
 * key), then the same short meeting with and without throttling, to show what throttling costs.
 * Prints figures; `-- --json` for one JSON object.
 */
import { runScriptedMeeting, type MeetingScript } from '../tests/reliability/scriptedMeeting';

const LONG: MeetingScript = {
  items: 10,
  editsPerItem: 40,
  editIntervalMs: 150,
  chaos: { latency: 80, throttle: 0.1, error: 0.05, drop: 0.01, retryAfter: 1 },
  offlineAtEdits: [90, 260],
  offlineMs: 30_000,
  reloadAtEdit: 175,
  restartAtEdit: 330,
  tokenLifetimeSeconds: 3600,
  seedRandom: 2024,
};

const COMPARE = (throttle: number): MeetingScript => ({
  items: 10,
  editsPerItem: 10,
  editIntervalMs: 100,
  chaos: { latency: 80, throttle, retryAfter: 1 },
  offlineAtEdits: [],
  offlineMs: 0,
  reloadAtEdit: -1,
  restartAtEdit: -1,
  tokenLifetimeSeconds: 3600,
  seedRandom: 5,
});

async function main() {
  const json = process.argv.includes('--json');
  const long = await runScriptedMeeting(LONG);
  const calm = await runScriptedMeeting(COMPARE(0));
  const throttled = await runScriptedMeeting(COMPARE(0.3));
  const figures = {
    'soak.editsTyped': long.editsTyped,
    'soak.itemsAndFollowUpsInSharePoint': `${long.decisionRows} + ${long.followUpRows}`,
    'soak.lost': long.lost,
    'soak.duplicated': long.duplicated,
    'soak.conflictsShown': long.conflictsShown,
    'soak.referentRequests': long.referentRequests,
    'soak.requestsPerEdit': long.requestsPerEdit,
    'soak.maxInFlightPerMailbox': long.maxInFlight,
    'soak.durationMs': long.durationMs,
    'throttling.requestsWithout': calm.referentRequests,
    'throttling.requestsWith30pct429': throttled.referentRequests,
    'throttling.lostWith': throttled.lost,
    'throttling.maxInFlightWith': throttled.maxInFlight,
  };
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(36)} ${v}`);
  if (long.lost || long.duplicated || throttled.lost) {
    console.error(long.lostDetails.join('\n'));
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
