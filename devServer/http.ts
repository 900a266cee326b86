import type { Db } from './db';
import type { TokenClaims } from './auth';
import { GraphHttpError } from './errors';
import type { SpVariants } from './variants';

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
  /** The readings of undocumented SharePoint behaviour this server runs with (variants.ts); none if missing. */
  variants?: SpVariants;
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

/** Graph's timestamps (createdDateTime, lastModifiedDateTime): 7 fractional digits and Z. */
export const graphTimestamp = (iso: string) => new Date(iso).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');

/** What Graph sends as the Content-Type of a JSON body, also for each step inside $batch. */
export const JSON_CONTENT_TYPE =
  'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';

/**
 * `@odata.context` as Graph writes it: `{base}/$metadata#{path}` with the `$select`ed properties in
 * parentheses and `/$entity` for a single entity, e.g. `…/$metadata#users('id')/events(subject)/$entity`
 * or `…/$metadata#users`. Every JSON entity and collection response carries one; `path` is the entity set
 * path as Graph names it (`users('…')/events`, `chats`, …).
 */
export function contextUrl(
  ctx: Pick<Ctx, 'base' | 'query'>,
  path: string,
  kind: 'entity' | 'collection',
): string {
  const sel = ctx.query.$select
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(',');
  return `${ctx.base}/$metadata#${path}${sel ? `(${sel})` : ''}${kind === 'entity' ? '/$entity' : ''}`;
}

/** An entity answer with `@odata.context` first, as Graph orders it. */
export function entity<T extends object>(
  ctx: Pick<Ctx, 'base' | 'query'>,
  path: string,
  body: T,
): T & { '@odata.context': string } {
  return { '@odata.context': contextUrl(ctx, path, 'entity'), ...body };
}

export interface Collection<T> {
  '@odata.context': string;
  value: T[];
  '@odata.nextLink'?: string;
}

/** A collection answer: `@odata.context`, `value`, then `@odata.nextLink` when there is more. */
export function collection<T>(
  ctx: Pick<Ctx, 'base' | 'query'>,
  path: string,
  page: { value: T[]; '@odata.nextLink'?: string },
): Collection<T> {
  return { '@odata.context': contextUrl(ctx, path, 'collection'), ...page };
}

/** `'x'` → `'x'` with quotes doubled and percent-encoded as Graph writes keys in `@odata.context`. */
export const odataKey = (key: string) => `'${encodeURIComponent(key.replace(/'/g, "''"))}'`;

export interface PageRules {
  defaultTop: number;
  maxTop: number;
  /** The workload's error for a $top/$skip it does not take. */
  invalid: (param: '$top' | '$skip', value: string) => GraphHttpError;
}

/** $top/$skip checked as the workload checks them (out of range or not a number → 400). */
export function pageWindow(ctx: Pick<Ctx, 'query'>, rules: PageRules): { top: number; skip: number } {
  const rawTop = ctx.query.$top;
  const rawSkip = ctx.query.$skip;
  const top = rawTop === undefined ? rules.defaultTop : Number(rawTop);
  const skip = rawSkip === undefined ? 0 : Number(rawSkip);
  if (rawTop !== undefined && (!/^\d+$/.test(rawTop.trim()) || top < 1 || top > rules.maxTop))
    throw rules.invalid('$top', rawTop);
  if (rawSkip !== undefined && (!/^\d+$/.test(rawSkip.trim()) || !Number.isSafeInteger(skip)))
    throw rules.invalid('$skip', rawSkip);
  return { top, skip };
}

/** Like `paged`, with the workload's $top/$skip rules (`paged` stays as it is for the lists). */
export function pagedStrict<T>(
  ctx: Ctx,
  rows: T[],
  rules: PageRules,
): { value: T[]; '@odata.nextLink'?: string } {
  const { top, skip } = pageWindow(ctx, rules);
  const out: { value: T[]; '@odata.nextLink'?: string } = { value: rows.slice(skip, skip + top) };
  if (skip + top < rows.length) {
    const q = Object.entries({ ...ctx.query, $skip: String(skip + top), $top: String(top) })
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&');
    out['@odata.nextLink'] = `${ctx.base}${encodePath(ctx.path)}?${q}`;
  }
  return out;
}

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

export function select<T extends object>(obj: T, spec: string | undefined): Partial<T> {
  if (!spec) return obj;
  const keys = new Set(['id', ...spec.split(',').map((s) => s.trim())]);
  return Object.fromEntries(
    Object.entries(obj).filter(([k]) => keys.has(k) || k.startsWith('@odata')),
  ) as Partial<T>;
}

/**
 * `$select` as the directory answers it: only the properties asked for (no implicit `id`), keeping
 * `@odata.*` annotations. Outlook entities (events, attachments) use `select`, which keeps `id` as Graph does.
 */
export function selectExact<T extends object>(obj: T, spec: string | undefined): Partial<T> {
  if (!spec) return obj;
  const keys = new Set(spec.split(',').map((s) => s.trim().toLowerCase()));
  return Object.fromEntries(
    Object.entries(obj).filter(([k]) => keys.has(k.toLowerCase()) || k.startsWith('@odata')),
  ) as Partial<T>;
}
