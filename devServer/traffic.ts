import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decide } from './chaos';
import { errorBody } from './errors';
import type { House } from './house';
import { send } from './replies';

/** The kind of resource a path asks for, as `/_dev/stats` counts it. */
export const pathKind = (path: string) =>
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

/** One more request of `upn` in the stats. */
export function count(house: House, upn: string, method: string, kind: string) {
  const { stats } = house;
  stats.total += 1;
  stats.byUser[upn] = (stats.byUser[upn] ?? 0) + 1;
  stats.byMethod[method] = (stats.byMethod[method] ?? 0) + 1;
  stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
}

/** Counts the request as in flight for `upn` until its reply is finished (or the connection closes). */
export function holdInFlight(house: House, upn: string, reply: FastifyReply) {
  const { inFlight, stats } = house;
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

/** Chaos before the request is handled, for /v1.0 (and per batch step); never /_dev. */
export async function applyChaos(
  house: House,
  req: FastifyRequest,
  reply: FastifyReply,
  inBatch: boolean,
): Promise<boolean> {
  const { chaos } = house;
  if (chaos.latency) await new Promise((r) => setTimeout(r, chaos.latency));
  const outcome = decide(chaos, house.random);
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
}
