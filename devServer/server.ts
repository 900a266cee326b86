import { randomBytes, randomUUID } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { TokenService, type TokenClaims } from './auth';
import { decide, seededRandom, type ChaosOptions } from './chaos';
import { isEmpty, openDb, type Db } from './db';
import { devSecret as fileSecret } from './devSecret';
import { badRequest, errorBody, GraphHttpError } from './errors';
import { JSON_CONTENT_TYPE, type Ctx, type Result, type Route } from './http';
import { attachmentRoutes, chatRoutes, mailRoutes, putUploadChunk } from './routes/attachments';
import { eventRoutes } from './routes/events';
import { siteRoutes } from './routes/sites';
import { DEFAULT_DEV_ORIGINS, registerDevRoutes } from './routes/dev';
import { findUser, userRoutes } from './routes/users';
import { seedTenant, upgradeTenantSecurity } from './seed/demo';
import { seedDemoMeetings } from './seed/demoMeetings';
import { SpError, spErrorBody, formatOf } from './sharepoint/odataJson';
import { handleRest, unauthorized } from './sharepoint/restRoutes';

export interface GraphServerOptions {
  port?: number;
  host?: string;
  db?: string;
  seed?: 'demo' | 'none';
  chaos?: ChaosOptions;
  seedRandom?: number;
  now?: () => Date;
  /** Token signing secret; random per start unless given (tests that restart the server pass one). */
  secret?: string;
  /** Origins of the add-in's dev pages, the only pages that may call `/_dev/*` (default localhost:3000). */
  devOrigins?: string[];
  /**
   * Lets a request without Origin use `/_dev/*` from anywhere (`X-Dev-Secret`). Default: kept beside a
   * file database (`dev-access-secret`), random per start for `:memory:`.
   */
  devSecret?: string;
  /** Sees every request the server counts (a $batch and each of its steps; SharePoint REST), e.g. for the bench. */
  onRequest?: (request: ServedRequest) => void;
}

/** A request as the server counted it: who, what, and whether it was a step of a $batch or SharePoint REST. */
export interface ServedRequest {
  upn: string;
  method: string;
  /** Below /v1.0 for Graph (e.g. "/sites/…/items/delta"), the full path for SharePoint REST. */
  path: string;
  query: Record<string, string>;
  inBatch: boolean;
  sharePointRest: boolean;
}

export interface GraphServer {
  /** http://localhost:PORT/v1.0 */
  url: string;
  origin: string;
  db: Db;
  /** The `X-Dev-Secret` value that opens `/_dev/*` to a caller that is not on localhost. */
  devSecret: string;
  setChaos(chaos: ChaosOptions): void;
  close(): Promise<void>;
}

const ROUTES: Route[] = [
  ...userRoutes,
  ...eventRoutes,
  ...attachmentRoutes,
  ...chatRoutes,
  ...mailRoutes,
  ...siteRoutes,
];
const MAX_BATCH = 20;

interface Stats {
  total: number;
  byUser: Record<string, number>;
  byMethod: Record<string, number>;
  byKind: Record<string, number>;
  /** The most requests of one user in flight at once (Graph throttles a mailbox above 4). */
  maxInFlightByUser: Record<string, number>;
}

const pathKind = (path: string) =>
  /\/_api(\/|$)/i.test(path)
    ? 'spRest'
    : /\/\$batch$/.test(path)
    ? 'batch'
    : /\/items\/delta/.test(path)
      ? 'delta'
      : /\/items/.test(path)
        ? 'listItems'
        : /\/lists/.test(path)
          ? 'lists'
          : /\/(events|calendarView)/.test(path)
            ? 'calendar'
            : /\/sendMail/.test(path)
              ? 'mail'
              : 'other';

