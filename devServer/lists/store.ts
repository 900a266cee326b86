import { randomUUID } from 'node:crypto';
import { nextCounter, type Db } from '../db';
import { badRequest, GraphHttpError } from '../errors';
import type { Ctx } from '../http';
import { itemKey } from '../sharepoint/scopes';
import { settingsOf, type ListAccess } from './access';

/*
 * Storage of lists and their rows in SQLite: what a list and a row are, reading and writing them, and the
 * rules SharePoint keeps on every write (column types, unique values). Who may read or write is
 * ./access.ts; how Graph shows a row is ./shape.ts.
 */

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
  /** SPList.NoCrawl: the list is kept out of search. */
  noCrawl?: boolean;
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

export function columnFromInput(input: Record<string, unknown>): ColumnDef {
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
    name: freeUrlName(db, siteId, displayName.replace(/[^A-Za-z0-9]/g, '') || 'List'),
    template: String((input.list as { template?: string })?.template ?? 'genericList'),
    columns,
    created: now,
  };
  saveList(db, list);
  return list;
}

/**
 * A list's URL name is unique in its site (case-insensitively, as URLs are): a display name whose URL name
 * is taken ("Follow Ups" beside /Lists/FollowUps) gets the next free one with a number, as SharePoint
 * numbers a taken URL, so a new list never takes an existing list's URL.
 */
function freeUrlName(db: Db, siteId: string, wanted: string): string {
  const taken = new Set(allLists(db, siteId).map((l) => l.name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  let n = 1;
  while (taken.has(`${wanted}${n}`.toLowerCase())) n += 1;
  return `${wanted}${n}`;
}

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

/**
 * A new row: at the root unless `dir` names a folder; `folder` makes it a folder with that name, `file` a
 * document library's file (FSObjType 0) with that name.
 */
export function insertItem(
  ctx: Ctx,
  list: ListDoc,
  fields: Record<string, unknown>,
  by: string,
  place: { dir?: string; folder?: string; file?: string } = {},
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
    leaf: place.folder ?? place.file ?? `${id}_.000`,
    created_seq: seq,
    deleted_viewers: null,
  };
  saveItem(ctx, list, row);
  return row;
}

/** The list-relative path of a folder row ("A", "A/B"). */
export const folderPath = (row: ItemRow) => `${row.dir ? `${row.dir}/` : ''}${row.leaf ?? ''}`;

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

/** The live rows of a list, by id. */
export function liveRows(db: Db, list: ListDoc): ItemRow[] {
  return db
    .prepare('SELECT * FROM items WHERE list_id = ? AND deleted = 0 ORDER BY id')
    .all(list.id) as ItemRow[];
}

/** The live rows whose indexed `column` holds `value` (answered from the column's expression index). */
export function liveRowsWhere(db: Db, list: ListDoc, column: string, value: string | number): ItemRow[] {
  return db
    .prepare(
      `SELECT * FROM items WHERE list_id = ? AND deleted = 0 AND json_extract(fields, '$.${column}') = ? ORDER BY id`,
    )
    .all(list.id, value) as ItemRow[];
}

/** Every row (deleted ones too) changed after the change number `since`, oldest change first. */
export function changedSince(db: Db, list: ListDoc, since: number): ItemRow[] {
  return db
    .prepare('SELECT * FROM items WHERE list_id = ? AND change_seq > ? ORDER BY change_seq')
    .all(list.id, since) as ItemRow[];
}

/** The newest change number of the tenant (what a delta link made now starts after). */
export function currentChangeSeq(db: Db): number {
  return (
    (db.prepare("SELECT value FROM counters WHERE name = 'changes'").get() as { value: number } | undefined)
      ?.value ?? 0
  );
}
