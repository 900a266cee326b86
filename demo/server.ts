/**
 * The local server as the demo and the tests use it: the embedded Microsoft imitation (devServer/) with the
 * add-in's lists on its site, and, with `seed: 'demo'`, the demo meetings written by the add-in's own use cases
 * over HTTP, as its users would. devServer/ itself knows nothing of the add-in; this is its client.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { columnDefinition, LIBRARIES, LISTS } from '../src/adapters/sharepoint/listSchema';
import { startGraphServer, type GraphServer, type GraphServerOptions } from '../devServer/server';
import type { TenantList } from '../devServer/tenant';
import { seedDemoMeetings } from './meetings';

export interface DemoServerOptions extends Omit<GraphServerOptions, 'tenantLists' | 'image'> {
  /** `demo`: a new database gets the demo meetings (default `none`: the tenant and its lists only). */
  seed?: 'demo' | 'none';
}

/** The add-in's lists as the site has them before anyone provisions: created, not yet secured. */
export const DEMO_LISTS: TenantList[] = [
  ...LISTS.map((spec) => ({ displayName: spec.name, columns: spec.columns.map(columnDefinition) })),
  ...LIBRARIES.map((lib) => ({ displayName: lib.name, columns: [], template: 'documentLibrary' as const })),
];

/**
 * Where a run keeps the seeded demo database to copy for every in-memory server it starts (the test runner
 * sets it to a folder of its own per run, tests/setup/globalSetup.ts): writing the demo through the use cases
 * costs a few hundred requests, copying it a few milliseconds. Unset, every server seeds its own.
 */
const TEMPLATE_DIR_ENV = 'DEMO_TEMPLATE_DIR';

/** The template of today (the demo's meetings are placed relative to the Copenhagen day). */
function templateFile(options: DemoServerOptions): string | null {
  const dir = process.env[TEMPLATE_DIR_ENV];
  // A server with its own clock seeds itself: its demo depends on it.
  if (!dir || options.now) return null;
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  return join(dir, `demo-${day}.db`);
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<GraphServer> {
  const { seed, ...serverOptions } = options;
  const template = seed === 'demo' ? templateFile(options) : null;
  const db = options.db ?? ':memory:';
  if (template && existsSync(template)) {
    if (db === ':memory:')
      return startGraphServer({ ...serverOptions, tenantLists: DEMO_LISTS, image: readFileSync(template) });
    // A new database file starts as a copy of the template; an existing one is opened as it is.
    if (!existsSync(db)) {
      mkdirSync(dirname(db), { recursive: true });
      copyFileSync(template, db);
    }
    return startGraphServer({ ...serverOptions, tenantLists: DEMO_LISTS });
  }
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
    if (template) {
      // Written aside and renamed: a file started at the same time by another worker is whole or absent.
      const partial = `${template}.${process.pid}`;
      writeFileSync(partial, server.db.serialize());
      renameSync(partial, template);
    }
  }
  return server;
}
