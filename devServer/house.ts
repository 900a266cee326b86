import type { TokenService } from './auth';
import type { ChaosOptions } from './chaos';
import type { Db } from './db';
import type { Route } from './http';
import type { ServedRequest } from './server';
import type { SpVariants } from './variants';

/** What the server counts for `/_dev/stats`. */
export interface Stats {
  total: number;
  byUser: Record<string, number>;
  byMethod: Record<string, number>;
  byKind: Record<string, number>;
  /** The most requests of one user in flight at once (Graph throttles a mailbox above 4). */
  maxInFlightByUser: Record<string, number>;
}

export const emptyStats = (): Stats => ({
  total: 0,
  byUser: {},
  byMethod: {},
  byKind: {},
  maxInFlightByUser: {},
});

/**
 * The state every plugin of one server shares, decorated on the Fastify instance as `house` (one per
 * `startGraphServer`, never a module global).
 */
export interface House {
  db: Db;
  tokens: TokenService;
  now: () => Date;
  random: () => number;
  chaos: ChaosOptions;
  stats: Stats;
  /** Requests of each user being answered now (not counting the steps inside a $batch). */
  inFlight: Record<string, number>;
  /** Marks the server's own inner batch requests; a random value, so a client cannot pass as one. */
  batchMarker: string;
  /** The Graph resources' routes, in the order their plugins were registered (the first match answers). */
  graphRoutes: Route[];
  /** http://localhost:PORT, known once the server listens. */
  origin: string;
  /** `${origin}/v1.0`, the absolute base for links. */
  base: string;
  /** The readings of undocumented SharePoint behaviour in force (`--sp-variants`; variants.ts). */
  variants: SpVariants;
  /** Sees every request the server counts (the bench's budget model). */
  onRequest?: (request: ServedRequest) => void;
}

declare module 'fastify' {
  interface FastifyInstance {
    house: House;
  }
}
