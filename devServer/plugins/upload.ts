import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { fail, send } from '../replies';
import { downloadByToken } from '../drives/store';
import { cancelDriveUpload, putDriveChunk } from '../drives/uploads';
import { GraphHttpError } from '../errors';
import { putUploadChunk } from '../routes/attachments';

/**
 * The pre-authenticated URLs Graph hands out (no bearer token): upload sessions for large attachments
 * (`/_upload/…`) and for document library files (`/_driveupload/…`, PUT a range or DELETE to cancel), and a
 * file's download URL (`/_download/…`, the Location of GET …/content).
 */
export const uploadSessions: FastifyPluginAsync = async (app) => {
  app.put('/_upload/:id', async (req, reply) => {
    const requestId = randomUUID();
    try {
      const r = putUploadChunk(
        { db: app.house.db, now: app.house.now },
        (req.params as { id: string }).id,
        req.headers['content-range'],
        req.body as Buffer,
      );
      return send(reply, requestId, r);
    } catch (e) {
      return fail(reply, requestId, e);
    }
  });

  const body = (b: unknown) => (Buffer.isBuffer(b) ? b : Buffer.from(typeof b === 'string' ? b : ''));
  app.put('/_driveupload/:id', async (req, reply) => {
    const requestId = randomUUID();
    try {
      const id = (req.params as { id: string }).id;
      return send(
        reply,
        requestId,
        putDriveChunk(app.house, id, req.headers['content-range'], body(req.body)),
      );
    } catch (e) {
      return fail(reply, requestId, e);
    }
  });
  app.delete('/_driveupload/:id', async (req, reply) => {
    const requestId = randomUUID();
    try {
      return send(reply, requestId, cancelDriveUpload(app.house, (req.params as { id: string }).id));
    } catch (e) {
      return fail(reply, requestId, e);
    }
  });
  app.get('/_download/:token', async (req, reply) => {
    const requestId = randomUUID();
    const found = downloadByToken(app.house.db, (req.params as { token: string }).token, app.house.now());
    if (!found)
      return fail(reply, requestId, new GraphHttpError(404, 'itemNotFound', 'The download URL has expired.'));
    return send(reply, requestId, {
      status: 200,
      raw: found.content,
      headers: { 'Content-Type': found.mime },
    });
  });
};
