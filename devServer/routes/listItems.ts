import { nextCounter } from '../db';
import { badRequest, forbidden, GraphHttpError, notFound } from '../errors';
import { noContent, ok, type Ctx, type Result } from '../http';
import { evaluate, filterPaths, orderBy, parseFilter } from '../odata';
import type { ListAccess } from '../lists/access';
import {
  expandedFields,
  fieldsEntity,
  fieldsJson,
  itemEntity,
  itemJson,
  itemsPage,
  itemsWindow,
} from '../lists/shape';
import { coerceFields, type ColumnDef } from '../lists/columns';
import type { ListDoc } from '../lists/lists';
import {
  deleteItem,
  getItem,
  insertItem,
  type ItemRow,
  liveRows,
  liveRowsWhere,
  saveItem,
} from '../lists/rows';

/**
 * Graph's list items below `/sites/{site}/lists/{list}/items`: the collection ($filter, $orderby, paging),
 * creating a row, one row, its fields, changing and deleting it. Rows come from ../lists/store.ts, are shown
 * by ../lists/shape.ts, and every read and write is decided by SharePoint's permissions (ListAccess).
 */
export function listItemsHandler(
  ctx: Ctx,
  s: { id: string; hostname: string; path: string },
  access: ListAccess,
  list: ListDoc,
  rest: string[],
): Result {
  const [itemId, sub] = rest;
  if (!itemId) {
    if (ctx.method === 'GET') {
      const window = itemsWindow(list.id, ctx.query);
      const rows = matchingRows(ctx, list, window.q).filter((r) => access.canRead(list, r));
      const order = orderBy<ItemRow>(window.q.$orderby, (r, p) =>
        p.startsWith('fields/')
          ? JSON.parse(r.fields)[p.slice(7)]
          : p === 'id'
            ? r.id
            : (r as unknown as Record<string, unknown>)[p],
      );
      if (order) rows.sort(order);
      return ok(itemsPage(ctx, s, list, rows, window));
    }
    if (ctx.method === 'POST') {
      const fields = coerceFields(list, (ctx.body as { fields?: unknown })?.fields, false);
      // Graph creates at the list's root only; it needs AddListItems there.
      if (!access.canAdd(list)) throw forbidden();
      const row = ctx.db.transaction(() => insertItem(ctx, list, fields, ctx.me.upn.toLowerCase()))();
      return ok(itemEntity(ctx, s, list, itemJson(ctx, s, list, row, '')), 201);
    }
  }
  const row = getItem(ctx, list, itemId);
  if (!row || !access.canRead(list, row)) throw notFound('Item not found');
  if (ctx.method === 'GET' && !sub)
    return ok(itemEntity(ctx, s, list, itemJson(ctx, s, list, row, expandedFields(ctx.query.$expand))));
  if (ctx.method === 'GET' && sub === 'fields')
    return ok(fieldsEntity(ctx, s, list, row, fieldsJson(s, list, row, ctx.query.$select)));
  if (ctx.method === 'PATCH' && (sub === 'fields' || !sub)) {
    const input = sub === 'fields' ? ctx.body : ((ctx.body as { fields?: unknown })?.fields ?? {});
    const changes = coerceFields(list, input, true);
    if (!access.canEdit(list, row)) throw forbidden();
    const updated = ctx.db.transaction(() => {
      const fresh = getItem(ctx, list, itemId)!;
      ifMatch(ctx, fresh);
      const u: ItemRow = {
        ...fresh,
        version: fresh.version + 1,
        fields: JSON.stringify({ ...JSON.parse(fresh.fields), ...changes }),
        modified: ctx.now().toISOString(),
        modified_by: ctx.me.upn.toLowerCase(),
        change_seq: nextCounter(ctx.db, 'changes'),
      };
      saveItem(ctx, list, u);
      return u;
    })();
    return ok(
      sub === 'fields'
        ? fieldsEntity(ctx, s, list, updated, fieldsJson(s, list, updated))
        : itemEntity(ctx, s, list, itemJson(ctx, s, list, updated, '')),
    );
  }
  if (ctx.method === 'DELETE' && !sub) {
    if (!access.canDelete(list, row)) throw forbidden();
    ctx.db.transaction(() => {
      const fresh = getItem(ctx, list, itemId)!;
      ifMatch(ctx, fresh);
      deleteItem(ctx, access, list, fresh);
    })();
    return noContent();
  }
  throw badRequest(`Unsupported request: ${ctx.method} ${ctx.path}`, 'BadRequest');
}

/**
 * The live rows that pass the $filter (all without one). A filter may name only indexed columns unless the
 * caller sends "Prefer: HonorNonIndexedQueriesWarningMayFailRandomly", as in SharePoint.
 */
function matchingRows(ctx: Ctx, list: ListDoc, q: Record<string, string>): ItemRow[] {
  if (!q.$filter) return liveRows(ctx.db, list);
  const filter = parseFilter(q.$filter);
  const honour = /HonorNonIndexedQueriesWarningMayFailRandomly/i.test(ctx.headers.prefer ?? '');
  for (const p of filterPaths(filter)) {
    const name = p.replace(/^fields\//, '');
    const col =
      list.columns.find((c) => c.name === name) ??
      (name === 'id' ? ({ indexed: true } as ColumnDef) : undefined);
    if (!col) throw badRequest(`Field '${name}' is not recognized`);
    if (col.text?.allowMultipleLines || (!col.indexed && !honour))
      throw badRequest(
        `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
      );
  }
  // A top-level "fields/X eq 'v'" on an indexed column is answered from its index; the filter is then
  // evaluated on every candidate as usual.
  const eq = topLevelEq(filter, list);
  const candidates = eq ? liveRowsWhere(ctx.db, list, eq.column, eq.value) : liveRows(ctx.db, list);
  return candidates.filter((r) => {
    const f = { ...JSON.parse(r.fields), id: r.id };
    return evaluate(filter, (p) => (p.startsWith('fields/') ? f[p.slice(7)] : p === 'id' ? r.id : undefined));
  });
}

/** "fields/X eq 'v'" at the top of the filter (alone or and-ed), X an indexed column. */
function topLevelEq(
  f: ReturnType<typeof parseFilter>,
  list: ListDoc,
): { column: string; value: string | number } | undefined {
  if (f.op === 'and') return topLevelEq(f.left, list) ?? topLevelEq(f.right, list);
  if (f.op !== 'eq' || !f.path.startsWith('fields/')) return undefined;
  const col = list.columns.find((c) => c.name === f.path.slice(7));
  if (!col?.indexed || !(col.text || col.choice || col.number)) return undefined;
  if (typeof f.value !== 'string' && typeof f.value !== 'number') return undefined;
  if (col.number && typeof f.value !== 'number') return undefined;
  if (!col.number && typeof f.value !== 'string') return undefined;
  return { column: col.name, value: f.value };
}

function ifMatch(ctx: Ctx, row: ItemRow) {
  const header = ctx.headers['if-match'];
  if (!header || header.trim() === '*') return;
  const want = header.trim().replace(/^W\//, '');
  if (want !== `"${row.guid},${row.version}"`) {
    throw new GraphHttpError(
      412,
      'resourceModified',
      'The resource has changed since the caller last read it; usually an eTag mismatch',
    );
  }
}
