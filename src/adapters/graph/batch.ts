import type { GraphConnection } from './graphClient';
import { fromStatus, mapGraphError } from './graphErrors';

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  /** Relative to the version root, e.g. "/me/events". */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export const MAX_BATCH = 20;
const RETRYABLE = new Set([429, 503, 504]);
/**
 * A read changes nothing, so any server error of a GET step is worth another try. A throttled write step
 * is tried again here only when the connection leaves write retries to the transport; on a page its owner
 * (the outbox) retries it, and it comes back as the step's 429/503/504 (writeRetries.ts).
 */
const retryable = (connection: GraphConnection, request: BatchRequest, status: number) =>
  request.method === 'GET'
    ? status >= 500 || RETRYABLE.has(status)
    : connection.writeRetries !== 'owner' && RETRYABLE.has(status);

/**
 * POST /$batch with at most 20 requests. Graph answers 200 even when sub-requests were throttled; the
 * SDK does not retry those, so this does: the throttled ones (and reads that met a server error) again,
 * together, after the longest Retry-After (capped exponential back-off when none is given) — write steps
 * only where the transport owns write retries.
 */
export async function runBatch(
  connection: GraphConnection,
  requests: BatchRequest[],
  options: { maxRetries?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<Map<string, BatchResponse>> {
  if (requests.length > MAX_BATCH) throw new Error(`A Graph batch holds at most ${MAX_BATCH} requests`);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxRetries = options.maxRetries ?? 4;
  const results = new Map<string, BatchResponse>();
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    let answer: { responses: BatchResponse[] };
    try {
      answer = await connection.client.api('/$batch').post({ requests: pending.map(withJsonHeader) });
    } catch (e) {
      throw mapGraphError(e);
    }
    const retry: BatchRequest[] = [];
    let waitMs = 0;
    for (const response of answer.responses) {
      const request = pending.find((r) => r.id === response.id);
      if (request && retryable(connection, request, response.status) && attempt < maxRetries) {
        retry.push(request);
        const after = Number(headerOf(response, 'retry-after'));
        waitMs = Math.max(
          waitMs,
          Number.isFinite(after) && after > 0 ? after * 1000 : Math.min(8000, 500 * 2 ** attempt),
        );
      } else {
        results.set(response.id, response);
      }
    }
    // A request whose dependency is retried must go again too (it answered 424).
    for (const request of pending) {
      if (!retry.includes(request) && request.dependsOn?.some((d) => retry.some((r) => r.id === d))) {
        retry.push(request);
        results.delete(request.id);
      }
    }
    pending = retry;
    if (pending.length) await sleep(waitMs);
  }
  return results;
}

/** The body of a sub-response, or its typed error. */
export function bodyOf<T>(response: BatchResponse | undefined): T {
  if (!response) throw fromStatus(500, 'missingResponse', 'Graph returned no answer for a batch step');
  if (response.status >= 400) {
    const err = (response.body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw fromStatus(response.status, err?.code ?? '', err?.message ?? `HTTP ${response.status}`);
  }
  return response.body as T;
}

function headerOf(response: BatchResponse, name: string): string | undefined {
  const entry = Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === name);
  return entry?.[1];
}

function withJsonHeader(r: BatchRequest): BatchRequest {
  return r.body !== undefined ? { ...r, headers: { 'Content-Type': 'application/json', ...r.headers } } : r;
}
