import type { TokenClaims } from '../../auth';
import type { Db } from '../../db';
import type { Ctx } from '../../http';
import { ListAccess } from '../../lists/access';
import type { SiteRow } from '../../lists/sites';
import { accessDenied, badQuery, formatOf, Renderer } from '../odataJson';
import { ensureUser, groupMembers, siteUserByUpn, type PrincipalRow } from '../principals';
import { has, Perm } from '../roleDefinitions';
import { WEB, type ScopeKey } from '../scopeTree';

/*
 * One SharePoint REST request and its caller: the verb (with X-HTTP-Method), the query options ($select,
 * $expand, @aliases), the body, and what the caller may do (their permission mask on a securable, and on a
 * group). What a path addresses is ./nodes.ts; how SharePoint shows it, ./entities.ts.
 */

/** One SharePoint REST request, as the plugin hands it to the router (restRoutes.ts). */
export interface RestRequest {
  method: string;
  /** Site path ("/sites/moeder" or "/") and the part after "/_api/" (still percent-encoded). */
  sitePath: string;
  apiPath: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: unknown;
}

export interface RestAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export class RestContext {
  readonly access: ListAccess;
  readonly render: Renderer;
  readonly webUrl: string;
  readonly apiUrl: string;
  readonly aliases: Record<string, string>;
  readonly q: Record<string, string>;
  readonly verb: string;

  constructor(
    readonly ctx: Ctx,
    readonly site: SiteRow,
    readonly req: RestRequest,
    origin: string,
  ) {
    this.access = new ListAccess(ctx, site.id);
    this.webUrl = `${origin}${site.path === '/' ? '' : site.path}`;
    this.apiUrl = `${this.webUrl}/_api`;
    this.render = new Renderer(formatOf(req.headers.accept), this.webUrl);
    this.q = {};
    this.aliases = {};
    for (const [k, v] of Object.entries(req.query)) {
      if (k.startsWith('@')) this.aliases[k.toLowerCase()] = v;
      else this.q[k.toLowerCase()] = v;
    }
    const override = (req.headers['x-http-method'] ?? '').toUpperCase();
    this.verb = req.method === 'POST' && override ? override : req.method;
  }

  get db(): Db {
    return this.ctx.db;
  }
  get siteId() {
    return this.site.id;
  }
  get sec() {
    return this.access.sec;
  }
  get me(): TokenClaims {
    return this.ctx.me;
  }

  mask(key: ScopeKey): bigint {
    return this.sec.maskOf(this.me.upn, key);
  }

  require(key: ScopeKey, perm: bigint) {
    if (!has(this.mask(key), perm)) throw accessDenied();
  }

  /** The caller as a site user (SharePoint adds a person to the site on their first visit). */
  meUser(): PrincipalRow {
    const u = ensureUser(this.db, this.siteId, this.me.upn);
    if (!u) throw accessDenied();
    return u;
  }

  selected(): Set<string> | undefined {
    const s = this.q.$select;
    if (!s) return undefined;
    const names = s
      .split(',')
      .map((x) => x.trim().split('/')[0].toLowerCase())
      .filter(Boolean);
    return names.includes('*') ? undefined : new Set(names);
  }

  expanded(): Set<string> {
    return new Set(
      (this.q.$expand ?? '')
        .split(',')
        .map((x) => x.trim().split('/')[0].toLowerCase())
        .filter(Boolean),
    );
  }

  applySelect(data: Record<string, unknown>): Record<string, unknown> {
    const sel = this.selected();
    if (!sel) return data;
    return Object.fromEntries(Object.entries(data).filter(([k]) => sel.has(k.toLowerCase())));
  }

  /** Who may change a group's membership or delete it: its owner (a user, or a member of the owner group)
   * or someone with ManagePermissions on the web. */
  canManageGroup(g: PrincipalRow): boolean {
    if (has(this.mask(WEB), Perm.ManagePermissions)) return true;
    return g.owner_id !== null && this.sec.principalsOf(this.me.upn).includes(g.owner_id);
  }

  canViewMembers(g: PrincipalRow): boolean {
    if (!g.only_members_view || this.canManageGroup(g)) return true;
    const me = siteUserByUpn(this.db, this.siteId, this.me.upn);
    return !!me && groupMembers(this.db, this.siteId, g.id).some((m) => m.id === me.id);
  }
}

export const ok = (body: unknown, status = 200): RestAnswer => ({ status, body });
export const noContent = (): RestAnswer => ({ status: 204 });

/** The request's JSON object body without __metadata; none is {}, anything but an object SharePoint's 400. */
export const bodyObject = (rc: RestContext): Record<string, unknown> => {
  const b = rc.req.body;
  if (b === undefined || b === null) return {};
  if (typeof b !== 'object' || Array.isArray(b)) throw badQuery('The request body is not a JSON object.');
  return Object.fromEntries(Object.entries(b as Record<string, unknown>).filter(([k]) => k !== '__metadata'));
};
