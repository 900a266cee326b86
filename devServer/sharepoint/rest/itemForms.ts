/* What a client may say about a row beyond its columns: who wrote it (Author/Editor form values), its name
 * and place (renaming and moving), and SharePoint's limits on names and paths. Two of these are readings
 * of undocumented behaviour (variants.ts): `author-settable` and `rename-allowed`. */
import { nextCounter } from '../../db';
import { listRootUrl } from '../../lists/shape';
import type { ListDoc } from '../../lists/lists';
import { folderAt, folderPath, getItem, type ItemRow, saveItem, uniqueClash } from '../../lists/rows';
import { accessDenied, badQuery, SpError } from '../odataJson';
import { ensureUser } from '../principals';
import { type RestAnswer, RestContext, ok } from './context';
import { bodyObject } from './security';

/** SPUtility.MaxLeafNameLength and the longest decoded server-relative path SharePoint Online takes. */
export const MAX_LEAF = 128;
export const MAX_PATH = 400;

export const pathTooLong = () =>
  new SpError(
    400,
    '-2147024690, System.IO.PathTooLongException',
    `The specified file or folder name is too long. The URL path for all files and folders must be ${MAX_PATH} characters or less (and no more than ${MAX_LEAF} characters for any single file or folder name in the URL). Please type a shorter file or folder name.`,
  );

/** A name in a list's folder `dir` ("" at the root) within SharePoint's limits, or its 400. */
export function checkPathLimits(rc: RestContext, list: ListDoc, dir: string, leaf: string) {
  const url = `${listRootUrl(rc.site, list)}${dir ? `/${dir}` : ''}/${leaf}`;
  if (leaf.length > MAX_LEAF || url.length > MAX_PATH) throw pathTooLong();
}

