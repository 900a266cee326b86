import type { Db } from './db';
import type { TokenClaims } from './auth';

export interface Ctx {
  db: Db;
  me: TokenClaims;
  method: string;
  /** Path below /v1.0, decoded, e.g. "/me/events/abc". */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: unknown;
  /** Absolute base for links, e.g. "http://localhost:4000/v1.0". */
  base: string;
  now: () => Date;
}

export interface Result {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: Buffer;
}

export type Handler = (ctx: Ctx, params: string[]) => Result | Promise<Result>;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

export const ok = (body: unknown, status = 200, headers?: Record<string, string>): Result => ({
  status,
  body,
  headers,
});
export const noContent = (): Result => ({ status: 204 });

/** Graph's dateTime shape: "2024-02-20T10:00:00.0000000" with timeZone UTC. */
export const graphDateTime = (iso: string) => ({
  dateTime: new Date(iso)
    .toISOString()
    .replace('Z', '')
    .replace(/\.(\d{3})$/, '.$10000'),
  timeZone: 'UTC',
});

export function paged<T>(ctx: Ctx, rows: T[], defaultTop = 100): { value: T[]; '@odata.nextLink'?: string } {
  const top = Math.min(Number(ctx.query.$top ?? defaultTop) || defaultTop, 999);
  const skip = Number(ctx.query.$skip ?? 0) || 0;
  const page = rows.slice(skip, skip + top);
  const out: { value: T[]; '@odata.nextLink'?: string } = { value: page };
  if (skip + top < rows.length) {
    const q = Object.entries({ ...ctx.query, $skip: String(skip + top), $top: String(top) })
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&');
    out['@odata.nextLink'] = `${ctx.base}${encodePath(ctx.path)}?${q}`;
  }
  return out;
}

export const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/').replace(/%3A/g, ':');

export function select<T extends Record<string, unknown>>(obj: T, spec: string | undefined): Partial<T> {
  if (!spec) return obj;
  const keys = new Set(['id', ...spec.split(',').map((s) => s.trim())]);
  return Object.fromEntries(
    Object.entries(obj).filter(([k]) => keys.has(k) || k.startsWith('@odata')),
  ) as Partial<T>;
}
