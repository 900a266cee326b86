import type { OpenTypeExtension } from '@microsoft/microsoft-graph-types';
import type { Db } from '../db';
import { badRequest, exchangeAccessDenied, GraphHttpError, itemNotFound } from '../errors';
import { collection, entity, noContent, odataKey, ok, type Ctx, type Route } from '../http';
import { mailboxContext, ownerOf, ownEvent, re } from './eventAccess';
import type { StoredEvent } from './eventStore';

/* The add-in's open extensions on an event: one per meeting, kept by iCalUId and read through every copy. */

export type GraphExtension = OpenTypeExtension & {
  '@odata.type': '#microsoft.graph.openTypeExtension';
  [property: string]: unknown;
};

/** The extensions on the meeting `ical`. */
export function extensionsOf(db: Db, ical: string): GraphExtension[] {
  return (
    db.prepare('SELECT json FROM extensions WHERE ical_uid = ?').all(ical) as Array<{ json: string }>
  ).map((r) => JSON.parse(r.json) as GraphExtension);
}

const EXTENSION_ID_PREFIX = 'Microsoft.OutlookServices.OpenTypeExtension.';
const shortExtensionName = (name: string) =>
  name.replace(/^Microsoft\.OutlookServices\.OpenTypeExtension\./, '');

function storedExtension(ctx: Ctx, e: StoredEvent, name: string): GraphExtension {
  const row = ctx.db
    .prepare('SELECT json FROM extensions WHERE ical_uid = ? AND name = ?')
    .get(e.iCalUId, shortExtensionName(name)) as { json: string } | undefined;
  if (!row) throw itemNotFound();
  return JSON.parse(row.json) as GraphExtension;
}

/**
 * The whole open extension from a POST or PATCH body ("Create openTypeExtension", "Update open extension"):
 * `@odata.type` and `extensionName` are required, every other property is the extension's data.
 */
function extensionFromBody(body: unknown, expectedName?: string): GraphExtension {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('The request body must be an openTypeExtension.', 'ErrorInvalidRequest');
  const input = body as Record<string, unknown>;
  const type = String(input['@odata.type'] ?? '');
  if (!/^#?(microsoft\.graph\.openTypeExtension|Microsoft\.OutlookServices\.OpenTypeExtension)$/i.test(type))
    throw badRequest(
      'The request body needs "@odata.type": "microsoft.graph.openTypeExtension".',
      'ErrorInvalidRequest',
    );
  const name = typeof input.extensionName === 'string' ? input.extensionName : '';
  if (!name) throw badRequest('extensionName is required.', 'ErrorInvalidRequest');
  if (expectedName && name !== expectedName)
    throw badRequest(
      `extensionName '${name}' does not match the extension '${expectedName}'.`,
      'ErrorInvalidRequest',
    );
  const data = Object.fromEntries(
    Object.entries(input).filter(([k]) => !['@odata.type', 'extensionName', 'id'].includes(k)),
  );
  return {
    '@odata.type': '#microsoft.graph.openTypeExtension',
    id: `${EXTENSION_ID_PREFIX}${name}`,
    extensionName: name,
    ...data,
  };
}

/** "Create openTypeExtension", "Get", "Update open extension" and "Delete" on an event. */
export const extensionRoutes: Route[] = [
  {
    method: 'GET',
    pattern: re('\\/events\\/([^/]+)\\/extensions'),
    handler: (ctx, [user, id]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      return ok(
        collection(ctx, `${mailboxContext(ctx, user)}/events(${odataKey(e.id)})/extensions`, {
          value: extensionsOf(ctx.db, e.iCalUId),
        }),
      );
    },
  },
  {
    method: 'POST',
    pattern: re('\\/events\\/([^/]+)\\/extensions'),
    handler: (ctx, [user, id]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      if (!e.isOrganizer) throw exchangeAccessDenied();
      const ext = extensionFromBody(ctx.body);
      const name = ext.extensionName!;
      if (ctx.db.prepare('SELECT 1 FROM extensions WHERE ical_uid = ? AND name = ?').get(e.iCalUId, name)) {
        throw new GraphHttpError(409, 'ErrorItemNotUnique', 'An extension with this name already exists.');
      }
      ctx.db
        .prepare('INSERT INTO extensions (ical_uid, name, json) VALUES (?, ?, ?)')
        .run(e.iCalUId, name, JSON.stringify(ext));
      return ok(entity(ctx, `${mailboxContext(ctx, user)}/events(${odataKey(e.id)})/extensions`, ext), 201);
    },
  },
  {
    method: 'GET',
    pattern: re('\\/events\\/([^/]+)\\/extensions\\/([^/]+)'),
    handler: (ctx, [user, id, name]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      const ext = storedExtension(ctx, e, name);
      return ok(entity(ctx, `${mailboxContext(ctx, user)}/events(${odataKey(e.id)})/extensions`, ext));
    },
  },
  {
    // "Update open extension": the body REPLACES the extension (properties not sent are deleted) and the
    // answer is 200 with the updated extension.
    method: 'PATCH',
    pattern: re('\\/events\\/([^/]+)\\/extensions\\/([^/]+)'),
    handler: (ctx, [user, id, name]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      if (!e.isOrganizer) throw exchangeAccessDenied();
      const short = shortExtensionName(name);
      storedExtension(ctx, e, short);
      const ext = extensionFromBody(ctx.body, short);
      ctx.db
        .prepare('UPDATE extensions SET json = ? WHERE ical_uid = ? AND name = ?')
        .run(JSON.stringify(ext), e.iCalUId, short);
      return ok(entity(ctx, `${mailboxContext(ctx, user)}/events(${odataKey(e.id)})/extensions`, ext));
    },
  },
  {
    method: 'DELETE',
    pattern: re('\\/events\\/([^/]+)\\/extensions\\/([^/]+)'),
    handler: (ctx, [user, id, name]) => {
      const e = ownEvent(ctx, ownerOf(ctx, user), id);
      if (!e.isOrganizer) throw exchangeAccessDenied();
      storedExtension(ctx, e, name);
      ctx.db
        .prepare('DELETE FROM extensions WHERE ical_uid = ? AND name = ?')
        .run(e.iCalUId, shortExtensionName(name));
      return noContent();
    },
  },
];