export const INVALID_LEAF = /["*:<>?/\\|#%~&{}]/;
const badName = () =>
  new SpError(
    400,
    '-2130575245, Microsoft.SharePoint.SPException',
    'The file or folder name contains characters that are not permitted.',
  );

export function checkLeaf(leaf: string) {
  if (!leaf || INVALID_LEAF.test(leaf) || leaf.startsWith('.') || leaf.endsWith('.')) throw badName();
}

/** Form values that name a person rather than a column: who created (Author) or last changed (Editor) it. */
export const PERSON_FIELDS = ['Author', 'Editor'] as const;
export const isPersonField = (name: string) => (PERSON_FIELDS as readonly string[]).includes(name);

/**
 * An Author/Editor form value (`[{"Key":"i:0#.f|membership|upn"}]`, or a login or UPN): the person's UPN,
 * or the field's error. SharePoint assigns both; only under `author-settable` may a writer choose them.
 */
export function personValue(rc: RestContext, name: string, text: string): { upn?: string; error?: string } {
  if (!rc.ctx.variants?.has('author-settable'))
    return { error: `Access denied. You do not have permission to set the field ${name}.` };
  let key = text.trim();
  try {
    const parsed = JSON.parse(text) as unknown;
    if (Array.isArray(parsed)) key = String((parsed[0] as { Key?: unknown } | undefined)?.Key ?? '');
  } catch {
    /* a plain login or UPN */
  }
  const p = ensureUser(rc.db, rc.siteId, key);
  if (!p?.upn) return { error: 'The user does not exist or is not unique.' };
  return { upn: p.upn.toLowerCase() };
}

/**
 * Renames and/or moves a row (a folder with everything in it): only under `rename-allowed`, then with
 * EditListItems (and WriteSecurity) on the row and AddListItems where it goes, as any writer could.
 */
export function relocate(rc: RestContext, list: ListDoc, row: ItemRow, dir: string, leaf: string) {
  if (!rc.ctx.variants?.has('rename-allowed')) throw accessDenied();
  if (!rc.access.canEdit(list, row)) throw accessDenied();
  checkLeaf(leaf);
  checkPathLimits(rc, list, dir, leaf);
  const oldPath = folderPath(row);
  const newPath = dir ? `${dir}/${leaf}` : leaf;
  if (newPath === oldPath) return;
  if (dir && !folderAt(rc.ctx, list, dir))
    throw new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
  if (row.fs_obj_type && (dir === oldPath || dir.startsWith(`${oldPath}/`)))
    throw badQuery('A folder cannot be moved into itself.');
  if (dir !== row.dir && !rc.access.canAdd(list, dir)) throw accessDenied();
  if (
    folderAt(rc.ctx, list, newPath) ||
    rc.db
      .prepare('SELECT 1 FROM items WHERE list_id = ? AND deleted = 0 AND dir = ? AND leaf = ?')
      .get(list.id, dir, leaf)
  )
    throw new SpError(
      400,
      '-2130245363, Microsoft.SharePoint.SPException',
      `A file or folder with the name ${listRootUrl(rc.site, list)}/${newPath} already exists.`,
    );
  rc.db.transaction(() => {
    if (row.fs_obj_type) {
      const below = rc.db
        .prepare("SELECT id, dir FROM items WHERE list_id = ? AND (dir = ? OR dir LIKE ? ESCAPE '\\')")
        .all(list.id, oldPath, `${oldPath.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`) as Array<{
        id: number;
        dir: string;
      }>;
      for (const r of below) {
        const moved = `${newPath}${r.dir.slice(oldPath.length)}`;
        if (`${listRootUrl(rc.site, list)}/${moved}`.length > MAX_PATH) throw pathTooLong();
        rc.db.prepare('UPDATE items SET dir = ? WHERE list_id = ? AND id = ?').run(moved, list.id, r.id);
      }
    }
    rc.db
      .prepare(
        'UPDATE items SET dir = ?, leaf = ?, version = version + 1, modified = ?, modified_by = ?, change_seq = ? WHERE list_id = ? AND id = ?',
      )
      .run(
        dir,
        leaf,
        rc.ctx.now().toISOString(),
        rc.me.upn.toLowerCase(),
        nextCounter(rc.db, 'changes'),
        list.id,
        row.id,
      );
  })();
  rc.sec.invalidate();
}

/** The parent folder (list-relative) and name of a server-relative URL inside `list`, or undefined. */
export function placeIn(
  rc: RestContext,
  list: ListDoc,
  url: string,
): { dir: string; leaf: string } | undefined {
  const root = listRootUrl(rc.site, list).toLowerCase();
  const clean = url.replace(/^https?:\/\/[^/]+/i, '').replace(/\/+$/, '');
  if (!clean.toLowerCase().startsWith(`${root}/`)) return undefined;
  const rest = clean.slice(root.length + 1);
  const at = rest.lastIndexOf('/');
  return { dir: at < 0 ? '' : rest.slice(0, at), leaf: at < 0 ? rest : rest.slice(at + 1) };
}

/**
 * `POST …/items(N)/ValidateUpdateListItem()` `{formValues, bNewDocumentUpdate}`: column values parsed as
 * AddValidateUpdateItemUsingPath parses them, `FileLeafRef` renames (`rename-allowed`), `Author`/`Editor`
 * (`author-settable`); any field error → nothing is saved. EditListItems and WriteSecurity on the row.
 */
export function validateUpdate(
  rc: RestContext,
  list: ListDoc,
  row: ItemRow,
  parseFormValue: (list: ListDoc, name: string, text: string) => { value?: unknown; error?: string },
): RestAnswer {
  if (!rc.access.canEdit(list, row)) throw accessDenied();
  const body = bodyObject(rc) as { formValues?: Array<{ FieldName?: unknown; FieldValue?: unknown }> };
  const formValues = body.formValues ?? [];
  if (!Array.isArray(formValues)) throw badQuery('formValues must be a collection.');
  const changes: Record<string, unknown> = {};
  const people: { Author?: string; Editor?: string } = {};
  let leaf: string | undefined;
  const results = formValues.map((fv) => {
    const name = String(fv.FieldName ?? '');
    const text = fv.FieldValue === null || fv.FieldValue === undefined ? '' : String(fv.FieldValue);
    let error: string | undefined;
    if (isPersonField(name)) {
      const p = personValue(rc, name, text);
      error = p.error;
      if (p.upn) people[name as 'Author' | 'Editor'] = p.upn;
    } else if (name === 'FileLeafRef') {
      if (rc.ctx.variants?.has('rename-allowed')) leaf = text;
      else error = 'Access denied. You do not have permission to rename this item.';
    } else {
      const parsed = parseFormValue(list, name, text);
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
  const value = results.map((r) => {
    const error = r.error ?? (r.name === clash ? 'This value already exists in the list.' : undefined);
    return {
      ErrorCode: error ? -2146233088 : 0,
      ErrorMessage: error ?? null,
      FieldName: r.name,
      FieldValue: r.text,
      HasException: !!error,
      ItemId: row.id,
    };
  });
  return ok(rc.render.complexCollection('ValidateUpdateListItem', 'SP.ListItemFormUpdateValue', value));
}
