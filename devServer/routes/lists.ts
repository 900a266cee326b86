import { badRequest, forbidden, GraphHttpError, notFound } from '../errors';
import { odataKey, ok, select, type Ctx, type Result } from '../http';
import type { ListAccess } from '../lists/access';
import { columnJson, listContext, listJson } from '../lists/shape';
import { columnFromInput } from '../lists/columns';
import { allLists, createList, listByName, saveList } from '../lists/lists';
import { has, Perm } from '../sharepoint/roleDefinitions';
import { deltaHandler } from './delta';
import { listItemsHandler } from './listItems';

/**
 * `/sites/{site}/lists…` (`parts` from "lists" on): the lists the caller has any permission in, creating a
 * list, one list, its columns, then its items and their delta.
 */
export function listsHandler(
  ctx: Ctx,
  s: { id: string; hostname: string; path: string },
  access: ListAccess,
  parts: string[],
): Result {
  if (parts.length === 1) {
    if (ctx.method === 'GET') {
      // Lists the caller has no permission in are not listed.
      return ok({
        '@odata.context': `${ctx.base}/$metadata#sites(${odataKey(s.id)})/lists`,
        value: allLists(ctx.db, s.id)
          .filter((l) => access.opens(l))
          .map((l) =>
            select(listJson(ctx, s, l), ctx.query.$select ? `${ctx.query.$select},columns` : undefined),
          ),
      });
    }
    if (ctx.method === 'POST') {
      if (!has(access.webMask(), Perm.ManageLists)) throw forbidden();
      return ok(
        listJson(
          { ...ctx, query: { $expand: 'columns' } },
          s,
          ctx.db.transaction(() =>
            createList(ctx.db, s.id, (ctx.body ?? {}) as Record<string, unknown>, ctx.now().toISOString()),
          )(),
        ),
        201,
      );
    }
  }
  const list = listByName(ctx.db, s.id, parts[1]);
  if (!list) throw notFound(`List '${parts[1]}' does not exist at site with URL '${s.path}'.`);
  if (!access.opens(list)) throw forbidden();
  if (parts.length === 2 && ctx.method === 'GET')
    return ok({
      '@odata.context': `${ctx.base}/$metadata#sites(${odataKey(s.id)})/lists/$entity`,
      ...listJson(ctx, s, list),
    });
  if (parts[2] === 'columns' && parts.length === 3) {
    if (ctx.method === 'GET')
      return ok({
        '@odata.context': `${listContext(ctx, s, list)}/columns`,
        value: list.columns.map(columnJson),
      });
    if (ctx.method === 'POST') {
      if (!has(access.listMask(list), Perm.ManageLists)) throw forbidden();
      const col = columnFromInput((ctx.body ?? {}) as Record<string, unknown>);
      if (list.columns.some((c) => c.name === col.name))
        throw new GraphHttpError(409, 'nameAlreadyExists', `A column named '${col.name}' already exists.`);
      saveList(ctx.db, { ...list, columns: [...list.columns, col] });
      return ok(columnJson(col), 201);
    }
  }
  if (parts[2] === 'columns' && parts.length === 4 && ctx.method === 'PATCH') {
    if (!has(access.listMask(list), Perm.ManageLists)) throw forbidden();
    const col = list.columns.find((c) => c.id === parts[3] || c.name === parts[3]);
    if (!col) throw notFound(`Column '${parts[3]}' does not exist.`);
    const body = (ctx.body ?? {}) as { choice?: { choices?: unknown; allowTextEntry?: boolean } };
    // Graph lets a column's settings change; here only a choice column's choices (all the add-in changes).
    if (!col.choice || !Array.isArray(body.choice?.choices) || !body.choice.choices.length)
      throw badRequest('Only the choices of a choice column can be changed here.');
    const changed = {
      ...col,
      choice: {
        choices: body.choice.choices.map(String),
        allowTextEntry: body.choice.allowTextEntry ?? col.choice.allowTextEntry,
      },
    };
    saveList(ctx.db, { ...list, columns: list.columns.map((c) => (c.id === col.id ? changed : c)) });
    return ok(columnJson(changed));
  }
  if (parts[2] === 'items')
    return parts[3] === 'delta' && ctx.method === 'GET'
      ? deltaHandler(ctx, s, access, list)
      : listItemsHandler(ctx, s, access, list, parts.slice(3));
  throw badRequest(`Unsupported request: ${ctx.method} ${ctx.path}`, 'BadRequest');
}
