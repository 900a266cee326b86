import { randomUUID } from 'node:crypto';
import type { Identity, ListItem } from '@microsoft/microsoft-graph-types';
import { nextCounter, type Db } from '../db';
import { badRequest, forbidden, GraphHttpError, notFound } from '../errors';
import { noContent, odataKey, ok, select, type Ctx, type Result, type Route } from '../http';
import { evaluate, filterPaths, orderBy, parseFilter } from '../odata';
import { has, Perm } from '../sharepoint/roleDefinitions';
import { itemKey, listKey, Security, WEB, type ItemSecurity } from '../sharepoint/scopes';
import { findUser } from './users';

export interface ColumnDef {
  id: string;
  name: string;
  displayName: string;
  indexed: boolean;
  /** SharePoint refuses a second item with the same value (the column must be indexed). */
  enforceUniqueValues?: boolean;
  readOnly?: boolean;
  text?: { allowMultipleLines?: boolean; maxLength?: number };
  number?: Record<string, unknown>;
  boolean?: Record<string, unknown>;
  dateTime?: Record<string, unknown>;
  choice?: { choices: string[]; allowTextEntry?: boolean };
  personOrGroup?: Record<string, unknown>;
}

export interface ListDoc {
  id: string;
  siteId: string;
  displayName: string;
  name: string;
  template: string;
  columns: ColumnDef[];
  created: string;
  /** SPList.ReadSecurity: 1 all items, 2 only items the user created. */
  readSecurity?: number;
  /** SPList.WriteSecurity: 1 all items, 2 only own items, 4 none. */
  writeSecurity?: number;
  enableFolderCreation?: boolean;
}

export interface ItemRow {
  list_id: string;
  id: number;
  guid: string;
  version: number;
  fields: string;
  created: string;
  modified: string;
  created_by: string;
  modified_by: string;
  deleted: number;
  change_seq: number;
  /** 1 for a folder (FSObjType), 0 for an item. */
  fs_obj_type: number;
  /** The folder the row is in, relative to the list's root folder ("" at the root, "A/B" below). */
  dir: string;
  /** FileLeafRef: a folder's name, an item's "<id>_.000". */
  leaf: string | null;
  created_seq: number;
  /** JSON array of the site user ids who could view a deleted row when it was deleted. */
  deleted_viewers: string | null;
}

export const FOLDER_CONTENT_TYPE = { id: '0x0120', name: 'Folder' };
export const ITEM_CONTENT_TYPE = { id: '0x0100', name: 'Item' };
export const settingsOf = (list: ListDoc): ItemSecurity => ({
  readSecurity: list.readSecurity ?? 1,
  writeSecurity: list.writeSecurity ?? 1,
});

const BUILTIN: ColumnDef[] = [
  {
    id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
    name: 'Title',
    displayName: 'Title',
    indexed: false,
    text: { allowMultipleLines: false, maxLength: 255 },
  },
];
const TEXT_MAX = 63999;

export interface SiteRow {
  id: string;
  hostname: string;
  path: string;
  json: string;
}

export function siteByPath(db: Db, hostname: string, path: string) {
  return db
    .prepare('SELECT * FROM sites WHERE hostname = ? AND path = ?')
    .get(hostname, path.replace(/\/+$/, '') || '/') as
    { id: string; hostname: string; path: string; json: string } | undefined;
}

export function site(db: Db, id: string) {
  return db.prepare('SELECT * FROM sites WHERE id = ?').get(id) as
    { id: string; hostname: string; path: string; json: string } | undefined;
}

export function listByName(db: Db, siteId: string, idOrName: string): ListDoc | undefined {
  const row = db
    .prepare('SELECT json FROM lists WHERE site_id = ? AND (id = ? OR display_name = ?)')
    .get(siteId, idOrName, idOrName) as { json: string } | undefined;
  return row ? (JSON.parse(row.json) as ListDoc) : undefined;
}

export function allLists(db: Db, siteId: string): ListDoc[] {
  return (
    db.prepare('SELECT json FROM lists WHERE site_id = ? ORDER BY display_name').all(siteId) as Array<{
      json: string;
    }>
  ).map((r) => JSON.parse(r.json) as ListDoc);
}

export function saveList(db: Db, list: ListDoc) {
  db.prepare(
    'INSERT INTO lists (id, site_id, display_name, json) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json',
  ).run(list.id, list.siteId, list.displayName, JSON.stringify(list));
  // An expression index per unique column keeps the check on every write a lookup, not a scan. Column
  // names are validated identifiers (columnFromInput), safe in a JSON path and an index name.
  for (const col of list.columns.filter((c) => c.enforceUniqueValues))
    db.prepare(
      `CREATE INDEX IF NOT EXISTS "uq_${list.id}_${col.name}" ON items (list_id, ${uniqueValue(col)}) WHERE deleted = 0`,
    ).run();
  // Every indexed column gets an expression index, so "fields/X eq 'v'" on it is a lookup for any column.
  for (const col of list.columns.filter((c) => c.indexed && !c.enforceUniqueValues))
    db.prepare(
      `CREATE INDEX IF NOT EXISTS "ix_${list.id}_${col.name}" ON items (list_id, ${uniqueValue(col)}) WHERE deleted = 0`,
    ).run();
}

