import { randomUUID } from 'node:crypto';
import type { FileAttachment } from '@microsoft/microsoft-graph-types';
import {
  badRequest,
  exchangeAccessDenied,
  GraphHttpError,
  invalidIdMalformed,
  invalidUser,
  itemNotFound,
  notFound,
} from '../errors';
import {
  collection,
  entity,
  graphTimestamp,
  noContent,
  odataKey,
  ok,
  select,
  type Ctx,
  type Route,
} from '../http';
import { findUser } from './users';
import { mailboxContext } from './eventAccess';
import { isExchangeId, type StoredEvent } from './eventStore';

const SMALL_LIMIT = 3 * 1024 * 1024;
const LARGE_LIMIT = 150 * 1024 * 1024;

function own(ctx: Ctx, user: string | undefined, id: string): StoredEvent {
  const found = user ? findUser(ctx.db, user) : undefined;
  if (user && !found) throw invalidUser(user);
  const owner = found ? found.userPrincipalName.toLowerCase() : ctx.me.upn.toLowerCase();
  if (owner !== ctx.me.upn.toLowerCase()) throw exchangeAccessDenied();
  if (!isExchangeId(id)) throw invalidIdMalformed();
  const row = ctx.db.prepare('SELECT json FROM events WHERE id = ? AND owner = ?').get(id, owner) as
    { json: string } | undefined;
  if (!row) throw itemNotFound();
  return JSON.parse(row.json) as StoredEvent;
}

const attachmentsContext = (ctx: Ctx, user: string | undefined, e: StoredEvent) =>
  `${mailboxContext(ctx, user)}/events(${odataKey(e.id)})/attachments`;

function ownAttachment(ctx: Ctx, e: StoredEvent, attachmentId: string): AttachmentRow {
  if (!isExchangeId(attachmentId)) throw invalidIdMalformed();
  const row = ctx.db
    .prepare('SELECT * FROM attachments WHERE id = ? AND ical_uid = ?')
    .get(attachmentId, e.iCalUId) as AttachmentRow | undefined;
  if (!row || !receivedBy(e, row)) throw itemNotFound();
  return row;
}

/**
 * Each copy of a meeting holds what the organizer sent to it: a cancelled copy (the meeting was cancelled,
 * or this attendee was removed) keeps what it had and receives nothing added afterwards.
 */
const receivedBy = (e: StoredEvent, a: Pick<AttachmentRow, 'created'>) =>
  !e.isCancelled || a.created <= (e.cancelledAt ?? e.modified);

interface AttachmentRow {
  id: string;
  name: string;
  content_type: string;
  size: number;
  content: Buffer;
  created: string;
}

type GraphFileAttachment = FileAttachment & { '@odata.type': '#microsoft.graph.fileAttachment' };

const shape = (a: AttachmentRow, withContent: boolean): GraphFileAttachment => ({
  '@odata.type': '#microsoft.graph.fileAttachment',
  id: a.id,
  lastModifiedDateTime: graphTimestamp(a.created),
  name: a.name,
  contentType: a.content_type,
  size: a.size,
  isInline: false,
  ...(withContent
    ? { contentId: null, contentLocation: null, contentBytes: a.content.toString('base64') }
    : {}),
});

const USER = '(?:\\/me|\\/users\\/([^/]+))';
const re = (s: string) => new RegExp(`^${USER}\\/events\\/([^/]+)\\/attachments${s}$`);

