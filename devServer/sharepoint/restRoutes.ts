import type { TokenClaims } from '../auth';
import { nextCounter, type Db } from '../db';
import { GraphHttpError } from '../errors';
import type { Ctx } from '../http';
import { evaluate, parseFilter } from '../odata';
import { ListAccess } from '../lists/access';
import { fileDirRef, fileRef, listRootUrl } from '../lists/shape';
import {
  allLists,
  coerceFields,
  deleteItem,
  folderAt,
  folderPath,
  getItem,
  insertItem,
  saveItem,
  saveList,
  uniqueClash,
  type ColumnDef,
  type ItemRow,
  type ListDoc,
  type SiteRow,
} from '../lists/store';
import {
  accessDenied,
  argumentError,
  badQuery,
  fileNotFound,
  formatOf,
  itemMissing,
  Renderer,
  SpError,
  spException,
  type Entity,
} from './odataJson';
import {
  addMember,
  allOfKind,
  associatedGroups,
  createGroup,
  deleteGroup,
  ensureUser,
  groupByTitle,
  groupMembers,
  principalById,
  principalJson,
  removeMember,
  siteUserByLogin,
  siteUserByUpn,
  userJson,
  type PrincipalRow,
} from './principals';
import {
  EMPTY_MASK,
  has,
  highLow,
  Perm,
  ROLE,
  ROLE_DEFINITIONS,
  roleById,
  roleByName,
  roleByType,
  roleDefinitionJson,
  type RoleDefinition,
} from './roleDefinitions';
import { itemKey, listKey, WEB, type ScopeKey } from './scopes';

/**
 * SharePoint REST (`/_api/...` below a site's path) for what Graph v1.0 has no API for: principals, role
 * definitions, role assignments and inheritance, list settings, folders and items created in folders.
 * URL forms, verbs, JSON shapes and error bodies as SharePoint Online has them (see devServer/README.md).
 */
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
// URL parsing: segments "name" or "name(args)", args positional or named, quoted or not, @aliases.

interface Segment {
  name: string;
  args?: string;
}

function splitSegments(path: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < path.length) {
    let name = '';
    while (i < path.length && path[i] !== '/' && path[i] !== '(') name += path[i++];
    let args: string | undefined;
    if (path[i] === '(') {
      i++;
      let depth = 1;
      let inQuote = false;
      args = '';
      while (i < path.length) {
        const c = path[i];
        if (inQuote) {
          if (c === "'" && path[i + 1] === "'") {
            args += "''";
            i += 2;
            continue;
          }
          if (c === "'") inQuote = false;
        } else if (c === "'") inQuote = true;
        else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) break;
        args += c;
        i++;
      }
      if (path[i] !== ')') throw badQuery(`The expression "${path}" is not valid.`);
      i++;
    }
    if (name || args !== undefined) out.push({ name: name.trim().toLowerCase(), args });
    if (path[i] === '/') i++;
    else if (i < path.length && path[i] !== '/') throw badQuery(`The expression "${path}" is not valid.`);
  }
  return out;
}

type Value = string | number | boolean | null;

function splitArgs(args: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === "'") {
      if (inQuote && args[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      inQuote = !inQuote;
    }
    if (c === ',' && !inQuote) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur.trim() || parts.length) parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

class Args {
  positional: Value[] = [];
  named = new Map<string, Value>();

  constructor(raw: string | undefined, aliases: Record<string, string>) {
    for (const part of splitArgs(raw ?? '')) {
      const m = /^([A-Za-z_][\w]*)\s*=\s*([\s\S]*)$/.exec(part);
      if (m) this.named.set(m[1].toLowerCase(), literal(m[2], aliases));
      else this.positional.push(literal(part, aliases));
    }
  }

  get(name: string, index = 0): Value | undefined {
    return this.named.has(name) ? this.named.get(name) : this.positional[index];
  }
}

function literal(text: string, aliases: Record<string, string>): Value {
  const t = text.trim();
  if (t.startsWith('@')) {
    const v = aliases[t.toLowerCase()];
    if (v === undefined) throw badQuery(`The parameter alias '${t}' has no value.`);
    return literal(v, {});
  }
  let m = /^guid'([^']*)'$/i.exec(t);
  if (m) return m[1];
  m = /^'((?:[^']|'')*)'$/.exec(t);
  if (m) return m[1].replace(/''/g, "'");
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  if (/^null$/i.test(t)) return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

const asInt = (v: Value | undefined, what: string): number => {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n)) throw badQuery(`The parameter ${what} is not a valid number.`);
  return n;
};
const asBool = (v: Value | undefined): boolean => v === true || (typeof v === 'string' && v.toLowerCase() === 'true');

// ---------------------------------------------------------------------------------------------------------
// Nodes: what a path addresses.

type Node =
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

