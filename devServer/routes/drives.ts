import { badRequest, forbidden, GraphHttpError, notFound } from '../errors';
import { noContent, ok, type Ctx, type Result, type Route } from '../http';
import { ListAccess } from '../lists/access';
import { deleteItem, insertItem, type ItemRow } from '../lists/rows';
import { site, type SiteRow } from '../lists/sites';
import {
  driveItemJson,
  driveJson,
  itemsContext,
  rootJson,
  versionsJson,
  visibleChildren,
} from '../drives/shape';
import {
  checkName,
  conflictOf,
  ifMatch,
  childNamed,
  contentAnswer,
  contentVersion,
  downloadUrl,
  driveById,
  freeName,
  librariesOf,
  driveId,
  mimeOf,
  nameExists,
  pathOf,
  rowById,
  writeFile,
  type Drive,
} from '../drives/store';
import { createDriveUploadSession } from '../drives/uploads';
import { has, Perm } from '../sharepoint/roleDefinitions';

/*
 * Graph's drive API over a site's document libraries: `/sites/{site}/drives`, then below `/drives/{drive-id}`
 * the drive, its root, items by id or by path (`root:/A/B:`, `items/{id}:/name:`), children, folder creation,
 * small uploads, upload sessions (drives/uploads.ts), content (302 to a pre-authenticated URL), versions and
 * DELETE. Every access is decided by the library's SharePoint role assignments (ListAccess): an item the
 * caller may not view is 404, children are trimmed, a write the caller may not make is 403.
 */

/** Graph's limit for a single-request upload (PUT …/content); larger files need an upload session. */
export const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;

const driveNotFound = () => notFound('The drive could not be found.');

/** `/sites/{site}/drives[/{id}…]`: the libraries the caller has any permission in. */
export function siteDrivesHandler(ctx: Ctx, s: SiteRow, access: ListAccess, parts: string[]): Result {
  if (parts.length === 1 && ctx.method === 'GET')
    return ok({
      '@odata.context': `${ctx.base}/$metadata#drives`,
      value: librariesOf(ctx.db, s.id)
        .filter((l) => access.opens(l))
        .map((l) => driveJson(ctx, s, { siteId: s.id, list: l, id: driveId(s.id, l) })),
    });
  if (parts.length >= 2) return drivesHandler(ctx, [parts[1], parts.slice(2).join('/')]);
  throw badRequest(`Unsupported request: ${ctx.method} ${ctx.path}`, 'BadRequest');
}

interface Addressed {
  /** The folder the addressed item is (or would be) in, library-relative. */
  dir: string;
  name: string;
  /** The existing item (undefined: the path names nothing yet); null: the drive's root. */
  row: ItemRow | null | undefined;
  action: string;
}

