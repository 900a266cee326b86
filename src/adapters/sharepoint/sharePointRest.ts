import { DefaultHeaders, DefaultInit, spfi, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/folders';
import '@pnp/sp/security';
import '@pnp/sp/site-groups';
import '@pnp/sp/site-users';
import {
  BrowserFetchWithRetry,
  DefaultParse,
  HttpRequestError,
  InjectHeaders,
  type Queryable,
} from '@pnp/queryable';
import {
  Conflict,
  Forbidden,
  Invalid,
  NotFound,
  Offline,
  PortError,
  Throttled,
  Unauthorized,
  Unavailable,
} from '../../ports/errors';
import type { TokenProvider } from '../../ports/TokenProvider';
import type { WriteRetries } from '../writeRetries';

/** The network stage PnPjs calls (`on.send`): swapped for a fake in unit tests. */
export type SendFn = (url: URL, init: RequestInit) => Promise<Response>;

export interface SharePointRestOptions {
  /** The site's absolute URL: https://kommune.sharepoint.com/sites/moeder, or http://localhost:4000/sites/moeder. */
  siteUrl: string;
  tokens: TokenProvider;
  /** The SharePoint resource scopes, e.g. ['https://kommune.sharepoint.com/Sites.Selected'] (any scope locally). */
  scopes: string[];
  /** Attempts on 429/503/504 and dropped connections (PnPjs' BrowserFetchWithRetry), Retry-After honoured. */
  retries?: number;
  /** First back-off when the server sends no Retry-After (doubles per attempt). */
  retryIntervalMs?: number;
  timeoutMs?: number;
  /** Replace the network stage (tests). Without it, the global fetch with retries. */
  send?: SendFn;
  /**
   * Who retries writes (src/adapters/writeRetries.ts): the pages say `'owner'` (their outbox), and PnPjs then
   * retries reads only; tools keep `'transport'`.
   */
  writeRetries?: WriteRetries;
}

/** What went over the wire, for the bench and diagnostics. */
export class SharePointRequestCounter {
  /** Requests that create or change permissions: groups and their members, folders, inheritance, assignments. */
  permissionChanges = 0;
  /** Other writes (items created with AddValidateUpdateItemUsingPath, list settings, deletes). */
  writes = 0;
  /** GETs and look-ups (ensureuser). */
  reads = 0;

  get total(): number {
    return this.permissionChanges + this.writes + this.reads;
  }

  count(method: string, url: string, init: RequestInit): void {
    const kind = classify(method, url, init);
    this[kind] += 1;
  }
}

const PERMISSION_PATHS =
  /\/(breakroleinheritance|resetroleinheritance|addroleassignment|removeroleassignment)\b|\/sitegroups(\/|$|\(|\?)|\/users\/removebyid|\/sitegroups\(\d+\)\/users$/i;

export function classify(
  method: string,
  url: string,
  init: RequestInit,
): 'permissionChanges' | 'writes' | 'reads' {
  if (/^get$/i.test(method)) return 'reads';
  const path = decodeURIComponent(new URL(url).pathname);
  if (/\/ensureuser$/i.test(path)) return 'reads';
  if (PERMISSION_PATHS.test(path)) return 'permissionChanges';
  if (
    /\/AddValidateUpdateItemUsingPath/i.test(path) &&
    /"UnderlyingObjectType":\s*1\b/.test(String(init.body ?? ''))
  )
    return 'permissionChanges';
  return 'writes';
}

export interface SharePointRest {
  /** The PnPjs root for the site: `rest.sp.web.lists.getByTitle('…')`. */
  sp: SPFI;
  siteUrl: string;
  /** The site's server-relative URL, e.g. /sites/moeder (folder paths start with it). */
  serverRelativeUrl: string;
  counter: SharePointRequestCounter;
}

/**
 * One PnPjs client per page for the site, its behaviours composed as PnPjs intends: default headers
 * (minimal OData), default init, our bearer token, the request counter, a timeout, fetch with retries
 * (429/503/504 with Retry-After; reads only, where writes have an owner that retries them), the default
 * parser, and SharePoint's failures mapped to the ports' typed errors in one place (mapSharePointError). Works the same in the browser and in Node 20's global fetch.
 */
export function createSharePointRest(options: SharePointRestOptions): SharePointRest {
  const siteUrl = options.siteUrl.replace(/\/+$/, '');
  const counter = new SharePointRequestCounter();
  const sp = spfi(siteUrl).using(
    DefaultHeaders(),
    InjectHeaders({ Accept: 'application/json;odata=nometadata' }),
    DefaultInit(),
    Bearer(options.tokens, options.scopes),
    CountRequests(counter),
    TimeoutSignal(options.timeoutMs ?? 20_000),
    ...(options.send
      ? [ReplaceSend(options.send)]
      : [
          BrowserFetchWithRetry({ retries: options.retries ?? 4, interval: options.retryIntervalMs ?? 500 }),
          WritesOnce(options.writeRetries ?? 'transport'),
        ]),
    RenewOn401(options.tokens, options.scopes),
    DefaultParse(),
    MapErrors(),
  );
  return { sp, siteUrl, serverRelativeUrl: new URL(siteUrl).pathname.replace(/\/+$/, ''), counter };
}

/** The SharePoint resource scope for a site URL: https://kommune.sharepoint.com/Sites.Selected. */
export function sharePointScope(siteUrl: string, permission = 'Sites.Selected'): string {
  return `${new URL(siteUrl).origin}/${permission}`;
}

/**
 * Authorization: Bearer from our TokenProvider, asked at the `auth` moment of every request. Also drops
 * PnPjs' X-PnPjs-RequestId debugging header: it is not in the CORS allow-list of SharePoint or the local
 * server, and a browser would refuse the preflight for it.
 */
export function Bearer(tokens: TokenProvider, scopes: string[]) {
  return (instance: Queryable) => {
    instance.on.auth(async function (url: URL, init: RequestInit) {
      const token = await tokens.getToken(scopes);
      const { 'X-PnPjs-RequestId': _id, ...headers } = (init.headers ?? {}) as Record<string, string>;
      init.headers = { ...headers, Authorization: `Bearer ${token}` };
      return [url, init];
    });
    return instance;
  };
}

/**
 * A 401 gets one resend with a freshly acquired token (a token revoked or expired between our clock and
 * SharePoint's, mid-meeting). Wraps whichever send stage is in place (fetch with retries, or a test's fake).
 */
function RenewOn401(tokens: TokenProvider, scopes: string[]) {
  return (instance: Queryable) => {
    const [inner] = instance.on.send.toArray();
    if (!inner) return instance;
    instance.on.send.replace(async function (this: unknown, url: URL, init: RequestInit) {
      const response = await inner.call(this as Queryable, url, init);
      if (response.status !== 401) return response;
      const token = await tokens.getToken(scopes, { forceRefresh: true });
      const headers = { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` };
      return inner.call(this as Queryable, url, { ...init, headers });
    });
    return instance;
  };
}

function CountRequests(counter: SharePointRequestCounter) {
  return (instance: Queryable) => {
    instance.on.auth(async function (url: URL, init: RequestInit) {
      const headers = (init.headers ?? {}) as Record<string, string>;
      const method = headers['X-HTTP-Method'] ?? init.method ?? 'GET';
      counter.count(method === 'MERGE' || method === 'DELETE' ? 'POST' : method, url.toString(), init);
      return [url, init];
    });
    return instance;
  };
}

/** Like PnPjs' Timeout, but with AbortSignal.timeout: no timer left running after the answer. */
function TimeoutSignal(ms: number) {
  return (instance: Queryable) => {
    instance.on.pre(async function (url: string, init: RequestInit, result: unknown) {
      init.signal = AbortSignal.timeout(ms);
      return [url, init, result];
    });
    return instance;
  };
}

/**
 * With `'owner'`, a write (anything `classify` does not call a read) skips the retrying fetch and is sent
 * once: its owner above (the outbox) retries it, so one refused write is one request per attempt.
 */
function WritesOnce(writeRetries: WriteRetries) {
  return (instance: Queryable) => {
    const [retrying] = instance.on.send.toArray();
    if (writeRetries === 'transport' || !retrying) return instance;
    instance.on.send.replace(function (this: unknown, url: URL, init: RequestInit) {
      const headers = (init.headers ?? {}) as Record<string, string>;
      const method = headers['X-HTTP-Method'] ?? init.method ?? 'GET';
      if (classify(method, url.toString(), init) === 'reads')
        return retrying.call(this as Queryable, url, init);
      return fetch(url.toString(), init);
    });
    return instance;
  };
}

function ReplaceSend(send: SendFn) {
  return (instance: Queryable) => {
    instance.on.send.replace(function (url: URL, init: RequestInit) {
      return send(url, init);
    });
    return instance;
  };
}

/** Every failed request rejects with a PortError (replaces DefaultInit's RejectOnError). */
function MapErrors() {
  return (instance: Queryable) => {
    instance.on.error.replace(function (err: unknown) {
      // As PnPjs' own RejectOnError does: reject the caller's promise from the error observer.
      const self = this as unknown as { emit: Record<symbol, (e: unknown) => void>; InternalReject: symbol };
      void mapSharePointError(err).then((mapped) => self.emit[self.InternalReject](mapped));
    });
    return instance;
  };
}

interface SharePointErrorBody {
  'odata.error'?: { code?: string; message?: { value?: string } | string };
  error?: { code?: string; message?: { value?: string } | string };
}

/** The one place where SharePoint REST failures become the ports' typed errors (English, technical). */
export async function mapSharePointError(e: unknown): Promise<PortError> {
  if (e instanceof PortError) return e;
  const response = (e as HttpRequestError | undefined)?.isHttpRequestError
    ? (e as HttpRequestError).response
    : undefined;
  if (!response) {
    const name = e instanceof Error ? e.name : '';
    const message = e instanceof Error ? e.message : String(e);
    if (name === 'AbortError' || name === 'TimeoutError')
      return new Offline(`SharePoint REST request timed out (${message})`);
    return new Offline(`No connection to SharePoint (${message})`);
  }
  let code = '';
  let message = `HTTP ${response.status} ${response.statusText}`.trim();
  try {
    const body = (await response.clone().json()) as SharePointErrorBody;
    const err = body['odata.error'] ?? body.error;
    if (err) {
      code = err.code ?? '';
      const text = typeof err.message === 'string' ? err.message : err.message?.value;
      if (text) message = text;
    }
  } catch {
    // Not JSON: keep the status line.
  }
  return fromSharePointStatus(response.status, code, `SharePoint REST: ${message}`, response.headers);
}

export function fromSharePointStatus(
  status: number,
  code: string,
  message: string,
  headers?: Headers,
): PortError {
  const retryAfter = headers?.get('Retry-After');
  const seconds = retryAfter ? Number(retryAfter) : NaN;
  const details = {
    status,
    code,
    retryAfterMs: Number.isFinite(seconds)
      ? seconds * 1000
      : retryAfter
        ? Math.max(0, Date.parse(retryAfter) - Date.now())
        : undefined,
  };
  if (status === 401) return new Unauthorized(message, details);
  if (status === 403) return new Forbidden(message, details);
  if (status === 404 || status === 410) return new NotFound(message, details);
  if (status === 409 || status === 412) return new Conflict(message, details);
  if (status === 429) return new Throttled(message, details);
  if (status === 408 || status === 504) return new Offline(message, details);
  if (status >= 500) return new Unavailable(message, details);
  return new Invalid(message, details);
}
