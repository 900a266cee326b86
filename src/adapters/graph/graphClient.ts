import {
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type FetchOptions,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../../ports/TokenProvider';
import type { WriteRetries } from '../writeRetries';
import { AuthMiddleware } from './middleware/authMiddleware';
import { ConcurrencyMiddleware } from './middleware/concurrencyMiddleware';
import { RequestCounter } from './middleware/requestCounter';
import { TimeoutMiddleware } from './middleware/timeoutMiddleware';

export interface GraphClientOptions {
  /** e.g. "https://graph.microsoft.com/v1.0" or "http://localhost:4000/v1.0". */
  baseUrl: string;
  tokens: TokenProvider;
  scopes: string[];
  /** Seconds before the first retry when Graph gives no Retry-After (the SDK backs off exponentially). */
  retryDelaySeconds?: number;
  maxRetries?: number;
  timeoutMs?: number;
  maxConcurrent?: number;
  /** Who retries writes (docs/adr/001): the pages say `'owner'` (their outbox); tools keep `'transport'`. */
  writeRetries?: WriteRetries;
}

export interface GraphConnection {
  client: Client;
  /** Origin + version, for turning absolute nextLink/deltaLink URLs into request paths. */
  baseUrl: string;
  counter: RequestCounter;
  concurrency: ConcurrencyMiddleware;
  /** Who retries writes: also what runBatch does with a throttled write step. */
  writeRetries: WriteRetries;
}

/**
 * One Graph client for the whole page, the same chain against a tenant and the local server:
 * auth → at most 4 in flight → retry (429/503/504, honouring Retry-After, exponential back-off) →
 * redirects → telemetry → timeout → count → fetch.
 */
export function createGraphConnection(options: GraphClientOptions): GraphConnection {
  const url = new URL(options.baseUrl.replace(/\/+$/, ''));
  const version = url.pathname.replace(/^\/+/, '') || 'v1.0';
  const counter = new RequestCounter();
  const concurrency = new ConcurrencyMiddleware(options.maxConcurrent ?? 4);
  const writeRetries = options.writeRetries ?? 'transport';
  const chain: Middleware[] = [
    new AuthMiddleware(options.tokens, options.scopes),
    concurrency,
    new RetryHandler(
      new RetryHandlerOptions(
        options.retryDelaySeconds ?? 1,
        options.maxRetries ?? 3,
        // Decided per request: a write whose owner retries it is sent once (docs/adr/001-graph-client-chain.md).
        (_delay, _attempt, request, fetchOptions) =>
          writeRetries === 'transport' || !isGraphWrite(request, fetchOptions),
      ),
    ),
    new RedirectHandler(new RedirectHandlerOptions()),
    new TelemetryHandler(),
    new TimeoutMiddleware(options.timeoutMs ?? 20000),
    counter,
    new HTTPMessageHandler(),
  ];
  for (let i = 0; i < chain.length - 1; i++) chain[i].setNext!(chain[i + 1]);
  const client = Client.initWithMiddleware({
    baseUrl: url.origin,
    defaultVersion: version,
    middleware: chain[0],
  });
  return { client, baseUrl: `${url.origin}/${version}`, counter, concurrency, writeRetries };
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a Graph request changes something. A `$batch` POST is a write only when one of its steps is:
 * the page-opening batch of GETs is a read and keeps the SDK's retries.
 */
export function isGraphWrite(request: RequestInfo | string, options: FetchOptions | undefined): boolean {
  const method = (options?.method ?? 'GET').toUpperCase();
  if (READ_METHODS.has(method)) return false;
  const url = typeof request === 'string' ? request : request.url;
  if (method === 'POST' && /\/\$batch(\?|$)/.test(url) && typeof options?.body === 'string') {
    try {
      const { requests } = JSON.parse(options.body) as { requests?: Array<{ method?: string }> };
      if (Array.isArray(requests))
        return requests.some((r) => !READ_METHODS.has((r.method ?? 'GET').toUpperCase()));
    } catch {
      // Not the JSON batch we send: a write, sent once.
    }
  }
  return true;
}

/** An absolute nextLink/deltaLink → the path the client's api() takes (the SDK breaks on http:// links). */
export function relativeLink(connection: GraphConnection, link: string): string {
  return link.startsWith(connection.baseUrl) ? link.slice(connection.baseUrl.length) : link;
}

/** Bytes → base64 for Graph's `contentBytes`, in the browser and in Node. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