const uniqueValue = (col: ColumnDef) => `json_extract(fields, '$.${col.name}')`;

function columnFromInput(input: Record<string, unknown>): ColumnDef {
  const name = String(input.name ?? input.displayName ?? '');
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) throw badRequest(`Invalid column name '${name}'.`);
  const col: ColumnDef = {
    id: randomUUID(),
    name,
    displayName: String(input.displayName ?? name),
    indexed: !!input.indexed,
  };
  const kinds = ['text', 'number', 'boolean', 'dateTime', 'choice', 'personOrGroup'] as const;
  const kind = kinds.find((k) => input[k] !== undefined) ?? 'text';
  if (kind === 'text')
    col.text = { allowMultipleLines: false, maxLength: 255, ...((input.text as object) ?? {}) };
  else if (kind === 'choice') {
    const choices = (input.choice as { choices?: unknown })?.choices;
    if (!Array.isArray(choices) || !choices.length) throw badRequest('A choice column needs choices.');
    col.choice = {
      choices: choices.map(String),
      allowTextEntry: !!(input.choice as { allowTextEntry?: boolean }).allowTextEntry,
    };
  } else col[kind] = (input[kind] as Record<string, unknown>) ?? {};
  if (col.indexed && col.text?.allowMultipleLines)
    throw badRequest('Multiple lines of text columns cannot be indexed.');
  if (input.enforceUniqueValues) {
    if (!col.indexed) throw badRequest('A column that enforces unique values must be indexed.');
    col.enforceUniqueValues = true;
  }
  return col;
}

export function createList(db: Db, siteId: string, input: Record<string, unknown>, now: string): ListDoc {
  const displayName = String(input.displayName ?? '').trim();
  if (!displayName) throw badRequest('displayName is required.');
  if (listByName(db, siteId, displayName))
    throw new GraphHttpError(
      409,
      'nameAlreadyExists',
      `A list named '${displayName}' already exists in this site.`,
    );
  const columns = [
    ...BUILTIN,
    ...((input.columns as Array<Record<string, unknown>>) ?? []).map(columnFromInput),
  ];
  const names = new Set<string>();
  for (const c of columns) {
    if (names.has(c.name))
      throw new GraphHttpError(409, 'nameAlreadyExists', `Column '${c.name}' is defined twice.`);
    names.add(c.name);
  }
  const list: ListDoc = {
    id: randomUUID(),
    siteId,
    displayName,
    name: displayName.replace(/[^A-Za-z0-9]/g, ''),
    template: String((input.list as { template?: string })?.template ?? 'genericList'),
    columns,
    created: now,
  };
  saveList(db, list);
  return list;
}

function listJson(ctx: Ctx, s: { id: string; hostname: string; path: string }, list: ListDoc) {
  const out: Record<string, unknown> = {
    id: list.id,
    displayName: list.displayName,
    name: list.name,
    createdDateTime: list.created,
    webUrl: `https://${s.hostname}${s.path === '/' ? '' : s.path}/Lists/${list.name}`,
    list: { template: list.template, hidden: false, contentTypesEnabled: false },
  };
  if (ctx.query.$expand?.startsWith('columns')) out.columns = list.columns.map(columnJson);
  return out;
}

const columnJson = (c: ColumnDef) => ({
  ...c,
  columnGroup: 'Custom Columns',
  hidden: false,
  required: c.name === 'Title' ? false : false,
});

/** Field values coerced to their column's type; bad values refused as SharePoint would. */
export function coerceFields(list: ListDoc, input: unknown, partial: boolean): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw badRequest('The request body must be an object of field values.');
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    if (name.startsWith('@odata')) continue;
    const col = list.columns.find((c) => c.name === name);
    if (!col) throw badRequest(`Field '${name}' is not recognized`, 'invalidRequest');
    if (value === null || value === '') {
      out[name] = col.text || col.choice ? (value ?? null) : null;
      continue;
    }
    if (col.text) {
      const s = String(value);
      const max = col.text.allowMultipleLines ? TEXT_MAX : (col.text.maxLength ?? 255);
      if (s.length > max)
        throw badRequest(
          `The value of field '${name}' is ${s.length} characters; the column allows ${max}.`,
          'invalidRequest',
        );
      out[name] = s;
    } else if (col.number) {
      const n = Number(value);
      if (!Number.isFinite(n)) throw badRequest(`Field '${name}' needs a number.`);
      out[name] = n;
    } else if (col.boolean) {
      if (typeof value !== 'boolean') throw badRequest(`Field '${name}' needs true or false.`);
      out[name] = value;
    } else if (col.dateTime) {
      const d = new Date(String(value));
      if (Number.isNaN(d.getTime())) throw badRequest(`Field '${name}' needs a date and time.`);
      out[name] = d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    } else if (col.choice) {
      if (!col.choice.choices.includes(String(value)) && !col.choice.allowTextEntry)
        throw badRequest(`'${String(value)}' is not a choice of field '${name}'.`);
      out[name] = String(value);
    } else out[name] = String(value);
  }
  if (!partial && Object.keys(out).length === 0) throw badRequest('fields must hold at least one value.');
  return out;
}