export const attachmentRoutes: Route[] = [
  {
    method: 'GET',
    pattern: re(''),
    handler: (ctx, [user, id]) => {
      const e = own(ctx, user, id);
      const rows = ctx.db
        .prepare('SELECT * FROM attachments WHERE ical_uid = ? ORDER BY created')
        .all(e.iCalUId) as AttachmentRow[];
      return ok(
        collection(ctx, attachmentsContext(ctx, user, e), {
          value: rows.filter((a) => receivedBy(e, a)).map((a) => select(shape(a, false), ctx.query.$select)),
        }),
      );
    },
  },
  {
    method: 'POST',
    pattern: re(''),
    handler: (ctx, [user, id]) => {
      const e = own(ctx, user, id);
      if (!e.isOrganizer) throw exchangeAccessDenied();
      const body = (ctx.body ?? {}) as {
        '@odata.type'?: string;
        name?: string;
        contentType?: string;
        contentBytes?: string;
      };
      if (!/fileAttachment$/.test(body['@odata.type'] ?? ''))
        throw badRequest('Only #microsoft.graph.fileAttachment is supported.', 'ErrorInvalidRequest');
      if (!body.name || typeof body.contentBytes !== 'string')
        throw badRequest('name and contentBytes are required.', 'ErrorInvalidRequest');
      const bytes = Buffer.from(body.contentBytes, 'base64');
      if (bytes.length > SMALL_LIMIT) {
        throw new GraphHttpError(
          413,
          'ErrorAttachmentSizeShouldNotBeLessThanMinimumSize',
          'Attachments over 3 MB need an upload session (createUploadSession).',
        );
      }
      const row: AttachmentRow = {
        id: `AAMkA${randomUUID().replace(/-/g, '')}`,
        name: body.name,
        content_type: body.contentType ?? 'application/octet-stream',
        size: bytes.length,
        content: bytes,
        created: ctx.now().toISOString(),
      };
      ctx.db
        .prepare(
          'INSERT INTO attachments (id, ical_uid, name, content_type, size, content, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(row.id, e.iCalUId, row.name, row.content_type, row.size, row.content, row.created);
      return ok(entity(ctx, attachmentsContext(ctx, user, e), shape(row, false)), 201);
    },
  },
  {
    method: 'POST',
    pattern: re('\\/createUploadSession'),
    handler: (ctx, [user, id]) => {
      const e = own(ctx, user, id);
      if (!e.isOrganizer) throw exchangeAccessDenied();
      const item = (
        (ctx.body ?? {}) as { AttachmentItem?: { name?: string; size?: number; attachmentType?: string } }
      ).AttachmentItem;
      if (!item?.name || !item.size)
        throw badRequest('AttachmentItem with name and size is required.', 'ErrorInvalidRequest');
      if (item.size > LARGE_LIMIT)
        throw new GraphHttpError(
          413,
          'ErrorAttachmentSizeLimitExceeded',
          'Attachments can be at most 150 MB.',
        );
      const sessionId = randomUUID();
      const expires = new Date(ctx.now().getTime() + 15 * 60000).toISOString();
      ctx.db
        .prepare(
          'INSERT INTO upload_sessions (id, ical_uid, name, size, received, content, expires) VALUES (?, ?, ?, ?, 0, ?, ?)',
        )
        .run(sessionId, e.iCalUId, item.name, item.size, Buffer.alloc(0), expires);
      const origin = ctx.base.replace(/\/v1\.0$/, '');
      return ok(
        {
          '@odata.context': `${ctx.base}/$metadata#microsoft.graph.uploadSession`,
          uploadUrl: `${origin}/_upload/${sessionId}`,
          expirationDateTime: expires,
          nextExpectedRanges: ['0-'],
        },
        201,
      );
    },
  },
  {
    method: 'GET',
    pattern: re('\\/([^/]+)'),
    handler: (ctx, [user, id, attachmentId]) => {
      const e = own(ctx, user, id);
      const row = ownAttachment(ctx, e, attachmentId);
      return ok(entity(ctx, attachmentsContext(ctx, user, e), select(shape(row, true), ctx.query.$select)));
    },
  },
  {
    method: 'GET',
    pattern: re('\\/([^/]+)\\/\\$value'),
    handler: (ctx, [user, id, attachmentId]) => {
      const e = own(ctx, user, id);
      const row = ownAttachment(ctx, e, attachmentId);
      return { status: 200, raw: row.content, headers: { 'Content-Type': row.content_type } };
    },
  },
  {
    method: 'DELETE',
    pattern: re('\\/([^/]+)'),
    handler: (ctx, [user, id, attachmentId]) => {
      const e = own(ctx, user, id);
      if (!e.isOrganizer) throw exchangeAccessDenied();
      ownAttachment(ctx, e, attachmentId);
      ctx.db.prepare('DELETE FROM attachments WHERE id = ? AND ical_uid = ?').run(attachmentId, e.iCalUId);
      return noContent();
    },
  },
];

/** Ranged PUT to an upload session URL (pre-authenticated, like Graph's). */
export function putUploadChunk(
  ctx: Pick<Ctx, 'db' | 'now'>,
  sessionId: string,
  range: string | undefined,
  chunk: Buffer,
) {
  const session = ctx.db.prepare('SELECT * FROM upload_sessions WHERE id = ?').get(sessionId) as
    | {
        id: string;
        ical_uid: string;
        name: string;
        size: number;
        received: number;
        content: Buffer;
        expires: string;
      }
    | undefined;
  if (!session || session.expires < ctx.now().toISOString())
    throw notFound('The upload session was not found or has expired.');
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range ?? '');
  if (!m) throw badRequest('Content-Range must be "bytes start-end/total".', 'invalidRange');
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (start !== session.received || total !== session.size || end - start + 1 !== chunk.length) {
    throw new GraphHttpError(416, 'invalidRange', `Expected bytes ${session.received}- of ${session.size}.`);
  }
  const content = Buffer.concat([session.content, chunk]);
  if (content.length < session.size) {
    ctx.db
      .prepare('UPDATE upload_sessions SET received = ?, content = ? WHERE id = ?')
      .run(content.length, content, sessionId);
    return {
      status: 200,
      body: { expirationDateTime: session.expires, nextExpectedRanges: [`${content.length}-`] },
    };
  }
  const id = `AAMkA${randomUUID().replace(/-/g, '')}`;
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        'INSERT INTO attachments (id, ical_uid, name, content_type, size, content, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        session.ical_uid,
        session.name,
        'application/octet-stream',
        content.length,
        content,
        ctx.now().toISOString(),
      );
    ctx.db.prepare('DELETE FROM upload_sessions WHERE id = ?').run(sessionId);
  })();
  return { status: 201, body: {}, headers: { Location: `attachments('${id}')` } };
}
