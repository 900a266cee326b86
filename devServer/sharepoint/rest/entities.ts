import { fileDirRef, fileRef, isLibrary, listRootUrl } from '../../lists/shape';
import type { ListDoc } from '../../lists/lists';
import { folderPath, type ItemRow } from '../../lists/rows';
import { badQuery, type Entity } from '../odataJson';
import { principalById, principalJson, siteUserByUpn, userJson, type PrincipalRow } from '../principals';
import { roleDefinitionJson, type RoleDefinition } from '../roleDefinitions';
import { itemKey, listKey } from '../scopeTree';
import type { RestContext } from './context';

/*
 * How SharePoint REST shows what a path addresses: SP.Web, SP.User and SP.Group, SP.RoleDefinition,
 * SP.RoleAssignment, SP.List, SP.Folder and SP.ListItem, with their URIs and the request's $select/$expand.
 */

export const ITEM_FIELDS_BUILTIN = [
  'Id',
  'ID',
  'Title',
  'FileRef',
  'FileDirRef',
  'FileLeafRef',
  'FSObjType',
  'FileSystemObjectType',
  'ContentTypeId',
  'Created',
  'Modified',
  'AuthorId',
  'EditorId',
  'GUID',
  'HasUniqueRoleAssignments',
  'OData__UIVersionString',
  'Attachments',
];

/** The answer of POST contextinfo (SP.ContextWebInformation): the form digest and the web's URLs. */
export function contextInfo(rc: RestContext) {
  return {
    FormDigestTimeoutSeconds: 1800,
    FormDigestValue: `0x${Buffer.from(`${rc.me.upn}|${rc.site.id}`).toString('hex').slice(0, 64).toUpperCase()},${rc.ctx
      .now()
      .toUTCString()}`,
    LibraryVersion: '16.0.0.0',
    SiteFullUrl: rc.webUrl,
    SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
    WebFullUrl: rc.webUrl,
  };
}

export function webEntity(rc: RestContext): Entity {
  return {
    type: 'SP.Web',
    uri: `${rc.apiUrl}/Web`,
    data: rc.applySelect({
      Created: '2022-01-01T00:00:00Z',
      Description: '',
      Id: rc.site.id.split(',')[2] ?? rc.site.id,
      Language: 1030,
      ServerRelativeUrl: rc.site.path,
      Title: (JSON.parse(rc.site.json) as { displayName?: string }).displayName ?? '',
      Url: rc.webUrl,
      WebTemplate: 'STS',
      ...(rc.selected()?.has('hasuniqueroleassignments') ? { HasUniqueRoleAssignments: true } : {}),
    }),
  };
}

export function userEntity(rc: RestContext, p: PrincipalRow): Entity {
  return { type: 'SP.User', uri: `${rc.apiUrl}/Web/GetUserById(${p.id})`, data: userJson(p) };
}

export function principalEntity(rc: RestContext, p: PrincipalRow): Entity {
  return p.kind === 'user'
    ? userEntity(rc, p)
    : {
        type: 'SP.Group',
        uri: `${rc.apiUrl}/Web/SiteGroups/GetById(${p.id})`,
        data: principalJson(rc.db, p),
      };
}

export function roleDefEntity(rc: RestContext, r: RoleDefinition): Entity {
  return {
    type: 'SP.RoleDefinition',
    uri: `${rc.apiUrl}/Web/RoleDefinitions(${r.Id})`,
    data: roleDefinitionJson(r),
  };
}

export function listEntity(rc: RestContext, list: ListDoc): Entity {
  const rows = rc.db
    .prepare('SELECT COUNT(*) AS n FROM items WHERE list_id = ? AND deleted = 0')
    .get(list.id) as { n: number };
  const data: Record<string, unknown> = {
    BaseTemplate: isLibrary(list) ? 101 : 100,
    BaseType: isLibrary(list) ? 1 : 0,
    Created: list.created,
    Description: '',
    EnableFolderCreation: !!list.enableFolderCreation,
    EntityTypeName: `${list.name}List`,
    Hidden: false,
    Id: list.id,
    ItemCount: rows.n,
    ListItemEntityTypeFullName: `SP.Data.${list.name}ListItem`,
    NoCrawl: !!list.noCrawl,
    ParentWebUrl: rc.site.path,
    ReadSecurity: list.readSecurity ?? 1,
    Title: list.displayName,
    WriteSecurity: list.writeSecurity ?? 1,
  };
  const sel = rc.selected();
  if (sel?.has('hasuniqueroleassignments')) data.HasUniqueRoleAssignments = rc.sec.isUnique(listKey(list.id));
  if (rc.expanded().has('rootfolder')) data.RootFolder = folderEntity(rc, list);
  return {
    type: 'SP.List',
    uri: `${rc.apiUrl}/Web/Lists(guid'${list.id}')`,
    data: rc.applySelect(data),
  };
}

