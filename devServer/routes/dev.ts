import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TokenService } from '../auth';
import type { ChaosOptions } from '../chaos';
import type { Db } from '../db';
import { errorBody, GraphHttpError } from '../errors';
import { findUser } from './users';

/** The dev pages' origins when nothing else is said: `npm start` serves them on port 3000. */
export const DEFAULT_DEV_ORIGINS = ['http://localhost:3000', 'https://localhost:3000'];

/** The header a tool that is not on this machine (or not reaching it as localhost) sends to use `/_dev/*`. */
export const DEV_SECRET_HEADER = 'x-dev-secret';

/**
 * The dev pages' origins from the environment `npm start` uses: APP_URL (where the pages are served), else
 * http(s)://localhost:PORT; DEV_ORIGINS (comma-separated) adds more.
 */
export function devOriginsFromEnv(env: Record<string, string | undefined>): string[] {
  const origins = env.APP_URL
    ? [new URL(env.APP_URL).origin]
    : env.PORT
      ? [`http://localhost:${Number(env.PORT)}`, `https://localhost:${Number(env.PORT)}`]
      : [...DEFAULT_DEV_ORIGINS];
  for (const o of (env.DEV_ORIGINS ?? '').split(',').map((s) => s.trim()))
    if (o) origins.push(new URL(o).origin);
  return [...new Set(origins)];
}

export interface DevRouteOptions {
  db: Db;
  tokens: TokenService;
  getChaos(): ChaosOptions;
  setChaos(chaos: ChaosOptions): void;
  getStats(): unknown;
  resetStats(): unknown;
  /** Origins whose pages may call `/_dev/*` (the add-in's dev pages). */
  devOrigins: string[];
  /** Lets a request without an Origin through from anywhere (X-Dev-Secret). */
  devSecret: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const isLoopback = (address: string | undefined) =>
  !!address && (/^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address));
