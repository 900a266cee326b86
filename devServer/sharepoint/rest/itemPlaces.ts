/* A row's name and place: SharePoint's limits on names and paths, and renaming and moving a row (a folder
 * with everything in it), a reading of undocumented behaviour (variants.ts): `rename-allowed`. */
import { nextCounter } from '../../db';
import { listRootUrl } from '../../lists/shape';
import type { ListDoc } from '../../lists/lists';
import { folderAt, folderPath, type ItemRow } from '../../lists/rows';
import { accessDenied, badQuery, SpError } from '../odataJson';
import type { RestContext } from './context';

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
