import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { badRequest, forbidden, GraphHttpError, notFound } from '../errors';
import { ok, type Ctx, type Result } from '../http';
import { ListAccess } from '../lists/access';
import { site } from '../lists/sites';
import type { SpVariants } from '../variants';
import { itemsContext, driveItemJson } from './shape';
import {
  checkName,
  childNamed,
  conflictOf,
  driveById,
  ifMatch,
  freeName,
  mimeOf,
  nameExists,
  writeFile,
  type Drive,
} from './store';

/*
 * Graph's upload sessions for a document library: createUploadSession (200 with uploadUrl,
 * expirationDateTime, nextExpectedRanges ["0-"]), then PUTs of byte ranges to the pre-authenticated
 * uploadUrl with Content-Range (202 with nextExpectedRanges while bytes are missing; 201 for a new file or
 * 200 for a new version, with the driveItem, at the last byte); DELETE on the URL cancels. The caller's
 * permission is checked when the session is made and again when the file is written.
 */

interface Session {
  id: string;
  site_id: string;
  list_id: string;
  dir: string;
  name: string;
  conflict: string;
  upn: string;
  size: number;
  content: Buffer;
  if_match: string | null;
  expires: string;
}

const SESSION_MINUTES = 15;

export function createDriveUploadSession(
  ctx: Ctx,
  d: Drive,
  access: ListAccess,
  a: { dir: string; name: string; row: { id: number; fs_obj_type: number } | null | undefined },
): Result {
  if (a.row === null) throw badRequest('An upload session needs a file name.');
  const body = (ctx.body ?? {}) as { item?: { name?: unknown } };
  const name = typeof body.item?.name === 'string' && !a.row ? body.item.name : a.name;
  checkName(name);
  const conflict = conflictOf(ctx, 'replace');
  const existing = a.row ?? childNamed(ctx.db, d.list, a.dir, name);
  if (existing) {
    if (existing.fs_obj_type || conflict === 'fail') throw nameExists();
    const row = ctx.db
      .prepare('SELECT * FROM items WHERE list_id = ? AND id = ?')
      .get(d.list.id, existing.id) as Parameters<typeof ifMatch>[1];
    if (conflict === 'replace') {
      if (!access.canEdit(d.list, row)) throw forbidden();
      ifMatch(ctx, row);
    } else if (!access.canAdd(d.list, a.dir)) throw forbidden();
  } else if (!access.canAdd(d.list, a.dir)) throw forbidden();
  const id = randomUUID();
  const expires = new Date(ctx.now().getTime() + SESSION_MINUTES * 60000).toISOString();
  ctx.db
    .prepare(
      `INSERT INTO drive_upload_sessions (id, site_id, list_id, dir, name, conflict, upn, size, content, if_match, expires)
       VALUES (?, ?, ?, ?, ?, ?, ?, -1, ?, ?, ?)`,
    )
    .run(
      id,
      d.siteId,
      d.list.id,
      a.dir,
      name,
      conflict,
      ctx.me.upn.toLowerCase(),
      Buffer.alloc(0),
      ctx.headers['if-match'] ?? null,
      expires,
    );
  return ok({
    '@odata.context': `${ctx.base}/$metadata#microsoft.graph.uploadSession`,
    uploadUrl: `${ctx.base.replace(/\/v1\.0$/, '')}/_driveupload/${id}`,
    expirationDateTime: expires,
    nextExpectedRanges: ['0-'],
  });
}

export interface UploadHouse {
  db: Db;
  now: () => Date;
  base: string;
  variants?: SpVariants;
}

const sessionGone = () =>
  new GraphHttpError(404, 'itemNotFound', 'The upload session was not found or has expired.');

