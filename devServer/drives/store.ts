import { randomBytes } from 'node:crypto';
import { nextCounter, type Db } from '../db';
import { badRequest, GraphHttpError, notFound } from '../errors';
import type { Ctx, Result } from '../http';
import { isLibrary } from '../lists/shape';
import { allLists, type ListDoc } from '../lists/lists';
import { insertItem, type ItemRow, saveItem } from '../lists/rows';
import { site } from '../lists/sites';

/*
 * A document library's files and folders as Graph's drive API sees them. The library is a list (template
 * documentLibrary); a folder is its folder row, a file a row with FSObjType 0 whose name is its FileLeafRef
 * and whose content lives in drive_content, one row per version. So a file is a securable item like any
 * row: it inherits its folder's scope, and SharePoint REST's role calls work on it unchanged.
 */

export interface Drive {
  siteId: string;
  list: ListDoc;
  id: string;
}

/** Graph's drive ids for SharePoint are opaque "b!…" strings; here the site and the list, encoded. */
export const driveId = (siteId: string, list: ListDoc) =>
  `b!${Buffer.from(`${siteId}|${list.id}`).toString('base64url')}`;

export function driveById(db: Db, id: string): Drive | undefined {
  if (!id.startsWith('b!')) return undefined;
  const [siteId, listId] = Buffer.from(id.slice(2), 'base64url').toString().split('|');
  if (!siteId || !listId || !site(db, siteId)) return undefined;
  const list = allLists(db, siteId).find((l) => l.id === listId && isLibrary(l));
  return list ? { siteId, list, id } : undefined;
}

export const librariesOf = (db: Db, siteId: string) => allLists(db, siteId).filter(isLibrary);

/** DriveItem ids: "01" and the row's GUID in upper-case hex (34 characters, like SharePoint's). */
export const itemIdOf = (row: ItemRow) => `01${row.guid.replace(/-/g, '').toUpperCase()}`;
export const rootIdOf = (list: ListDoc) => `01${list.id.replace(/-/g, '').toUpperCase()}`;

const guidOf = (id: string) => {
  const hex = id.slice(2).toLowerCase();
  return /^[0-9a-f]{32}$/.test(hex)
    ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    : undefined;
};

export function rowById(db: Db, list: ListDoc, id: string): ItemRow | undefined {
  const guid = guidOf(id);
  if (!id.startsWith('01') || !guid) return undefined;
  return db
    .prepare('SELECT * FROM items WHERE list_id = ? AND guid = ? AND deleted = 0')
    .get(list.id, guid) as ItemRow | undefined;
}

/** The row named `name` in the folder `dir` ("" the root); names are unique case-insensitively, as in SharePoint. */
export function childNamed(db: Db, list: ListDoc, dir: string, name: string): ItemRow | undefined {
  return db
    .prepare('SELECT * FROM items WHERE list_id = ? AND deleted = 0 AND dir = ? AND leaf = ? COLLATE NOCASE')
    .get(list.id, dir, name) as ItemRow | undefined;
}

export function childrenOf(db: Db, list: ListDoc, dir: string): ItemRow[] {
  return db
    .prepare(
      'SELECT * FROM items WHERE list_id = ? AND deleted = 0 AND dir = ? ORDER BY fs_obj_type DESC, leaf',
    )
    .all(list.id, dir) as ItemRow[];
}

/** The library-relative path of a row ("A/B/file.pdf"). */
export const pathOf = (row: ItemRow) => `${row.dir ? `${row.dir}/` : ''}${row.leaf ?? ''}`;

