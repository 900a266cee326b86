import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { TokenClaims } from '../auth';
import { badRequest, GraphHttpError } from '../errors';
import { MAX_URL_LENGTH, urlTooLong } from '../limits';
import type { Ctx, Route } from '../http';
import { fail, send } from '../replies';
import { applyChaos, count, holdInFlight, pathKind } from '../traffic';
import { isBatchPath, runBatch } from './batch';

/**
 * A Graph resource as a plugin: its routes join the `/v1.0` router (`house.graphRoutes`) in the order the
 * plugins are registered.
 */
export const graphResource =
  (routes: Route[]): FastifyPluginAsync =>
  async (app) => {
    app.house.graphRoutes.push(...routes);
  };

/**
 * Microsoft Graph v1.0 below `/v1.0`: the bearer token, the stats, chaos, then `$batch` or the first
 * resource route whose pattern matches the decoded path (400 "Resource not found for the segment" if none).
 */
export const graphApi: FastifyPluginAsync = async (app) => {
  const house = app.house;
  const dispatch = async (req: FastifyRequest, reply: FastifyReply) => {
    const requestId = randomUUID();
    // The same length limit for every request, a $batch step included (it comes through here too).
    if (req.url.length > MAX_URL_LENGTH) return fail(reply, requestId, urlTooLong());
    const url = new URL(req.url, 'http://localhost');
    // Decoded once; a stray "%" is the caller's 400, never the server's 500.
    const decoded = decodeOnce(url.pathname.replace(/^\/v1\.0/, ''));
    if (decoded === undefined)
      return fail(reply, requestId, badRequest('The request URL is not valid.', 'BadRequest'));
    const path = decoded || '/';
    const inBatch = req.headers['x-graph-batch'] === house.batchMarker;
    let me: TokenClaims;
    try {
      me = house.tokens.verify(req.headers.authorization);
    } catch (e) {
      return fail(reply, requestId, e);
    }
    count(house, me.upn, req.method, pathKind(path));
    house.onRequest?.({
      upn: me.upn,
      method: req.method,
      path,
      query: Object.fromEntries(url.searchParams),
      inBatch,
      sharePointRest: false,
    });
    if (!inBatch) holdInFlight(house, me.upn, reply);
    if (!(await applyChaos(house, req, reply, inBatch))) return reply;
    if (isBatchPath(path)) {
      // An inner request cannot be a batch itself (each call runs at most MAX_BATCH requests).
      if (inBatch)
        return fail(reply, requestId, badRequest('Nested batch requests are not supported.', 'BadRequest'));
      if (req.method === 'POST') return runBatch(app, req, reply, requestId);
    }
    // Bytes are a file's content: only a drive's …/content takes them; every other resource wants JSON.
    if (Buffer.isBuffer(req.body) && !/\/content$/.test(path))
      return fail(
        reply,
        requestId,
        new GraphHttpError(
          415,
          'UnsupportedMediaType',
          'The content type of the request is not supported; send application/json.',
        ),
      );
    const query: Record<string, string> = {};
    url.searchParams.forEach((v, k) => (query[k] = v));
    const ctx: Ctx = {
      db: house.db,
      me,
      method: req.method,
      path,
      query,
      headers: req.headers as Record<string, string | undefined>,
      body: req.body,
      base: house.base,
      now: house.now,
      variants: house.variants,
    };
    try {
      for (const route of house.graphRoutes) {
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
  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const) {
    app.route({ method, url: '/v1.0/*', handler: dispatch });
    app.route({ method, url: '/v1.0', handler: dispatch });
  }
};

/** A percent-encoded path decoded once, or undefined when it is not valid percent-encoding. */
export function decodeOnce(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