/** A ranged PUT to a session's uploadUrl (pre-authenticated: the session knows who made it). */
export function putDriveChunk(
  house: UploadHouse,
  id: string,
  range: string | undefined,
  chunk: Buffer,
): Result {
  const s = house.db.prepare('SELECT * FROM drive_upload_sessions WHERE id = ?').get(id) as
    Session | undefined;
  if (!s || s.expires < house.now().toISOString()) throw sessionGone();
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range ?? '');
  if (!m) throw badRequest('The Content-Range header is missing or malformed.', 'invalidRange');
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const size = s.size < 0 ? total : s.size;
  if (total !== size) throw badRequest('The Content-Range total does not match the session.', 'invalidRange');
  if (end - start + 1 !== chunk.length)
    throw badRequest('The Content-Range does not match the bytes sent.', 'invalidRange');
  if (start !== s.content.length || end >= size)
    throw new GraphHttpError(
      416,
      'invalidRange',
      `The uploaded fragment overlaps data already received; next expected byte: ${s.content.length}.`,
    );
  const content = Buffer.concat([s.content, chunk]);
  // Each fragment extends the session (uploadSession.expirationDateTime).
  const expires = new Date(house.now().getTime() + SESSION_MINUTES * 60000).toISOString();
  if (content.length < size) {
    house.db
      .prepare('UPDATE drive_upload_sessions SET size = ?, content = ?, expires = ? WHERE id = ?')
      .run(size, content, expires, id);
    return { status: 202, body: { expirationDateTime: expires, nextExpectedRanges: [`${content.length}-`] } };
  }
  house.db.prepare('DELETE FROM drive_upload_sessions WHERE id = ?').run(id);
  return finish(house, s, content);
}

export function cancelDriveUpload(house: UploadHouse, id: string): Result {
  const gone = house.db.prepare('DELETE FROM drive_upload_sessions WHERE id = ?').run(id);
  if (!gone.changes) throw sessionGone();
  return { status: 204 };
}

/** The last byte arrived: write the file as the session's maker, with the permissions they hold now. */
function finish(house: UploadHouse, s: Session, content: Buffer): Result {
  const ctx: Ctx = {
    db: house.db,
    me: { upn: s.upn, oid: '', name: s.upn },
    method: 'PUT',
    path: '',
    query: {},
    headers: {},
    body: undefined,
    base: house.base,
    now: house.now,
    variants: house.variants,
  };
  const site_ = site(house.db, s.site_id);
  const drive =
    site_ && driveById(house.db, `b!${Buffer.from(`${s.site_id}|${s.list_id}`).toString('base64url')}`);
  if (!site_ || !drive) throw notFound('The drive could not be found.');
  const access = new ListAccess(ctx, s.site_id);
  // The folder may have gone (or become invisible to the session's maker) while the bytes came in.
  if (s.dir) {
    const at = s.dir.lastIndexOf('/');
    const folder = childNamed(house.db, drive.list, at < 0 ? '' : s.dir.slice(0, at), s.dir.slice(at + 1));
    if (!folder || !folder.fs_obj_type || !access.canRead(drive.list, folder))
      throw notFound('Item not found');
  }
  const existing = childNamed(house.db, drive.list, s.dir, s.name);
  let result;
  if (existing && s.conflict === 'replace') {
    if (existing.fs_obj_type) throw nameExists();
    if (!access.canEdit(drive.list, existing)) throw forbidden();
    ifMatch(ctx, existing, s.if_match ?? undefined);
    result = writeFile(
      ctx,
      drive.list,
      { dir: s.dir, name: existing.leaf!, existing },
      content,
      mimeOf(existing.leaf!),
    );
  } else {
    if (existing && s.conflict === 'fail') throw nameExists();
    if (!access.canAdd(drive.list, s.dir)) throw forbidden();
    const name = existing ? freeName(house.db, drive.list, s.dir, s.name) : s.name;
    result = writeFile(ctx, drive.list, { dir: s.dir, name }, content, mimeOf(name));
  }
  return ok(
    {
      '@odata.context': `${itemsContext(ctx, drive)}/$entity`,
      ...driveItemJson(ctx, site_, drive, access, result.row),
    },
    result.created ? 201 : 200,
  );
}
