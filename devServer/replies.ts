import type { FastifyReply } from 'fastify';
import { errorBody, GraphHttpError } from './errors';
import { JSON_CONTENT_TYPE, type Result } from './http';

/** A handler's result as Graph sends it: request-id headers, then the JSON body (or raw bytes, or nothing). */
export const send = (reply: FastifyReply, requestId: string, r: Result) => {
  reply.header('request-id', requestId).header('client-request-id', requestId);
  for (const [k, v] of Object.entries(r.headers ?? {})) reply.header(k, v);
  if (r.raw) return reply.code(r.status).send(r.raw);
  if (r.body === undefined) return reply.code(r.status).send();
  return reply.code(r.status).header('Content-Type', JSON_CONTENT_TYPE).send(JSON.stringify(r.body));
};

/** A failure as Graph's error body; anything that is not a GraphHttpError is a 500 generalException. */
export const fail = (reply: FastifyReply, requestId: string, e: unknown) => {
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
