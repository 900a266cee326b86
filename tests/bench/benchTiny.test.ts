/**
 * `npm run bench` is a script that prints figures; this only checks that it runs end to end on a tiny
 * configuration and reports every figure the issue asks for (no timing is asserted: shared machines).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

jest.setTimeout(180_000);

test('the benchmark runs on a tiny configuration and prints every figure as one JSON object', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '../../bench/run.ts'), '--tiny', '--json'],
    { cwd: join(__dirname, '../..'), maxBuffer: 10 * 1024 * 1024 },
  );
  const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
  expect(Object.keys(figures).filter((k) => k.endsWith('Error'))).toEqual([]);
  for (const key of [
    'openMeetingRoundTrips',
    'graphServer.itemWritesPerSec',
    'graphServer.filteredReadMs',
    'deltaPolling.decisionVisibleP95Ms',
    'deltaPolling.spRequestsPerWatcherMinute',
    'liveShare.decisionVisibleP95Ms',
    'liveShare.spRequestsPerWatcherMinute',
    'import.fieldAccuracyPct',
    'importGenerated.fieldAccuracyPct',
    'archive.searchWorstMs',
  ])
    expect(typeof figures[key]).toBe('number');
  // Every version the referent typed reached every watcher (possibly superseded by a later one).
  const [seen, sent] = String(figures['liveShare.versionsSeen']).split('/').map(Number);
  expect(seen).toBe(sent);
  expect(figures.openMeetingRoundTrips).toBeLessThanOrEqual(2);
});