/** What SharePoint refuses in a file or folder name (and what Graph answers then). */
export function checkName(name: string) {
  if (!name.trim() || /["*:<>?/\\|]/.test(name) || /^\.|\.$|^~\$/.test(name.trim()) || name.length > 400)
    throw new GraphHttpError(400, 'invalidRequest', 'The provided name contains invalid characters.');
}

/** conflictBehavior rename: "name 1.ext", "name 2.ext", … as OneDrive and SharePoint number them. */
export function freeName(db: Db, list: ListDoc, dir: string, name: string): string {
  if (!childNamed(db, list, dir, name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n += 1) if (!childNamed(db, list, dir, `${stem} ${n}${ext}`)) return `${stem} ${n}${ext}`;
}

export const nameExists = () =>
  new GraphHttpError(409, 'nameAlreadyExists', 'The specified item name already exists.');

export interface Content {
  version: number;
  content: Buffer;
  mime: string;
  modified: string;
  modified_by: string;
}

export function latestContent(db: Db, list: ListDoc, row: ItemRow): Content | undefined {
  return db
    .prepare('SELECT * FROM drive_content WHERE list_id = ? AND item_id = ? ORDER BY version DESC LIMIT 1')
    .get(list.id, row.id) as Content | undefined;
}

export function versionsOf(
  db: Db,
  list: ListDoc,
  row: ItemRow,
): Array<Omit<Content, 'content'> & { size: number }> {
  return db
    .prepare(
      'SELECT version, mime, modified, modified_by, length(content) AS size FROM drive_content WHERE list_id = ? AND item_id = ? ORDER BY version DESC',
    )
    .all(list.id, row.id) as Array<Omit<Content, 'content'> & { size: number }>;
}

export function contentVersion(db: Db, list: ListDoc, row: ItemRow, version: number): Content | undefined {
  return db
    .prepare('SELECT * FROM drive_content WHERE list_id = ? AND item_id = ? AND version = ?')
    .get(list.id, row.id, version) as Content | undefined;
}

/** Writes a file: a new row in `dir`, or (`existing`) a new version of that row's content. */
export function writeFile(
  ctx: Pick<Ctx, 'db' | 'now' | 'me'>,
  list: ListDoc,
  target: { dir: string; name: string; existing?: ItemRow },
  content: Buffer,
  mime: string,
): { row: ItemRow; created: boolean } {
  const by = ctx.me.upn.toLowerCase();
  const now = ctx.now().toISOString();
  return ctx.db.transaction(() => {
    let row: ItemRow;
    const created = !target.existing;
    if (target.existing) {
      row = {
        ...target.existing,
        version: target.existing.version + 1,
        modified: now,
        modified_by: by,
        change_seq: nextCounter(ctx.db, 'changes'),
      };
      saveItem(ctx as Ctx, list, row);
    } else row = insertItem(ctx as Ctx, list, {}, by, { dir: target.dir, file: target.name });
    const last = latestContent(ctx.db, list, row)?.version ?? 0;
    ctx.db
      .prepare(
        'INSERT INTO drive_content (list_id, item_id, version, content, mime, modified, modified_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(list.id, row.id, last + 1, content, mime, now, by);
    return { row, created };
  })();
}

/** A pre-authenticated download URL for the file's current content, valid for an hour (Graph: "a few minutes"). */
export function downloadUrl(ctx: Pick<Ctx, 'db' | 'now' | 'base'>, list: ListDoc, row: ItemRow): string {
  const content = latestContent(ctx.db, list, row);
  if (!content) throw notFound('The file has no content.');
  const now = ctx.now().getTime();
  ctx.db.prepare('DELETE FROM drive_downloads WHERE expires < ?').run(new Date(now).toISOString());
  const token = randomBytes(24).toString('base64url');
  ctx.db
    .prepare('INSERT INTO drive_downloads (token, list_id, item_id, version, expires) VALUES (?, ?, ?, ?, ?)')
    .run(token, list.id, row.id, content.version, new Date(now + 3600_000).toISOString());
  return `${ctx.base.replace(/\/v1\.0$/, '')}/_download/${token}`;
}

/** The bytes behind a download URL, or undefined when the token is unknown, expired or its file deleted. */
export function downloadByToken(db: Db, token: string, now: Date): Content | undefined {
  const t = db.prepare('SELECT * FROM drive_downloads WHERE token = ?').get(token) as
    { list_id: string; item_id: number; version: number; expires: string } | undefined;
  if (!t || t.expires < now.toISOString()) return undefined;
  const live = db
    .prepare('SELECT 1 FROM items WHERE list_id = ? AND id = ? AND deleted = 0')
    .get(t.list_id, t.item_id);
  if (!live) return undefined;
  return db
    .prepare('SELECT * FROM drive_content WHERE list_id = ? AND item_id = ? AND version = ?')
    .get(t.list_id, t.item_id, t.version) as Content | undefined;
}

/** A file's MIME type from its name (what SharePoint reports in file.mimeType). */
export function mimeOf(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const types: Record<string, string> = {
    pdf: 'application/pdf',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    doc: 'application/msword',
    xls: 'application/vnd.ms-excel',
    ppt: 'application/vnd.ms-powerpoint',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    txt: 'text/plain',
    csv: 'text/csv',
  };
  return types[ext] ?? 'application/octet-stream';
}

/** If-Match with the item's eTag or cTag (W/ ignored, * matches anything); stale → 412 resourceModified. */
export function ifMatch(ctx: Ctx, row: ItemRow, header = ctx.headers['if-match']) {
  if (!header || header.trim() === '*') return;
  const want = header.trim().replace(/^W\//, '');
  const guid = row.guid.toUpperCase();
  if (want !== `"{${guid}},${row.version}"` && want !== `"c:{${guid}},${row.version}"`)
    throw new GraphHttpError(412, 'resourceModified', "ETag does not match current item's value");
}

/** `conflictBehavior`: the body's annotation (POST children, createUploadSession) or the query's (PUT content). */
export function conflictOf(ctx: Ctx, fallback: 'fail' | 'replace'): 'fail' | 'replace' | 'rename' {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const item = (body.item ?? {}) as Record<string, unknown>;
  const raw =
    body['@microsoft.graph.conflictBehavior'] ??
    item['@microsoft.graph.conflictBehavior'] ??
    ctx.query['@microsoft.graph.conflictBehavior'] ??
    fallback;
  if (raw !== 'fail' && raw !== 'replace' && raw !== 'rename')
    throw badRequest(`Invalid value '${String(raw)}' for @microsoft.graph.conflictBehavior.`);
  return raw;
}

/**
 * GET …/content: 302 to a pre-authenticated download URL, as Graph documents. `?format=pdf`: a PDF is
 * returned as it is (200); anything else would need Office's converter, which the local server does not
 * have: 406 notSupported, Graph's answer for a file it cannot convert.
 */
export function contentAnswer(ctx: Ctx, list: ListDoc, row: ItemRow): Result {
  const format = ctx.query.format;
  if (!format) return { status: 302, headers: { Location: downloadUrl(ctx, list, row) } };
  const current = latestContent(ctx.db, list, row);
  if (!current) throw notFound('The file has no content.');
  if (format.toLowerCase() === 'pdf' && current.mime === 'application/pdf')
    return { status: 200, raw: current.content, headers: { 'Content-Type': 'application/pdf' } };
  throw new GraphHttpError(
    406,
    'notSupported',
    `Converting '${row.leaf}' to ${format} is not available on the local Graph server.`,
  );
}
