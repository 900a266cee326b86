import { randomUUID } from 'node:crypto';
import { nextCounter, type Db } from '../db';
import { badRequest, forbidden, GraphHttpError, notFound } from '../errors';
import { noContent, ok, paged, select, type Ctx, type Result, type Route } from '../http';
import { evaluate, filterPaths, orderBy, parseFilter } from '../odata';
import {
  MEETING_LISTS,
  mayRead,
  mayWrite,
  meetingAccess,
  siteRole,
  type MeetingAccess,
} from '../permissions';
import { findUser } from './users';

export interface ColumnDef {
  id: string;
  name: string;
  displayName: string;
  indexed: boolean;
  /** SharePoint refuses a second item with the same value (the column must be indexed). */
  enforceUniqueValues?: boolean;
  readOnly?: boolean;
  text?: { allowMultipleLines?: boolean; maxLength?: number };
  number?: Record<string, unknown>;
  boolean?: Record<string, unknown>;
  dateTime?: Record<string, unknown>;
  choice?: { choices: string[]; allowTextEntry?: boolean };
  personOrGroup?: Record<string, unknown>;
}

export interface ListDoc {
  id: string;
  siteId: string;
  displayName: string;
  name: string;
  template: string;
  columns: ColumnDef[];
  created: string;
}

interface ItemRow {
  list_id: string;
  id: number;
  guid: string;
  version: number;
  fields: string;
  created: string;
  modified: string;
  created_by: string;
  modified_by: string;
  deleted: number;
  change_seq: number;
}

const BUILTIN: ColumnDef[] = [
  {
    id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
    name: 'Title',
    displayName: 'Title',
    indexed: false,
    text: { allowMultipleLines: false, maxLength: 255 },
  },
];
const TEXT_MAX = 63999;

export function siteByPath(db: Db, hostname: string, path: string) {
  return db
    .prepare('SELECT * FROM sites WHERE hostname = ? AND path = ?')
    .get(hostname, path.replace(/\/+$/, '') || '/') as
    { id: string; hostname: string; path: string; json: string } | undefined;
}

function site(db: Db, id: string) {
  return db.prepare('SELECT * FROM sites WHERE id = ?').get(id) as
    { id: string; hostname: string; path: string; json: string } | undefined;
}

export function listByName(db: Db, siteId: string, idOrName: string): ListDoc | undefined {
  const row = db
    .prepare('SELECT json FROM lists WHERE site_id = ? AND (id = ? OR display_name = ?)')
    .get(siteId, idOrName, idOrName) as { json: string } | undefined;
  return row ? (JSON.parse(row.json) as ListDoc) : undefined;
}

function saveList(db: Db, list: ListDoc) {
  db.prepare(
    'INSERT INTO lists (id, site_id, display_name, json) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json',
  ).run(list.id, list.siteId, list.displayName, JSON.stringify(list));
  // An expression index per unique column keeps the check on every write a lookup, not a scan. Column
  // names are validated identifiers (columnFromInput), safe in a JSON path and an index name.
  for (const col of list.columns.filter((c) => c.enforceUniqueValues))
    db.prepare(
      `CREATE INDEX IF NOT EXISTS "uq_${list.id}_${col.name}" ON items (list_id, ${uniqueValue(col)}) WHERE deleted = 0`,
    ).run();
}

const uniqueValue = (col: ColumnDef) => `json_extract(fields, '$.${col.name}')`;

function columnFromInput(input: Record<string, unknown>): ColumnDef {
  const name = String(input.name ?? input.displayName ?? '');
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) throw badRequest(`Invalid column name '${name}'.`);
  const col: ColumnDef = {
    id: randomUUID(),
    name,
    displayName: String(input.displayName ?? name),
    indexed: !!input.indexed,
  };
  const kinds = ['text', 'number', 'boolean', 'dateTime', 'choice', 'personOrGroup'] as const;
  const kind = kinds.find((k) => input[k] !== undefined) ?? 'text';
  if (kind === 'text')
    col.text = { allowMultipleLines: false, maxLength: 255, ...((input.text as object) ?? {}) };
  else if (kind === 'choice') {
    const choices = (input.choice as { choices?: unknown })?.choices;
    if (!Array.isArray(choices) || !choices.length) throw badRequest('A choice column needs choices.');
    col.choice = {
      choices: choices.map(String),
      allowTextEntry: !!(input.choice as { allowTextEntry?: boolean }).allowTextEntry,
    };
  } else col[kind] = (input[kind] as Record<string, unknown>) ?? {};
  if (col.indexed && col.text?.allowMultipleLines)
    throw badRequest('Multiple lines of text columns cannot be indexed.');
  if (input.enforceUniqueValues) {
    if (!col.indexed) throw badRequest('A column that enforces unique values must be indexed.');
    col.enforceUniqueValues = true;
  }
  return col;
}

