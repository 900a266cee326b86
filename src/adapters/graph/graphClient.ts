import {
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../../ports/TokenProvider';
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
}

export interface GraphConnection {
  client: Client;
  /** Origin + version, for turning absolute nextLink/deltaLink URLs into request paths. */
  baseUrl: string;
  counter: RequestCounter;
  concurrency: ConcurrencyMiddleware;
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
  const chain: Middleware[] = [
    new AuthMiddleware(options.tokens, options.scopes),
    concurrency,
    new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds ?? 1, options.maxRetries ?? 3)),
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
  return { client, baseUrl: `${url.origin}/${version}`, counter, concurrency };
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