const ITEM_FIELDS_BUILTIN = [
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

class RestContext {
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
      : { type: 'SP.Group', uri: `${this.apiUrl}/Web/SiteGroups/GetById(${p.id})`, data: principalJson(this.db, p) };
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
      BaseTemplate: 100,
      BaseType: 0,
      Created: list.created,
      Description: '',
      EnableFolderCreation: !!list.enableFolderCreation,
      EntityTypeName: `${list.name}List`,
      Hidden: false,
      Id: list.id,
      ItemCount: rows.n,
      ListItemEntityTypeFullName: `SP.Data.${list.name}ListItem`,
      ParentWebUrl: this.site.path,
      ReadSecurity: list.readSecurity ?? 1,
      Title: list.displayName,
      WriteSecurity: list.writeSecurity ?? 1,
    };
    const sel = this.selected();
    if (sel?.has('hasuniqueroleassignments')) data.HasUniqueRoleAssignments = this.sec.isUnique(listKey(list.id));
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
    const count = this.db
      .prepare('SELECT COUNT(*) AS n FROM items WHERE list_id = ? AND deleted = 0 AND dir = ?')
      .get(list.id, path) as { n: number };
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
        .map((id) => roleById(id))
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
    const list = allLists(this.db, this.siteId).find((l) => l.displayName.toLowerCase() === title.toLowerCase());
    if (!list || !this.access.opens(list))
      throw argumentError(`List '${title}' does not exist at site with URL '${this.webUrl}'.`, 404);
    return list;
  }

  listById(id: string): ListDoc {
    const list = allLists(this.db, this.siteId).find((l) => l.id.toLowerCase() === id.toLowerCase());
    if (!list || !this.access.opens(list))
      throw argumentError(`List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.`, 404);
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
    const clean = decodeURIComponent(url).replace(/^https?:\/\/[^/]+/i, '').replace(/\/+$/, '');
    for (const list of allLists(this.db, this.siteId)) {
      const root = listRootUrl(this.site, list);
      const relToWeb = root.slice(this.site.path === '/' ? 1 : this.site.path.length + 1);
      let rest: string | undefined;
      if (clean.toLowerCase() === root.toLowerCase() || clean.toLowerCase() === relToWeb.toLowerCase()) rest = '';
      else if (clean.toLowerCase().startsWith(`${root.toLowerCase()}/`)) rest = clean.slice(root.length + 1);
      else if (clean.toLowerCase().startsWith(`${relToWeb.toLowerCase()}/`)) rest = clean.slice(relToWeb.length + 1);
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

const securableOf = (n: Node): ScopeKey | undefined =>
  n.k === 'web'
    ? WEB
    : n.k === 'list'
      ? listKey(n.list.id)
      : n.k === 'item'
        ? itemKey(n.list.id, n.row.id)
        : undefined;

const securableUri = (rc: RestContext, n: Node): string =>
  n.k === 'list'
    ? `${rc.apiUrl}/Web/Lists(guid'${n.list.id}')`
    : n.k === 'item'
      ? `${rc.apiUrl}/Web/Lists(guid'${n.list.id}')/Items(${n.row.id})`
      : `${rc.apiUrl}/Web`;

const ok = (body: unknown, status = 200): RestAnswer => ({ status, body });
const noContent = (): RestAnswer => ({ status: 204 });

// ---------------------------------------------------------------------------------------------------------
// The router.

export function handleRest(ctx: Ctx, site: SiteRow, req: RestRequest, origin: string): RestAnswer {
  const rc = new RestContext(ctx, site, req, origin);
  let path: string;
  try {
    path = decodeURIComponent(req.apiPath);
  } catch {
    throw badQuery(`The expression "${req.apiPath}" is not valid.`);
  }
  const segs = splitSegments(path);
  if (!segs.length) throw badQuery('The expression "" is not valid.');
  const first = segs[0].name;
  if (first === '$batch') {
    throw new SpError(
      501,
      '-1, System.NotImplementedException',
      'The local server does not implement $batch on _api; send the requests one by one.',
    );
  }
  if (rc.mask(WEB) === EMPTY_MASK) throw accessDenied();
  if (first === 'contextinfo') {
    if (rc.verb !== 'POST') throw badQuery('The HTTP method GET cannot be used for contextinfo; use POST.');
    const value = {
      FormDigestTimeoutSeconds: 1800,
      FormDigestValue: `0x${Buffer.from(`${ctx.me.upn}|${site.id}`).toString('hex').slice(0, 64).toUpperCase()},${ctx
        .now()
        .toUTCString()}`,
      LibraryVersion: '16.0.0.0',
      SiteFullUrl: rc.webUrl,
      SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
      WebFullUrl: rc.webUrl,
    };
    return ok(rc.render.complex('GetContextWebInformation', 'SP.ContextWebInformation', value));
  }
  if (first !== 'web' || segs[0].args !== undefined)
    throw badQuery(`The expression "${path}" is not valid.`);
  let node: Node = { k: 'web' };
  for (let i = 1; i < segs.length; i++) {
    const seg = segs[i];
    const last = i === segs.length - 1;
    const stepped = step(rc, node, seg, last);
    if ('status' in stepped) {
      if (!last) throw badQuery(`The expression "${path}" is not valid.`);
      return stepped;
    }
    node = stepped;
  }
  return finish(rc, node);
}

function step(rc: RestContext, node: Node, seg: Segment, last: boolean): Node | RestAnswer {
  const args = new Args(seg.args, rc.aliases);
  const invalid = () => badQuery(`The expression "${seg.name}" is not valid here.`);
  const post = () => {
    if (rc.verb !== 'POST') throw badQuery(`The HTTP method '${rc.verb}' cannot be used for '${seg.name}'.`);
  };
  const securable = securableOf(node);

  // Securable members (web, list, item).
  if (securable) {
    switch (seg.name) {
      case 'roleassignments': {
        const uri = `${securableUri(rc, node)}/RoleAssignments`;
        if (seg.args !== undefined)
          return { k: 'roleassignment', key: securable, principalId: asInt(args.get('id'), 'id'), uri };
        return { k: 'roleassignments', key: securable, uri };
      }
      case 'breakroleinheritance': {
        post();
        rc.require(securable, Perm.ManagePermissions);
        const copy = asBool(args.get('copyroleassignments'));
        const clear = asBool(args.get('clearsubscopes', 1));
        rc.sec.breakInheritance(securable, copy, clear, rc.meUser().id);
        return ok(rc.render.none('BreakRoleInheritance'));
      }
      case 'resetroleinheritance': {
        post();
        if (securable === WEB) throw spException('You cannot reset the role inheritance of the root web.');
        rc.require(securable, Perm.ManagePermissions);
        rc.sec.resetInheritance(securable);
        return ok(rc.render.none('ResetRoleInheritance'));
      }
      case 'hasuniqueroleassignments':
        if (!last) throw invalid();
        return ok(rc.render.primitive('HasUniqueRoleAssignments', rc.sec.isUnique(securable), 'Edm.Boolean'));
      case 'effectivebasepermissions':
        if (!last) throw invalid();
        return ok(rc.render.complex('EffectiveBasePermissions', 'SP.BasePermissions', highLow(rc.mask(securable))));
      case 'getusereffectivepermissions': {
        if (!last) throw invalid();
        rc.require(securable, Perm.EnumeratePermissions);
        const login = String(args.get('username') ?? args.get('user') ?? args.positional[0] ?? '');
        const user = siteUserByLogin(rc.db, rc.siteId, login);
        const mask = user?.upn ? rc.sec.maskOf(user.upn, securable) : EMPTY_MASK;
        return ok(rc.render.complex('GetUserEffectivePermissions', 'SP.BasePermissions', highLow(mask)));
      }
      case 'firstuniqueancestorsecurableobject':
        throw invalid();
    }
  }

  switch (node.k) {
    case 'web':
      switch (seg.name) {
        case 'currentuser':
          return { k: 'user', p: rc.meUser() };
        case 'siteusers':
          if (seg.args !== undefined) return { k: 'user', p: userByLogin(rc, String(args.get('loginname') ?? '')) };
          return { k: 'siteusers' };
        case 'getuserbyid':
          return { k: 'user', p: userById(rc, asInt(args.get('id'), 'id')) };
        case 'ensureuser': {
          post();
          const logonName = String(
            args.get('logonname') ?? (rc.req.body as { logonName?: string } | undefined)?.logonName ?? '',
          );
          const p = ensureUser(rc.db, rc.siteId, logonName);
          if (!p) throw spException(`The specified user ${logonName} could not be found.`);
          rc.sec.invalidate();
          return ok(rc.render.entity(rc.userEntity(p)));
        }
        case 'roledefinitions':
          if (seg.args !== undefined) return { k: 'roledef', r: roleDef(roleById(asInt(args.get('id'), 'id'))) };
          return { k: 'roledefs' };
        case 'sitegroups':
          if (seg.args !== undefined) return { k: 'group', p: groupById(rc, asInt(args.get('id'), 'id')) };
          return { k: 'groups' };
        case 'associatedownergroup':
        case 'associatedmembergroup':
        case 'associatedvisitorgroup': {
          const g = associatedGroups(rc.db, rc.siteId);
          const id = seg.name === 'associatedownergroup' ? g.owner : seg.name === 'associatedmembergroup' ? g.member : g.visitor;
          if (!id) throw spException('Group cannot be found.', 404);
          return { k: 'group', p: groupById(rc, id) };
        }
        case 'lists':
          if (seg.args !== undefined) return { k: 'list', list: rc.listById(String(args.get('id'))) };
          return { k: 'lists' };
        case 'getlist': {
          const found = rc.folderByUrl(String(args.get('strurl') ?? ''));
          if (!found || found.row) throw fileNotFound();
          return { k: 'list', list: found.list };
        }
        case 'getfolderbyserverrelativepath':
        case 'getfolderbyserverrelativeurl': {
          const url = String(args.get('decodedurl') ?? args.get('serverrelativeurl') ?? args.positional[0] ?? '');
          const found = rc.folderByUrl(url);
          if (!found) throw fileNotFound();
          // Traversing a folder needs some permission on it (Limited Access is enough); else it is not there.
          const key = found.row ? itemKey(found.list.id, found.row.id) : listKey(found.list.id);
          if (rc.mask(key) === EMPTY_MASK) throw fileNotFound();
          return { k: 'folder', list: found.list, row: found.row };
        }
      }
      break;
    case 'siteusers':
      switch (seg.name) {
        case 'getbyloginname':
          return { k: 'user', p: userByLogin(rc, String(args.get('loginname') ?? '')) };
        case 'getbyid':
          return { k: 'user', p: userById(rc, asInt(args.get('id'), 'id')) };
        case 'getbyemail': {
          const email = String(args.get('emailaddress') ?? '').toLowerCase();
          const p = allOfKind(rc.db, rc.siteId, 'user').find((u) => u.email.toLowerCase() === email);
          if (!p) throw spException('User cannot be found.', 404);
          return { k: 'user', p };
        }
      }
      break;
    case 'roledefs':
      switch (seg.name) {
        case 'getbyid':
          return { k: 'roledef', r: roleDef(roleById(asInt(args.get('id'), 'id'))) };
        case 'getbyname':
          return { k: 'roledef', r: roleDef(roleByName(String(args.get('name') ?? ''))) };
        case 'getbytype':
          return { k: 'roledef', r: roleDef(roleByType(asInt(args.get('roletype') ?? args.get('roletypekind'), 'roleType'))) };
      }
      break;
    case 'groups':
      switch (seg.name) {
        case 'getbyid':
          return { k: 'group', p: groupById(rc, asInt(args.get('id'), 'id')) };
        case 'getbyname': {
          const p = groupByTitle(rc.db, rc.siteId, String(args.get('name') ?? ''));
          if (!p) throw spException('Group cannot be found.', 404);
          return { k: 'group', p };
        }
        case 'removebyid':
        case 'removebyloginname': {
          post();
          const g =
            seg.name === 'removebyid'
              ? groupById(rc, asInt(args.get('id'), 'id'))
              : (groupByTitle(rc.db, rc.siteId, String(args.get('loginname') ?? '')) ??
                (() => {
                  throw spException('Group cannot be found.', 404);
                })());
          if (!rc.canManageGroup(g)) throw accessDenied();
          rc.db.transaction(() => deleteGroup(rc.db, rc.siteId, g.id))();
          rc.sec.invalidate();
          return ok(rc.render.none(seg.name === 'removebyid' ? 'RemoveById' : 'RemoveByLoginName'));
        }
      }
      break;
    case 'group':
      if (seg.name === 'users') return { k: 'groupusers', g: node.p };
      if (seg.name === 'owner') {
        const owner = node.p.owner_id ? principalById(rc.db, rc.siteId, node.p.owner_id) : undefined;
        if (!owner) throw spException('Group cannot be found.', 404);
        return owner.kind === 'user' ? { k: 'user', p: owner } : { k: 'group', p: owner };
      }
      break;
    case 'groupusers': {
      const g = node.g;
      const members = () => groupMembers(rc.db, rc.siteId, g.id);
      switch (seg.name) {
        case 'getbyid': {
          const p = members().find((m) => m.id === asInt(args.get('id'), 'id'));
          if (!p) throw spException('User cannot be found.', 404);
          return { k: 'user', p };
        }
        case 'getbyloginname': {
          const login = String(args.get('loginname') ?? '');
          const u = siteUserByLogin(rc.db, rc.siteId, login);
          const p = u && members().find((m) => m.id === u.id);
          if (!p) throw spException('User cannot be found.', 404);
          return { k: 'user', p };
        }
        case 'removebyid':
        case 'removebyloginname': {
          post();
          if (!rc.canManageGroup(g)) throw accessDenied();
          const u =
            seg.name === 'removebyid'
              ? principalById(rc.db, rc.siteId, asInt(args.get('id'), 'id'))
              : siteUserByLogin(rc.db, rc.siteId, String(args.get('loginname') ?? ''));
          if (!u || u.kind !== 'user') throw spException('User cannot be found.', 404);
          removeMember(rc.db, rc.siteId, g.id, u.id);
          rc.sec.invalidate();
          return ok(rc.render.none(seg.name === 'removebyid' ? 'RemoveById' : 'RemoveByLoginName'));
        }
      }
      break;
    }
    case 'lists':
      if (seg.name === 'getbytitle') return { k: 'list', list: rc.listByTitle(String(args.get('title') ?? '')) };
      if (seg.name === 'getbyid') return { k: 'list', list: rc.listById(String(args.get('id') ?? '')) };
      break;
    case 'list':
      switch (seg.name) {
        case 'items':
          if (seg.args !== undefined)
            return { k: 'item', list: node.list, row: rc.visibleItem(node.list, asInt(args.get('id'), 'id')) };
          return { k: 'items', list: node.list };
        case 'rootfolder':
          return { k: 'folder', list: node.list };
        case 'addvalidateupdateitemusingpath':
          post();
          return addValidate(rc, node.list);
      }
      break;
    case 'items':
      if (seg.name === 'getbyid')
        return { k: 'item', list: node.list, row: rc.visibleItem(node.list, asInt(args.get('id'), 'id')) };
      break;
    case 'item':
      if (seg.name === 'folder' && node.row.fs_obj_type) return { k: 'folder', list: node.list, row: node.row };
      break;
    case 'folder':
      if (seg.name === 'listitemallfields') {
        if (!node.row) throw itemMissing();
        if (!rc.access.canRead(node.list, node.row)) throw fileNotFound();
        return { k: 'item', list: node.list, row: node.row };
      }
      break;
    case 'roleassignments':
      switch (seg.name) {
        case 'getbyprincipalid':
          return { k: 'roleassignment', key: node.key, principalId: asInt(args.get('principalid'), 'principalId'), uri: node.uri };
        case 'addroleassignment':
        case 'removeroleassignment': {
          post();
          rc.require(node.key, Perm.ManagePermissions);
          if (!rc.sec.isUnique(node.key))
            throw spException('This operation is not allowed on an object that inherits permissions.');
          const principalId = asInt(args.get('principalid'), 'principalId');
          const roleId = asInt(args.get('roledefid'), 'roleDefId');
          if (!principalById(rc.db, rc.siteId, principalId))
            throw spException(`Can not find the principal with id: ${principalId}.`, 404);
          const role = roleById(roleId);
          if (!role) throw spException('Cannot find the specified role definition.');
          if (seg.name === 'addroleassignment') {
            if (role.Id === ROLE.limitedAccess)
              throw spException('You cannot grant a user the Limited Access permission level.');
            rc.sec.addAssignment(node.key, principalId, roleId);
            return ok(rc.render.none('AddRoleAssignment'));
          }
          rc.sec.removeAssignment(node.key, principalId, roleId);
          return ok(rc.render.none('RemoveRoleAssignment'));
        }
      }
      break;
    case 'roleassignment':
      switch (seg.name) {
        case 'member':
          return { k: 'member', key: node.key, principalId: node.principalId };
        case 'roledefinitionbindings':
          return { k: 'bindings', key: node.key, principalId: node.principalId, uri: node.uri };
        case 'deleteobject': {
          post();
          rc.require(node.key, Perm.ManagePermissions);
          if (!rc.sec.isUnique(node.key))
            throw spException('This operation is not allowed on an object that inherits permissions.');
          assignmentOf(rc, node.key, node.principalId);
          rc.sec.removePrincipal(node.key, node.principalId);
          return ok(rc.render.none('DeleteObject'));
        }
      }
      break;
  }
  throw invalid();
}

function finish(rc: RestContext, node: Node): RestAnswer {
  const verb = rc.verb;
  const r = rc.render;
  switch (node.k) {
    case 'web':
      if (verb !== 'GET') break;
      return ok(
        r.entity({
          type: 'SP.Web',
          uri: `${rc.apiUrl}/Web`,
          data: rc.applySelect({
            Created: '2022-01-01T00:00:00Z',
            Description: '',
            Id: rc.site.id.split(',')[2] ?? rc.site.id,
            Language: 1030,
            ServerRelativeUrl: rc.site.path,
            Title: (JSON.parse(rc.site.json) as { displayName?: string }).displayName ?? '',
            Url: rc.webUrl,
            WebTemplate: 'STS',
            ...(rc.selected()?.has('hasuniqueroleassignments') ? { HasUniqueRoleAssignments: true } : {}),
          }),
        }),
      );
    case 'siteusers':
      if (verb !== 'GET') break;
      return ok(r.collection(allOfKind(rc.db, rc.siteId, 'user').map((p) => rc.userEntity(p)), 'SP.ApiData.Users'));
    case 'user':
      if (verb !== 'GET') break;
      return ok(r.entity(rc.userEntity(node.p), 'SP.ApiData.Users'));
    case 'roledefs':
      if (verb !== 'GET') break;
      return ok(r.collection(ROLE_DEFINITIONS.map((d) => rc.roleDefEntity(d)), 'SP.ApiData.RoleDefinitions'));
    case 'roledef':
      if (verb !== 'GET') break;
      return ok(r.entity(rc.roleDefEntity(node.r), 'SP.ApiData.RoleDefinitions'));
    case 'groups':
      if (verb === 'GET')
        return ok(r.collection(allOfKind(rc.db, rc.siteId, 'group').map((p) => rc.principalEntity(p)), 'SP.ApiData.Groups'));
      if (verb === 'POST') return ok(r.entity(rc.principalEntity(createSiteGroup(rc)), 'SP.ApiData.Groups'), 201);
      break;
    case 'group':
      if (verb === 'GET') return ok(r.entity(rc.principalEntity(node.p), 'SP.ApiData.Groups'));
      if (verb === 'MERGE') return updateGroup(rc, node.p);
      break;
    case 'groupusers':
      if (verb === 'GET') {
        if (!rc.canViewMembers(node.g)) throw accessDenied();
        return ok(r.collection(groupMembers(rc.db, rc.siteId, node.g.id).map((p) => rc.userEntity(p)), 'SP.ApiData.Users'));
      }
      if (verb === 'POST') {
        if (!rc.canManageGroup(node.g)) throw accessDenied();
        const login = String((rc.req.body as { LoginName?: string } | undefined)?.LoginName ?? '');
        const p = ensureUser(rc.db, rc.siteId, login);
        if (!p) throw spException(`The specified user ${login} could not be found.`);
        addMember(rc.db, rc.siteId, node.g.id, p.id);
        rc.sec.invalidate();
        return ok(r.entity(rc.userEntity(p), 'SP.ApiData.Users'), 201);
      }
      break;
    case 'lists':
      if (verb !== 'GET') break;
      return ok(
        r.collection(
          allLists(rc.db, rc.siteId)
            .filter((l) => rc.access.opens(l))
            .map((l) => rc.listEntity(l)),
          'SP.ApiData.Lists',
        ),
      );
    case 'list':
      if (verb === 'GET') return ok(r.entity(rc.listEntity(node.list), 'SP.ApiData.Lists'));
      if (verb === 'MERGE' || verb === 'PATCH') return updateList(rc, node.list);
      break;
    case 'items':
      if (verb === 'GET') return queryItems(rc, node.list);
      break;
    case 'item':
      if (verb === 'GET') return ok(r.entity(rc.itemEntity(node.list, node.row)));
      if (verb === 'MERGE' || verb === 'PATCH') return updateItem(rc, node.list, node.row);
      if (verb === 'DELETE') {
        if (!rc.access.canDelete(node.list, node.row)) throw accessDenied();
        rc.db.transaction(() => deleteItem(rc.ctx, rc.access, node.list, node.row))();
        return { status: 200 };
      }
      break;
    case 'folder':
      if (verb === 'GET') return ok(r.entity(rc.folderEntity(node.list, node.row)));
      break;
    case 'roleassignments':
      if (verb !== 'GET') break;
      rc.require(node.key, Perm.EnumeratePermissions);
      return ok(
        r.collection(
          rc.sec.assignments(node.key).map((a) => rc.assignmentEntity(a, node.uri)),
          'SP.ApiData.RoleAssignments',
        ),
      );
    case 'roleassignment':
      if (verb === 'GET') {
        rc.require(node.key, Perm.EnumeratePermissions);
        return ok(r.entity(rc.assignmentEntity(assignmentOf(rc, node.key, node.principalId), node.uri)));
      }
      if (verb === 'DELETE') {
        rc.require(node.key, Perm.ManagePermissions);
        if (!rc.sec.isUnique(node.key))
          throw spException('This operation is not allowed on an object that inherits permissions.');
        assignmentOf(rc, node.key, node.principalId);
        rc.sec.removePrincipal(node.key, node.principalId);
        return { status: 200 };
      }
      break;
    case 'bindings':
      if (verb !== 'GET') break;
      rc.require(node.key, Perm.EnumeratePermissions);
      return ok(
        r.collection(
          assignmentOf(rc, node.key, node.principalId)
            .roleIds.map((id) => roleById(id))
            .filter((d): d is RoleDefinition => !!d)
            .map((d) => rc.roleDefEntity(d)),
          'SP.ApiData.RoleDefinitions',
        ),
      );
    case 'member': {
      if (verb !== 'GET') break;
      rc.require(node.key, Perm.EnumeratePermissions);
      assignmentOf(rc, node.key, node.principalId);
      const p = principalById(rc.db, rc.siteId, node.principalId);
      if (!p) throw spException(`Can not find the principal with id: ${node.principalId}.`, 404);
      return ok(r.entity(rc.principalEntity(p)));
    }
  }
  throw badQuery(`The HTTP method '${verb}' is not supported for this resource.`);
}

// ---------------------------------------------------------------------------------------------------------

function roleDef(r: RoleDefinition | undefined): RoleDefinition {
  if (!r) throw spException('Cannot find the specified role definition.', 404);
  return r;
}

function userById(rc: RestContext, id: number): PrincipalRow {
  const p = principalById(rc.db, rc.siteId, id);
  if (!p || p.kind !== 'user') throw spException('User cannot be found.', 404);
  return p;
}

function userByLogin(rc: RestContext, login: string): PrincipalRow {
  const p = siteUserByLogin(rc.db, rc.siteId, login);
  if (!p) throw spException('User cannot be found.', 404);
  return p;
}

function groupById(rc: RestContext, id: number): PrincipalRow {
  const p = principalById(rc.db, rc.siteId, id);
  if (!p || p.kind !== 'group') throw spException('Group cannot be found.', 404);
  return p;
}

function assignmentOf(rc: RestContext, key: ScopeKey, principalId: number) {
  const a = rc.sec.assignments(key).find((x) => x.principalId === principalId);
  if (!a) throw spException(`Can not find the principal with id: ${principalId}.`, 404);
  return a;
}

const bodyObject = (rc: RestContext): Record<string, unknown> => {
  const b = rc.req.body;
  if (b === undefined || b === null) return {};
  if (typeof b !== 'object' || Array.isArray(b)) throw badQuery('The request body is not a JSON object.');
  return Object.fromEntries(Object.entries(b as Record<string, unknown>).filter(([k]) => k !== '__metadata'));
};

/** POST web/sitegroups: needs CreateGroups on the web; the creator owns the group and is its first member. */
function createSiteGroup(rc: RestContext): PrincipalRow {
  rc.require(WEB, Perm.CreateGroups);
  const body = bodyObject(rc);
  const title = String(body.Title ?? '').trim();
  if (!title) throw argumentError('The group name is empty. You must specify a group name.');
  if (title.length > 255 || /["/\\[\]:|<>+=;,?*'@]/.test(title))
    throw spException('The group name is not valid.');
  if (groupByTitle(rc.db, rc.siteId, title) || siteUserByLogin(rc.db, rc.siteId, title))
    throw new SpError(400, '-2130575293, Microsoft.SharePoint.SPException', 'The specified name is already in use.');
  const me = rc.meUser();
  const g = rc.db.transaction(() => {
    const created = createGroup(rc.db, rc.siteId, {
      title,
      description: body.Description === undefined ? null : String(body.Description),
      ownerId: me.id,
      onlyMembersView: body.OnlyAllowMembersViewMembership === undefined ? true : !!body.OnlyAllowMembersViewMembership,
    });
    addMember(rc.db, rc.siteId, created.id, me.id);
    return created;
  })();
  rc.sec.invalidate();
  return g;
}

function updateGroup(rc: RestContext, g: PrincipalRow): RestAnswer {
  if (!rc.canManageGroup(g)) throw accessDenied();
  const body = bodyObject(rc);
  for (const k of Object.keys(body))
    if (!['Title', 'Description', 'OnlyAllowMembersViewMembership'].includes(k))
      throw badQuery(`The property '${k}' does not exist on type 'SP.Group'. Make sure to only use property names that are defined by the type.`);
  if (body.Title !== undefined) {
    const title = String(body.Title);
    const other = groupByTitle(rc.db, rc.siteId, title);
    if (other && other.id !== g.id)
      throw new SpError(400, '-2130575293, Microsoft.SharePoint.SPException', 'The specified name is already in use.');
    rc.db.prepare('UPDATE sp_principals SET title = ?, login_name = ? WHERE site_id = ? AND id = ?').run(title, title, rc.siteId, g.id);
  }
  if (body.Description !== undefined)
    rc.db.prepare('UPDATE sp_principals SET description = ? WHERE site_id = ? AND id = ?').run(String(body.Description), rc.siteId, g.id);
  if (body.OnlyAllowMembersViewMembership !== undefined)
    rc.db
      .prepare('UPDATE sp_principals SET only_members_view = ? WHERE site_id = ? AND id = ?')
      .run(body.OnlyAllowMembersViewMembership ? 1 : 0, rc.siteId, g.id);
  return noContent();
}

/**
 * MERGE on an item (PnPjs `item.update`): typed field values, EditListItems on the item and WriteSecurity;
 * `IF-Match` "*" or the item's eTag ("1", "2", …), a stale one → 412.
 */
function updateItem(rc: RestContext, list: ListDoc, row: ItemRow): RestAnswer {
  if (!rc.access.canEdit(list, row)) throw accessDenied();
  const changes = coerceFields(list, bodyObject(rc), true);
  const ifMatch = (rc.req.headers['if-match'] ?? '*').trim();
  rc.db.transaction(() => {
    const fresh = getItem(rc.ctx, list, row.id)!;
    if (ifMatch !== '*' && ifMatch.replace(/^W\//, '') !== `"${fresh.version}"`)
      throw new SpError(412, '-2130575305, Microsoft.SharePoint.SPException', 'Version conflict.');
    const clash = uniqueClash(rc.ctx, list, fresh, { ...JSON.parse(fresh.fields), ...changes });
    if (clash)
      throw spException(
        `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: ${clash}.`,
      );
    saveItem(rc.ctx, list, {
      ...fresh,
      version: fresh.version + 1,
      fields: JSON.stringify({ ...JSON.parse(fresh.fields), ...changes }),
      modified: rc.ctx.now().toISOString(),
      modified_by: rc.me.upn.toLowerCase(),
      change_seq: nextCounter(rc.db, 'changes'),
    });
  })();
  return noContent();
}

/** MERGE on a list: ReadSecurity, WriteSecurity, EnableFolderCreation (and Title, Description); ManageLists. */
function updateList(rc: RestContext, list: ListDoc): RestAnswer {
  rc.require(listKey(list.id), Perm.ManageLists);
  const body = bodyObject(rc);
  const next: ListDoc = { ...list };
  for (const [k, v] of Object.entries(body)) {
    switch (k) {
      case 'ReadSecurity':
        if (v !== 1 && v !== 2) throw argumentError('Value does not fall within the expected range.');
        next.readSecurity = v;
        break;
      case 'WriteSecurity':
        if (v !== 1 && v !== 2 && v !== 4) throw argumentError('Value does not fall within the expected range.');
        next.writeSecurity = v;
        break;
      case 'EnableFolderCreation':
        if (typeof v !== 'boolean') throw badQuery("An unexpected 'PrimitiveValue' node was found.");
        next.enableFolderCreation = v;
        break;
      case 'Description':
        break;
      default:
        throw badQuery(
          `The property '${k}' does not exist on type 'SP.List'. Make sure to only use property names that are defined by the type.`,
        );
    }
  }
  saveList(rc.db, next);
  return noContent();
}

/** GET …/items: $select, $filter (eq ne gt ge lt le and or, startswith) on Id, FSObjType, FileLeafRef,
 * FileRef, FileDirRef and columns, $top (default 100), $orderby, $skiptoken=Paged=TRUE&p_ID=N. */
function queryItems(rc: RestContext, list: ListDoc): RestAnswer {
  const top = rc.q.$top === undefined ? 100 : Number(rc.q.$top);
  if (!Number.isInteger(top) || top < 0) throw badQuery(`Invalid value for $top: '${rc.q.$top}'.`);
  let after = 0;
  if (rc.q.$skiptoken) {
    const m = /p_ID=(\d+)/i.exec(rc.q.$skiptoken);
    if (m) after = Number(m[1]);
  }
  let rows = rc.db
    .prepare('SELECT * FROM items WHERE list_id = ? AND deleted = 0 AND id > ? ORDER BY id')
    .all(list.id, after) as ItemRow[];
  rows = rows.filter((r) => rc.access.canRead(list, r));
  if (rc.q.$filter) {
    const filter = parseFilter(rc.q.$filter);
    const colOf = (name: string): ColumnDef | undefined => list.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
    rows = rows.filter((r) => {
      const f = JSON.parse(r.fields) as Record<string, unknown>;
      return evaluate(filter, (p) => {
        switch (p.toLowerCase()) {
          case 'id':
            return r.id;
          case 'fsobjtype':
          case 'filesystemobjecttype':
            return r.fs_obj_type;
          case 'fileleafref':
            return r.leaf ?? `${r.id}_.000`;
          case 'fileref':
            return fileRef(rc.site, list, r);
          case 'filedirref':
            return fileDirRef(rc.site, list, r);
          case 'authorid':
            return siteUserByUpn(rc.db, rc.siteId, r.created_by)?.id;
          default: {
            const col = colOf(p);
            if (!col) throw argumentError(`Column '${p}' does not exist. It may have been deleted by another user.`);
            const v = f[col.name];
            return col.boolean ? (v === true ? 1 : v === false ? 0 : v) : v;
          }
        }
      });
    });
  }
  const order = rc.q.$orderby;
  if (order) {
    const [field, dir] = order.trim().split(/\s+/);
    const desc = dir?.toLowerCase() === 'desc';
    rows.sort((a, b) => {
      const get = (r: ItemRow) =>
        field.toLowerCase() === 'id' ? r.id : (JSON.parse(r.fields) as Record<string, unknown>)[field];
      const x = get(a);
      const y = get(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
      return desc ? -c : c;
    });
  }
  const page = rows.slice(0, top);
  let next: string | undefined;
  if (rows.length > top && page.length) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(rc.req.query)) if (k.toLowerCase() !== '$skiptoken') params.set(k, v);
    params.set('$skiptoken', `Paged=TRUE&p_ID=${page[page.length - 1].id}`);
    next = `${rc.apiUrl}/Web/Lists(guid'${list.id}')/Items?${params.toString()}`;
  }
  return ok(rc.render.collection(page.map((row) => rc.itemEntity(list, row)), `SP.Data.${list.name}ListItem`, next));
}

// ---------------------------------------------------------------------------------------------------------
// AddValidateUpdateItemUsingPath

interface FormValue {
  FieldName?: unknown;
  FieldValue?: unknown;
}

const INVALID_LEAF = /["*:<>?/\\|#%~&{}]/;

/** A form value (always text) parsed for its column as SharePoint's validation does; a message when bad. */
function parseFormValue(col: ColumnDef, text: string): { value?: unknown; error?: string } {
  if (text === '') return { value: null };
  if (col.text) {
    const max = col.text.allowMultipleLines ? 63999 : (col.text.maxLength ?? 255);
    if (text.length > max) return { error: `The value for field ${col.name} is too long. The maximum length is ${max}.` };
    return { value: text };
  }
  if (col.number) {
    if (!/^-?\d+(\.\d+)?$/.test(text.trim())) return { error: 'Only numbers can go here.' };
    return { value: Number(text) };
  }
  if (col.boolean) {
    const t = text.trim().toLowerCase();
    if (['1', 'yes', 'true'].includes(t)) return { value: true };
    if (['0', 'no', 'false'].includes(t)) return { value: false };
    return { error: 'The value is not a valid Yes/No value.' };
  }
  if (col.choice) {
    if (!col.choice.choices.includes(text) && !col.choice.allowTextEntry)
      return { error: `The value '${text}' is not one of the choices of the field ${col.name}.` };
    return { value: text };
  }
  if (col.dateTime) {
    const d = new Date(text);
    if (Number.isNaN(d.getTime())) return { error: 'You must specify a valid date within the range of 1/1/1900 and 12/31/8900.' };
    return { value: d.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  }
  return { value: text };
}

function addValidate(rc: RestContext, list: ListDoc): RestAnswer {
  const body = bodyObject(rc) as {
    listItemCreateInfo?: {
      FolderPath?: { DecodedUrl?: string };
      UnderlyingObjectType?: number;
      LeafName?: { DecodedUrl?: string };
    };
    formValues?: FormValue[];
  };
  const info = body.listItemCreateInfo ?? {};
  const formValues = body.formValues ?? [];
  if (!Array.isArray(formValues)) throw badQuery('formValues must be a collection.');
  // The folder the row goes into: the list's root when FolderPath is missing or empty.
  let dir = '';
  const folderUrl = info.FolderPath?.DecodedUrl;
  if (folderUrl) {
    const found = rc.folderByUrl(folderUrl);
    if (!found || found.list.id !== list.id) throw fileNotFound();
    dir = found.row ? folderPath(found.row) : '';
    if (found.row && rc.mask(itemKey(list.id, found.row.id)) === EMPTY_MASK) throw fileNotFound();
  }
  if (!rc.access.canAdd(list, dir)) throw accessDenied();
  const isFolder = info.UnderlyingObjectType === 1;
  let leaf: string | undefined;
  if (isFolder) {
    leaf = String(info.LeafName?.DecodedUrl ?? '').trim();
    if (!leaf || INVALID_LEAF.test(leaf) || leaf.startsWith('.') || leaf.endsWith('.'))
      throw new SpError(400, '-2130575245, Microsoft.SharePoint.SPException', 'The file or folder name contains characters that are not permitted.');
    const path = dir ? `${dir}/${leaf}` : leaf;
    if (folderAt(rc.ctx, list, path))
      throw new SpError(
        400,
        '-2130245363, Microsoft.SharePoint.SPException',
        `A file or folder with the name ${listRootUrl(rc.site, list)}/${path} already exists.`,
      );
  }
  const fields: Record<string, unknown> = isFolder ? { Title: leaf } : {};
  const results = formValues.map((fv) => {
    const name = String(fv.FieldName ?? '');
    const text = fv.FieldValue === null || fv.FieldValue === undefined ? '' : String(fv.FieldValue);
    const col = list.columns.find((c) => c.name === name);
    if (!col) throw argumentError(`Column '${name}' does not exist. It may have been deleted by another user.`);
    const parsed = parseFormValue(col, text);
    if (parsed.error === undefined) fields[col.name] = parsed.value;
    return { name, text, error: parsed.error };
  });
  const clash = results.some((r) => r.error) ? undefined : uniqueClash(rc.ctx, list, { id: 0 }, fields);
  const failed = results.some((r) => r.error) || !!clash;
  let id = 0;
  if (!failed) {
    const row = rc.db.transaction(() =>
      insertItem(rc.ctx, list, fields, rc.me.upn.toLowerCase(), { dir, folder: leaf }),
    )();
    id = row.id;
    rc.sec.invalidate();
  }
  const value = results.map((r) => {
    const error = r.error ?? (r.name === clash ? 'This value already exists in the list.' : undefined);
    return {
      ErrorCode: error ? -2146233088 : 0,
      ErrorMessage: error ?? null,
      FieldName: r.name,
      FieldValue: r.text,
      HasException: !!error,
      ItemId: id,
    };
  });
  if (!failed) value.push({ ErrorCode: 0, ErrorMessage: null, FieldName: 'Id', FieldValue: String(id), HasException: false, ItemId: id });
  return ok(rc.render.complexCollection('AddValidateUpdateItemUsingPath', 'SP.ListItemFormUpdateValue', value));
}

/** SharePoint's 401 when the bearer token is missing or not valid. */
export function unauthorized(e: unknown): SpError {
  const message = e instanceof GraphHttpError ? e.message : 'Invalid token.';
  return new SpError(401, '-2147024891, System.UnauthorizedAccessException', message, {
    'WWW-Authenticate': 'Bearer realm="kommune", client_id="00000003-0000-0ff1-ce00-000000000000"',
  });
}