export function createList(db: Db, siteId: string, input: Record<string, unknown>, now: string): ListDoc {
  const displayName = String(input.displayName ?? '').trim();
  if (!displayName) throw badRequest('displayName is required.');
  if (listByName(db, siteId, displayName))
    throw new GraphHttpError(
      409,
      'nameAlreadyExists',
      `A list named '${displayName}' already exists in this site.`,
    );
  const columns = [
    ...BUILTIN,
    ...((input.columns as Array<Record<string, unknown>>) ?? []).map(columnFromInput),
  ];
  const names = new Set<string>();
  for (const c of columns) {
    if (names.has(c.name))
      throw new GraphHttpError(409, 'nameAlreadyExists', `Column '${c.name}' is defined twice.`);
    names.add(c.name);
  }
  const list: ListDoc = {
    id: randomUUID(),
    siteId,
    displayName,
    name: displayName.replace(/[^A-Za-z0-9]/g, ''),
    template: String((input.list as { template?: string })?.template ?? 'genericList'),
    columns,
    created: now,
  };
  saveList(db, list);
  return list;
}

function listJson(ctx: Ctx, s: { id: string; hostname: string; path: string }, list: ListDoc) {
  const out: Record<string, unknown> = {
    id: list.id,
    displayName: list.displayName,
    name: list.name,
    createdDateTime: list.created,
    webUrl: `https://${s.hostname}${s.path === '/' ? '' : s.path}/Lists/${list.name}`,
    list: { template: list.template, hidden: false, contentTypesEnabled: false },
  };
  if (ctx.query.$expand?.startsWith('columns')) out.columns = list.columns.map(columnJson);
  return out;
}

const columnJson = (c: ColumnDef) => ({
  ...c,
  columnGroup: 'Custom Columns',
  hidden: false,
  required: c.name === 'Title' ? false : false,
});

/** Field values coerced to their column's type; bad values refused as SharePoint would. */
function coerceFields(list: ListDoc, input: unknown, partial: boolean): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw badRequest('The request body must be an object of field values.');
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    if (name.startsWith('@odata')) continue;
    const col = list.columns.find((c) => c.name === name);
    if (!col) throw badRequest(`Field '${name}' is not recognized`, 'invalidRequest');
    if (value === null || value === '') {
      out[name] = col.text || col.choice ? (value ?? null) : null;
      continue;
    }
    if (col.text) {
      const s = String(value);
      const max = col.text.allowMultipleLines ? TEXT_MAX : (col.text.maxLength ?? 255);
      if (s.length > max)
        throw badRequest(
          `The value of field '${name}' is ${s.length} characters; the column allows ${max}.`,
          'invalidRequest',
        );
      out[name] = s;
    } else if (col.number) {
      const n = Number(value);
      if (!Number.isFinite(n)) throw badRequest(`Field '${name}' needs a number.`);
      out[name] = n;
    } else if (col.boolean) {
      if (typeof value !== 'boolean') throw badRequest(`Field '${name}' needs true or false.`);
      out[name] = value;
    } else if (col.dateTime) {
      const d = new Date(String(value));
      if (Number.isNaN(d.getTime())) throw badRequest(`Field '${name}' needs a date and time.`);
      out[name] = d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    } else if (col.choice) {
      if (!col.choice.choices.includes(String(value)) && !col.choice.allowTextEntry)
        throw badRequest(`'${String(value)}' is not a choice of field '${name}'.`);
      out[name] = String(value);
    } else out[name] = String(value);
  }
  if (!partial && Object.keys(out).length === 0) throw badRequest('fields must hold at least one value.');
  return out;
}

export class ListAccess {
  private readonly cache = new Map<string, MeetingAccess>();
  constructor(
    private readonly ctx: Ctx,
    private readonly siteId: string,
    readonly role: ReturnType<typeof siteRole>,
  ) {}

