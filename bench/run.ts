/**
 * `npm run bench [-- --json] [-- --tiny] [-- --only permissions,archive]`: prints the product's figures. A
 * script, not a test: these machines are shared and noisy, so figures are reported, never asserted.
 * Comparisons are measured in the same run. `--only` runs just the named steps (`budget` needs
 * `watchers`, `liveWatchers` and `permissions` in the same run).
 */
import os from 'node:os';
import { AUTOSAVE_SPACING_MS } from '../src/app/autosaveSpacing';
import { benchOpenMeeting } from './openMeeting';

type Figures = Record<string, unknown>;

async function main() {
  const json = process.argv.includes('--json');
  const tiny = process.argv.includes('--tiny');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean)) : null;
  const figures: Figures = { machine: machine() };
  // Per-role request rates (by SharePoint's kinds) measured by the steps, for the tenant budget.
  const measured: {
    pollingWatcher?: Record<string, number>;
    liveShareWatcher?: Record<string, number>;
    referent?: Record<string, number>;
    meetingStartPermissionRu?: number;
  } = {};
  const step = async (name: string, run: () => Promise<Figures> | Figures) => {
    if (only && !only.has(name)) return;
    const started = Date.now();
    try {
      Object.assign(figures, await run());
    } catch (e) {
      figures[`${name}Error`] = e instanceof Error ? e.message : String(e);
    }
    if (!json) process.stderr.write(`${name}: ${Date.now() - started} ms\n`);
  };

  await step('openMeeting', () => benchOpenMeeting({ latencyMs: 80 }));
  await step('graphServer', async () => {
    const { benchGraphServer } = await import('./graphServer');
    const r = await benchGraphServer({ items: tiny ? 200 : 10000 });
    return Object.fromEntries(Object.entries(r).map(([k, v]) => [`graphServer.${k}`, v]));
  });
  await step('watchers', async () => {
    const { benchWatchers } = await import('./watchers');
    const r = await benchWatchers({
      watchers: tiny ? 5 : 50,
      seconds: tiny ? 5 : 60,
      // The page's interval (src/entries/runtime.ts); shorter on the tiny run so it sees a few polls.
      intervalMs: tiny ? 1000 : 15_000,
      // The referent's autosave spacing (src/app/autosaveSpacing.ts), shorter on the tiny run likewise.
      saveSpacingMs: tiny ? 2000 : AUTOSAVE_SPACING_MS,
      latencyMs: 80,
    });
    measured.pollingWatcher = r.requestsPerWatcherMinuteByKind;
    measured.referent = r.referentRequestsPerMinuteByKind;
    return {
      ...Object.fromEntries(Object.entries(r).map(([k, v]) => [`deltaPolling.${k}`, v])),
      pollingRequestsPerWatcherMinute: r.spRequestsPerWatcherMinute,
      pollingVisibleP50Ms: r.decisionVisibleP50Ms,
      pollingVisibleP95Ms: r.decisionVisibleP95Ms,
    };
  });
  await step('liveWatchers', async () => {
    const { benchLiveWatchers } = await import('./liveWatchers');
    const r = await benchLiveWatchers({
      watchers: tiny ? 5 : 50,
      // Long enough to include each watcher's once-a-minute safety poll.
      seconds: tiny ? 5 : 65,
      typeEveryMs: 200,
      latencyMs: 80,
      safetyPollMs: 600_000,
    });
    measured.liveShareWatcher = r.ruPerWatcherMinuteByKind;
    return Object.fromEntries(Object.entries(r).map(([k, v]) => [`liveShare.${k}`, v]));
  });
  await step('permissions', async () => {
    const r = await (await import('./permissions')).benchPermissions();
    measured.meetingStartPermissionRu = r['permissionOpRu.organizerOpensAtStart'];
    return r;
  });
  await step('budget', async () => {
    const { tenantPeak } = await import('./budget');
    const { pollingWatcher, liveShareWatcher, referent, meetingStartPermissionRu } = measured;
    if (!pollingWatcher || !liveShareWatcher || !referent || meetingStartPermissionRu === undefined)
      throw new Error('a step the budget is computed from failed');
    const peak = tenantPeak({ pollingWatcher, liveShareWatcher, referent, meetingStartPermissionRu });
    return {
      tenantPeakRuPerMinute: peak.total,
      'tenantPeakRu.byKind': peak.byKind,
      'tenantPeakRu.byRole': peak.byRole,
    };
  });
  await step('import', async () => (await import('./archive')).benchImportAccuracy());
  await step('importGenerated', async () =>
    (await import('./importGenerated')).benchImportGenerated(tiny ? 500 : 10000),
  );
  await step('archive', async () => (await import('./archive')).benchArchiveSearch(tiny ? 100 : 1000));
  await step('meetingPackage', async () =>
    (await import('./meetingPackage')).benchMeetingPackage({ items: 10, bilagPerItem: tiny ? 1 : 3 }),
  );
  if (!tiny) {
    const { benchBundleSize, buildPages } = await import('./bundleSize');
    let dist = '';
    await step('bundle', async () => {
      dist = buildPages();
      const r = benchBundleSize(dist);
      return Object.fromEntries(Object.entries(r).map(([k, v]) => [`initialJsGzipKB.${k}`, v]));
    });
    await step('liveTyping', async () => {
      if (!dist) throw new Error('the production build failed');
      const { benchLiveTyping } = await import('./liveTyping');
      // A referent typing a sentence at 150 ms a key, watched by four attendees.
      return benchLiveTyping({
        dist,
        text: 'Rådmanden godkendte indstillingen med de faldne bemærkninger',
        keyDelayMs: 150,
      });
    });
  }

  if (json) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } else {
    const width = Math.max(...Object.keys(figures).map((k) => k.length));
    for (const [k, v] of Object.entries(figures))
      console.log(`${k.padEnd(width)}  ${typeof v === 'object' ? JSON.stringify(v) : v}`);
  }
}

function machine() {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
