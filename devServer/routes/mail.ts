import { randomUUID } from 'node:crypto';
import { badRequest } from '../errors';
import type { Route } from '../http';

/** `sendMail`: the message is kept in the `mail` table (`/dev/mail` lists what was sent), never delivered. */
export const mailRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/me\/sendMail$/,
    handler: (ctx) => {
      const body = (ctx.body ?? {}) as { message?: { subject?: string; toRecipients?: unknown[] } };
      if (!body.message?.toRecipients?.length)
        throw badRequest('At least one recipient is required.', 'ErrorInvalidRecipients');
      ctx.db
        .prepare('INSERT INTO mail (id, sender, json, sent) VALUES (?, ?, ?, ?)')
        .run(
          randomUUID(),
          ctx.me.upn.toLowerCase(),
          JSON.stringify({ kind: 'mail', ...body }),
          ctx.now().toISOString(),
        );
      return { status: 202 };
    },
  },
];
