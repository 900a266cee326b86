import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startFluidService } from '../devServer/fluidService';
import { startDemoServer } from '../demo/server';
import { percentile } from './demoMeeting';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };
const LIVE = 'Direkte: beslutninger vises, mens referenten skriver.';
const REGION = 'Beslutning for punkt 3';

/**
 * Keystroke → visible in five real Chromium pages of the production build on Live Share (a local Fluid
 * service): the referent types in one, four attendees watch. Per keystroke, the time from the referent's
 * input event until each watcher's page shows that text (a later text counts for the ones it contains).
 * Beside it, in the same run, the round trip of an empty page to the same local web server, so the figure
 * can be read against what this machine does at all.
 */
export async function benchLiveTyping(opts: { dist: string; text: string; keyDelayMs: number }) {
  const web = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
    const file = join(opts.dist, path);
    if (!file.startsWith(opts.dist) || !existsSync(file) || !statSync(file).isFile())
      return void res.writeHead(404).end('');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
  const address = web.address();
  const appUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
  const [graph, fluid] = await Promise.all([
    startDemoServer({ port: 0, db: ':memory:', seed: 'demo', devOrigins: [appUrl] }),
    startFluidService(),
  ]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const token = async (upn: string) =>
      (
        (await (
          await fetch(`${graph.origin}/_dev/token`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Dev-Secret': graph.devSecret },
            body: JSON.stringify({ upn }),
          })
        ).json()) as { access_token: string }
      ).access_token;
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 30 * 86400000).toISOString();
    const events = (await (
      await fetch(
        `${graph.url}/me/calendarView?startDateTime=${from}&endDateTime=${to}&$orderby=start/dateTime`,
        { headers: { Authorization: `Bearer ${await token('sofie@kommune.example')}` } },
      )
    ).json()) as { value: Array<{ iCalUId: string }> };
    const key = events.value[0].iCalUId;
    const open = async (name: string): Promise<Page> => {
      const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
      const page = await context.newPage();
      const query = new URLSearchParams({
        as: `${name}@kommune.example`,
        graphPort: new URL(graph.origin).port,
        meeting: key,
        live: String(fluid.port),
        poll: '600000',
      });
      await page.goto(`${appUrl}/meeting.html?${query}`);
      await page.getByText(LIVE).waitFor({ timeout: 60_000 });
      return page;
    };
    const referent = await open('mads');
    const watchers = await Promise.all(['erik', 'louise', 'anders', 'sofie'].map(open));

    // Baseline: an empty page's round trip to the local web server, timed in the page.
    const empty = await (await browser.newContext()).newPage();
    await empty.goto(`${appUrl}/auth-redirect.html`); // the app's empty page
    const baseline = await empty.evaluate(async () => {
      const out: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        await fetch(location.href, { cache: 'no-store' });
        out.push(performance.now() - t0);
      }
      return out.sort((a, b) => a - b);
    });

    // An attendee sees the decision as a region, the organizer (sofie) in an editor of her own: each page
    // samples what it shows every 5 ms.
    for (const w of watchers)
      await w
        .getByRole('region', { name: REGION })
        .or(w.getByRole('textbox', { name: REGION }))
        .evaluate((el) => {
          const seen: Array<[number, string]> = [];
          (window as unknown as { seen: typeof seen }).seen = seen;
          // No named functions in here: tsx would wrap them in a helper the page does not have.
          let last = el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? '');
          setInterval(() => {
            const now = el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? '');
            if (now !== last) seen.push([performance.timeOrigin + performance.now(), (last = now)]);
          }, 5);
        });
    const box = referent.getByRole('textbox', { name: REGION });
    await box.click();
    await box.evaluate((input: HTMLTextAreaElement) => {
      const typed: Array<[number, string]> = [];
      (window as unknown as { typed: typeof typed }).typed = typed;
      input.addEventListener('input', () =>
        typed.push([performance.timeOrigin + performance.now(), input.value]),
      );
    });
    await box.pressSequentially(opts.text, { delay: opts.keyDelayMs });
    // Every watcher has shown the whole text (the organizer's editor too).
    await Promise.all(
      watchers.map((w) =>
        w.waitForFunction(
          (text) =>
            (window as unknown as { seen: Array<[number, string]> }).seen.some(([, v]) => v.includes(text)),
          opts.text,
          { timeout: 30_000 },
        ),
      ),
    );
    const typed = await referent.evaluate(
      () => (window as unknown as { typed: Array<[number, string]> }).typed,
    );
    const delays: number[] = [];
    for (const w of watchers) {
      const seen = await w.evaluate(() => (window as unknown as { seen: Array<[number, string]> }).seen);
      // Texts of four characters and more: shorter ones could match the region's own words.
      for (const [at, value] of typed.filter(([, v]) => v.length >= 4)) {
        const shown = seen.find(([, text]) => text.includes(value));
        if (shown) delays.push(Math.max(0, shown[0] - at));
      }
    }
    delays.sort((a, b) => a - b);
    return {
      keystrokeToVisibleP50Ms: percentile(delays, 0.5),
      keystrokeToVisibleP95Ms: percentile(delays, 0.95),
      keystrokesMeasured: delays.length,
      emptyPageRoundTripP50Ms: percentile(baseline, 0.5),
      emptyPageRoundTripP95Ms: percentile(baseline, 0.95),
    };
  } finally {
    await browser.close();
    await new Promise((r) => web.close(r));
    await graph.close();
    await fluid.close();
  }
}
