import type { Chat } from '@microsoft/microsoft-graph-types';
import { GraphHttpError } from '../errors';
import { entity, ok, type Route } from '../http';
import { organizerCopy, parseEvents } from './eventStore';
import { findUser } from './users';

/** A Teams meeting's chat, as the meeting tab reads it: which calendar event and join link it belongs to. */
export const chatRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/chats\/([^/]+)$/,
    handler: (ctx, [chatId]) => {
      const rows = parseEvents(ctx.db.prepare('SELECT json FROM events').all() as Array<{ json: string }>);
      const event = rows.find((e) => e.chatId === chatId && e.isOrganizer);
      // Teams answers with its own codes (NotFound, Forbidden).
      if (!event) throw new GraphHttpError(404, 'NotFound', `Chat ${chatId} was not found.`);
      const me = ctx.me.upn.toLowerCase();
      if (event.owner !== me && !event.attendees.some((a) => a.address === me))
        throw new GraphHttpError(403, 'Forbidden', 'Forbidden');
      const org = organizerCopy(ctx.db, event.iCalUId) ?? event;
      const chat: Chat = {
        id: chatId,
        topic: event.subject,
        chatType: 'meeting',
        createdDateTime: event.created,
        lastUpdatedDateTime: event.modified,
        tenantId: null,
        webUrl: null,
        onlineMeetingInfo: {
          calendarEventId: org.id,
          joinWebUrl: event.joinUrl,
          organizer: {
            id: findUser(ctx.db, org.owner)?.id,
            displayName: org.organizer.name,
            userIdentityType: 'aadUser',
          },
        },
      };
      return ok(entity(ctx, 'chats', chat));
    },
  },
];
