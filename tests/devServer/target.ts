import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import type { ChaosOptions } from '../../devServer/chaos';

/**
 * Where the Graph contract runs: the local server (default), or real Microsoft Graph when
 * GRAPH_BASE_URL and GRAPH_TOKEN (and GRAPH_SITE, e.g. "contoso.sharepoint.com:/sites/moeder") are set.
 * Multi-person and dev-only cases run locally only.
 */
export const REMOTE = !!(process.env.GRAPH_BASE_URL && process.env.GRAPH_TOKEN);
export const SITE_PATH = process.env.GRAPH_SITE ?? 'kommune.sharepoint.com:/sites/moeder';

export interface Target {
  base: string;
  server?: GraphServer;
  as(upn?: string): Promise<Caller>;
  close(): Promise<void>;
}

export type Caller = (
  path: string,
  init?: { method?: string; body?: unknown; headers?: Record<string, string>; raw?: string },
) => Promise<{ status: number; body: any; headers: Headers }>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function target(
  options: { chaos?: ChaosOptions; db?: string; seed?: 'demo' | 'none' } = {},
): Promise<Target> {
  if (REMOTE) {
    const base = process.env.GRAPH_BASE_URL!.replace(/\/+$/, '');
    return { base, as: async () => caller(base, process.env.GRAPH_TOKEN!), close: async () => undefined };
  }
  const server = await startDemoServer({
    port: 0,
    db: options.db ?? ':memory:',
    seed: options.seed ?? 'demo',
    chaos: options.chaos,
    seedRandom: 42,
  });
  return {
    base: server.url,
    server,
    as: async (upn = 'sofie@kommune.example') => caller(server.url, await devToken(server.origin, upn)),
    close: () => server.close(),
  };
}

export async function devToken(origin: string, upn: string, expiresIn?: number): Promise<string> {
  const res = await fetch(`${origin}/_dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ upn, expires_in: expiresIn }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

export function caller(base: string, token: string | null): Caller {
  return async (path, init = {}) => {
    const res = await fetch(path.startsWith('http') ? path : `${base}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(init.body !== undefined || init.raw ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
      body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, headers: res.headers };
  };
}

export const localOnly = REMOTE ? describe.skip : describe;
