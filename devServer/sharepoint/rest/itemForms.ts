/* The two form endpoints: AddValidateUpdateItemUsingPath (a row or folder created in a folder) and
 * ValidateUpdateListItem (a row changed, renamed, or its Author/Editor set), over the form values of
 * ./formValues.ts; any field error → nothing is saved, and each value gets its answer. */
import { nextCounter } from '../../db';
import { listRootUrl } from '../../lists/shape';
import type { ListDoc } from '../../lists/lists';
import {
  folderAt,
  folderPath,
  getItem,
  insertItem,
  saveItem,
  uniqueClash,
  type ItemRow,
} from '../../lists/rows';
import { accessDenied, argumentError, badQuery, fileNotFound, SpError } from '../odataJson';
import { EMPTY_MASK } from '../roleDefinitions';
import { itemKey } from '../scopeTree';
import { bodyObject, type RestAnswer, RestContext, ok } from './context';
import {
  columnFormValue,
  formAnswer,
  formField,
  isPersonField,
  parseFormValue,
  personValue,
  type FormValue,
} from './formValues';
import { checkLeaf, checkPathLimits, relocate } from './itemPlaces';
import { folderByUrl } from './lookups';

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
    const found = folderByUrl(rc, folderUrl);
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
    const { name, text } = formField(fv);
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
  const value = formAnswer(results, clash, itemId);
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

/**
 * `POST …/items(N)/ValidateUpdateListItem()` `{formValues, bNewDocumentUpdate}`: column values parsed as
 * AddValidateUpdateItemUsingPath parses them, `FileLeafRef` renames (`rename-allowed`), `Author`/`Editor`
 * (`author-settable`); any field error → nothing is saved. EditListItems and WriteSecurity on the row.
 */
export function validateUpdate(rc: RestContext, list: ListDoc, row: ItemRow): RestAnswer {
  if (!rc.access.canEdit(list, row)) throw accessDenied();
  const body = bodyObject(rc) as { formValues?: FormValue[] };
  const formValues = body.formValues ?? [];
  if (!Array.isArray(formValues)) throw badQuery('formValues must be a collection.');
  const changes: Record<string, unknown> = {};
  const people: { Author?: string; Editor?: string } = {};
  let leaf: string | undefined;
  const results = formValues.map((fv) => {
    const { name, text } = formField(fv);
    let error: string | undefined;
    if (isPersonField(name)) {
      const p = personValue(rc, name, text);
      error = p.error;
      if (p.upn) people[name as 'Author' | 'Editor'] = p.upn;
    } else if (name === 'FileLeafRef') {
      if (rc.ctx.variants?.has('rename-allowed')) leaf = text;
      else error = 'Access denied. You do not have permission to rename this item.';
    } else {
      const parsed = columnFormValue(list, name, text);
      error = parsed.error;
      if (!error) changes[name] = parsed.value;
    }
    return { name, text, error };
  });
  const fresh = getItem(rc.ctx, list, row.id)!;
  const merged = { ...(JSON.parse(fresh.fields) as Record<string, unknown>), ...changes };
  const clash = results.some((r) => r.error) ? undefined : uniqueClash(rc.ctx, list, fresh, merged);
  if (!results.some((r) => r.error) && !clash) {
    if (leaf !== undefined && leaf !== fresh.leaf) relocate(rc, list, fresh, fresh.dir, leaf);
    rc.db.transaction(() => {
      const now = getItem(rc.ctx, list, row.id)!;
      saveItem(rc.ctx, list, {
        ...now,
        version: now.version + 1,
        fields: JSON.stringify(merged),
        modified: rc.ctx.now().toISOString(),
        modified_by: people.Editor ?? rc.me.upn.toLowerCase(),
        change_seq: nextCounter(rc.db, 'changes'),
      });
      if (people.Author)
        rc.db
          .prepare('UPDATE items SET created_by = ? WHERE list_id = ? AND id = ?')
          .run(people.Author, list.id, row.id);
    })();
  }
  const value = formAnswer(results, clash, row.id);
  return ok(rc.render.complexCollection('ValidateUpdateListItem', 'SP.ListItemFormUpdateValue', value));
}
