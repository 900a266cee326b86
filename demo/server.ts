/**
 * The local server as the demo and the tests use it: the embedded Microsoft imitation (devServer/) with the
 * add-in's lists on its site, and, with `seed: 'demo'`, the demo meetings written by the add-in's own use cases
 * over HTTP, as its users would. devServer/ itself knows nothing of the add-in; this is its client.
 */
import { columnDefinition, LISTS } from '../src/adapters/sharepoint/listSchema';
import { startGraphServer, type GraphServer, type GraphServerOptions } from '../devServer/server';
import type { TenantList } from '../devServer/tenant';
import { seedDemoMeetings } from './meetings';

export interface DemoServerOptions extends Omit<GraphServerOptions, 'tenantLists'> {
  /** `demo`: a new database gets the demo meetings (default `none`: the tenant and its lists only). */
  seed?: 'demo' | 'none';
}

/** The add-in's lists as the site has them before anyone provisions: created, not yet secured. */
export const DEMO_LISTS: TenantList[] = LISTS.map((spec) => ({
  displayName: spec.name,
  columns: spec.columns.map(columnDefinition),
}));

export async function startDemoServer(options: DemoServerOptions = {}): Promise<GraphServer> {
  const { seed, ...serverOptions } = options;
  const server = await startGraphServer({ ...serverOptions, tenantLists: DEMO_LISTS });
  if (seed === 'demo' && server.created) {
    // Without chaos, and not counted in the stats: the demo is the starting point, not the test.
    server.setChaos({});
    try {
      await seedDemoMeetings(server, (options.now ?? (() => new Date()))());
    } catch (e) {
      await server.close();
      throw e;
    } finally {
      server.setChaos(options.chaos ?? {});
      server.resetStats();
    }
  }
  return server;
}
