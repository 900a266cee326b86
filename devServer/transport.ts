import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { badRequest, GraphHttpError } from './errors';
import { fail } from './replies';

/**
 * What every request meets before a route, set on the root instance so all plugins inherit it: the body
 * parsers, CORS as Graph answers it, and Fastify's own failures turned into Graph's error bodies.
 */
export function configureTransport(app: FastifyInstance) {
  app.addContentTypeParser(['application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  // A file's bytes (PUT …/content, an upload session's ranges) come with the file's own type (application/pdf,
  // image/png, Office types, text/plain): kept as bytes. Graph's JSON resources refuse them (plugins/graph.ts).
  app.addContentTypeParser(
    /^(application\/(pdf|msword|zip|vnd\.[^;]+)|image\/[^;]+|text\/(plain|csv))/,
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
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
}
