import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The HMAC secret for dev tokens of a file database, kept beside it: tokens stay valid across restarts of
 * the local server, and the CLI and `npm start` on the same database accept each other's tokens.
 */
export function devSecret(db: string): string | undefined {
  if (db === ':memory:') return undefined;
  const file = join(dirname(db), 'dev-token-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