/** The embedded local Microsoft Graph: same URLs, shapes, statuses and error bodies as Graph v1.0. */
export async function startGraphServer(options: GraphServerOptions = {}): Promise<GraphServer> {
  const db = openDb(options.db ?? ':memory:');
  const now = options.now ?? (() => new Date());
  const tokens = new TokenService(options.secret);
  const devOrigins = options.devOrigins ?? DEFAULT_DEV_ORIGINS;
  const devSecret =
    options.devSecret ?? fileSecret(options.db ?? ':memory:', 'dev-access-secret') ?? randomBytes(32).toString('hex');
  const random = seededRandom(options.seedRandom ?? Date.now());
  let chaos: ChaosOptions = options.chaos ?? {};
  let stats: Stats = { total: 0, byUser: {}, byMethod: {}, byKind: {}, maxInFlightByUser: {} };
  const inFlight: Record<string, number> = {};
  const seedMeetings = options.seed === 'demo' && isEmpty(db);
  if (isEmpty(db)) seedTenant(db);
  else upgradeTenantSecurity(db);

  const app = Fastify({ bodyLimit: 8 * 1024 * 1024, logger: false });
  app.addContentTypeParser(['application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  // Graph accepts an empty body with a JSON content type (the SDK sends one on DELETE); bad JSON is a 400.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (!text.trim()) return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (e) {
      done(e as SyntaxError, undefined);
    }
  });
  let base = '';
  // Marks the server's own inner batch requests; a random value, so a client cannot pass as one.
  const batchMarker = randomUUID();
  let origin = '';

  const send = (reply: FastifyReply, requestId: string, r: Result) => {
    reply.header('request-id', requestId).header('client-request-id', requestId);
    for (const [k, v] of Object.entries(r.headers ?? {})) reply.header(k, v);
    if (r.raw) return reply.code(r.status).send(r.raw);
    if (r.body === undefined) return reply.code(r.status).send();
    return reply.code(r.status).header('Content-Type', JSON_CONTENT_TYPE).send(JSON.stringify(r.body));
  };
  const fail = (reply: FastifyReply, requestId: string, e: unknown) => {
    if (e instanceof GraphHttpError)
      return send(reply, requestId, {
        status: e.status,
        headers: e.headers,
        body: errorBody(e.code, e.message, requestId),
      });
    console.error(e);
    return send(reply, requestId, {
      status: 500,
      body: errorBody('generalException', 'An unexpected error occurred.', requestId),
    });
  };

  app.addHook('onRequest', async (req, reply) => {
    // Graph itself answers any origin (a call needs a bearer token); /_dev/* decides for itself (routes/dev.ts).
    if (req.url.startsWith('/_dev/')) return;
    reply.header('Access-Control-Allow-Origin', '*');
    reply.header(
      'Access-Control-Expose-Headers',
      'Retry-After, ETag, Location, request-id, Preference-Applied',
    );
    if (req.method === 'OPTIONS') {
      reply
        .header('Access-Control-Allow-Methods', 'GET, POST, PATCH, PUT, DELETE, OPTIONS')
        .header(
          'Access-Control-Allow-Headers',
          'authorization, content-type, accept, if-match, if-none-match, prefer, retry-attempt, sdkversion, client-request-id, cache-control, content-range, x-http-method, x-requestdigest, x-clientservice-clienttag, x-pnpjs-nodigest, x-pnpjs-requestid, odata-version',
        )
        .header('Access-Control-Max-Age', '600')
        .code(204)
        .send();
      return reply;
    }
  });

  /** Chaos before the request is handled, for /v1.0 (and per batch step); never /_dev. */
  const applyChaos = async (req: FastifyRequest, reply: FastifyReply, inBatch: boolean): Promise<boolean> => {
    if (chaos.latency) await new Promise((r) => setTimeout(r, chaos.latency));
    const outcome = decide(chaos, random);
    const requestId = randomUUID();
    if (outcome.kind === 'throttle') {
      send(reply, requestId, {
        status: 429,
        headers: { 'Retry-After': String(outcome.retryAfter) },
        body: errorBody('TooManyRequests', 'Too many requests.', requestId),
      });
      return false;
    }
    if (outcome.kind === 'error' || (outcome.kind === 'drop' && inBatch)) {
      const status = outcome.kind === 'error' ? outcome.status : 504;
      send(reply, requestId, {
        status,
        body: errorBody(
          status === 503 ? 'serviceNotAvailable' : 'generalException',
          'The service is temporarily unavailable.',
          requestId,
        ),
      });
      return false;
    }
    if (outcome.kind === 'drop') {
      req.raw.socket.destroy();
      return false;
    }
    return true;
  };

  const dispatch = async (req: FastifyRequest, reply: FastifyReply) => {
    const requestId = randomUUID();
    const url = new URL(req.url, 'http://localhost');
    const path = decodeURIComponent(url.pathname.replace(/^\/v1\.0/, '')) || '/';
    const inBatch = req.headers['x-graph-batch'] === batchMarker;
    let me: TokenClaims;
    try {
      me = tokens.verify(req.headers.authorization);
    } catch (e) {
      return fail(reply, requestId, e);
    }
    stats.total += 1;
    stats.byUser[me.upn] = (stats.byUser[me.upn] ?? 0) + 1;
    stats.byMethod[req.method] = (stats.byMethod[req.method] ?? 0) + 1;
    const kind = pathKind(path);
    stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
    options.onRequest?.({
      upn: me.upn,
      method: req.method,
      path,
      query: Object.fromEntries(url.searchParams),
      inBatch,
      sharePointRest: false,
    });
    if (!inBatch) {
      const upn = me.upn;
      inFlight[upn] = (inFlight[upn] ?? 0) + 1;
      stats.maxInFlightByUser[upn] = Math.max(stats.maxInFlightByUser[upn] ?? 0, inFlight[upn]);
      let done = false;
      const release = () => {
        if (!done) inFlight[upn] -= 1;
        done = true;
      };
      reply.raw.once('finish', release);
      reply.raw.once('close', release);
    }
    if (!(await applyChaos(req, reply, inBatch))) return reply;
    if (isBatchPath(path)) {
      // An inner request cannot be a batch itself (each call runs at most MAX_BATCH requests).
      if (inBatch)
        return fail(reply, requestId, badRequest('Nested batch requests are not supported.', 'BadRequest'));
      if (req.method === 'POST') return batch(req, reply, requestId);
    }
    const query: Record<string, string> = {};
    url.searchParams.forEach((v, k) => (query[k] = v));
    const ctx: Ctx = {
      db,
      me,
      method: req.method,
      path,
      query,
      headers: req.headers as Record<string, string | undefined>,
      body: req.body,
      base,
      now,
    };
    try {
      for (const route of ROUTES) {
        if (route.method !== req.method) continue;
        const m = route.pattern.exec(path);
        if (m) return send(reply, requestId, await route.handler(ctx, m.slice(1)));
      }
      throw new GraphHttpError(
        400,
        'BadRequest',
        `Resource not found for the segment '${path.split('/')[1] ?? ''}'.`,
      );
    } catch (e) {
      return fail(reply, requestId, e);
    }
  };

  const batch = async (req: FastifyRequest, reply: FastifyReply, requestId: string) => {
    const body = req.body as {
      requests?: Array<{
        id?: string;
        method?: string;
        url?: string;
        headers?: Record<string, string>;
        body?: unknown;
        dependsOn?: string[];
      }>;
    };
    if (!body || !Array.isArray(body.requests))
      return fail(reply, requestId, badRequest('Invalid batch payload format.', 'BadRequest'));
    if (body.requests.length > MAX_BATCH)
      return fail(
        reply,
        requestId,
        badRequest(`The number of batch requests exceeds the limit of ${MAX_BATCH}.`, 'BadRequest'),
      );
    const ids = new Set<string>();
    for (const r of body.requests) {
      if (!r.id || !r.method || !r.url)
        return fail(
          reply,
          requestId,
          badRequest('Each batch request needs id, method and url.', 'BadRequest'),
        );
      // Graph takes URLs relative to the version root only, and no batch inside a batch.
      if (/^[a-z][a-z0-9+.-]*:/i.test(r.url))
        return fail(reply, requestId, badRequest('Invalid batch payload format.', 'BadRequest'));
      if (isBatchPath(innerPath(r.url)))
        return fail(reply, requestId, badRequest('Nested batch requests are not supported.', 'BadRequest'));
      if (ids.has(r.id))
        return fail(reply, requestId, badRequest(`Batch request id '${r.id}' is used twice.`, 'BadRequest'));
      ids.add(r.id);
    }
    // Independent steps run concurrently, as Graph runs them; a step waits for the steps it depends on.
    const status = new Map<string, number>();
    const answers = new Map<string, unknown>();
    const run = async (r: (typeof body.requests)[number]) => {
      const failedDependency = (r.dependsOn ?? []).find((d) => (status.get(d) ?? 424) >= 400);
      if (failedDependency) {
        status.set(r.id!, 424);
        answers.set(r.id!, {
          id: r.id,
          status: 424,
          headers: { 'Content-Type': JSON_CONTENT_TYPE },
          body: errorBody('FailedDependency', `Dependency '${failedDependency}' failed.`, requestId),
        });
        return;
      }
      const url = `/v1.0${r.url!.replace(/^\/v1\.0/, '').replace(/^(?!\/)/, '/')}`;
      const res = await app.inject({
        method: r.method as 'GET',
        url,
        headers: {
          ...(r.headers ?? {}),
          authorization: req.headers.authorization ?? '',
          'x-graph-batch': batchMarker,
          ...(r.body !== undefined
            ? {
                'content-type':
                  r.headers?.['Content-Type'] ?? r.headers?.['content-type'] ?? 'application/json',
              }
            : {}),
        },
        payload:
          r.body === undefined ? undefined : typeof r.body === 'string' ? r.body : JSON.stringify(r.body),
      });
      status.set(r.id!, res.statusCode);
      const headers: Record<string, string> = {};
      const names: Record<string, string> = {
        'content-type': 'Content-Type',
        'retry-after': 'Retry-After',
        location: 'Location',
        etag: 'ETag',
        'preference-applied': 'Preference-Applied',
      };
      for (const [h, name] of Object.entries(names))
        if (res.headers[h]) headers[name] = String(res.headers[h]);
      answers.set(r.id!, {
        id: r.id,
        status: res.statusCode,
        headers,
        body: res.body ? safeJson(res.body) : undefined,
      });
    };
    const pending = [...body.requests];
    while (pending.length) {
      const ready = pending.filter((r) => (r.dependsOn ?? []).every((d) => status.has(d) || !ids.has(d)));
      if (!ready.length)
        return fail(
          reply,
          requestId,
          badRequest('The dependsOn of the batch requests form a cycle.', 'BadRequest'),
        );
      await Promise.all(ready.map(run));
      for (const r of ready) pending.splice(pending.indexOf(r), 1);
    }
    const responses = body.requests.map((r) => answers.get(r.id!));
    return reply.code(200).header('Content-Type', JSON_CONTENT_TYPE).send(JSON.stringify({ responses }));
  };

  /** SharePoint REST below a site's path (…/sites/moeder/_api/…, or /_api/… for the root site). */
  const spRest = async (req: FastifyRequest, reply: FastifyReply) => {
    const requestId = randomUUID();
    const url = new URL(req.url, 'http://localhost');
    const at = url.pathname.toLowerCase().indexOf('/_api');
    const format = formatOf(req.headers.accept);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      reply.header('request-id', requestId).header('SPRequestGuid', requestId);
      for (const [k, v] of Object.entries(headers)) reply.header(k, v);
      if (body === undefined) return reply.code(status).send();
      const type =
        format === 'verbose'
          ? 'application/json;odata=verbose;charset=utf-8'
          : format === 'nometadata'
            ? 'application/json;odata=nometadata;streaming=true;charset=utf-8'
            : 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';
      return reply.code(status).header('Content-Type', type).send(JSON.stringify(body));
    };
    const spFail = (e: unknown) => {
      if (e instanceof SpError) return answer(e.status, spErrorBody(format, e.code, e.message), e.headers);
      if (e instanceof GraphHttpError)
        return answer(
          e.status,
          spErrorBody(
            format,
            e.status === 400 ? '-1, Microsoft.SharePoint.Client.InvalidClientQueryException' : '-1, System.Exception',
            e.message,
          ),
          e.headers,
        );
      console.error(e);
      return answer(500, spErrorBody(format, '-2146233088, System.Exception', 'An unexpected error occurred.'));
    };
    if (at < 0) return spFail(new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.'));
    let me: TokenClaims;
    try {
      me = tokens.verify(req.headers.authorization);
    } catch (e) {
      return spFail(unauthorized(e));
    }
    stats.total += 1;
    stats.byUser[me.upn] = (stats.byUser[me.upn] ?? 0) + 1;
    stats.byMethod[req.method] = (stats.byMethod[req.method] ?? 0) + 1;
    stats.byKind.spRest = (stats.byKind.spRest ?? 0) + 1;
    options.onRequest?.({
      upn: me.upn,
      method: req.method,
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      inBatch: false,
      sharePointRest: true,
    });
    if (!(await applyChaos(req, reply, false))) return reply;
    let sitePath: string;
    try {
      sitePath = decodeURIComponent(url.pathname.slice(0, at)).replace(/\/+$/, '') || '/';
    } catch {
      return spFail(new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.'));
    }
    const site = db.prepare('SELECT * FROM sites WHERE path = ? COLLATE NOCASE').get(sitePath) as
      { id: string; hostname: string; path: string; json: string } | undefined;
    if (!site) return spFail(new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.'));
    const query: Record<string, string> = {};
    url.searchParams.forEach((v, k) => (query[k] = v));
    const headers = req.headers as Record<string, string | undefined>;
    const ctx: Ctx = { db, me, method: req.method, path: url.pathname, query, headers, body: req.body, base, now };
    try {
      const r = handleRest(
        ctx,
        site,
        {
          method: req.method,
          sitePath,
          apiPath: url.pathname.slice(at + 5).replace(/^\//, ''),
          query,
          headers,
          body: req.body,
        },
        origin,
      );
      return answer(r.status, r.body, r.headers);
    } catch (e) {
      return spFail(e);
    }
  };

  app.setErrorHandler((error, _req, reply) => {
    const requestId = randomUUID();
    const e = error as { code?: string; statusCode?: number; message: string };
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return fail(
        reply,
        requestId,
        new GraphHttpError(
          415,
          'UnsupportedMediaType',
          'The content type of the request is not supported; send application/json.',
        ),
      );
    if (
      e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error instanceof SyntaxError
    )
      return fail(
        reply,
        requestId,
        badRequest(
          'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
          'BadRequest',
        ),
      );
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return fail(
        reply,
        requestId,
        new GraphHttpError(413, 'RequestEntityTooLarge', 'The request is too large.'),
      );
    return fail(reply, requestId, error);
  });

  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const) {
    app.route({ method, url: '/v1.0/*', handler: dispatch });
    app.route({ method, url: '/v1.0', handler: dispatch });
    app.route({ method, url: '/sites/*', handler: spRest });
    app.route({ method, url: '/_api/*', handler: spRest });
    app.route({ method, url: '/_api', handler: spRest });
  }

  registerDevRoutes(app, {
    db,
    tokens,
    devOrigins,
    devSecret,
    getChaos: () => chaos,
    setChaos: (c) => (chaos = c),
    getStats: () => stats,
    resetStats: () => (stats = { total: 0, byUser: {}, byMethod: {}, byKind: {}, maxInFlightByUser: {} }),
  });
  app.put('/_upload/:id', async (req, reply) => {
    const requestId = randomUUID();
    try {
      const r = putUploadChunk(
        { db, now },
        (req.params as { id: string }).id,
        req.headers['content-range'],
        req.body as Buffer,
      );
      return send(reply, requestId, r);
    } catch (e) {
      return fail(reply, requestId, e);
    }
  });

  const address = await app.listen({ port: options.port ?? 4000, host: options.host ?? '127.0.0.1' });
  const port = Number(new URL(address).port);
  origin = `http://localhost:${port}`;
  base = `${origin}/v1.0`;
  if (seedMeetings) {
    // The demo meetings are written by the add-in's own use cases over HTTP, as its users would (without
    // chaos, and not counted in the stats).
    const wanted = chaos;
    chaos = {};
    try {
      await seedDemoMeetings(
        { url: base, origin },
        (upn) => {
          const user = findUser(db, upn)!;
          return tokens.issue({ upn: user.userPrincipalName, oid: user.id, name: user.displayName }, 3600);
        },
        db,
        now(),
      );
    } finally {
      chaos = wanted;
      stats = { total: 0, byUser: {}, byMethod: {}, byKind: {}, maxInFlightByUser: {} };
    }
  }
  return {
    url: base,
    origin,
    db,
    devSecret,
    setChaos: (c) => (chaos = c),
    async close() {
      await app.close();
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    },
  };
}

/** The path of an inner batch URL below the version root, decoded ("/v1.0/%24batch?x" → "/$batch"). */
function innerPath(url: string): string {
  let path = url.split(/[?#]/)[0].replace(/^(?!\/)/, '/');
  try {
    path = decodeURIComponent(path);
  } catch {
    /* leave it as sent */
  }
  return path.replace(/^\/(v1\.0|beta)(?=\/|$)/i, '') || '/';
}

const isBatchPath = (path: string) => /^\/*\$batch\/?$/i.test(path);

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
