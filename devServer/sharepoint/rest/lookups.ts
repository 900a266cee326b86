import { allLists, type ListDoc } from '../../lists/lists';
import { folderAt, getItem, type ItemRow } from '../../lists/rows';
import { listRootUrl } from '../../lists/shape';
import { argumentError, itemMissing } from '../odataJson';
import type { RestContext } from './context';

/* Finding the list, item or folder a path names, with SharePoint's answer when the caller may not see it. */

export function listByTitle(rc: RestContext, title: string): ListDoc {
  const list = allLists(rc.db, rc.siteId).find((l) => l.displayName.toLowerCase() === title.toLowerCase());
  if (!list || !rc.access.opens(list))
    throw argumentError(`List '${title}' does not exist at site with URL '${rc.webUrl}'.`, 404);
  return list;
}

export function listById(rc: RestContext, id: string): ListDoc {
  const list = allLists(rc.db, rc.siteId).find((l) => l.id.toLowerCase() === id.toLowerCase());
  if (!list || !rc.access.opens(list))
    throw argumentError(
      `List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.`,
      404,
    );
  return list;
}

/** A visible item (ViewListItems and ReadSecurity); otherwise SharePoint's "Item does not exist". */
export function visibleItem(rc: RestContext, list: ListDoc, id: number): ItemRow {
  const row = getItem(rc.ctx, list, id);
  if (!row || !rc.access.canRead(list, row)) throw itemMissing();
  return row;
}

/** A server-relative folder URL → its list and folder row (none for the list's root folder). */
export function folderByUrl(rc: RestContext, url: string): { list: ListDoc; row?: ItemRow } | undefined {
  // Already decoded (the path once, in handleRest; a body's DecodedUrl is decoded by definition).
  const clean = url.replace(/^https?:\/\/[^/]+/i, '').replace(/\/+$/, '');
  for (const list of allLists(rc.db, rc.siteId)) {
    const root = listRootUrl(rc.site, list);
    const relToWeb = root.slice(rc.site.path === '/' ? 1 : rc.site.path.length + 1);
    let rest: string | undefined;
    if (clean.toLowerCase() === root.toLowerCase() || clean.toLowerCase() === relToWeb.toLowerCase())
      rest = '';
    else if (clean.toLowerCase().startsWith(`${root.toLowerCase()}/`)) rest = clean.slice(root.length + 1);
    else if (clean.toLowerCase().startsWith(`${relToWeb.toLowerCase()}/`))
      rest = clean.slice(relToWeb.length + 1);
    if (rest === undefined) continue;
    if (!rest) return { list };
    const row = folderAt(rc.ctx, list, rest);
    return row ? { list, row } : undefined;
  }
  return undefined;
}