export function folderEntity(rc: RestContext, list: ListDoc, row?: ItemRow): Entity {
  const path = row ? folderPath(row) : '';
  const url = row ? fileRef(rc.site, list, row) : listRootUrl(rc.site, list);
  // ItemCount counts the rows the caller may view; under `limited-access-browse` every row (variants.ts).
  const inside = rc.db
    .prepare('SELECT * FROM items WHERE list_id = ? AND deleted = 0 AND dir = ?')
    .all(list.id, path) as ItemRow[];
  const count = {
    n: rc.ctx.variants?.has('limited-access-browse')
      ? inside.length
      : inside.filter((r) => rc.access.canRead(list, r)).length,
  };
  return {
    type: 'SP.Folder',
    uri: `${rc.apiUrl}/Web/GetFolderByServerRelativePath(decodedurl='${encodeURIComponent(url)}')`,
    data: {
      Exists: true,
      IsWOPIEnabled: false,
      ItemCount: count.n,
      Name: row ? row.leaf : list.name,
      ProgID: null,
      ServerRelativeUrl: url,
      TimeCreated: row?.created ?? list.created,
      TimeLastModified: row?.modified ?? list.created,
      UniqueId: row?.guid ?? list.id,
      WelcomePage: '',
    },
  };
}

/** SP.ListItem: the default properties, or exactly those $select names. */
export function itemEntity(rc: RestContext, list: ListDoc, row: ItemRow): Entity {
  const fields = JSON.parse(row.fields) as Record<string, unknown>;
  const author = siteUserByUpn(rc.db, rc.siteId, row.created_by)?.id ?? null;
  const editor = siteUserByUpn(rc.db, rc.siteId, row.modified_by)?.id ?? null;
  const columns: Record<string, unknown> = {};
  for (const c of list.columns) columns[c.name] = fields[c.name] ?? null;
  const all: Record<string, unknown> = {
    FileSystemObjectType: row.fs_obj_type,
    Id: row.id,
    ServerRedirectedEmbedUri: null,
    ServerRedirectedEmbedUrl: '',
    ContentTypeId: row.fs_obj_type ? '0x0120' : '0x0100',
    ...columns,
    ID: row.id,
    Modified: row.modified,
    Created: row.created,
    AuthorId: author,
    EditorId: editor,
    OData__UIVersionString: `${row.version}.0`,
    Attachments: false,
    GUID: row.guid,
  };
  const extra: Record<string, () => unknown> = {
    FileRef: () => fileRef(rc.site, list, row),
    FileDirRef: () => fileDirRef(rc.site, list, row),
    FileLeafRef: () => row.leaf ?? `${row.id}_.000`,
    FSObjType: () => row.fs_obj_type,
    HasUniqueRoleAssignments: () => rc.sec.isUnique(itemKey(list.id, row.id)),
  };
  const sel = rc.selected();
  let data: Record<string, unknown> = all;
  if (sel) {
    data = {};
    for (const name of [...ITEM_FIELDS_BUILTIN, ...list.columns.map((c) => c.name)]) {
      if (!sel.has(name.toLowerCase())) continue;
      data[name] = name in extra ? extra[name]() : all[name];
    }
    for (const s of sel)
      if (![...ITEM_FIELDS_BUILTIN, ...list.columns.map((c) => c.name)].some((n) => n.toLowerCase() === s))
        throw badQuery(`The field or property '${s}' does not exist.`);
  }
  return {
    type: `SP.Data.${list.name}ListItem`,
    uri: `${rc.apiUrl}/Web/Lists(guid'${list.id}')/Items(${row.id})`,
    etag: `"${row.version}"`,
    data,
  };
}

export function assignmentEntity(
  rc: RestContext,
  a: { principalId: number; roleIds: number[] },
  base: string,
): Entity {
  const data: Record<string, unknown> = { PrincipalId: a.principalId };
  const exp = rc.expanded();
  if (exp.has('member')) {
    const p = principalById(rc.db, rc.siteId, a.principalId);
    if (p) data.Member = principalEntity(rc, p);
  }
  if (exp.has('roledefinitionbindings'))
    data.RoleDefinitionBindings = a.roleIds
      .map((id) => rc.sec.role(id))
      .filter((r): r is RoleDefinition => !!r)
      .map((r) => roleDefEntity(rc, r));
  return { type: 'SP.RoleAssignment', uri: `${base}/GetByPrincipalId(${a.principalId})`, data };
}