/** Who may do what in a site's lists, decided only from SharePoint's role assignments and list settings. */
export class ListAccess {
  readonly sec: Security;
  constructor(
    private readonly ctx: Ctx,
    readonly siteId: string,
  ) {
    this.sec = new Security(ctx.db, siteId);
  }

  get upn() {
    return this.ctx.me.upn;
  }

  webMask(): bigint {
    return this.sec.maskOf(this.upn, WEB);
  }

  listMask(list: ListDoc): bigint {
    return this.sec.maskOf(this.upn, listKey(list.id));
  }

  /** No permission at all in the list (not even Limited Access) → the list does not open. */
  opens(list: ListDoc): boolean {
    return this.listMask(list) !== 0n;
  }

  canRead(list: ListDoc, row: ItemRow): boolean {
    return this.sec.canView(this.upn, list.id, row, settingsOf(list));
  }

  canEdit(list: ListDoc, row: ItemRow): boolean {
    return this.sec.canWrite(this.upn, list.id, row, settingsOf(list), Perm.EditListItems);
  }

  canDelete(list: ListDoc, row: ItemRow): boolean {
    return this.sec.canWrite(this.upn, list.id, row, settingsOf(list), Perm.DeleteListItems);
  }

  /** AddListItems on the scope of the folder (or the list's root) a new row goes into. */
  canAdd(list: ListDoc, dir = ''): boolean {
    const scope = dir ? this.sec.folderKey(list.id, dir) : listKey(list.id);
    return has(this.sec.maskOf(this.upn, scope), Perm.AddListItems);
  }
}

export const listRootUrl = (s: { path: string }, list: ListDoc) =>
  `${s.path === '/' ? '' : s.path}/Lists/${list.name}`;

/** FileRef: server-relative URL of the row ("/sites/moeder/Lists/T/A/17_.000", a folder "/sites/moeder/Lists/T/A"). */
export const fileRef = (s: { path: string }, list: ListDoc, row: ItemRow) =>
  `${fileDirRef(s, list, row)}/${row.leaf ?? `${row.id}_.000`}`;
export const fileDirRef = (s: { path: string }, list: ListDoc, row: ItemRow) =>
  `${listRootUrl(s, list)}${row.dir ? `/${row.dir}` : ''}`;
/** The list-relative path of a folder row ("A", "A/B"). */
export const folderPath = (row: ItemRow) => `${row.dir ? `${row.dir}/` : ''}${row.leaf ?? ''}`;

/** SharePoint's identities in Graph carry the user's mail beside id and name (not in v1.0's `identity`). */
type SharePointIdentitySet = { user: Identity & { email: string } };

/** A `listItem` as Graph answers it, typed from Microsoft's v1.0 metadata, with SharePoint's additions. */
type GraphListItem = Omit<ListItem, 'createdBy' | 'lastModifiedBy' | 'fields'> & {
  '@odata.etag': string;
  createdBy: SharePointIdentitySet;
  lastModifiedBy?: SharePointIdentitySet;
  fields?: Record<string, unknown>;
};

function itemJson(
  ctx: Ctx,
  s: { hostname: string; path: string },
  list: ListDoc,
  row: ItemRow,
  expandFields: string | null,
  inDelta = false,
) {
  const by = (upn: string): SharePointIdentitySet => {
    const user = findUser(ctx.db, upn);
    return { user: { id: user?.id, email: upn, displayName: user?.displayName ?? upn } };
  };
  const eTag = `"${row.guid},${row.version}"`;
  const out: GraphListItem = {
    '@odata.etag': eTag,
    id: String(row.id),
    eTag,
    createdDateTime: row.created,
    lastModifiedDateTime: row.modified,
    createdBy: by(row.created_by),
    // "listItem: delta" does not return lastModifiedBy (Microsoft Q&A: "Graph ListItem Delta API does not
    // return lastModifiedBy property"): read the item itself for it.
    ...(inDelta ? {} : { lastModifiedBy: by(row.modified_by) }),
    webUrl: row.fs_obj_type
      ? `https://${s.hostname}${fileRef(s, list, row)}`
      : `https://${s.hostname}${s.path === '/' ? '' : s.path}/Lists/${list.name}/DispForm.aspx?ID=${row.id}`,
    parentReference: { siteId: list.siteId },
    contentType: row.fs_obj_type ? FOLDER_CONTENT_TYPE : ITEM_CONTENT_TYPE,
  };
  if (expandFields !== null) out.fields = fieldsJson(s, list, row, expandFields || undefined);
  return out;
}

