import type { TokenClaims } from '../../auth';
import type { Db } from '../../db';
import type { Ctx } from '../../http';
import { ListAccess } from '../../lists/access';
import { fileDirRef, fileRef, isLibrary, listRootUrl } from '../../lists/shape';
import { allLists, type ListDoc } from '../../lists/lists';
import { folderAt, folderPath, getItem, type ItemRow } from '../../lists/rows';
import type { SiteRow } from '../../lists/sites';
import {
  accessDenied,
  argumentError,
  badQuery,
  formatOf,
  itemMissing,
  Renderer,
  type Entity,
} from '../odataJson';
import {
  ensureUser,
  groupMembers,
  principalById,
  principalJson,
  siteUserByUpn,
  userJson,
  type PrincipalRow,
} from '../principals';
import { has, Perm, roleDefinitionJson, type RoleDefinition } from '../roleDefinitions';
import { itemKey, listKey, type ScopeKey, WEB } from '../scopeTree';

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
// ---------------------------------------------------------------------------------------------------------
// Nodes: what a path addresses.

export type Node =
  | { k: 'web' }
  | { k: 'siteusers' }
  | { k: 'user'; p: PrincipalRow }
  | { k: 'roledefs' }
  | { k: 'roledef'; r: RoleDefinition }
  | { k: 'groups' }
  | { k: 'group'; p: PrincipalRow }
  | { k: 'groupusers'; g: PrincipalRow }
  | { k: 'lists' }
  | { k: 'list'; list: ListDoc }
  | { k: 'items'; list: ListDoc }
  | { k: 'item'; list: ListDoc; row: ItemRow }
  | { k: 'folder'; list: ListDoc; row?: ItemRow }
  | { k: 'roleassignments'; key: ScopeKey; uri: string }
  | { k: 'roleassignment'; key: ScopeKey; principalId: number; uri: string }
  | { k: 'bindings'; key: ScopeKey; principalId: number; uri: string }
  | { k: 'member'; key: ScopeKey; principalId: number };

