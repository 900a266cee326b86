import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { fail, send } from '../replies';
import { putUploadChunk } from '../routes/attachments';

/** The upload session URLs Graph hands out for large attachments (pre-authenticated, no bearer token). */
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
};
