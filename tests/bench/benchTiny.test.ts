/**
 * `npm run bench` is a script that prints figures; this only checks that it runs end to end on a tiny
 * configuration and reports every figure the issue asks for (no timing is asserted: shared machines).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withSeeds } from '../support/seeds';

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
    'openMeetingRoundTrips.browser',
    'openMeetingRoundTrips.teamsTab',
    'openMeetingRoundTrips.outlook',
    'openMeetingRoundTrips.teamsChat',
    'pollingRequestsPerWatcherMinute',
    'pollingVisibleP50Ms',
    'pollingVisibleP95Ms',
    'tenantPeakRuPerMinute',
    'graphServer.itemWritesPerSec',
    'graphServer.filteredReadMs',
    'deltaPolling.decisionVisibleP95Ms',
    'deltaPolling.spRequestsPerWatcherMinute',
    'liveShare.decisionVisibleP95Ms',
    'liveShare.spRequestsPerWatcherMinute',
    'importGenerated.fieldAccuracyPct',
    'archive.searchWorstMs',
    'permissionCalls.perMeeting',
    'permissionCalls.committee.perMeeting',
    'uniqueScopes.committee.perMeeting',
    'meetingPackage.buildMs',
    'meetingPackage.sizeKB',
    'meetingPackage.overheadPct',
  ])
    expect(typeof figures[key]).toBe('number');
  // The import's accuracy is measured on the real exports, which a clone alone does not have: then it says so.
  if (withSeeds) expect(typeof figures['import.fieldAccuracyPct']).toBe('number');
  else expect(figures['import.skipped']).toMatch(/is not there/);
  // Every version the referent typed reached every watcher (possibly superseded by a later one).
  const [seen, sent] = String(figures['liveShare.versionsSeen']).split('/').map(Number);
  expect(seen).toBe(sent);
  // The budget comes with its breakdown, by SharePoint's kinds and by role.
  expect(Object.keys(figures['tenantPeakRu.byKind'] as object)).toEqual(
    expect.arrayContaining(['deltaWithToken', 'singleItem', 'multiItem', 'write', 'permission']),
  );
  expect(Object.keys(figures['tenantPeakRu.byRole'] as object)).toEqual(
    expect.arrayContaining(['pollingWatchers', 'liveShareWatchers', 'referentsTyping']),
  );
  // With the key known, the page is open after one Graph round trip (a count, not a timing).
  expect(figures['openMeetingRoundTrips.browser']).toBe(1);
});
