import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, errorBody } from '../errors';
import { JSON_CONTENT_TYPE } from '../http';
import { fail } from '../replies';

const MAX_BATCH = 20;

interface BatchStep {
  id?: string;
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/**
 * `POST /v1.0/$batch` as Graph runs it: at most MAX_BATCH steps, each an inner request through this same
 * server (marked, so it is neither counted in flight nor may be a batch itself), independent steps at once,
 * a step after the steps it depends on (424 when one of them failed).
 */
export async function runBatch(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  requestId: string,
) {
  const body = req.body as { requests?: BatchStep[] };
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
      return fail(reply, requestId, badRequest('Each batch request needs id, method and url.', 'BadRequest'));
    // Graph takes URLs relative to the version root only, and no batch inside a batch.
    if (/^[a-z][a-z0-9+.-]*:/i.test(r.url))
      return fail(reply, requestId, badRequest('Invalid batch payload format.', 'BadRequest'));
    // Resolved against the version root, a step never leaves it ("/../_dev/token", "%2e%2e/…", "\\…").
    if (versionRootUrl(r.url) === undefined)
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
  const run = async (r: BatchStep) => {
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
    const url = versionRootUrl(r.url!)!;
    const res = await app.inject({
      method: r.method as 'GET',
      url,
      headers: {
        ...(r.headers ?? {}),
        authorization: req.headers.authorization ?? '',
        'x-graph-batch': app.house.batchMarker,
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
    for (const [h, name] of Object.entries(names)) if (res.headers[h]) headers[name] = String(res.headers[h]);
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
}

/**
 * An inner batch URL ("/me", "me", "/v1.0/me?…") as the path and query below `/v1.0` it addresses, dot
 * segments resolved as any URL resolver would (also percent-encoded and backslash ones); undefined when
 * it would leave the version root.
 */
export function versionRootUrl(url: string): string | undefined {
  const relative = url.replace(/^\/?v1\.0(?=[/?#]|$)/i, '').replace(/^(?![/?#])/, '/');
  let resolved: URL;
  try {
    resolved = new URL(`/v1.0${relative}`, 'http://graph.invalid');
  } catch {
    return undefined;
  }
  if (resolved.origin !== 'http://graph.invalid') return undefined;
  if (resolved.pathname !== '/v1.0' && !resolved.pathname.startsWith('/v1.0/')) return undefined;
  return `${resolved.pathname}${resolved.search}`;
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

export const isBatchPath = (path: string) => /^\/*\$batch\/?$/i.test(path);

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
