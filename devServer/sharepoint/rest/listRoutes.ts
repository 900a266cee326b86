import { allLists } from '../../lists/lists';
import { deleteItem } from '../../lists/rows';
import { accessDenied, badQuery, fileNotFound, itemMissing } from '../odataJson';
import { EMPTY_MASK } from '../roleDefinitions';
import { itemKey, listKey } from '../scopeTree';
import { type RestAnswer, type RestContext, ok } from './context';
import { folderEntity, itemEntity, listEntity } from './entities';
import { addValidate, validateUpdate } from './itemForms';
import { placeIn, relocate } from './itemPlaces';
import { queryItems, updateItem, updateList } from './items';
import { folderByUrl, listById, listByTitle, visibleItem } from './lookups';
import { type Node, requirePost, type Step, type Stepped } from './nodes';
import { asInt } from './url';

/*
 * Lists through SharePoint REST: a list by id, title or URL, its settings, its items (queries, one item,
 * changing and deleting it, the two form endpoints) and its folders (by server-relative URL; moving one).
 */

/** Lists, items and folders: from the web, the lists' collection, a list, its items, an item and a folder. */
export function stepLists(s: Step): Stepped {
  const { rc, node, seg, args } = s;
  switch (node.k) {
    case 'web':
      switch (seg.name) {
        case 'lists':
          if (seg.args !== undefined) return { k: 'list', list: listById(rc, String(args.get('id'))) };
          return { k: 'lists' };
        case 'getlist': {
          const found = folderByUrl(rc, String(args.get('strurl') ?? ''));
          if (!found || found.row) throw fileNotFound();
          return { k: 'list', list: found.list };
        }
        case 'getfolderbyserverrelativepath':
        case 'getfolderbyserverrelativeurl': {
          const url = String(
            args.get('decodedurl') ?? args.get('serverrelativeurl') ?? args.positional[0] ?? '',
          );
          const found = folderByUrl(rc, url);
          if (!found) throw fileNotFound();
          // Traversing a folder needs some permission on it (Limited Access is enough); else it is not there.
          const key = found.row ? itemKey(found.list.id, found.row.id) : listKey(found.list.id);
          if (rc.mask(key) === EMPTY_MASK) throw fileNotFound();
          return { k: 'folder', list: found.list, row: found.row };
        }
      }
      break;
    case 'lists':
      if (seg.name === 'getbytitle')
        return { k: 'list', list: listByTitle(rc, String(args.get('title') ?? '')) };
      if (seg.name === 'getbyid') return { k: 'list', list: listById(rc, String(args.get('id') ?? '')) };
      break;
    case 'list':
      switch (seg.name) {
        case 'items':
          if (seg.args !== undefined)
            return {
              k: 'item',
              list: node.list,
              row: visibleItem(rc, node.list, asInt(args.get('id'), 'id')),
            };
          return { k: 'items', list: node.list };
        case 'rootfolder':
          return { k: 'folder', list: node.list };
        case 'addvalidateupdateitemusingpath':
          requirePost(s);
          return addValidate(rc, node.list);
      }
      break;
    case 'items':
      if (seg.name === 'getbyid')
        return { k: 'item', list: node.list, row: visibleItem(rc, node.list, asInt(args.get('id'), 'id')) };
      break;
    case 'item':
      if (seg.name === 'folder' && node.row.fs_obj_type)
        return { k: 'folder', list: node.list, row: node.row };
      if (seg.name === 'validateupdatelistitem') {
        requirePost(s);
        return validateUpdate(rc, node.list, node.row);
      }
      break;
    case 'folder':
      if (seg.name === 'moveto') {
        // Moving (or renaming) a folder: a reading of its own (`rename-allowed`), refused by default.
        requirePost(s);
        if (!node.row) throw accessDenied();
        const to = placeIn(rc, node.list, String(args.get('newurl') ?? args.positional[0] ?? ''));
        if (!to) throw badQuery('The new URL must be inside the same list.');
        relocate(rc, node.list, node.row, to.dir, to.leaf);
        return ok(rc.render.none('MoveTo'));
      }
      if (seg.name === 'listitemallfields') {
        if (!node.row) throw itemMissing();
        if (!rc.access.canRead(node.list, node.row)) throw fileNotFound();
        return { k: 'item', list: node.list, row: node.row };
      }
      break;
  }
  return undefined;
}

/** GET, MERGE/PATCH and DELETE on what stepLists reached. */
export function finishLists(rc: RestContext, node: Node): RestAnswer | undefined {
  const verb = rc.verb;
  const r = rc.render;
  switch (node.k) {
    case 'lists':
      if (verb !== 'GET') break;
      return ok(
        r.collection(
          allLists(rc.db, rc.siteId)
            .filter((l) => rc.access.opens(l))
            .map((l) => listEntity(rc, l)),
          'SP.ApiData.Lists',
        ),
      );
    case 'list':
      if (verb === 'GET') return ok(r.entity(listEntity(rc, node.list), 'SP.ApiData.Lists'));
      if (verb === 'MERGE' || verb === 'PATCH') return updateList(rc, node.list);
      break;
    case 'items':
      if (verb === 'GET') return queryItems(rc, node.list);
      break;
    case 'item':
      if (verb === 'GET') return ok(r.entity(itemEntity(rc, node.list, node.row)));
      if (verb === 'MERGE' || verb === 'PATCH') return updateItem(rc, node.list, node.row);
      if (verb === 'DELETE') {
        if (!rc.access.canDelete(node.list, node.row)) throw accessDenied();
        rc.db.transaction(() => deleteItem(rc.ctx, rc.access, node.list, node.row))();
        return { status: 200 };
      }
      break;
    case 'folder':
      if (verb === 'GET') return ok(r.entity(folderEntity(rc, node.list, node.row)));
      break;
  }
  return undefined;
}
