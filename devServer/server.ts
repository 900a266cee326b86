import { randomBytes, randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { TokenService } from './auth';
import { seededRandom, type ChaosOptions } from './chaos';
import { isEmpty, openDb, type Db } from './db';
import { devSecret as fileSecret } from './devSecret';
import { emptyStats, type House } from './house';
import { graphApi, graphResource } from './plugins/graph';
import { sharePointRest } from './plugins/sharePointRest';
import { uploadSessions } from './plugins/upload';
import { attachmentRoutes } from './routes/attachments';
import { chatRoutes } from './routes/chats';
import { mailRoutes } from './routes/mail';
import { DEFAULT_DEV_ORIGINS, registerDevRoutes } from './routes/dev';
import { driveRoutes } from './routes/drives';
import { eventRoutes } from './routes/events';
import { siteRoutes } from './routes/sites';
import { userRoutes } from './routes/users';
import { seedTenant, upgradeTenantSecurity, type TenantList } from './tenant';
import { configureTransport } from './transport';
import { NO_VARIANTS, type SpVariants } from './variants';

export interface GraphServerOptions {
  port?: number;
  host?: string;
  db?: string;
  /** Start from an in-memory copy of a database made earlier (`db.serialize()`) instead of `db`. */
  image?: Buffer;
  /** The lists the tenant's site holds when the database is new (the server knows none of its own). */
  tenantLists?: TenantList[];
  chaos?: ChaosOptions;
  seedRandom?: number;
  now?: () => Date;
  /** Token signing secret; random per start unless given (tests that restart the server pass one). */
  secret?: string;
  /** Origins of the add-in's dev pages, the only pages that may call `/_dev/*` (default localhost:3000). */
  devOrigins?: string[];
  /**
   * Lets a request without Origin use `/_dev/*` from anywhere (`X-Dev-Secret`). Default: kept beside a
   * file database (`dev-access-secret`), random per start for `:memory:`.
   */
  devSecret?: string;
  /**
   * Readings of undocumented SharePoint behaviour to run with instead of the defaults (variants.ts,
   * devServer/README.md "Variants"); e.g. `parseSpVariants('all')`.
   */
  spVariants?: SpVariants;
  /** Sees every request the server counts (a $batch and each of its steps; SharePoint REST), e.g. for the bench. */
  onRequest?: (request: ServedRequest) => void;
}

/** A request as the server counted it: who, what, and whether it was a step of a $batch or SharePoint REST. */
export interface ServedRequest {
  upn: string;
  method: string;
  /** Below /v1.0 for Graph (e.g. "/sites/…/items/delta"), the full path for SharePoint REST. */
  path: string;
  query: Record<string, string>;
  inBatch: boolean;
  sharePointRest: boolean;
}

export interface GraphServer {
  /** http://localhost:PORT/v1.0 */
  url: string;
  origin: string;
  db: Db;
  /** The `X-Dev-Secret` value that opens `/_dev/*` to a caller that is not on localhost. */
  devSecret: string;
  /** The readings of undocumented SharePoint behaviour this server runs with. */
  variants: SpVariants;
  /** True when this start created the tenant in a new database (false when it reopened one). */
  created: boolean;
  setChaos(chaos: ChaosOptions): void;
  /** Forget the requests counted so far (`GET /_dev/stats`), e.g. after a client wrote the demo data. */
  resetStats(): void;
  close(): Promise<void>;
}

/** The embedded local Microsoft Graph: same URLs, shapes, statuses and error bodies as Graph v1.0. */
export async function startGraphServer(options: GraphServerOptions = {}): Promise<GraphServer> {
  const db = openDb(options.db ?? ':memory:', options.image);
  const tokens = new TokenService(options.secret);
  const devOrigins = options.devOrigins ?? DEFAULT_DEV_ORIGINS;
  const devSecret =
    options.devSecret ??
    fileSecret(options.db ?? ':memory:', 'dev-access-secret') ??
    randomBytes(32).toString('hex');
  const house: House = {
    db,
    tokens,
    now: options.now ?? (() => new Date()),
    random: seededRandom(options.seedRandom ?? Date.now()),
    chaos: options.chaos ?? {},
    stats: emptyStats(),
    inFlight: {},
    batchMarker: randomUUID(),
    graphRoutes: [],
    origin: '',
    base: '',
    onRequest: options.onRequest,
    variants: options.spVariants ?? NO_VARIANTS,
  };
  const created = isEmpty(db);
  if (created) seedTenant(db, options.tenantLists);
  else upgradeTenantSecurity(db);

  const app = Fastify({ bodyLimit: 8 * 1024 * 1024, logger: false });
  app.decorate('house', house);
  configureTransport(app);
  app.register(graphApi);
  for (const routes of [userRoutes, eventRoutes, attachmentRoutes, chatRoutes, mailRoutes, siteRoutes, driveRoutes])
    app.register(graphResource(routes));
  app.register(sharePointRest);
  app.register(uploadSessions);
  registerDevRoutes(app, {
    db,
    tokens,
    devOrigins,
    devSecret,
    getChaos: () => house.chaos,
    setChaos: (c) => (house.chaos = c),
    getStats: () => house.stats,
    resetStats: () => (house.stats = emptyStats()),
  });

  const address = await app.listen({ port: options.port ?? 4000, host: options.host ?? '127.0.0.1' });
  const port = Number(new URL(address).port);
  house.origin = `http://localhost:${port}`;
  house.base = `${house.origin}/v1.0`;
  return {
    url: house.base,
    origin: house.origin,
    db,
    devSecret,
    variants: house.variants,
    created,
    setChaos: (c) => (house.chaos = c),
    resetStats: () => (house.stats = emptyStats()),
    async close() {
      await app.close();
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    },
  };
}
