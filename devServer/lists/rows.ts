import { randomUUID } from 'node:crypto';
import { nextCounter, type Db } from '../db';
import { GraphHttpError } from '../errors';
import type { Ctx } from '../http';
import { itemKey } from '../sharepoint/scopeTree';
import { settingsOf, type ListAccess } from './access';
import { uniqueValue } from './columns';
import type { ListDoc } from './lists';

/*
 * Rows of a list in SQLite: items and folders, reading and writing them, the unique values SharePoint keeps
 * on every write, deleting (a folder with everything in it), and the change numbers delta reads.
 */

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
