import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ChaosOptions } from '../../devServer/chaos';
import { startDemoServer } from '../../demo/server';
import { connectBrowser } from './browser';

export const DIST = join(__dirname, '../../.cache/e2e-dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Serves the pages built once by tests/e2e/globalSetup.ts, as `npm start` serves them. */
function serveStatic(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(DIST, path === '/' ? 'meeting.html' : path);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://localhost:${port}` });
    }),
  );
}

export interface Stack {
  graph: Awaited<ReturnType<typeof startDemoServer>>;
  appUrl: string;
  browser: Browser;
  graphPort: number;
  /** A fresh browser context (its own IndexedDB) acting as one person. */
  person(upn: string): Promise<{
    context: BrowserContext;
    open: (page: string, query?: Record<string, string>) => Promise<Page>;
  }>;
  /** Graph as a person, for checking the SharePoint lists behind the screen. */
  graphAs(upn: string): Promise<(path: string, init?: RequestInit) => Promise<Response>>;
  close(): Promise<void>;
}

export async function startStack(options: { chaos?: ChaosOptions } = {}): Promise<Stack> {
  const web = await serveStatic();
  // The pages' origin is the only one that may call /_dev/* (tokens, live registry), as with npm start.
  const graph = await startDemoServer({
    port: 0,
    db: ':memory:',
    seed: 'demo',
    chaos: options.chaos,
    devOrigins: [web.url],
  });
  const graphPort = Number(new URL(graph.origin).port);
  const browser = await connectBrowser();
  const graphAs = async (upn: string) => {
    const { access_token } = (await (
      await fetch(`${graph.origin}/_dev/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ upn }),
      })
    ).json()) as { access_token: string };
    return (path: string, init: RequestInit = {}) =>
      fetch(`${graph.url}${path}`, {
        ...init,
        headers: {
          Authorization: `Bearer ${access_token}`,
          'Content-Type': 'application/json',
          ...(init.headers ?? {}),
        },
      });
  };
  return {
    graph,
    graphPort,
    appUrl: web.url,
    browser,
    graphAs,
    async person(upn: string) {
      const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
      return {
        context,
        open: async (page: string, query: Record<string, string> = {}) => {
          const p = await context.newPage();
          // The live channel only where a test starts its own Fluid service (`live: port`).
          const params = new URLSearchParams({
            as: upn,
            graphPort: String(graphPort),
            live: 'off',
            ...query,
          });
          await p.goto(`${web.url}/${page}?${params}`);
          return p;
        },
      };
    },
    async close() {
      await browser.close();
      await new Promise((r) => web.server.close(r));
      await graph.close();
    },
  };
}

/** The demo tenant's next meeting (first in Sofie's calendar from now on): the one most tests act out. */
export async function nextMeetingKey(stack: Stack): Promise<string> {
  const sofie = await stack.graphAs('sofie@kommune.example');
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 30 * 86400000).toISOString();
  const res = await sofie(`/me/calendarView?startDateTime=${from}&endDateTime=${to}&$orderby=start/dateTime`);
  return ((await res.json()) as { value: Array<{ iCalUId: string }> }).value[0].iCalUId;
}
