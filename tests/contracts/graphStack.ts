import { DevTokenProvider } from '../../src/adapters/auth/devTokenProvider';
import { createGraphConnection, type GraphConnection } from '../../src/adapters/graph/graphClient';
import { GRAPH_SCOPES } from '../../src/config';
import type { ChaosOptions } from '../../devServer/chaos';
import { startGraphServer, type GraphServer } from '../../devServer/server';

export const SITE = 'kommune.sharepoint.com:/sites/moeder';

/** The local Graph server and a Graph connection per person, as the add-in builds them. */
export async function localGraph(
  options: { seed?: 'demo' | 'none'; chaos?: ChaosOptions; seedRandom?: number } = {},
) {
  const server: GraphServer = await startGraphServer({
    port: 0,
    db: ':memory:',
    seed: options.seed ?? 'demo',
    chaos: options.chaos,
    seedRandom: options.seedRandom,
  });
  const connect = (
    upn: string,
    extra: { retryDelaySeconds?: number; maxRetries?: number } = {},
  ): GraphConnection =>
    createGraphConnection({
      baseUrl: server.url,
      tokens: new DevTokenProvider(server.origin, upn),
      scopes: [...GRAPH_SCOPES.base, ...GRAPH_SCOPES.lists],
      ...extra,
    });
  return { server, connect };
}