  rows = (listName: string, key: string): Array<Record<string, unknown>> => {
    const list = listByName(this.ctx.db, this.siteId, listName);
    if (!list) return [];
    return (
      this.ctx.db
        .prepare('SELECT fields FROM items WHERE list_id = ? AND meeting_key = ? AND deleted = 0')
        .all(list.id, key) as Array<{ fields: string }>
    ).map((r) => JSON.parse(r.fields));
  };

  meeting(key: string): MeetingAccess {
    let a = this.cache.get(key);
    if (!a) {
      a = meetingAccess(this.ctx.db, this.rows, key, this.ctx.me.upn, this.role);
      this.cache.set(key, a);
    }
    return a;
  }

  canRead(list: ListDoc, fields: Record<string, unknown>): boolean {
    if (this.role === 'owner') return true;
    if (!MEETING_LISTS.includes(list.displayName as (typeof MEETING_LISTS)[number]))
      return this.role !== 'none';
    const key = String(fields.MeetingKey ?? '');
    return !!key && mayRead(list.displayName, fields, this.meeting(key));
  }

  canWrite(list: ListDoc, next: Record<string, unknown>, previous?: Record<string, unknown>): boolean {
    if (this.role === 'owner') return true;
    if (this.role === 'visitor' || this.role === 'none') return false;
    if (!MEETING_LISTS.includes(list.displayName as (typeof MEETING_LISTS)[number])) return true;
    const key = String(next.MeetingKey ?? '');
    if (!key || (previous && String(previous.MeetingKey ?? '') !== key)) return false;
    return mayWrite(list.displayName, next, previous, this.meeting(key), this.ctx.me.upn);
  }
}

function itemJson(
  ctx: Ctx,
  s: { hostname: string; path: string },
  list: ListDoc,
  row: ItemRow,
  expandFields: string | null,
) {
  const by = (upn: string) => ({
    user: { email: upn, displayName: findUser(ctx.db, upn)?.displayName ?? upn },
  });
  const eTag = `"${row.guid},${row.version}"`;
  const out: Record<string, unknown> = {
    '@odata.etag': eTag,
    id: String(row.id),
    eTag,
    createdDateTime: row.created,
    lastModifiedDateTime: row.modified,
    createdBy: by(row.created_by),
    lastModifiedBy: by(row.modified_by),
    webUrl: `https://${s.hostname}${s.path === '/' ? '' : s.path}/Lists/${list.name}/DispForm.aspx?ID=${row.id}`,
    parentReference: { siteId: list.siteId },
    contentType: { id: '0x0100', name: 'Item' },
  };
  if (expandFields !== null) out.fields = fieldsJson(row, expandFields || undefined);
  return out;
}

function fieldsJson(row: ItemRow, sel?: string) {
  const fields = {
    '@odata.etag': `"${row.guid},${row.version}"`,
    id: String(row.id),
    ...JSON.parse(row.fields),
    Created: row.created,
    Modified: row.modified,
  };
  return sel ? select(fields, sel) : fields;
}

/** "$expand=fields($select=A,B)" → "A,B"; "$expand=fields" → ""; otherwise null. */
function expandedFields(expand: string | undefined): string | null {
  if (!expand) return null;
  const m = /fields(?:\(\$select=([^)]*)\))?/.exec(expand);
  return m ? (m[1] ?? '') : null;
}

function saveItem(ctx: Ctx, list: ListDoc, row: ItemRow) {
  const fields = JSON.parse(row.fields) as Record<string, unknown>;
  if (!row.deleted) assertUnique(ctx, list, row, fields);
  ctx.db
    .prepare(
      `INSERT INTO items (list_id, id, guid, version, fields, created, modified, created_by, modified_by, deleted, change_seq, meeting_key)
       VALUES (@list_id, @id, @guid, @version, @fields, @created, @modified, @created_by, @modified_by, @deleted, @change_seq, @meeting_key)
       ON CONFLICT(list_id, id) DO UPDATE SET version = excluded.version, fields = excluded.fields, modified = excluded.modified,
         modified_by = excluded.modified_by, deleted = excluded.deleted, change_seq = excluded.change_seq, meeting_key = excluded.meeting_key`,
    )
    .run({ ...row, meeting_key: fields.MeetingKey === undefined ? null : String(fields.MeetingKey) });
}

