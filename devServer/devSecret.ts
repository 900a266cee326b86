import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A secret of a file database, kept beside it (mode 0600), made on first use. `dev-token-secret` (the
 * default) signs dev tokens: they stay valid across restarts of the local server, and the CLI and `npm start`
 * on the same database accept each other's tokens. `dev-access-secret` opens `/_dev/*` to a caller that is
 * not on localhost (`X-Dev-Secret`). `:memory:` databases have none (the server makes one per start).
 */
export function devSecret(db: string, name = 'dev-token-secret'): string | undefined {
  if (db === ':memory:') return undefined;
  const file = join(dirname(db), name);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