const localHost = (host: string | undefined) => {
  if (!host) return false;
  try {
    return LOCAL_HOSTS.has(new URL(`http://${host}`).hostname.toLowerCase());
  } catch {
    return false;
  }
};
const sameSecret = (given: string | string[] | undefined, secret: string) => {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Who may use `/_dev/*`: it mints anyone's token, reads the mail (decline comments are health data) and
 * switches chaos on, so it answers this machine's tools and the add-in's own dev pages only.
 * - A request with an `Origin` (a browser page) must come from one of the dev pages' origins; any other
 *   origin is refused here, by the server, not only by the browser's CORS check.
 * - Every request must reach the server from a loopback address with a Host of localhost, 127.0.0.1 or
 *   [::1] (a DNS-rebinding page calls us with its own host name), unless it carries the dev secret.
 */
export function devAccess(
  req: Pick<FastifyRequest, 'headers'> & { socket: { remoteAddress?: string } },
  options: Pick<DevRouteOptions, 'devOrigins' | 'devSecret'>,
): { ok: true; origin?: string } | { ok: false; reason: string } {
  const origin = req.headers.origin;
  if (origin !== undefined && !options.devOrigins.includes(origin))
    return { ok: false, reason: `The origin '${origin}' may not use the local server's dev endpoints.` };
  if (sameSecret(req.headers[DEV_SECRET_HEADER], options.devSecret)) return { ok: true, origin };
  if (!isLoopback(req.socket.remoteAddress) || !localHost(req.headers.host))
    return {
      ok: false,
      reason: 'The dev endpoints answer only on localhost (or with the dev secret).',
    };
  return { ok: true, origin };
}

/**
 * The local server's own endpoints (`/_dev/*`): dev tokens, chaos, stats, the sent mail, the Teams chat of
 * a meeting and Live Share's meeting → container mapping and client registry. Chaos never applies here.
 */
export function registerDevRoutes(app: FastifyInstance, options: DevRouteOptions): void {
  const { db, tokens } = options;
  const fail = (reply: FastifyReply, e: GraphHttpError) => {
    const requestId = randomUUID();
    return reply
      .code(e.status)
      .header('request-id', requestId)
      .header('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify(errorBody(e.code, e.message, requestId)));
  };
  const invalid = (message: string) => new GraphHttpError(400, 'invalid_request', message);

  app.register(
    async (dev) => {
      dev.addHook('onRequest', async (req, reply) => {
        const access = devAccess({ headers: req.headers, socket: req.raw.socket }, options);
        if (!access.ok) {
          fail(reply, new GraphHttpError(403, 'accessDenied', access.reason));
          return reply;
        }
        if (access.origin) {
          reply
            .header('Access-Control-Allow-Origin', access.origin)
            .header('Vary', 'Origin')
            .header('Access-Control-Expose-Headers', 'request-id');
        }
        if (req.method === 'OPTIONS') {
          reply
            .header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
            .header('Access-Control-Allow-Headers', 'authorization, content-type')
            .header('Access-Control-Max-Age', '600')
            .code(204)
            .send();
          return reply;
        }
      });
      // Preflights reach the hook above (which answers them) only for a route that exists.
      dev.options('/*', async (_req, reply) => reply.code(204).send());

      dev.post('/token', async (req, reply) => {
        const body = (req.body ?? {}) as { upn?: string; expires_in?: number };
        const user = body.upn ? findUser(db, body.upn) : undefined;
        if (!user) return fail(reply, invalid(`Unknown user '${body.upn ?? ''}'.`));
        const expires = Math.max(1, Math.min(Number(body.expires_in) || 3600, 24 * 3600));
        const token = tokens.issue(
          { upn: user.userPrincipalName, oid: user.id, name: user.displayName },
          expires,
        );
        return reply.send({ access_token: token, token_type: 'Bearer', expires_in: expires });
      });

      // Live Share container mapping for local mode (in Teams the meeting service keeps it): the first client
      // to create a Fluid container for a meeting wins; everyone else is told to join that one.
      const liveContainers = new Map<string, string>();
      dev.get('/live/:key', async (req) => {
        const containerId = liveContainers.get((req.params as { key: string }).key);
        return containerId
          ? { containerState: 'AlreadyExists', containerId, shouldCreate: false, retryAfter: 0 }
          : { containerState: 'NotFound', shouldCreate: true, retryAfter: 0 };
      });
      dev.post('/live/:key', async (req, reply) => {
        const key = (req.params as { key: string }).key;
        const candidate = (req.body as { containerId?: unknown } | undefined)?.containerId;
        if (typeof candidate !== 'string' || !candidate || candidate.length > 200)
          return fail(reply, invalid('containerId is required.'));
        const existing = liveContainers.get(key);
        if (existing)
          return {
            containerState: 'AlreadyExists',
            containerId: existing,
            shouldCreate: false,
            retryAfter: 0,
          };
        liveContainers.set(key, candidate);
        return { containerState: 'Added', containerId: candidate, shouldCreate: false, retryAfter: 0 };
      });

      // Live Share's client registry for local mode, as Teams' meeting service keeps it: a client registers
      // its Fluid clientId with the signed-in person's token, and everyone in the session asks who a
      // clientId is. The identity is the token's, never what the client says; a clientId is bound once.
      const liveClients = new Map<string, { userId: string; displayName: string; roles: string[] }>();
      const rolesOf = (key: string, upn: string): string[] => {
        const row = db.prepare('SELECT json FROM events WHERE ical_uid = ? LIMIT 1').get(key) as
          { json: string } | undefined;
        const organizer = row
          ? (JSON.parse(row.json) as { organizer?: { emailAddress?: { address?: string } } }).organizer
              ?.emailAddress?.address
          : undefined;
        return organizer?.toLowerCase() === upn.toLowerCase()
          ? ['Organizer', 'Presenter', 'Attendee']
          : ['Attendee'];
      };
      dev.post('/live/:key/clients', async (req, reply) => {
        const key = (req.params as { key: string }).key;
        let me;
        try {
          me = tokens.verify(req.headers.authorization);
        } catch (e) {
          return fail(reply, e as GraphHttpError);
        }
        const clientId = (req.body as { clientId?: unknown } | undefined)?.clientId;
        if (typeof clientId !== 'string' || !clientId || clientId.length > 200)
          return fail(reply, invalid('clientId is required.'));
        const id = `${key}\n${clientId}`;
        const existing = liveClients.get(id);
        if (existing && existing.userId !== me.oid)
          return fail(
            reply,
            new GraphHttpError(409, 'conflict', 'This clientId is registered to somebody else.'),
          );
        const info = existing ?? { userId: me.oid, displayName: me.name, roles: rolesOf(key, me.upn) };
        liveClients.set(id, info);
        return { roles: info.roles };
      });
      dev.get('/live/:key/clients/:clientId', async (req, reply) => {
        const { key, clientId } = req.params as { key: string; clientId: string };
        const info = liveClients.get(`${key}\n${clientId}`);
        if (!info) return fail(reply, new GraphHttpError(404, 'itemNotFound', 'Unknown clientId.'));
        return info;
      });

      dev.get('/chaos', async () => options.getChaos());
      dev.post('/chaos', async (req) => {
        options.setChaos((req.body ?? {}) as ChaosOptions);
        return options.getChaos();
      });
      dev.get('/stats', async () => options.getStats());
      dev.post('/stats/reset', async () => options.resetStats());
      dev.get('/mail', async () => ({
        value: (
          db.prepare('SELECT * FROM mail ORDER BY sent').all() as Array<{
            id: string;
            sender: string;
            json: string;
            sent: string;
          }>
        ).map((m) => ({ id: m.id, sender: m.sender, sent: m.sent, ...JSON.parse(m.json) })),
      }));
      dev.get('/chats', async (req) => {
        const key = (req.query as { meeting?: string }).meeting;
        const row = db.prepare('SELECT json FROM events WHERE ical_uid = ? LIMIT 1').get(key ?? '') as
          { json: string } | undefined;
        return { chatId: row ? ((JSON.parse(row.json) as { chatId?: string }).chatId ?? null) : null };
      });
    },
    { prefix: '/_dev' },
  );
}