/** Columns with enforceUniqueValues: another live item with the same (non-empty) value → 409, as SharePoint. */
function assertUnique(ctx: Ctx, list: ListDoc, row: ItemRow, fields: Record<string, unknown>) {
  for (const col of list.columns) {
    if (!col.enforceUniqueValues) continue;
    const value = fields[col.name];
    if (value === undefined || value === null || value === '') continue;
    const clash = ctx.db
      .prepare(
        `SELECT id FROM items WHERE list_id = ? AND deleted = 0 AND id != ? AND ${uniqueValue(col)} = ? LIMIT 1`,
      )
      .get(list.id, row.id, typeof value === 'boolean' ? Number(value) : value);
    if (clash)
      throw new GraphHttpError(
        409,
        'nameAlreadyExists',
        `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${col.name}].`,
      );
  }
}

function getItem(ctx: Ctx, list: ListDoc, id: string): ItemRow | undefined {
  return ctx.db
    .prepare('SELECT * FROM items WHERE list_id = ? AND id = ? AND deleted = 0')
    .get(list.id, Number(id)) as ItemRow | undefined;
}

function ifMatch(ctx: Ctx, row: ItemRow) {
  const header = ctx.headers['if-match'];
  if (!header || header.trim() === '*') return;
  const want = header.trim().replace(/^W\//, '');
  if (want !== `"${row.guid},${row.version}"`) {
    throw new GraphHttpError(
      412,
      'resourceModified',
      'The resource has changed since the caller last read it; usually an eTag mismatch',
    );
  }
}

export function insertItem(ctx: Ctx, list: ListDoc, fields: Record<string, unknown>, by: string): ItemRow {
  const now = ctx.now().toISOString();
  const row: ItemRow = {
    list_id: list.id,
    id: nextCounter(ctx.db, `items:${list.id}`),
    guid: randomUUID(),
    version: 1,
    fields: JSON.stringify(fields),
    created: now,
    modified: now,
    created_by: by,
    modified_by: by,
    deleted: 0,
    change_seq: nextCounter(ctx.db, 'changes'),
  };
  saveItem(ctx, list, row);
  return row;
}

function deltaToken(listId: string, seq: number) {
  return Buffer.from(`v1:${listId}:${seq}`).toString('base64url');
}

function readToken(listId: string, token: string): number {
  const m = /^v1:([^:]+):(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  if (!m || m[1] !== listId) return -1;
  return Number(m[2]);
}

function itemsHandler(
  ctx: Ctx,
  s: { id: string; hostname: string; path: string },
  access: ListAccess,
  list: ListDoc,
  rest: string[],
): Result {
  const [itemId, sub] = rest;
  const linkBase = `${ctx.base}/sites/${s.id}/lists/${list.id}/items`;
  if (itemId === 'delta' && ctx.method === 'GET') {
    const current = nextCounterPeek(ctx.db);
    if (ctx.query.token === 'latest')
      return ok({ value: [], '@odata.deltaLink': `${linkBase}/delta?token=${deltaToken(list.id, current)}` });
    const since = ctx.query.token ? readToken(list.id, ctx.query.token) : 0;
    if (since < 0) {
      throw new GraphHttpError(
        410,
        'resyncRequired',
        'The delta token is no longer valid; start over from the link in Location.',
        {
          Location: `${linkBase}/delta`,
        },
      );
    }
    const rows = ctx.db
      .prepare('SELECT * FROM items WHERE list_id = ? AND change_seq > ? ORDER BY change_seq')
      .all(list.id, since) as ItemRow[];
    const value = rows
      .filter((r) => r.deleted || access.canRead(list, JSON.parse(r.fields)))
      .filter((r) => !(r.deleted && since === 0))
      .map((r) =>
        r.deleted
          ? { id: String(r.id), deleted: { state: 'deleted' } }
          : itemJson(ctx, s, list, r, expandedFields(ctx.query.$expand) ?? ''),
      );
    return ok({ value, '@odata.deltaLink': `${linkBase}/delta?token=${deltaToken(list.id, current)}` });
  }
  if (!itemId) {
    if (ctx.method === 'GET') {
      let rows = ctx.db
        .prepare('SELECT * FROM items WHERE list_id = ? AND deleted = 0 ORDER BY id')
        .all(list.id) as ItemRow[];
      if (ctx.query.$filter) {
        const filter = parseFilter(ctx.query.$filter);
        const honour = /HonorNonIndexedQueriesWarningMayFailRandomly/i.test(ctx.headers.prefer ?? '');
        for (const p of filterPaths(filter)) {
          const name = p.replace(/^fields\//, '');
          const col =
            list.columns.find((c) => c.name === name) ??
            (name === 'id' ? ({ indexed: true } as ColumnDef) : undefined);
          if (!col) throw badRequest(`Field '${name}' is not recognized`);
          if (col.text?.allowMultipleLines)
            throw badRequest(
              `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
            );
          if (!col.indexed && !honour)
            throw badRequest(
              `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
            );
        }
        const keyEq = /fields\/MeetingKey eq '((?:[^']|'')*)'/.exec(ctx.query.$filter);
        if (keyEq)
          rows = ctx.db
            .prepare('SELECT * FROM items WHERE list_id = ? AND deleted = 0 AND meeting_key = ? ORDER BY id')
            .all(list.id, keyEq[1].replace(/''/g, "'")) as ItemRow[];
        rows = rows.filter((r) => {
          const f = { ...JSON.parse(r.fields), id: r.id };
          return evaluate(filter, (p) =>
            p.startsWith('fields/') ? f[p.slice(7)] : p === 'id' ? r.id : undefined,
          );
        });
      }
      rows = rows.filter((r) => access.canRead(list, JSON.parse(r.fields)));
      const order = orderBy<ItemRow>(ctx.query.$orderby, (r, p) =>
        p.startsWith('fields/')
          ? JSON.parse(r.fields)[p.slice(7)]
          : p === 'id'
            ? r.id
            : (r as unknown as Record<string, unknown>)[p],
      );
      if (order) rows.sort(order);
      const page = paged(ctx, rows, 200);
      return ok({
        ...page,
        value: page.value.map((r) => itemJson(ctx, s, list, r, expandedFields(ctx.query.$expand))),
      });
    }
    if (ctx.method === 'POST') {
      const fields = coerceFields(list, (ctx.body as { fields?: unknown })?.fields, false);
      if (!access.canWrite(list, fields)) throw forbidden();
      const row = ctx.db.transaction(() => insertItem(ctx, list, fields, ctx.me.upn.toLowerCase()))();
      return ok(itemJson(ctx, s, list, row, ''), 201);
    }
  }
  const row = getItem(ctx, list, itemId);
  if (!row) throw notFound('Item not found');
  const previous = JSON.parse(row.fields) as Record<string, unknown>;
  if (!access.canRead(list, previous)) throw notFound('Item not found');
  if (ctx.method === 'GET' && !sub) return ok(itemJson(ctx, s, list, row, expandedFields(ctx.query.$expand)));
  if (ctx.method === 'GET' && sub === 'fields') return ok(fieldsJson(row, ctx.query.$select));
  if (ctx.method === 'PATCH' && (sub === 'fields' || !sub)) {
    const input = sub === 'fields' ? ctx.body : ((ctx.body as { fields?: unknown })?.fields ?? {});
    const changes = coerceFields(list, input, true);
    const next = { ...previous, ...changes };
    if (!access.canWrite(list, next, previous)) throw forbidden();
    const updated = ctx.db.transaction(() => {
      const fresh = getItem(ctx, list, itemId)!;
      ifMatch(ctx, fresh);
      const u: ItemRow = {
        ...fresh,
        version: fresh.version + 1,
        fields: JSON.stringify({ ...JSON.parse(fresh.fields), ...changes }),
        modified: ctx.now().toISOString(),
        modified_by: ctx.me.upn.toLowerCase(),
        change_seq: nextCounter(ctx.db, 'changes'),
      };
      saveItem(ctx, list, u);
      return u;
    })();
    return ok(sub === 'fields' ? fieldsJson(updated) : itemJson(ctx, s, list, updated, ''));
  }
  if (ctx.method === 'DELETE' && !sub) {
    if (!access.canWrite(list, previous, previous)) throw forbidden();
    ctx.db.transaction(() => {
      const fresh = getItem(ctx, list, itemId)!;
      ifMatch(ctx, fresh);
      saveItem(ctx, list, {
        ...fresh,
        deleted: 1,
        change_seq: nextCounter(ctx.db, 'changes'),
        modified: ctx.now().toISOString(),
        modified_by: ctx.me.upn.toLowerCase(),
      });
    })();
    return noContent();
  }
  throw badRequest(`Unsupported request: ${ctx.method} ${ctx.path}`, 'BadRequest');
}