/** The row's fields as Graph gives them; FileRef / FileDirRef / FSObjType only when $select names them. */
function fieldsJson(s: { path: string }, list: ListDoc, row: ItemRow, sel?: string) {
  const fields: Record<string, unknown> = {
    '@odata.etag': `"${row.guid},${row.version}"`,
    id: String(row.id),
    ...(JSON.parse(row.fields) as Record<string, unknown>),
    ContentType: row.fs_obj_type ? 'Folder' : 'Item',
    FileLeafRef: row.leaf ?? `${row.id}_.000`,
    Created: row.created,
    Modified: row.modified,
  };
  if (!sel) return fields;
  const wanted = new Set(sel.split(',').map((x) => x.trim()));
  if (wanted.has('FileRef')) fields.FileRef = fileRef(s, list, row);
  if (wanted.has('FileDirRef')) fields.FileDirRef = fileDirRef(s, list, row);
  if (wanted.has('FSObjType')) fields.FSObjType = row.fs_obj_type;
  return select(fields, sel);
}

/** `{base}/$metadata#sites('{site}')/lists('{list}')`, the stem of every list answer's @odata.context. */
const listContext = (ctx: Ctx, s: { id: string }, list: ListDoc) =>
  `${ctx.base}/$metadata#sites(${odataKey(s.id)})/lists(${odataKey(list.id)})`;

const itemEntity = <T extends object>(ctx: Ctx, s: { id: string }, list: ListDoc, body: T) => ({
  '@odata.context': `${listContext(ctx, s, list)}/items/$entity`,
  ...body,
});

const fieldsEntity = <T extends object>(
  ctx: Ctx,
  s: { id: string },
  list: ListDoc,
  row: ItemRow,
  body: T,
) => ({
  '@odata.context': `${listContext(ctx, s, list)}/items(${odataKey(String(row.id))})/fields/$entity`,
  ...body,
});

/** "$expand=fields($select=A,B)" → "A,B"; "$expand=fields" → ""; otherwise null. */
function expandedFields(expand: string | undefined): string | null {
  if (!expand) return null;
  const m = /fields(?:\(\$select=([^)]*)\))?/.exec(expand);
  return m ? (m[1] ?? '') : null;
}

export function saveItem(ctx: Ctx, list: ListDoc, row: ItemRow) {
  const fields = JSON.parse(row.fields) as Record<string, unknown>;
  if (!row.deleted) assertUnique(ctx, list, row, fields);
  ctx.db
    .prepare(
      `INSERT INTO items (list_id, id, guid, version, fields, created, modified, created_by, modified_by, deleted, change_seq,
         meeting_key, fs_obj_type, dir, leaf, created_seq, deleted_viewers)
       VALUES (@list_id, @id, @guid, @version, @fields, @created, @modified, @created_by, @modified_by, @deleted, @change_seq,
         NULL, @fs_obj_type, @dir, @leaf, @created_seq, @deleted_viewers)
       ON CONFLICT(list_id, id) DO UPDATE SET version = excluded.version, fields = excluded.fields, modified = excluded.modified,
         modified_by = excluded.modified_by, deleted = excluded.deleted, change_seq = excluded.change_seq,
         deleted_viewers = excluded.deleted_viewers`,
    )
    .run(row);
}

/** Columns with enforceUniqueValues: another live item with the same (non-empty) value → 409, as SharePoint. */
export function uniqueClash(ctx: Ctx, list: ListDoc, row: { id: number }, fields: Record<string, unknown>) {
  for (const col of list.columns) {
    if (!col.enforceUniqueValues) continue;
    const value = fields[col.name];
    if (value === undefined || value === null || value === '') continue;
    const clash = ctx.db
      .prepare(
        `SELECT id FROM items WHERE list_id = ? AND deleted = 0 AND id != ? AND ${uniqueValue(col)} = ? LIMIT 1`,
      )
      .get(list.id, row.id, typeof value === 'boolean' ? Number(value) : value);
    if (clash) return col.name;
  }
  return undefined;
}

