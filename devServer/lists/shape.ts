import type { Identity, ListItem } from '@microsoft/microsoft-graph-types';
import { badRequest } from '../errors';
import { odataKey, select, type Ctx } from '../http';
import { findUser } from '../routes/users';
import type { ColumnDef } from './columns';
import type { ListDoc } from './lists';
import type { ItemRow } from './rows';

/*
 * How Graph and SharePoint show lists and rows: URLs, the listItem and fields JSON ($select, $expand=fields),
 * @odata.context, and the paging and delta tokens.
 */

const FOLDER_CONTENT_TYPE = { id: '0x0120', name: 'Folder' };
const ITEM_CONTENT_TYPE = { id: '0x0100', name: 'Item' };
const DOCUMENT_CONTENT_TYPE = { id: '0x0101', name: 'Document' };
/** A document library (template documentLibrary, BaseTemplate 101) sits at the web's root, a list under /Lists. */
export const isLibrary = (list: Pick<ListDoc, 'template'>) => list.template === 'documentLibrary';
export const listRootUrl = (s: { path: string }, list: ListDoc) =>
  `${s.path === '/' ? '' : s.path}${isLibrary(list) ? '' : '/Lists'}/${list.name}`;

/** FileRef: server-relative URL of the row ("/sites/moeder/Lists/T/A/17_.000", a folder "/sites/moeder/Lists/T/A"). */
export const fileRef = (s: { path: string }, list: ListDoc, row: ItemRow) =>
  `${fileDirRef(s, list, row)}/${row.leaf ?? `${row.id}_.000`}`;
export const fileDirRef = (s: { path: string }, list: ListDoc, row: ItemRow) =>
  `${listRootUrl(s, list)}${row.dir ? `/${row.dir}` : ''}`;

/** SharePoint's identities in Graph carry the user's mail beside id and name (not in v1.0's `identity`). */
type SharePointIdentitySet = { user: Identity & { email: string } };

/** A `listItem` as Graph answers it, typed from Microsoft's v1.0 metadata, with SharePoint's additions. */
type GraphListItem = Omit<ListItem, 'createdBy' | 'lastModifiedBy' | 'fields'> & {
  '@odata.etag': string;
  createdBy: SharePointIdentitySet;
  lastModifiedBy?: SharePointIdentitySet;
  fields?: Record<string, unknown>;
};

export function itemJson(
  ctx: Ctx,
  s: { hostname: string; path: string },
  list: ListDoc,
  row: ItemRow,
  expandFields: string | null,
  inDelta = false,
) {
  const by = (upn: string): SharePointIdentitySet => {
    const user = findUser(ctx.db, upn);
    return { user: { id: user?.id, email: upn, displayName: user?.displayName ?? upn } };
  };
  const eTag = `"${row.guid},${row.version}"`;
  const out: GraphListItem = {
    '@odata.etag': eTag,
    id: String(row.id),
    eTag,
    createdDateTime: row.created,
    lastModifiedDateTime: row.modified,
    createdBy: by(row.created_by),
    // "listItem: delta" does not return lastModifiedBy (Microsoft Q&A: "Graph ListItem Delta API does not
    // return lastModifiedBy property"): read the item itself for it.
    ...(inDelta ? {} : { lastModifiedBy: by(row.modified_by) }),
    webUrl:
      row.fs_obj_type || isLibrary(list)
        ? `https://${s.hostname}${fileRef(s, list, row)}`
        : `https://${s.hostname}${s.path === '/' ? '' : s.path}/Lists/${list.name}/DispForm.aspx?ID=${row.id}`,
    parentReference: { siteId: list.siteId },
    contentType: row.fs_obj_type
      ? FOLDER_CONTENT_TYPE
      : isLibrary(list)
        ? DOCUMENT_CONTENT_TYPE
        : ITEM_CONTENT_TYPE,
  };
  if (expandFields !== null) out.fields = fieldsJson(s, list, row, expandFields || undefined);
  return out;
}

/** The row's fields as Graph gives them; FileRef / FileDirRef / FSObjType only when $select names them. */
export function fieldsJson(s: { path: string }, list: ListDoc, row: ItemRow, sel?: string) {
  const fields: Record<string, unknown> = {
    '@odata.etag': `"${row.guid},${row.version}"`,
    id: String(row.id),
    ...(JSON.parse(row.fields) as Record<string, unknown>),
    ContentType: row.fs_obj_type ? 'Folder' : isLibrary(list) ? 'Document' : 'Item',
    FileLeafRef: row.leaf ?? `${row.id}_.000`,
    Created: row.created,
    Modified: row.modified,
  };
  if (!sel) return fields;
  const wanted = new Set(sel.split(',').map((x) => x.trim()));
  if (wanted.has('FileRef')) fields.FileRef = fileRef(s, list, row);
  if (wanted.has('FileDirRef')) fields.FileDirRef = fileDirRef(s, list, row);
  if (wanted.has('FSObjType')) fields.FSObjType = row.fs_obj_type;
  return select(fields, sel);
}

/** `{base}/$metadata#sites('{site}')/lists('{list}')`, the stem of every list answer's @odata.context. */
export const listContext = (ctx: Ctx, s: { id: string }, list: ListDoc) =>
  `${ctx.base}/$metadata#sites(${odataKey(s.id)})/lists(${odataKey(list.id)})`;

export const itemEntity = <T extends object>(ctx: Ctx, s: { id: string }, list: ListDoc, body: T) => ({
  '@odata.context': `${listContext(ctx, s, list)}/items/$entity`,
  ...body,
});