function address(ctx: Ctx, d: Drive, access: ListAccess, rest: string): Addressed {
  let base: ItemRow | null = null;
  let tail: string;
  if (rest === 'root' || rest.startsWith('root/') || rest.startsWith('root:')) tail = rest.slice(4);
  else {
    const m = /^items\/([^/:]+)(.*)$/.exec(rest);
    if (!m) throw badRequest(`Resource not found for the segment '${rest.split('/')[0]}'.`, 'BadRequest');
    const id = decodeURIComponent(m[1]);
    tail = m[2];
    if (id !== 'root' && id !== rootIdOfDrive(d)) {
      const row = rowById(ctx.db, d.list, id);
      if (!row || !access.canRead(d.list, row)) throw notFound('Item not found');
      base = row;
    }
  }
  let path = '';
  if (tail.startsWith(':')) {
    const end = tail.indexOf(':', 1);
    path = end < 0 ? tail.slice(1) : tail.slice(1, end);
    tail = end < 0 ? '' : tail.slice(end + 1);
  }
  const action = tail.replace(/^\//, '');
  const segments = path.split('/').filter(Boolean);
  if (!segments.length) return { dir: base?.dir ?? '', name: base?.leaf ?? '', row: base, action };
  if (base && !base.fs_obj_type) throw notFound('Item not found');
  let dir = base ? pathOf(base) : '';
  for (const seg of segments.slice(0, -1)) {
    const folder = childNamed(ctx.db, d.list, dir, seg);
    if (!folder || !folder.fs_obj_type) throw notFound('Item not found');
    dir = pathOf(folder);
  }
  const name = segments[segments.length - 1];
  const row = childNamed(ctx.db, d.list, dir, name);
  return { dir, name: row?.leaf ?? name, row, action };
}

const rootIdOfDrive = (d: Drive) => `01${d.list.id.replace(/-/g, '').toUpperCase()}`;

/** The folder addressed must be the root or a folder the caller may view. */
function folderDir(d: Drive, access: ListAccess, a: Addressed): string {
  if (a.row === null) return '';
  if (!a.row || !access.canRead(d.list, a.row)) throw notFound('Item not found');
  if (!a.row.fs_obj_type) throw badRequest('The item is not a folder.');
  return pathOf(a.row);
}

/** The existing file or folder addressed, visible to the caller, else 404 (never telling whether it exists). */
function visible(d: Drive, access: ListAccess, a: Addressed): ItemRow {
  if (!a.row || !access.canRead(d.list, a.row)) throw notFound('Item not found');
  return a.row;
}

function drivesHandler(ctx: Ctx, [id, rest = '']: string[]): Result {
  const d = driveById(ctx.db, id);
  if (!d) throw driveNotFound();
  const s = site(ctx.db, d.siteId)!;
  const access = new ListAccess(ctx, d.siteId);
  if (!access.opens(d.list)) throw forbidden();
  if (!rest) {
    if (ctx.method !== 'GET') throw badRequest('Unsupported request.', 'BadRequest');
    return ok({ '@odata.context': `${ctx.base}/$metadata#drives/$entity`, ...driveJson(ctx, s, d) });
  }
  const a = address(ctx, d, access, rest);
  const entity = (row: ItemRow, status = 200) =>
    ok(
      { '@odata.context': `${itemsContext(ctx, d)}/$entity`, ...driveItemJson(ctx, s, d, access, row) },
      status,
    );
  const { method } = ctx;
  if (method === 'GET' && !a.action) {
    if (a.row === null)
      return ok({ '@odata.context': `${itemsContext(ctx, d)}/$entity`, ...rootJson(ctx, s, d, access) });
    const row = visible(d, access, a);
    // A file's pre-authenticated download URL, as Graph gives it on the driveItem (a page's fetch cannot
    // follow …/content's 302 itself: the redirect's Location is hidden from it).
    if (row.fs_obj_type || !has(access.sec.maskOf(ctx.me.upn, `item:${d.list.id}:${row.id}`), Perm.OpenItems))
      return entity(row);
    return ok({
      '@odata.context': `${itemsContext(ctx, d)}/$entity`,
      '@microsoft.graph.downloadUrl': downloadUrl(ctx, d.list, row),
      ...driveItemJson(ctx, s, d, access, row),
    });
  }
  if (a.action === 'children' && method === 'GET') {
    const dir = folderDir(d, access, a);
    return ok({
      '@odata.context': `${itemsContext(ctx, d)}('${a.row ? a.row.guid : 'root'}')/children`,
      value: visibleChildren(ctx, d, access, dir).map((r) => driveItemJson(ctx, s, d, access, r)),
    });
  }
  if (a.action === 'children' && method === 'POST')
    return createFolder(ctx, d, access, folderDir(d, access, a), entity);
  if (a.action === 'content' && method === 'PUT') return putContent(ctx, d, access, a, entity);
  if (a.action === 'createUploadSession' && method === 'POST') {
    if (a.row) visible(d, access, a);
    else folderDir(d, access, parentOf(ctx, d, a.dir));
    return createDriveUploadSession(ctx, d, access, a);
  }
  const row = visible(d, access, a);
  if (a.action === 'content' && method === 'GET') {
    if (row.fs_obj_type) throw badRequest('A folder has no content.');
    if (!has(access.sec.maskOf(ctx.me.upn, `item:${d.list.id}:${row.id}`), Perm.OpenItems)) throw forbidden();
    return contentAnswer(ctx, d.list, row);
  }
  if (a.action === 'versions' && method === 'GET') {
    if (!has(access.sec.maskOf(ctx.me.upn, `item:${d.list.id}:${row.id}`), Perm.ViewVersions))
      throw forbidden();
    return ok({
      '@odata.context': `${itemsContext(ctx, d)}('${row.guid}')/versions`,
      value: versionsJson(ctx, d, row),
    });
  }
  const version = /^versions\/(\d+)\.0\/content$/.exec(a.action);
  if (version && method === 'GET') {
    if (!has(access.sec.maskOf(ctx.me.upn, `item:${d.list.id}:${row.id}`), Perm.ViewVersions))
      throw forbidden();
    const v = contentVersion(ctx.db, d.list, row, Number(version[1]));
    if (!v) throw notFound('The version could not be found.');
    return { status: 200, raw: v.content, headers: { 'Content-Type': v.mime } };
  }
  if (!a.action && method === 'DELETE') {
    if (!access.canDelete(d.list, row)) throw forbidden();
    ctx.db.transaction(() => {
      ifMatch(ctx, row);
      deleteItem(ctx, access, d.list, row);
    })();
    return noContent();
  }
  throw badRequest(`Unsupported request: ${method} ${ctx.path}`, 'BadRequest');
}

/** The folder a path's parent names, addressed like any item. */
function parentOf(ctx: Ctx, d: Drive, dir: string): Addressed {
  if (!dir) return { dir: '', name: '', row: null, action: '' };
  const at = dir.lastIndexOf('/');
  const row = childNamed(ctx.db, d.list, at < 0 ? '' : dir.slice(0, at), at < 0 ? dir : dir.slice(at + 1));
  return { dir: at < 0 ? '' : dir.slice(0, at), name: row?.leaf ?? '', row, action: '' };
}

function createFolder(
  ctx: Ctx,
  d: Drive,
  access: ListAccess,
  dir: string,
  entity: (r: ItemRow, s?: number) => Result,
) {
  const body = (ctx.body ?? {}) as { name?: unknown; folder?: unknown; file?: unknown };
  if (typeof body.name !== 'string') throw badRequest('The name of the item is required.');
  if (body.folder === undefined)
    throw badRequest('Only folders can be created here; upload files with PUT …/content.');
  checkName(body.name);
  if (!access.canAdd(d.list, dir)) throw forbidden();
  const conflict = conflictOf(ctx, 'fail');
  const existing = childNamed(ctx.db, d.list, dir, body.name);
  // replace on an existing folder keeps it and what is in it (Microsoft Q&A 2101794: "200 OK … the files inside it were preserved").
  if (existing && conflict === 'replace' && existing.fs_obj_type && access.canRead(d.list, existing))
    return entity(existing, 200);
  if (existing && conflict !== 'rename') throw nameExists();
  const name = conflict === 'rename' ? freeName(ctx.db, d.list, dir, body.name) : body.name;
  const row = ctx.db.transaction(() =>
    insertItem(ctx, d.list, {}, ctx.me.upn.toLowerCase(), { dir, folder: name }),
  )();
  return entity(row, 201);
}

function putContent(
  ctx: Ctx,
  d: Drive,
  access: ListAccess,
  a: Addressed,
  entity: (r: ItemRow, s?: number) => Result,
) {
  const bytes = Buffer.isBuffer(ctx.body)
    ? ctx.body
    : typeof ctx.body === 'string'
      ? Buffer.from(ctx.body)
      : ctx.body === undefined
        ? Buffer.alloc(0)
        : Buffer.from(JSON.stringify(ctx.body));
  if (bytes.length > SIMPLE_UPLOAD_LIMIT)
    throw new GraphHttpError(
      413,
      'RequestEntityTooLarge',
      'The request is larger than 4 MB; upload it with an upload session (createUploadSession).',
    );
  if (a.row === null) throw badRequest('The root folder has no content.');
  if (a.row) {
    const row = visible(d, access, a);
    if (row.fs_obj_type) throw nameExists();
    const conflict = conflictOf(ctx, 'replace');
    if (conflict === 'fail') throw nameExists();
    if (conflict === 'replace') {
      if (!access.canEdit(d.list, row)) throw forbidden();
      ifMatch(ctx, row);
      return entity(
        writeFile(ctx, d.list, { dir: row.dir, name: row.leaf!, existing: row }, bytes, mimeOf(row.leaf!))
          .row,
        200,
      );
    }
  }
  const dir = folderDir(d, access, parentOf(ctx, d, a.dir));
  checkName(a.name);
  if (!access.canAdd(d.list, dir)) throw forbidden();
  const name = a.row ? freeName(ctx.db, d.list, dir, a.name) : a.name;
  return entity(writeFile(ctx, d.list, { dir, name }, bytes, mimeOf(name)).row, 201);
}

export const driveRoutes: Route[] = ['GET', 'POST', 'PUT', 'DELETE'].map((method) => ({
  method,
  pattern: /^\/drives\/([^/]+)(?:\/(.*))?$/,
  handler: drivesHandler,
}));
