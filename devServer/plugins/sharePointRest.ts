import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { TokenClaims } from '../auth';
import { GraphHttpError } from '../errors';
import type { Ctx } from '../http';
import { formatOf, SpError, spErrorBody } from '../sharepoint/odataJson';
import { handleRest, unauthorized } from '../sharepoint/restRoutes';
import { MAX_URL_LENGTH, urlTooLong } from '../limits';
import { applyChaos, count } from '../traffic';
import { decodeOnce } from './graph';

/** SharePoint REST below a site's path (…/sites/moeder/_api/…, or /_api/… for the root site). */
export const sharePointRest: FastifyPluginAsync = async (app) => {
  const house = app.house;
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
            e.status === 400
              ? '-1, Microsoft.SharePoint.Client.InvalidClientQueryException'
              : '-1, System.Exception',
            e.message,
          ),
          e.headers,
        );
      console.error(e);
      return answer(
        500,
        spErrorBody(format, '-2146233088, System.Exception', 'An unexpected error occurred.'),
      );
    };
    if (at < 0)
      return spFail(new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.'));
    if (req.url.length > MAX_URL_LENGTH) return spFail(urlTooLong());
    let me: TokenClaims;
    try {
      me = house.tokens.verify(req.headers.authorization);
    } catch (e) {
      return spFail(unauthorized(e));
    }
    count(house, me.upn, req.method, 'spRest');
    house.onRequest?.({
      upn: me.upn,
      method: req.method,
      path: decodeOnce(url.pathname) ?? url.pathname,
      query: Object.fromEntries(url.searchParams),
      inBatch: false,
      sharePointRest: true,
    });
    if (!(await applyChaos(house, req, reply, false))) return reply;
    let sitePath: string;
    try {
      sitePath = decodeURIComponent(url.pathname.slice(0, at)).replace(/\/+$/, '') || '/';
    } catch {
      return spFail(new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.'));
    }
    const { db } = house;
    const site = db.prepare('SELECT * FROM sites WHERE path = ? COLLATE NOCASE').get(sitePath) as
      { id: string; hostname: string; path: string; json: string } | undefined;
    if (!site)
      return spFail(new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.'));
    const query: Record<string, string> = {};
    url.searchParams.forEach((v, k) => (query[k] = v));
    const headers = req.headers as Record<string, string | undefined>;
    const ctx: Ctx = {
      db,
      me,
      method: req.method,
      path: url.pathname,
      query,
      headers,
      body: req.body,
      base: house.base,
      now: house.now,
      variants: house.variants,
    };
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
        house.origin,
      );
      return answer(r.status, r.body, r.headers);
    } catch (e) {
      return spFail(e);
    }
  };
  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const) {
    app.route({ method, url: '/sites/*', handler: spRest });
    app.route({ method, url: '/_api/*', handler: spRest });
    app.route({ method, url: '/_api', handler: spRest });
  }
};