function assertUnique(ctx: Ctx, list: ListDoc, row: ItemRow, fields: Record<string, unknown>) {
  const clash = uniqueClash(ctx, list, row, fields);
  if (clash)
    throw new GraphHttpError(
      409,
      'nameAlreadyExists',
      `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${clash}].`,
    );
}

export function getItem(ctx: Ctx, list: ListDoc, id: string | number): ItemRow | undefined {
  return ctx.db
    .prepare('SELECT * FROM items WHERE list_id = ? AND id = ? AND deleted = 0')
    .get(list.id, Number(id)) as ItemRow | undefined;
}

/** The folder row at a list-relative path ("A", "A/B"). */
export function folderAt(ctx: Ctx, list: ListDoc, path: string): ItemRow | undefined {
  const at = path.lastIndexOf('/');
  return ctx.db
    .prepare(
      'SELECT * FROM items WHERE list_id = ? AND fs_obj_type = 1 AND deleted = 0 AND dir = ? AND leaf = ?',
    )
    .get(list.id, at < 0 ? '' : path.slice(0, at), at < 0 ? path : path.slice(at + 1)) as ItemRow | undefined;
}

function ifMatch(ctx: Ctx, row: ItemRow) {
  const header = ctx.headers['if-match'];
  if (!header || header.trim() === '*') return;
  const want = header.trim().replace(/^W\//, '');
  if (want !== `"${row.guid},${row.version}"`) {
    throw new GraphHttpError(
      412,
      'resourceModified',
      'The resource has changed since the caller last read it; usually an eTag mismatch',
    );
  }
}

/** A new row: at the root unless `dir` names a folder; `folder` makes it a folder with that name. */
export function insertItem(
  ctx: Ctx,
  list: ListDoc,
  fields: Record<string, unknown>,
  by: string,
  place: { dir?: string; folder?: string } = {},
): ItemRow {
  const now = ctx.now().toISOString();
  const id = nextCounter(ctx.db, `items:${list.id}`);
  const seq = nextCounter(ctx.db, 'changes');
  const row: ItemRow = {
    list_id: list.id,
    id,
    guid: randomUUID(),
    version: 1,
    fields: JSON.stringify(fields),
    created: now,
    modified: now,
    created_by: by,
    modified_by: by,
    deleted: 0,
    change_seq: seq,
    fs_obj_type: place.folder ? 1 : 0,
    dir: place.dir ?? '',
    leaf: place.folder ?? `${id}_.000`,
    created_seq: seq,
    deleted_viewers: null,
  };
  saveItem(ctx, list, row);
  return row;
}

/**
 * Deletes a row (a folder with everything in it), keeping on each deleted row who could view it then, so
 * delta reports the deletion to them only. Unique scopes of deleted rows go, as in SharePoint.
 */
export function deleteItem(ctx: Ctx, access: ListAccess, list: ListDoc, row: ItemRow) {
  const rows = [row];
  if (row.fs_obj_type) {
    const path = folderPath(row);
    rows.push(
      ...(ctx.db
        .prepare(
          "SELECT * FROM items WHERE list_id = ? AND deleted = 0 AND (dir = ? OR dir LIKE ? ESCAPE '\\')",
        )
        .all(list.id, path, `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`) as ItemRow[]),
    );
  }
  const viewers = rows.map((r) => access.sec.viewersOf(list.id, r, settingsOf(list)));
  rows.forEach((r, i) => {
    saveItem(ctx, list, {
      ...r,
      deleted: 1,
      change_seq: nextCounter(ctx.db, 'changes'),
      modified: ctx.now().toISOString(),
      modified_by: ctx.me.upn.toLowerCase(),
      deleted_viewers: JSON.stringify(viewers[i]),
    });
  });
  for (const r of rows) access.sec.dropScope(itemKey(list.id, r.id));
  access.sec.invalidate();
}

/** Opaque tokens (delta and $skiptoken) carry the request's query options, so a link keeps its shape. */
const QUERY_OPTIONS = ['$select', '$expand', '$filter', '$orderby', '$top'] as const;
type Carried = Partial<Record<(typeof QUERY_OPTIONS)[number], string>>;
const carried = (q: Record<string, string>): Carried =>
  Object.fromEntries(QUERY_OPTIONS.filter((k) => q[k] !== undefined).map((k) => [k, q[k]]));

function deltaToken(listId: string, seq: number, q: Carried) {
  return Buffer.from(JSON.stringify({ v: 2, l: listId, s: seq, q })).toString('base64url');
}

function readToken(listId: string, token: string): { seq: number; q: Carried } | undefined {
  const text = Buffer.from(token, 'base64url').toString();
  const m = /^v1:([^:]+):(\d+)$/.exec(text);
  if (m) return m[1] === listId ? { seq: Number(m[2]), q: {} } : undefined;
  try {
    const t = JSON.parse(text) as { v?: number; l?: string; s?: number; q?: Carried };
    if (t.v === 2 && t.l === listId && typeof t.s === 'number') return { seq: t.s, q: t.q ?? {} };
  } catch {
    /* not ours */
  }
  return undefined;
}

const MAX_TOP = 5000;

/**
 * $top and $skip as Graph checks them: integers, 1 ≤ $top ≤ 5000 (SharePoint's list view threshold; Graph does
 * not document the list-items maximum), $skip ≥ 0; 400 invalidRequest otherwise.
 */
export function pageOptions(q: Record<string, string>, defaultTop: number) {
  const int = (name: string, v: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER) => {
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v.trim()) || Number(v) < min || Number(v) > max)
      throw badRequest(`Invalid value '${v}' for query option '${name}'.`, 'invalidRequest');
    return Number(v);
  };
  const top = int('$top', q.$top, 1, MAX_TOP) ?? defaultTop;
  const skip = int('$skip', q.$skip, 0) ?? 0;
  return { top, skip };
}

