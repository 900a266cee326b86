import { badRequest, GraphHttpError } from '../errors';
import { collection, entity, noContent, pagedStrict, type Ctx, type PageRules, type Route } from '../http';
import { evaluate, orderBy, parseFilter, pathGet } from '../odata';
import { mailboxContext, ownerOf, ownEvent, re } from './eventAccess';
import { cancel, respond, update } from './eventChanges';
import { createEvent } from './eventCreate';
import { extensionRoutes } from './eventExtensions';
import type { GraphEventInput } from './eventInput';
import { answerZone, eventAnswer, toGraph, UTC_ZONE } from './eventShape';
import { parseEvents, type StoredEvent } from './eventStore';

/** demo/ makes its meetings with the server's own event creation. */
export { createEvent };

function listFor(ctx: Ctx, owner: string, view: boolean): StoredEvent[] {
  let rows = parseEvents(
    ctx.db.prepare('SELECT json FROM events WHERE owner = ? ORDER BY start').all(owner) as Array<{
      json: string;
    }>,
  );
  if (view) {
    const from = ctx.query.startDateTime;
    const to = ctx.query.endDateTime;
    if (!from || !to)
      throw badRequest(
        'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
        'ErrorInvalidParameter',
      );
    const f = new Date(/(Z|[+-]\d\d:\d\d)$/.test(from) ? from : `${from}Z`).toISOString();
    const t = new Date(/(Z|[+-]\d\d:\d\d)$/.test(to) ? to : `${to}Z`).toISOString();
    rows = rows.filter((e) => e.type !== 'seriesMaster' && e.end > f && e.start < t);
  } else {
    rows = rows.filter((e) => e.type === 'singleInstance' || e.type === 'seriesMaster');
  }
  // $filter and $orderby see the whole event in UTC, whatever is $select-ed or preferred for the answer.
  let out = rows.map((e) => ({ e, g: toGraph({ db: ctx.db, query: {} }, e, UTC_ZONE) }));
  if (ctx.query.$filter) {
    const filter = parseFilter(ctx.query.$filter);
    out = out.filter(({ g }) => evaluate(filter, (p) => pathGet(g, p)));
  }
  const order = orderBy<{ g: Record<string, unknown> }>(ctx.query.$orderby, (r, p) => pathGet(r.g, p));
  if (order) out.sort(order);
  return out.map((r) => r.e);
}

/** Outlook pages events by $top up to 1000, 10 by default ("List events", "Paging Microsoft Graph data"). */
export const EVENT_PAGES: PageRules = {
  defaultTop: 10,
  maxTop: 1000,
  invalid: (param, value) =>
    new GraphHttpError(
      400,
      'ErrorInvalidUrlQuery',
      `The value '${value}' of the query option '${param}' is invalid.`,
    ),
};

const ORGANIZER_ONLY_CANCEL =
  "Your request can't be completed. You need to be an organizer to cancel a meeting.";

export const eventRoutes: Route[] = [
  {
    method: 'GET',
    pattern: re('\\/events'),
    handler: (ctx, [user]) => {
      const zone = answerZone(ctx);
      const rows = listFor(ctx, ownerOf(ctx, user), false).map((e) => toGraph(ctx, e, zone));
      return eventAnswer(
        ctx,
        collection(ctx, `${mailboxContext(ctx, user)}/events`, pagedStrict(ctx, rows, EVENT_PAGES)),
      );
    },
  },
  {
    method: 'GET',
    pattern: re('\\/calendar[vV]iew'),
    handler: (ctx, [user]) => {
      const zone = answerZone(ctx);
      const rows = listFor(ctx, ownerOf(ctx, user), true).map((e) => toGraph(ctx, e, zone));
      return eventAnswer(
        ctx,
        collection(ctx, `${mailboxContext(ctx, user)}/calendarView`, pagedStrict(ctx, rows, EVENT_PAGES)),
      );
    },
  },
  {
    method: 'POST',
    pattern: re('\\/events'),
    handler: (ctx, [user]) => {
      const created = createEvent(ctx, ownerOf(ctx, user), (ctx.body ?? {}) as GraphEventInput);
      return eventAnswer(ctx, entity(ctx, `${mailboxContext(ctx, user)}/events`, toGraph(ctx, created)), 201);
    },
  },
  {
    method: 'GET',
    pattern: re('\\/events\\/([^/]+)'),
    handler: (ctx, [user, id]) =>
      eventAnswer(
        ctx,
        entity(
          ctx,
          `${mailboxContext(ctx, user)}/events`,
          toGraph(ctx, ownEvent(ctx, ownerOf(ctx, user), id)),
        ),
      ),
  },
  {
    method: 'PATCH',
    pattern: re('\\/events\\/([^/]+)'),
    handler: (ctx, [user, id]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      const updated = update(ctx, e, (ctx.body ?? {}) as GraphEventInput);
      return eventAnswer(ctx, entity(ctx, `${mailboxContext(ctx, user)}/events`, toGraph(ctx, updated)));
    },
  },
  {
    method: 'DELETE',
    pattern: re('\\/events\\/([^/]+)'),
    handler: (ctx, [user, id]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      if (e.isOrganizer) cancel(ctx, e);
      else ctx.db.prepare('DELETE FROM events WHERE id = ?').run(e.id);
      return noContent();
    },
  },
  {
    // "event: cancel": the organizer only (an attendee gets 400), 202 without a body; the organizer's
    // event goes to Deleted Items, the attendees' copies become isCancelled.
    method: 'POST',
    pattern: re('\\/events\\/([^/]+)\\/cancel'),
    handler: (ctx, [user, id]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      if (!e.isOrganizer) throw badRequest(ORGANIZER_ONLY_CANCEL, 'ErrorInvalidRequest');
      const input = (ctx.body ?? {}) as { comment?: unknown; Comment?: unknown };
      const comment = input.comment ?? input.Comment;
      cancel(ctx, e, typeof comment === 'string' ? comment : '');
      return { status: 202 };
    },
  },
  ...(['accept', 'tentativelyAccept', 'decline'] as const).map((action): Route => ({
    method: 'POST',
    pattern: re(`\\/events\\/([^/]+)\\/${action}`),
    handler: (ctx, [user, id]) => {
      respond(
        ctx,
        ownEvent(ctx, ownerOf(ctx, user), id),
        action === 'accept' ? 'accepted' : action === 'decline' ? 'declined' : 'tentativelyAccepted',
      );
      return { status: 202 };
    },
  })),
  ...extensionRoutes,
];
