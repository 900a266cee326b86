import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { badRequest, GraphHttpError } from '../errors';
import { BUILTIN, columnFromInput, uniqueValue, type ColumnDef } from './columns';

/*
 * Lists: what a list is (its columns and settings), finding, saving and creating one. Its columns are
 * ./columns.ts, its rows ./rows.ts; who may read or write is ./access.ts; how Graph shows a list is ./shape.ts.
 */

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