export const ITEM_FIELDS_BUILTIN = [
  'Id',
  'ID',
  'Title',
  'FileRef',
  'FileDirRef',
  'FileLeafRef',
  'FSObjType',
  'FileSystemObjectType',
  'ContentTypeId',
  'Created',
  'Modified',
  'AuthorId',
  'EditorId',
  'GUID',
  'HasUniqueRoleAssignments',
  'OData__UIVersionString',
  'Attachments',
];

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

  // ------------------------------------------------------------------------------------ entities

  userEntity(p: PrincipalRow): Entity {
    return { type: 'SP.User', uri: `${this.apiUrl}/Web/GetUserById(${p.id})`, data: userJson(p) };
  }

  principalEntity(p: PrincipalRow): Entity {
    return p.kind === 'user'
      ? this.userEntity(p)
      : {
          type: 'SP.Group',
          uri: `${this.apiUrl}/Web/SiteGroups/GetById(${p.id})`,
          data: principalJson(this.db, p),
        };
  }

  roleDefEntity(r: RoleDefinition): Entity {
    return {
      type: 'SP.RoleDefinition',
      uri: `${this.apiUrl}/Web/RoleDefinitions(${r.Id})`,
      data: roleDefinitionJson(r),
    };
  }

  listEntity(list: ListDoc): Entity {
    const rows = this.db
      .prepare('SELECT COUNT(*) AS n FROM items WHERE list_id = ? AND deleted = 0')
      .get(list.id) as { n: number };
    const data: Record<string, unknown> = {
      BaseTemplate: isLibrary(list) ? 101 : 100,
      BaseType: isLibrary(list) ? 1 : 0,
      Created: list.created,
      Description: '',
      EnableFolderCreation: !!list.enableFolderCreation,
      EntityTypeName: `${list.name}List`,
      Hidden: false,
      Id: list.id,
      ItemCount: rows.n,
      ListItemEntityTypeFullName: `SP.Data.${list.name}ListItem`,
      NoCrawl: !!list.noCrawl,
      ParentWebUrl: this.site.path,
      ReadSecurity: list.readSecurity ?? 1,
      Title: list.displayName,
      WriteSecurity: list.writeSecurity ?? 1,
    };
    const sel = this.selected();
    if (sel?.has('hasuniqueroleassignments'))
      data.HasUniqueRoleAssignments = this.sec.isUnique(listKey(list.id));
    if (this.expanded().has('rootfolder')) data.RootFolder = this.folderEntity(list);
    return {
      type: 'SP.List',
      uri: `${this.apiUrl}/Web/Lists(guid'${list.id}')`,
      data: this.applySelect(data),
    };
  }

  folderEntity(list: ListDoc, row?: ItemRow): Entity {
    const path = row ? folderPath(row) : '';
    const url = row ? fileRef(this.site, list, row) : listRootUrl(this.site, list);
    // ItemCount counts the rows the caller may view; under `limited-access-browse` every row (variants.ts).
    const inside = this.db
      .prepare('SELECT * FROM items WHERE list_id = ? AND deleted = 0 AND dir = ?')
      .all(list.id, path) as ItemRow[];
    const count = {
      n: this.ctx.variants?.has('limited-access-browse')
        ? inside.length
        : inside.filter((r) => this.access.canRead(list, r)).length,
    };
    return {
      type: 'SP.Folder',
      uri: `${this.apiUrl}/Web/GetFolderByServerRelativePath(decodedurl='${encodeURIComponent(url)}')`,
      data: {
        Exists: true,
        IsWOPIEnabled: false,
        ItemCount: count.n,
        Name: row ? row.leaf : list.name,
        ProgID: null,
        ServerRelativeUrl: url,
        TimeCreated: row?.created ?? list.created,
        TimeLastModified: row?.modified ?? list.created,
        UniqueId: row?.guid ?? list.id,
        WelcomePage: '',
      },
    };
  }

  /** SP.ListItem: the default properties, or exactly those $select names. */
  itemEntity(list: ListDoc, row: ItemRow): Entity {
    const fields = JSON.parse(row.fields) as Record<string, unknown>;
    const author = siteUserByUpn(this.db, this.siteId, row.created_by)?.id ?? null;
    const editor = siteUserByUpn(this.db, this.siteId, row.modified_by)?.id ?? null;
    const columns: Record<string, unknown> = {};
    for (const c of list.columns) columns[c.name] = fields[c.name] ?? null;
    const all: Record<string, unknown> = {
      FileSystemObjectType: row.fs_obj_type,
      Id: row.id,
      ServerRedirectedEmbedUri: null,
      ServerRedirectedEmbedUrl: '',
      ContentTypeId: row.fs_obj_type ? '0x0120' : '0x0100',
      ...columns,
      ID: row.id,
      Modified: row.modified,
      Created: row.created,
      AuthorId: author,
      EditorId: editor,
      OData__UIVersionString: `${row.version}.0`,
      Attachments: false,
      GUID: row.guid,
    };
    const extra: Record<string, () => unknown> = {
      FileRef: () => fileRef(this.site, list, row),
      FileDirRef: () => fileDirRef(this.site, list, row),
      FileLeafRef: () => row.leaf ?? `${row.id}_.000`,
      FSObjType: () => row.fs_obj_type,
      HasUniqueRoleAssignments: () => this.sec.isUnique(itemKey(list.id, row.id)),
    };
    const sel = this.selected();
    let data: Record<string, unknown> = all;
    if (sel) {
      data = {};
      for (const name of [...ITEM_FIELDS_BUILTIN, ...list.columns.map((c) => c.name)]) {
        if (!sel.has(name.toLowerCase())) continue;
        data[name] = name in extra ? extra[name]() : all[name];
      }
      for (const s of sel)
        if (![...ITEM_FIELDS_BUILTIN, ...list.columns.map((c) => c.name)].some((n) => n.toLowerCase() === s))
          throw badQuery(`The field or property '${s}' does not exist.`);
    }
    return {
      type: `SP.Data.${list.name}ListItem`,
      uri: `${this.apiUrl}/Web/Lists(guid'${list.id}')/Items(${row.id})`,
      etag: `"${row.version}"`,
      data,
    };
  }

  assignmentEntity(a: { principalId: number; roleIds: number[] }, base: string): Entity {
    const data: Record<string, unknown> = { PrincipalId: a.principalId };
    const exp = this.expanded();
    if (exp.has('member')) {
      const p = principalById(this.db, this.siteId, a.principalId);
      if (p) data.Member = this.principalEntity(p);
    }
    if (exp.has('roledefinitionbindings'))
      data.RoleDefinitionBindings = a.roleIds
        .map((id) => this.sec.role(id))
        .filter((r): r is RoleDefinition => !!r)
        .map((r) => this.roleDefEntity(r));
    return { type: 'SP.RoleAssignment', uri: `${base}/GetByPrincipalId(${a.principalId})`, data };
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

  // ------------------------------------------------------------------------------------ helpers

  listByTitle(title: string): ListDoc {
    const list = allLists(this.db, this.siteId).find(
      (l) => l.displayName.toLowerCase() === title.toLowerCase(),
    );
    if (!list || !this.access.opens(list))
      throw argumentError(`List '${title}' does not exist at site with URL '${this.webUrl}'.`, 404);
    return list;
  }

  listById(id: string): ListDoc {
    const list = allLists(this.db, this.siteId).find((l) => l.id.toLowerCase() === id.toLowerCase());
    if (!list || !this.access.opens(list))
      throw argumentError(
        `List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.`,
        404,
      );
    return list;
  }

  /** A visible item (ViewListItems and ReadSecurity); otherwise SharePoint's "Item does not exist". */
  visibleItem(list: ListDoc, id: number): ItemRow {
    const row = getItem(this.ctx, list, id);
    if (!row || !this.access.canRead(list, row)) throw itemMissing();
    return row;
  }

  /** A server-relative folder URL → its list and folder row (none for the list's root folder). */
  folderByUrl(url: string): { list: ListDoc; row?: ItemRow } | undefined {
    // Already decoded (the path once, in handleRest; a body's DecodedUrl is decoded by definition).
    const clean = url.replace(/^https?:\/\/[^/]+/i, '').replace(/\/+$/, '');
    for (const list of allLists(this.db, this.siteId)) {
      const root = listRootUrl(this.site, list);
      const relToWeb = root.slice(this.site.path === '/' ? 1 : this.site.path.length + 1);
      let rest: string | undefined;
      if (clean.toLowerCase() === root.toLowerCase() || clean.toLowerCase() === relToWeb.toLowerCase())
        rest = '';
      else if (clean.toLowerCase().startsWith(`${root.toLowerCase()}/`)) rest = clean.slice(root.length + 1);
      else if (clean.toLowerCase().startsWith(`${relToWeb.toLowerCase()}/`))
        rest = clean.slice(relToWeb.length + 1);
      if (rest === undefined) continue;
      if (!rest) return { list };
      const row = folderAt(this.ctx, list, rest);
      return row ? { list, row } : undefined;
    }
    return undefined;
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

export const securableOf = (n: Node): ScopeKey | undefined =>
  n.k === 'web'
    ? WEB
    : n.k === 'list'
      ? listKey(n.list.id)
      : n.k === 'item'
        ? itemKey(n.list.id, n.row.id)
        : undefined;

export const securableUri = (rc: RestContext, n: Node): string =>
  n.k === 'list'
    ? `${rc.apiUrl}/Web/Lists(guid'${n.list.id}')`
    : n.k === 'item'
      ? `${rc.apiUrl}/Web/Lists(guid'${n.list.id}')/Items(${n.row.id})`
      : `${rc.apiUrl}/Web`;

export const ok = (body: unknown, status = 200): RestAnswer => ({ status, body });
export const noContent = (): RestAnswer => ({ status: 204 });
