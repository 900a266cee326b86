import { PortError } from '../src/ports/errors';

/** One Danish line for an error at the edge of a command-line tool. */
export function describeError(e: unknown): string {
  if (e instanceof PortError) return `${e.message} (${e.kind})`;
  if (e instanceof Error) return e.message;
  return String(e);
}
