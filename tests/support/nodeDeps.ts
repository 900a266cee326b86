import { DevTokenProvider } from '../../src/adapters/auth/devTokenProvider';
import type { AppDeps } from '../../src/app/deps';
import { readConfig } from '../../src/config';
import { createNodeStack, type NodeStack } from '../../src/entries/nodeStack';
import type { Clock } from '../../src/ports/Clock';

/** A person's use-case dependencies against a local server, built by the Node composition root. */
export function stackAs(
  server: { url: string; origin: string },
  upn: string,
  options: { clock?: Clock; name?: string } = {},
): NodeStack {
  return createNodeStack({
    config: readConfig({ GRAPH_BASE_URL: server.url }),
    tokens: new DevTokenProvider(server.origin, upn),
    me: { upn, name: options.name ?? upn },
    clock: options.clock,
  });
}

export const depsAs = (server: { url: string; origin: string }, upn: string): AppDeps =>
  stackAs(server, upn).deps;