function readSkipToken(listId: string, token: string): { offset: number; q: Carried } {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString()) as {
      l?: string;
      o?: number;
      q?: Carried;
    };
    if (t.l === listId && typeof t.o === 'number' && t.o >= 0) return { offset: t.o, q: t.q ?? {} };
  } catch {
    /* fall through */
  }
  throw badRequest('The $skiptoken is not valid.', 'invalidRequest');
}

function itemsHandler(
  ctx: Ctx,
  s: { id: string; hostname: string; path: string },
  access: ListAccess,
  list: ListDoc,
  rest: string[],
): Result {
  const [itemId, sub] = rest;
  const linkBase = `${ctx.base}/sites/${s.id}/lists/${list.id}/items`;
  if (itemId === 'delta' && ctx.method === 'GET') {
    const current = nextCounterPeek(ctx.db);
    if (ctx.query.token === 'latest')
      return ok({
        '@odata.context': `${ctx.base}/$metadata#Collection(listItem)`,
        value: [],
        '@odata.deltaLink': `${linkBase}/delta?token=${deltaToken(list.id, current, carried(ctx.query))}`,
      });
    const token = ctx.query.token ? readToken(list.id, ctx.query.token) : { seq: 0, q: carried(ctx.query) };
    if (!token) {
      throw new GraphHttpError(
        410,
        'resyncChangesApplyDifferences',
        'The delta token is no longer valid; start over from the link in Location.',
        {
          Location: `${linkBase}/delta`,
        },
      );
    }
    const since = token.seq;
    const q = { ...ctx.query, ...token.q };
    const me = access.sec.principalsOf(ctx.me.upn)[0];
    const rows = ctx.db
      .prepare('SELECT * FROM items WHERE list_id = ? AND change_seq > ? ORDER BY change_seq')
      .all(list.id, since) as ItemRow[];
    const value = rows
      .filter((r) =>
        r.deleted
          ? since > 0 &&
            r.created_seq <= since &&
            me !== undefined &&
            (JSON.parse(r.deleted_viewers ?? '[]') as number[]).includes(me)
          : access.canRead(list, r),
      )
      .map((r) =>
        r.deleted
          ? { id: String(r.id), deleted: { state: 'deleted' } }
          : itemJson(ctx, s, list, r, expandedFields(q.$expand), true),
      );
    return ok({
      '@odata.context': `${ctx.base}/$metadata#Collection(listItem)`,
      value,
      '@odata.deltaLink': `${linkBase}/delta?token=${deltaToken(list.id, current, carried(q))}`,
    });
  }
  if (!itemId) {
    if (ctx.method === 'GET') {
      let offset = 0;
      let q = ctx.query;
      if (ctx.query.$skiptoken !== undefined) {
        const t = readSkipToken(list.id, ctx.query.$skiptoken);
        offset = t.offset;
        q = { ...ctx.query, ...t.q };
      }
      const { top, skip } = pageOptions(q, 200);
      offset += skip;
      let rows: ItemRow[];
      if (q.$filter) {
        const filter = parseFilter(q.$filter);
        const honour = /HonorNonIndexedQueriesWarningMayFailRandomly/i.test(ctx.headers.prefer ?? '');
        for (const p of filterPaths(filter)) {
          const name = p.replace(/^fields\//, '');
          const col =
            list.columns.find((c) => c.name === name) ??
            (name === 'id' ? ({ indexed: true } as ColumnDef) : undefined);
          if (!col) throw badRequest(`Field '${name}' is not recognized`);
          if (col.text?.allowMultipleLines || (!col.indexed && !honour))
            throw badRequest(
              `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
            );
        }
        // A top-level "fields/X eq 'v'" on an indexed column is answered from its index; the filter is then
        // evaluated on every candidate as usual.
        const eq = topLevelEq(filter, list);
        rows = eq
          ? (ctx.db
              .prepare(
                `SELECT * FROM items WHERE list_id = ? AND deleted = 0 AND json_extract(fields, '$.${eq.column}') = ? ORDER BY id`,
              )
              .all(list.id, eq.value) as ItemRow[])
          : (ctx.db
              .prepare('SELECT * FROM items WHERE list_id = ? AND deleted = 0 ORDER BY id')
              .all(list.id) as ItemRow[]);
        rows = rows.filter((r) => {
          const f = { ...JSON.parse(r.fields), id: r.id };
          return evaluate(filter, (p) =>
            p.startsWith('fields/') ? f[p.slice(7)] : p === 'id' ? r.id : undefined,
          );
        });
      } else
        rows = ctx.db
          .prepare('SELECT * FROM items WHERE list_id = ? AND deleted = 0 ORDER BY id')
          .all(list.id) as ItemRow[];
      rows = rows.filter((r) => access.canRead(list, r));
      const order = orderBy<ItemRow>(q.$orderby, (r, p) =>
        p.startsWith('fields/')
          ? JSON.parse(r.fields)[p.slice(7)]
          : p === 'id'
            ? r.id
            : (r as unknown as Record<string, unknown>)[p],
      );
      if (order) rows.sort(order);
      const page = rows.slice(offset, offset + top);
      const out: Record<string, unknown> = {
        '@odata.context': `${listContext(ctx, s, list)}/items`,
        value: page.map((r) => itemJson(ctx, s, list, r, expandedFields(q.$expand))),
      };
      if (offset + top < rows.length) {
        const token = Buffer.from(JSON.stringify({ l: list.id, o: offset + top, q: carried(q) })).toString(
          'base64url',
        );
        out['@odata.nextLink'] = `${linkBase}?$skiptoken=${token}`;
      }
      return ok(out);
    }
    if (ctx.method === 'POST') {
      const fields = coerceFields(list, (ctx.body as { fields?: unknown })?.fields, false);
      // Graph creates at the list's root only; it needs AddListItems there.
      if (!access.canAdd(list)) throw forbidden();
      const row = ctx.db.transaction(() => insertItem(ctx, list, fields, ctx.me.upn.toLowerCase()))();
      return ok(itemEntity(ctx, s, list, itemJson(ctx, s, list, row, '')), 201);
    }
  }
  const row = getItem(ctx, list, itemId);
  if (!row || !access.canRead(list, row)) throw notFound('Item not found');
  if (ctx.method === 'GET' && !sub)
    return ok(itemEntity(ctx, s, list, itemJson(ctx, s, list, row, expandedFields(ctx.query.$expand))));
  if (ctx.method === 'GET' && sub === 'fields')
    return ok(fieldsEntity(ctx, s, list, row, fieldsJson(s, list, row, ctx.query.$select)));
  if (ctx.method === 'PATCH' && (sub === 'fields' || !sub)) {
    const input = sub === 'fields' ? ctx.body : ((ctx.body as { fields?: unknown })?.fields ?? {});
    const changes = coerceFields(list, input, true);
    if (!access.canEdit(list, row)) throw forbidden();
    const updated = ctx.db.transaction(() => {
      const fresh = getItem(ctx, list, itemId)!;
      ifMatch(ctx, fresh);
      const u: ItemRow = {
        ...fresh,
        version: fresh.version + 1,
        fields: JSON.stringify({ ...JSON.parse(fresh.fields), ...changes }),
        modified: ctx.now().toISOString(),
        modified_by: ctx.me.upn.toLowerCase(),
        change_seq: nextCounter(ctx.db, 'changes'),
      };
      saveItem(ctx, list, u);
      return u;
    })();
    return ok(
      sub === 'fields'
        ? fieldsEntity(ctx, s, list, updated, fieldsJson(s, list, updated))
        : itemEntity(ctx, s, list, itemJson(ctx, s, list, updated, '')),
    );
  }
  if (ctx.method === 'DELETE' && !sub) {
    if (!access.canDelete(list, row)) throw forbidden();
    ctx.db.transaction(() => {
      const fresh = getItem(ctx, list, itemId)!;
      ifMatch(ctx, fresh);
      deleteItem(ctx, access, list, fresh);
    })();
    return noContent();
  }
  throw badRequest(`Unsupported request: ${ctx.method} ${ctx.path}`, 'BadRequest');
}

/** "fields/X eq 'v'" at the top of the filter (alone or and-ed), X an indexed column. */
function topLevelEq(
  f: ReturnType<typeof parseFilter>,
  list: ListDoc,
): { column: string; value: string | number } | undefined {
  if (f.op === 'and') return topLevelEq(f.left, list) ?? topLevelEq(f.right, list);
  if (f.op !== 'eq' || !f.path.startsWith('fields/')) return undefined;
  const col = list.columns.find((c) => c.name === f.path.slice(7));
  if (!col?.indexed || !(col.text || col.choice || col.number)) return undefined;
  if (typeof f.value !== 'string' && typeof f.value !== 'number') return undefined;
  if (col.number && typeof f.value !== 'number') return undefined;
  if (!col.number && typeof f.value !== 'string') return undefined;
  return { column: col.name, value: f.value };
}

function nextCounterPeek(db: Db): number {
  return (
    (db.prepare("SELECT value FROM counters WHERE name = 'changes'").get() as { value: number } | undefined)
      ?.value ?? 0
  );
}

function sitesHandler(ctx: Ctx, [spec]: string[]): Result {
  let s: SiteRow | undefined;
  let rest: string;
  if (spec === 'root' || spec.startsWith('root/')) {
    s = ctx.db.prepare("SELECT * FROM sites WHERE path = '/'").get() as typeof s;
    rest = spec.slice(4);
  } else if (/^[^/,]+:\//.test(spec)) {
    const m = /^([^/:]+):(\/[^:]*?)(?::(\/.*)?)?$/.exec(spec);
    if (!m) throw badRequest('Invalid site path.');
    s = siteByPath(ctx.db, m[1], m[2]);
    rest = m[3] ?? '';
  } else {
    const [id, ...tail] = spec.split('/');
    s = site(ctx.db, id);
    rest = tail.length ? `/${tail.join('/')}` : '';
  }
  if (!s) throw notFound('Requested site could not be found');
  const access = new ListAccess(ctx, s.id);
  if (access.webMask() === 0n) throw forbidden();
  const parts = rest.split('/').filter(Boolean);
  if (parts.length === 0) {
    if (ctx.method !== 'GET') throw badRequest('Unsupported request.', 'BadRequest');
    return ok({
      '@odata.context': `${ctx.base}/$metadata#sites/$entity`,
      ...select({ ...JSON.parse(s.json), id: s.id }, ctx.query.$select),
    });
  }
  if (parts[0] !== 'lists') throw badRequest(`Resource '${parts[0]}' is not supported here.`, 'BadRequest');
  if (parts.length === 1) {
    if (ctx.method === 'GET') {
      // Lists the caller has no permission in are not listed.
      return ok({
        '@odata.context': `${ctx.base}/$metadata#sites(${odataKey(s.id)})/lists`,
        value: allLists(ctx.db, s.id)
          .filter((l) => access.opens(l))
          .map((l) =>
            select(listJson(ctx, s!, l), ctx.query.$select ? `${ctx.query.$select},columns` : undefined),
          ),
      });
    }
    if (ctx.method === 'POST') {
      if (!has(access.webMask(), Perm.ManageLists)) throw forbidden();
      return ok(
        listJson(
          { ...ctx, query: { $expand: 'columns' } },
          s,
          ctx.db.transaction(() =>
            createList(ctx.db, s!.id, (ctx.body ?? {}) as Record<string, unknown>, ctx.now().toISOString()),
          )(),
        ),
        201,
      );
    }
  }
  const list = listByName(ctx.db, s.id, parts[1]);
  if (!list) throw notFound(`List '${parts[1]}' does not exist at site with URL '${s.path}'.`);
  if (!access.opens(list)) throw forbidden();
  if (parts.length === 2 && ctx.method === 'GET')
    return ok({
      '@odata.context': `${ctx.base}/$metadata#sites(${odataKey(s.id)})/lists/$entity`,
      ...listJson(ctx, s, list),
    });
  if (parts[2] === 'columns' && parts.length === 3) {
    if (ctx.method === 'GET')
      return ok({
        '@odata.context': `${listContext(ctx, s, list)}/columns`,
        value: list.columns.map(columnJson),
      });
    if (ctx.method === 'POST') {
      if (!has(access.listMask(list), Perm.ManageLists)) throw forbidden();
      const col = columnFromInput((ctx.body ?? {}) as Record<string, unknown>);
      if (list.columns.some((c) => c.name === col.name))
        throw new GraphHttpError(409, 'nameAlreadyExists', `A column named '${col.name}' already exists.`);
      saveList(ctx.db, { ...list, columns: [...list.columns, col] });
      return ok(columnJson(col), 201);
    }
  }
  if (parts[2] === 'items') return itemsHandler(ctx, s, access, list, parts.slice(3));
  throw badRequest(`Unsupported request: ${ctx.method} ${ctx.path}`, 'BadRequest');
}

export const siteRoutes: Route[] = ['GET', 'POST', 'PATCH', 'DELETE'].map((method) => ({
  method,
  pattern: /^\/sites\/(.+)$/,
  handler: sitesHandler,
}));