export const fieldsEntity = <T extends object>(
  ctx: Ctx,
  s: { id: string },
  list: ListDoc,
  row: ItemRow,
  body: T,
) => ({
  '@odata.context': `${listContext(ctx, s, list)}/items(${odataKey(String(row.id))})/fields/$entity`,
  ...body,
});

/** "$expand=fields($select=A,B)" → "A,B"; "$expand=fields" → ""; otherwise null. */
export function expandedFields(expand: string | undefined): string | null {
  if (!expand) return null;
  const m = /fields(?:\(\$select=([^)]*)\))?/.exec(expand);
  return m ? (m[1] ?? '') : null;
}

export function listJson(ctx: Ctx, s: { id: string; hostname: string; path: string }, list: ListDoc) {
  const out: Record<string, unknown> = {
    id: list.id,
    displayName: list.displayName,
    name: list.name,
    createdDateTime: list.created,
    webUrl: `https://${s.hostname}${listRootUrl(s, list)}`,
    list: { template: list.template, hidden: false, contentTypesEnabled: false },
  };
  if (ctx.query.$expand?.startsWith('columns')) out.columns = list.columns.map(columnJson);
  return out;
}

export const columnJson = (c: ColumnDef) => ({
  ...c,
  columnGroup: 'Custom Columns',
  hidden: false,
  required: c.name === 'Title' ? false : false,
});

/** Opaque tokens (delta and $skiptoken) carry the request's query options, so a link keeps its shape. */
const QUERY_OPTIONS = ['$select', '$expand', '$filter', '$orderby', '$top'] as const;
type Carried = Partial<Record<(typeof QUERY_OPTIONS)[number], string>>;
export const carried = (q: Record<string, string>): Carried =>
  Object.fromEntries(QUERY_OPTIONS.filter((k) => q[k] !== undefined).map((k) => [k, q[k]]));

export function deltaToken(listId: string, seq: number, q: Carried) {
  return Buffer.from(JSON.stringify({ v: 2, l: listId, s: seq, q })).toString('base64url');
}

export function readToken(listId: string, token: string): { seq: number; q: Carried } | undefined {
  const text = Buffer.from(token, 'base64url').toString();
  const m = /^v1:([^:]+):(\d+)$/.exec(text);
  if (m) return m[1] === listId ? { seq: Number(m[2]), q: {} } : undefined;
  try {
    const t = JSON.parse(text) as { v?: number; l?: string; s?: number; q?: Carried };
    if (t.v === 2 && t.l === listId && typeof t.s === 'number') return { seq: t.s, q: t.q ?? {} };
  } catch {
    /* not ours */
  }
  return undefined;
}

const MAX_TOP = 5000;

/**
 * $top and $skip as Graph checks them: integers, 1 ≤ $top ≤ 5000 (SharePoint's list view threshold; Graph does
 * not document the list-items maximum), $skip ≥ 0; 400 invalidRequest otherwise.
 */
function pageOptions(q: Record<string, string>, defaultTop: number) {
  const int = (name: string, v: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER) => {
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v.trim()) || Number(v) < min || Number(v) > max)
      throw badRequest(`Invalid value '${v}' for query option '${name}'.`, 'invalidRequest');
    return Number(v);
  };
  const top = int('$top', q.$top, 1, MAX_TOP) ?? defaultTop;
  const skip = int('$skip', q.$skip, 0) ?? 0;
  return { top, skip };
}

function readSkipToken(listId: string, token: string): { offset: number; q: Carried } {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString()) as {
      l?: string;
      o?: number;
      q?: Carried;
    };
    if (t.l === listId && typeof t.o === 'number' && t.o >= 0) return { offset: t.o, q: t.q ?? {} };
  } catch {
    /* fall through */
  }
  throw badRequest('The $skiptoken is not valid.', 'invalidRequest');
}

/** `{base}/sites/{site}/lists/{list}/items`, the stem of the items' nextLink and deltaLink. */
export const itemsUrl = (ctx: Ctx, s: { id: string }, list: ListDoc) =>
  `${ctx.base}/sites/${s.id}/lists/${list.id}/items`;

export interface ItemsWindow {
  offset: number;
  top: number;
  /** The request's query options with those its $skiptoken carried. */
  q: Record<string, string>;
}

/** Where a page of items starts and how long it is: $skiptoken (carrying the first request's options), $top, $skip. */
export function itemsWindow(listId: string, query: Record<string, string>): ItemsWindow {
  let offset = 0;
  let q = query;
  if (query.$skiptoken !== undefined) {
    const t = readSkipToken(listId, query.$skiptoken);
    offset = t.offset;
    q = { ...query, ...t.q };
  }
  const { top, skip } = pageOptions(q, 200);
  return { offset: offset + skip, top, q };
}

/** One page of the rows as Graph answers a list's items, with a $skiptoken nextLink when more follow. */
export function itemsPage(
  ctx: Ctx,
  s: { id: string; hostname: string; path: string },
  list: ListDoc,
  rows: ItemRow[],
  { offset, top, q }: ItemsWindow,
): Record<string, unknown> {
  const page = rows.slice(offset, offset + top);
  const out: Record<string, unknown> = {
    '@odata.context': `${listContext(ctx, s, list)}/items`,
    value: page.map((r) => itemJson(ctx, s, list, r, expandedFields(q.$expand))),
  };
  if (offset + top < rows.length) {
    const token = Buffer.from(JSON.stringify({ l: list.id, o: offset + top, q: carried(q) })).toString(
      'base64url',
    );
    out['@odata.nextLink'] = `${itemsUrl(ctx, s, list)}?$skiptoken=${token}`;
  }
  return out;
}
