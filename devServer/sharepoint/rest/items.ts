/* Lists and items through SharePoint REST: MERGE on a list or an item, queries, AddValidateUpdateItemUsingPath. */
import { nextCounter } from '../../db';
import { evaluate, parseFilter } from '../../odata';
import { fileDirRef, fileRef, listRootUrl } from '../../lists/shape';
import { coerceFields, type ColumnDef } from '../../lists/columns';
import { type ListDoc, saveList } from '../../lists/lists';
import {
  folderAt,
  folderPath,
  getItem,
  insertItem,
  type ItemRow,
  saveItem,
  uniqueClash,
} from '../../lists/rows';
import { accessDenied, argumentError, badQuery, fileNotFound, SpError, spException } from '../odataJson';
import { siteUserByUpn } from '../principals';
import { EMPTY_MASK, Perm } from '../roleDefinitions';
import { itemKey, listKey } from '../scopeTree';
import { type RestAnswer, RestContext, noContent, ok } from './context';
import { checkLeaf, checkPathLimits, isPersonField, personValue, relocate } from './itemForms';
import { bodyObject } from './security';

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
      page.map((row) => rc.itemEntity(list, row)),
      `SP.Data.${list.name}ListItem`,
      next,
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------
// AddValidateUpdateItemUsingPath

export interface FormValue {
  FieldName?: unknown;
  FieldValue?: unknown;
}

/** A form value (always text) parsed for its column as SharePoint's validation does; a message when bad. */
export function parseFormValue(col: ColumnDef, text: string): { value?: unknown; error?: string } {
  if (text === '') return { value: null };
  if (col.text) {
    const max = col.text.allowMultipleLines ? 63999 : (col.text.maxLength ?? 255);
    if (text.length > max)
      return { error: `The value for field ${col.name} is too long. The maximum length is ${max}.` };
    return { value: text };
  }
  if (col.number) {
    if (!/^-?\d+(\.\d+)?$/.test(text.trim())) return { error: 'Only numbers can go here.' };
    return { value: Number(text) };
  }
  if (col.boolean) {
    const t = text.trim().toLowerCase();
    if (['1', 'yes', 'true'].includes(t)) return { value: true };
    if (['0', 'no', 'false'].includes(t)) return { value: false };
    return { error: 'The value is not a valid Yes/No value.' };
  }
  if (col.choice) {
    if (!col.choice.choices.includes(text) && !col.choice.allowTextEntry)
      return { error: `The value '${text}' is not one of the choices of the field ${col.name}.` };
    return { value: text };
  }
  if (col.dateTime) {
    const d = new Date(text);
    if (Number.isNaN(d.getTime()))
      return { error: 'You must specify a valid date within the range of 1/1/1900 and 12/31/8900.' };
    return { value: d.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  }
  return { value: text };
}

/** A form value for the list's column `name` (unknown column → SharePoint's 400). */
export function columnFormValue(list: ListDoc, name: string, text: string) {
  const col = list.columns.find((c) => c.name === name);
  if (!col) throw argumentError(`Column '${name}' does not exist. It may have been deleted by another user.`);
  return parseFormValue(col, text);
}

export function addValidate(rc: RestContext, list: ListDoc): RestAnswer {
  const body = bodyObject(rc) as {
    listItemCreateInfo?: {
      FolderPath?: { DecodedUrl?: string };
      UnderlyingObjectType?: number;
      LeafName?: { DecodedUrl?: string };
    };
    formValues?: FormValue[];
  };
  const info = body.listItemCreateInfo ?? {};
  const formValues = body.formValues ?? [];
  if (!Array.isArray(formValues)) throw badQuery('formValues must be a collection.');
  // The folder the row goes into: the list's root when FolderPath is missing or empty.
  let dir = '';
  const folderUrl = info.FolderPath?.DecodedUrl;
  if (folderUrl) {
    const found = rc.folderByUrl(folderUrl);
    if (!found || found.list.id !== list.id) throw fileNotFound();
    dir = found.row ? folderPath(found.row) : '';
    if (found.row && rc.mask(itemKey(list.id, found.row.id)) === EMPTY_MASK) throw fileNotFound();
  }
  if (!rc.access.canAdd(list, dir)) throw accessDenied();
  const isFolder = info.UnderlyingObjectType === 1;
  let leaf: string | undefined;
  if (isFolder) {
    leaf = String(info.LeafName?.DecodedUrl ?? '').trim();
    checkLeaf(leaf);
    checkPathLimits(rc, list, dir, leaf);
    const path = dir ? `${dir}/${leaf}` : leaf;
    if (folderAt(rc.ctx, list, path))
      throw new SpError(
        400,
        '-2130245363, Microsoft.SharePoint.SPException',
        `A file or folder with the name ${listRootUrl(rc.site, list)}/${path} already exists.`,
      );
  }
  // A row's own name is "<id>_.000": its folder's path must leave room for it.
  else checkPathLimits(rc, list, dir, '0000000000_.000');
  const fields: Record<string, unknown> = isFolder ? { Title: leaf } : {};
  const people: { Author?: string; Editor?: string } = {};
  const results = formValues.map((fv) => {
    const name = String(fv.FieldName ?? '');
    const text = fv.FieldValue === null || fv.FieldValue === undefined ? '' : String(fv.FieldValue);
    if (isPersonField(name)) {
      const p = personValue(rc, name, text);
      if (p.upn) people[name as 'Author' | 'Editor'] = p.upn;
      return { name, text, error: p.error };
    }
    const col = list.columns.find((c) => c.name === name);
    if (!col)
      throw argumentError(`Column '${name}' does not exist. It may have been deleted by another user.`);
    const parsed = parseFormValue(col, text);
    if (parsed.error === undefined) fields[col.name] = parsed.value;
    return { name, text, error: parsed.error };
  });
  const clash = results.some((r) => r.error) ? undefined : uniqueClash(rc.ctx, list, { id: 0 }, fields);
  const failed = results.some((r) => r.error) || !!clash;
  let id = 0;
  if (!failed) {
    const row = rc.db.transaction(() => {
      const made = insertItem(rc.ctx, list, fields, people.Author ?? rc.me.upn.toLowerCase(), {
        dir,
        folder: leaf,
      });
      if (people.Editor)
        rc.db
          .prepare('UPDATE items SET modified_by = ? WHERE list_id = ? AND id = ?')
          .run(people.Editor, list.id, made.id);
      return made;
    })();
    id = row.id;
    rc.sec.invalidate();
  }
  // Under `itemid-zero` every entry says ItemId 0 (Microsoft's own example); the id is the "Id" entry's value.
  const itemId = rc.ctx.variants?.has('itemid-zero') ? 0 : id;
  const value = results.map((r) => {
    const error = r.error ?? (r.name === clash ? 'This value already exists in the list.' : undefined);
    return {
      ErrorCode: error ? -2146233088 : 0,
      ErrorMessage: error ?? null,
      FieldName: r.name,
      FieldValue: r.text,
      HasException: !!error,
      ItemId: itemId,
    };
  });
  if (!failed)
    value.push({
      ErrorCode: 0,
      ErrorMessage: null,
      FieldName: 'Id',
      FieldValue: String(id),
      HasException: false,
      ItemId: itemId,
    });
  return ok(
    rc.render.complexCollection('AddValidateUpdateItemUsingPath', 'SP.ListItemFormUpdateValue', value),
  );
}
