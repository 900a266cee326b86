import { GraphHttpError } from '../errors';
import { ok, type Ctx, type Result } from '../http';
import type { ListAccess } from '../lists/access';
import { carried, deltaToken, expandedFields, itemJson, itemsUrl, readToken } from '../lists/shape';
import type { ListDoc } from '../lists/lists';
import { changedSince, currentChangeSeq } from '../lists/rows';

/**
 * `GET …/lists/{list}/items/delta`: the rows changed since the token (all rows without one) that the caller
 * may read now, and the deletions of rows the caller could view when they were deleted; `token=latest` gives
 * only a deltaLink. A token that is not this list's is 410 with a Location to start over.
 */
export function deltaHandler(
  ctx: Ctx,
  s: { id: string; hostname: string; path: string },
  access: ListAccess,
  list: ListDoc,
): Result {
  const linkBase = itemsUrl(ctx, s, list);
  const current = currentChangeSeq(ctx.db);
  if (ctx.query.token === 'latest')
    return ok({
      '@odata.context': `${ctx.base}/$metadata#Collection(listItem)`,
      value: [],
      '@odata.deltaLink': `${linkBase}/delta?token=${deltaToken(list.id, current, carried(ctx.query))}`,
    });
  const token = ctx.query.token ? readToken(list.id, ctx.query.token) : { seq: 0, q: carried(ctx.query) };
  if (!token) {
    throw new GraphHttpError(
      410,
      'resyncChangesApplyDifferences',
      'The delta token is no longer valid; start over from the link in Location.',
      {
        Location: `${linkBase}/delta`,
      },
    );
  }
  const since = token.seq;
  const q = { ...ctx.query, ...token.q };
  const me = access.sec.principalsOf(ctx.me.upn)[0];
  const value = changedSince(ctx.db, list, since)
    .filter((r) =>
      r.deleted
        ? since > 0 &&
          r.created_seq <= since &&
          me !== undefined &&
          (JSON.parse(r.deleted_viewers ?? '[]') as number[]).includes(me)
        : access.canRead(list, r),
    )
    .map((r) =>
      r.deleted
        ? { id: String(r.id), deleted: { state: 'deleted' } }
        : itemJson(ctx, s, list, r, expandedFields(q.$expand), true),
    );
  return ok({
    '@odata.context': `${ctx.base}/$metadata#Collection(listItem)`,
    value,
    '@odata.deltaLink': `${linkBase}/delta?token=${deltaToken(list.id, current, carried(q))}`,
  });
}
