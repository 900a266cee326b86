import { DevTokenProvider } from '../../src/adapters/auth/devTokenProvider';
import { createGraphConnection, type GraphConnection } from '../../src/adapters/graph/graphClient';
import { createSharePointRest } from '../../src/adapters/sharepoint/sharePointRest';
import { SharePointListStore } from '../../src/adapters/sharepoint/sharePointListStore';
import { SharePointPermissions } from '../../src/adapters/sharepoint/sharePointPermissions';
import { GRAPH_SCOPES } from '../../src/config';
import type { ChaosOptions } from '../../devServer/chaos';
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';

export const SITE = 'kommune.sharepoint.com:/sites/moeder';

/** The local Graph server and a Graph connection per person, as the add-in builds them. */
export async function localGraph(
  options: { seed?: 'demo' | 'none'; chaos?: ChaosOptions; seedRandom?: number } = {},
) {
  const server: GraphServer = await startDemoServer({
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

/** The local server's SharePoint site (REST base `${origin}/sites/moeder/_api`). */
export const siteUrlOf = (server: Pick<GraphServer, 'origin'>) => `${server.origin}/sites/moeder`;

/**
 * SharePoint REST (PnPjs) and the permissions adapter for one person on the local server, as the add-in
 * builds them (createSharePointRest + SharePointPermissions), plus that person's Graph connection and list
 * store over both.
 */
export function localSharePoint(server: Pick<GraphServer, 'origin' | 'url'>, upn: string) {
  const tokens = new DevTokenProvider(server.origin, upn);
  const rest = createSharePointRest({
    siteUrl: siteUrlOf(server),
    tokens,
    scopes: ['https://kommune.sharepoint.com/Sites.Selected'],
    retries: 2,
    retryIntervalMs: 50,
  });
  const graph = createGraphConnection({
    baseUrl: server.url,
    tokens,
    scopes: [...GRAPH_SCOPES.base, ...GRAPH_SCOPES.lists],
  });
  return {
    rest,
    graph,
    permissions: new SharePointPermissions(rest),
    lists: new SharePointListStore(graph, SITE, rest),
  };
}

/**
 * The site as IT leaves it (docs/tenant-setup.md): the lists provisioned by the site's owner (Ingrid) and a
 * secretariat for each secretary (Sofie by default), who is no site owner.
 */
export async function provisionSite(
  server: Pick<GraphServer, 'origin' | 'url'>,
  secretaries: string[] = ['sofie@kommune.example'],
): Promise<void> {
  const it = localSharePoint(server, 'ingrid@kommune.example');
  await it.lists.ensureProvisioned();
  await it.lists.provisionSecretariats(secretaries);
}