function nextCounterPeek(db: Db): number {
  return (
    (db.prepare("SELECT value FROM counters WHERE name = 'changes'").get() as { value: number } | undefined)
      ?.value ?? 0
  );
}

function sitesHandler(ctx: Ctx, [spec]: string[]): Result {
  let s: { id: string; hostname: string; path: string; json: string } | undefined;
  let rest: string;
  if (spec === 'root' || spec.startsWith('root/')) {
    s = ctx.db.prepare("SELECT * FROM sites WHERE path = '/'").get() as typeof s;
    rest = spec.slice(4);
  } else if (/^[^/,]+:\//.test(spec)) {
    const m = /^([^/:]+):(\/[^:]*?)(?::(\/.*)?)?$/.exec(spec);
    if (!m) throw badRequest('Invalid site path.');
    s = siteByPath(ctx.db, m[1], m[2]);
    rest = m[3] ?? '';
  } else {
    const [id, ...tail] = spec.split('/');
    s = site(ctx.db, id);
    rest = tail.length ? `/${tail.join('/')}` : '';
  }
  if (!s) throw notFound('Requested site could not be found');
  const role = siteRole(ctx.db, s.id, ctx.me.upn);
  const parts = rest.split('/').filter(Boolean);
  if (parts.length === 0) {
    if (ctx.method !== 'GET') throw badRequest('Unsupported request.', 'BadRequest');
    return ok(select({ ...JSON.parse(s.json), id: s.id }, ctx.query.$select));
  }
  if (parts[0] !== 'lists') throw badRequest(`Resource '${parts[0]}' is not supported here.`, 'BadRequest');
  if (role === 'none') throw forbidden();
  const access = new ListAccess(ctx, s.id, role);
  if (parts.length === 1) {
    if (ctx.method === 'GET') {
      const lists = (
        ctx.db.prepare('SELECT json FROM lists WHERE site_id = ? ORDER BY display_name').all(s.id) as Array<{
          json: string;
        }>
      ).map((r) => JSON.parse(r.json) as ListDoc);
      return ok({
        value: lists.map((l) =>
          select(listJson(ctx, s!, l), ctx.query.$select ? `${ctx.query.$select},columns` : undefined),
        ),
      });
    }
    if (ctx.method === 'POST') {
      if (role !== 'owner') throw forbidden('Only site owners can create lists.');
      return ok(
        listJson(
          { ...ctx, query: { $expand: 'columns' } },
          s,
          ctx.db.transaction(() =>
            createList(ctx.db, s!.id, (ctx.body ?? {}) as Record<string, unknown>, ctx.now().toISOString()),
          )(),
        ),
        201,
      );
    }
  }
  const list = listByName(ctx.db, s.id, parts[1]);
  if (!list) throw notFound(`List '${parts[1]}' does not exist at site with URL '${s.path}'.`);
  if (parts.length === 2 && ctx.method === 'GET') return ok(listJson(ctx, s, list));
  if (parts[2] === 'columns' && parts.length === 3) {
    if (ctx.method === 'GET') return ok({ value: list.columns.map(columnJson) });
    if (ctx.method === 'POST') {
      if (role !== 'owner') throw forbidden('Only site owners can add columns.');
      const col = columnFromInput((ctx.body ?? {}) as Record<string, unknown>);
      if (list.columns.some((c) => c.name === col.name))
        throw new GraphHttpError(409, 'nameAlreadyExists', `A column named '${col.name}' already exists.`);
      saveList(ctx.db, { ...list, columns: [...list.columns, col] });
      return ok(columnJson(col), 201);
    }
  }
  if (parts[2] === 'items') return itemsHandler(ctx, s, access, list, parts.slice(3));
  throw badRequest(`Unsupported request: ${ctx.method} ${ctx.path}`, 'BadRequest');
}

export const siteRoutes: Route[] = ['GET', 'POST', 'PATCH', 'DELETE'].map((method) => ({
  method,
  pattern: /^\/sites\/(.+)$/,
  handler: sitesHandler,
}));
