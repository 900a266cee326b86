import { GraphError } from '@microsoft/microsoft-graph-client';
import {
  Conflict,
  Forbidden,
  Invalid,
  NotFound,
  Offline,
  PortError,
  Throttled,
  Unauthorized,
  Unavailable,
} from '../../ports/errors';

/** The one place where Graph's failures become the ports' typed errors. */
export function mapGraphError(e: unknown): PortError {
  if (e instanceof PortError) return e;
  if (e instanceof GraphError && e.statusCode > 0)
    return fromStatus(e.statusCode, e.code ?? '', e.message, e.headers);
  if (isGraphErrorLike(e) && e.statusCode > 0) return fromStatus(e.statusCode, e.code ?? '', e.message);
  const message = e instanceof Error ? e.message : String(e);
  return new Offline(`No connection to Microsoft Graph (${message})`);
}

export function fromStatus(status: number, code: string, message: string, headers?: Headers): PortError {
  const details = { status, code, retryAfterMs: retryAfterMs(headers) };
  if (status === 401) return new Unauthorized(message, details);
  if (status === 403) return new Forbidden(message, details);
  if (status === 404 || status === 410) return new NotFound(message, details);
  if (status === 409 || status === 412) return new Conflict(message, details);
  if (status === 429) return new Throttled(message, details);
  if (status === 408 || status === 504) return new Offline(message, details);
  if (status >= 500) return new Unavailable(message, details);
  return new Invalid(message, details);
}

function retryAfterMs(headers?: Headers): number | undefined {
  const value = headers?.get?.('Retry-After');
  if (!value) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(value) - Date.now());
}

function isGraphErrorLike(e: unknown): e is { statusCode: number; code?: string; message: string } {
  return (
    typeof e === 'object' && e !== null && typeof (e as { statusCode?: unknown }).statusCode === 'number'
  );
}
