/* Lists and items through SharePoint REST: MERGE on a list or an item, and queries on a list's items. */
import { nextCounter } from '../../db';
import { evaluate, parseFilter } from '../../odata';
import { fileDirRef, fileRef } from '../../lists/shape';
import { coerceFields, type ColumnDef } from '../../lists/columns';
import { saveList, type ListDoc } from '../../lists/lists';
import { getItem, saveItem, uniqueClash, type ItemRow } from '../../lists/rows';
import { accessDenied, argumentError, badQuery, SpError, spException } from '../odataJson';
import { siteUserByUpn } from '../principals';
import { Perm } from '../roleDefinitions';
import { listKey } from '../scopeTree';
import { bodyObject, type RestAnswer, RestContext, noContent, ok } from './context';
import { itemEntity } from './entities';
import { relocate } from './itemPlaces';

/**
 * MERGE on an item (PnPjs `item.update`): typed field values, EditListItems on the item and WriteSecurity;
 * `IF-Match` "*" or the item's eTag ("1", "2", …), a stale one → 412.
 */
export function updateItem(rc: RestContext, list: ListDoc, row: ItemRow): RestAnswer {
  if (!rc.access.canEdit(list, row)) throw accessDenied();
  const { FileLeafRef: leaf, ...values } = bodyObject(rc);
  // Renaming (FileLeafRef) is a reading of its own (`rename-allowed`); refused under the default.
  if (leaf !== undefined) relocate(rc, list, row, row.dir, String(leaf));
  if (leaf !== undefined && !Object.keys(values).length) return noContent();
  const changes = coerceFields(list, values, true);
  const ifMatch = (rc.req.headers['if-match'] ?? '*').trim();
  rc.db.transaction(() => {
    const fresh = getItem(rc.ctx, list, row.id)!;
    if (ifMatch !== '*' && ifMatch.replace(/^W\//, '') !== `"${fresh.version}"`)
      throw new SpError(412, '-2130575305, Microsoft.SharePoint.SPException', 'Version conflict.');
    const clash = uniqueClash(rc.ctx, list, fresh, { ...JSON.parse(fresh.fields), ...changes });
    if (clash)
      throw spException(
        `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: ${clash}.`,
      );
    saveItem(rc.ctx, list, {
      ...fresh,
      version: fresh.version + 1,
      fields: JSON.stringify({ ...JSON.parse(fresh.fields), ...changes }),
      modified: rc.ctx.now().toISOString(),
      modified_by: rc.me.upn.toLowerCase(),
      change_seq: nextCounter(rc.db, 'changes'),
    });
  })();
  return noContent();
}

/** MERGE on a list: ReadSecurity, WriteSecurity, EnableFolderCreation, NoCrawl (and Description); ManageLists. */
export function updateList(rc: RestContext, list: ListDoc): RestAnswer {
  rc.require(listKey(list.id), Perm.ManageLists);
  const body = bodyObject(rc);
  const next: ListDoc = { ...list };
  for (const [k, v] of Object.entries(body)) {
    switch (k) {
      case 'ReadSecurity':
        if (v !== 1 && v !== 2) throw argumentError('Value does not fall within the expected range.');
        next.readSecurity = v;
        break;
      case 'WriteSecurity':
        if (v !== 1 && v !== 2 && v !== 4)
          throw argumentError('Value does not fall within the expected range.');
        next.writeSecurity = v;
        break;
      case 'EnableFolderCreation':
        if (typeof v !== 'boolean') throw badQuery("An unexpected 'PrimitiveValue' node was found.");
        next.enableFolderCreation = v;
        break;
      case 'NoCrawl':
        if (typeof v !== 'boolean') throw badQuery("An unexpected 'PrimitiveValue' node was found.");
        next.noCrawl = v;
        break;
      case 'Description':
        break;
      default:
        throw badQuery(
          `The property '${k}' does not exist on type 'SP.List'. Make sure to only use property names that are defined by the type.`,
        );
    }
  }
  saveList(rc.db, next);
  return noContent();
}

/** GET …/items: $select, $filter (eq ne gt ge lt le and or, startswith) on Id, FSObjType, FileLeafRef,
 * FileRef, FileDirRef and columns, $top (default 100), $orderby, $skiptoken=Paged=TRUE&p_ID=N. */
export function queryItems(rc: RestContext, list: ListDoc): RestAnswer {
  const top = rc.q.$top === undefined ? 100 : Number(rc.q.$top);
  if (!Number.isInteger(top) || top < 0) throw badQuery(`Invalid value for $top: '${rc.q.$top}'.`);
  let after = 0;
  if (rc.q.$skiptoken) {
    const m = /p_ID=(\d+)/i.exec(rc.q.$skiptoken);
    if (m) after = Number(m[1]);
  }
  let rows = rc.db
    .prepare('SELECT * FROM items WHERE list_id = ? AND deleted = 0 AND id > ? ORDER BY id')
    .all(list.id, after) as ItemRow[];
  rows = rows.filter((r) => rc.access.canRead(list, r));
  if (rc.q.$filter) {
    const filter = parseFilter(rc.q.$filter);
    const colOf = (name: string): ColumnDef | undefined =>
      list.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
    rows = rows.filter((r) => {
      const f = JSON.parse(r.fields) as Record<string, unknown>;
      return evaluate(filter, (p) => {
        switch (p.toLowerCase()) {
          case 'id':
            return r.id;
          case 'fsobjtype':
          case 'filesystemobjecttype':
            return r.fs_obj_type;
          case 'fileleafref':
            return r.leaf ?? `${r.id}_.000`;
          case 'fileref':
            return fileRef(rc.site, list, r);
          case 'filedirref':
            return fileDirRef(rc.site, list, r);
          case 'authorid':
            return siteUserByUpn(rc.db, rc.siteId, r.created_by)?.id;
          default: {
            const col = colOf(p);
            if (!col)
              throw argumentError(`Column '${p}' does not exist. It may have been deleted by another user.`);
            const v = f[col.name];
            return col.boolean ? (v === true ? 1 : v === false ? 0 : v) : v;
          }
        }
      });
    });
  }
  const order = rc.q.$orderby;
  if (order) {
    const [field, dir] = order.trim().split(/\s+/);
    const desc = dir?.toLowerCase() === 'desc';
    rows.sort((a, b) => {
      const get = (r: ItemRow) =>
        field.toLowerCase() === 'id' ? r.id : (JSON.parse(r.fields) as Record<string, unknown>)[field];
      const x = get(a);
      const y = get(b);
      const c =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x ?? '').localeCompare(String(y ?? ''));
      return desc ? -c : c;
    });
  }
  const page = rows.slice(0, top);
  let next: string | undefined;
  if (rows.length > top && page.length) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(rc.req.query)) if (k.toLowerCase() !== '$skiptoken') params.set(k, v);
    params.set('$skiptoken', `Paged=TRUE&p_ID=${page[page.length - 1].id}`);
    next = `${rc.apiUrl}/Web/Lists(guid'${list.id}')/Items?${params.toString()}`;
  }
  return ok(
    rc.render.collection(
      page.map((row) => itemEntity(rc, list, row)),
      `SP.Data.${list.name}ListItem`,
      next,
    ),
  );
}
