import type {
  Drive as GraphDrive,
  DriveItem,
  DriveItemVersion,
  IdentitySet,
} from '@microsoft/microsoft-graph-types';
import { graphTimestamp, odataKey, type Ctx } from '../http';
import type { ListAccess } from '../lists/access';
import { fileRef, listRootUrl } from '../lists/shape';
import type { ItemRow } from '../lists/rows';
import { findUser } from '../routes/users';
import {
  childrenOf,
  itemIdOf,
  latestContent,
  mimeOf,
  pathOf,
  rootIdOf,
  versionsOf,
  type Drive,
} from './store';

/* How Graph shows a document library (drive) and its files and folders (driveItem), typed from v1.0's metadata. */

type Site = { id: string; hostname: string; path: string };

const identity = (ctx: Pick<Ctx, 'db'>, upn: string): IdentitySet => {
  const user = findUser(ctx.db, upn);
  return { user: { id: user?.id, displayName: user?.displayName ?? upn, email: upn } as IdentitySet['user'] };
};

export function driveJson(ctx: Ctx, s: Site, d: Drive): GraphDrive {
  return {
    id: d.id,
    name: d.list.displayName,
    description: '',
    driveType: 'documentLibrary',
    createdDateTime: graphTimestamp(d.list.created),
    lastModifiedDateTime: graphTimestamp(d.list.created),
    webUrl: `https://${s.hostname}${listRootUrl(s, d.list)}`,
    createdBy: { user: { displayName: 'System Account' } },
  };
}

export const itemsContext = (ctx: Ctx, d: Drive) => `${ctx.base}/$metadata#drives(${odataKey(d.id)})/items`;

/** The drive's root folder (the library's RootFolder). */
export function rootJson(ctx: Ctx, s: Site, d: Drive, access: ListAccess): DriveItem {
  return {
    createdDateTime: graphTimestamp(d.list.created),
    id: rootIdOf(d.list),
    lastModifiedDateTime: graphTimestamp(d.list.created),
    name: 'root',
    webUrl: `https://${s.hostname}${listRootUrl(s, d.list)}`,
    parentReference: { driveType: 'documentLibrary', driveId: d.id },
    fileSystemInfo: {
      createdDateTime: graphTimestamp(d.list.created),
      lastModifiedDateTime: graphTimestamp(d.list.created),
    },
    folder: { childCount: visibleChildren(ctx, d, access, '').length },
    root: {},
    size: 0,
  };
}

/** The children the caller may view (ViewListItems on each child's effective scope). */
export const visibleChildren = (ctx: Ctx, d: Drive, access: ListAccess, dir: string) =>
  childrenOf(ctx.db, d.list, dir).filter((r) => access.canRead(d.list, r));

export function driveItemJson(ctx: Ctx, s: Site, d: Drive, access: ListAccess, row: ItemRow): DriveItem {
  const parent = row.dir
    ? (ctx.db
        .prepare(
          'SELECT * FROM items WHERE list_id = ? AND deleted = 0 AND fs_obj_type = 1 AND dir = ? AND leaf = ?',
        )
        .get(
          d.list.id,
          row.dir.includes('/') ? row.dir.slice(0, row.dir.lastIndexOf('/')) : '',
          row.dir.split('/').pop(),
        ) as ItemRow | undefined)
    : undefined;
  const guid = row.guid.toUpperCase();
  const content = row.fs_obj_type ? undefined : latestContent(ctx.db, d.list, row);
  const out: DriveItem = {
    createdDateTime: graphTimestamp(row.created),
    eTag: `"{${guid}},${row.version}"`,
    id: itemIdOf(row),
    lastModifiedDateTime: graphTimestamp(row.modified),
    name: row.leaf ?? '',
    webUrl: `https://${s.hostname}${fileRef(s, d.list, row)}`,
    cTag: `"c:{${guid}},${row.version}"`,
    size: content?.content.length ?? 0,
    createdBy: identity(ctx, row.created_by),
    lastModifiedBy: identity(ctx, row.modified_by),
    parentReference: {
      driveType: 'documentLibrary',
      driveId: d.id,
      id: parent ? itemIdOf(parent) : rootIdOf(d.list),
      name: parent?.leaf ?? d.list.name,
      path: `/drives/${d.id}/root:${row.dir ? `/${row.dir}` : ''}`,
      siteId: s.id,
    },
    fileSystemInfo: {
      createdDateTime: graphTimestamp(row.created),
      lastModifiedDateTime: graphTimestamp(row.modified),
    },
  };
  if (row.fs_obj_type) out.folder = { childCount: visibleChildren(ctx, d, access, pathOf(row)).length };
  else out.file = { mimeType: content?.mime ?? mimeOf(row.leaf ?? '') };
  return out;
}

/** A file's versions, newest first, as driveItemVersion ("1.0", "2.0", … as SharePoint numbers them). */
export function versionsJson(ctx: Ctx, d: Drive, row: ItemRow): DriveItemVersion[] {
  return versionsOf(ctx.db, d.list, row).map((v) => ({
    id: `${v.version}.0`,
    lastModifiedDateTime: graphTimestamp(v.modified),
    lastModifiedBy: identity(ctx, v.modified_by),
    size: v.size,
  }));
}
