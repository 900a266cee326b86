import type { MeetingKey } from '../../domain/meeting';
import { Forbidden, NotFound, PortError } from '../../ports/errors';
import type { Stored } from '../../ports/ListStore';
import { runBatch, type BatchRequest, type BatchResponse } from '../graph/batch';
import { relativeLink, type GraphConnection } from '../graph/graphClient';
import { mapGraphError } from '../graph/graphErrors';
import { authorOf, expandFields, isRow, odataLiteral, type GraphItem, type Page } from './graphRows';
import type { ListName } from './listSchema';
import { allRows } from './paging';
import type { Fields } from './fieldValues';
import { MeetingPlaces } from './meetingPlaces';
import { SharePointFolders, type SharePointRestSource } from './sharePointFolders';

/**
 * The small client every list family shares: Graph reads and writes of list items with eTags, `$batch`,
 * paging, rows created in a meeting's folder through SharePoint REST, and a cache of row ids learned from
 * reads and writes (saves a query before each write).
 */
export class ListClient {
  readonly root: string;
  readonly folders: SharePointFolders;
  private me?: Promise<string[]>;
  private readonly rowIds = new Map<string, string>();
  /** Where each meeting lives, as its Meetings row says (src/domain/trust/place.ts). */
  readonly places: MeetingPlaces;

  constructor(
    readonly graph: GraphConnection,
    /** "hostname:/sites/path", e.g. "kommune.sharepoint.com:/sites/moeder". */
    sitePath: string,
    rest: SharePointRestSource,
  ) {
    this.root = `/sites/${sitePath}:`;
    this.folders = new SharePointFolders(rest);
    this.places = new MeetingPlaces(this);
  }

  /** A meeting's rows of one list, filtered on the indexed MeetingKey (the folder is checked on reading). */
  byKeyUrl(list: ListName, key: MeetingKey): string {
    return `${this.root}/lists/${list}/items?${expandFields(list)}&$filter=fields/MeetingKey eq '${odataLiteral(key)}'&$top=500`;
  }

  /** The rows of several meetings: an `or` of the indexed MeetingKey. */
  byKeysUrl(list: ListName, keys: MeetingKey[]): string {
    const filter = keys.map((k) => `fields/MeetingKey eq '${odataLiteral(k)}'`).join(' or ');
    return `${this.root}/lists/${list}/items?${expandFields(list)}&$filter=${filter}&$top=500`;
  }

  batch(requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
    return runBatch(this.graph, requests);
  }

  /** Every row of a first page and its nextLinks (folders left out). */
  async rowsFrom(page: Page): Promise<GraphItem[]> {
    return (await allRows(page, this.readPage)).filter(isRow);
  }

  /**
   * The meeting's rows the caller can see in the meeting's own place; a list they have no access to at all
   * holds none for them. A row elsewhere naming this meeting is never found, so it can block no write.
   */
  async query(list: ListName, key: MeetingKey): Promise<GraphItem[]> {
    if (list !== 'Meetings') await this.places.whereIs(key);
    let page: Page;
    try {
      page = await this.get<Page>(this.byKeyUrl(list, key));
    } catch (e) {
      if (e instanceof Forbidden) return [];
      throw e;
    }
    return this.places.place(list, key, await this.rowsFrom(page)).rows;
  }

  /** One page by its link (a nextLink or deltaLink as the server wrote it). */
  readonly readPage = (link: string): Promise<Page> => this.get<Page>(relativeLink(this.graph, link));

  /** The row's id (cached), or the row itself from a query, or undefined. */
  async findRow(
    list: ListName,
    key: MeetingKey,
    natural: string,
    match: (f: Fields) => boolean,
    withRow = false,
  ): Promise<{ id: string; row?: GraphItem } | undefined> {
    const cached = this.rowIds.get(`${list}|${key}|${natural}`);
    if (cached && !withRow) return { id: cached };
    // Not remembered here: the row may be half-made; callers remember it once written.
    const row = (await this.query(list, key)).find((r) => match(r.fields ?? {}));
    return row ? { id: row.id, row } : undefined;
  }

  async findRowId(
    list: ListName,
    key: MeetingKey,
    natural: string,
    match: (f: Fields) => boolean,
  ): Promise<string | undefined> {
    const cached = this.rowIds.get(`${list}|${key}|${natural}`);
    if (cached) return cached;
    const row = (await this.query(list, key)).find((r) => match(r.fields ?? {}));
    if (row) this.remember(list, key, natural, row.id);
    return row?.id;
  }

  remembered(list: ListName, key: MeetingKey, natural: string): string | undefined {
    return this.rowIds.get(`${list}|${key}|${natural}`);
  }

  remember(list: ListName, key: MeetingKey, natural: string, id: string): void {
    this.rowIds.set(`${list}|${key}|${natural}`, id);
  }

  forget(list: ListName, key: MeetingKey, natural: string): void {
    this.rowIds.delete(`${list}|${key}|${natural}`);
  }

  /** The signed-in person's UPN and mail (SharePoint's createdBy carries the mail address). */
  whoAmI(): Promise<string[]> {
    this.me ??= this.get<{ userPrincipalName?: string; mail?: string }>(
      '/me?$select=userPrincipalName,mail',
    ).then((u) => [u.userPrincipalName, u.mail].filter((v): v is string => !!v).map((v) => v.toLowerCase()));
    this.me.catch(() => (this.me = undefined));
    return this.me;
  }

  async isMine(row: GraphItem): Promise<boolean> {
    return (await this.whoAmI()).includes(authorOf(row));
  }

  /** PATCH …/fields answers with the fieldValueSet; its @odata.etag is the item's new eTag. */
  async patch(list: ListName, id: string, fields: Fields, eTag?: string): Promise<GraphItem> {
    const updated = await this.send<Fields & { '@odata.etag'?: string }>(
      'PATCH',
      `${this.root}/lists/${list}/items/${id}/fields`,
      fields,
      eTag ? { 'If-Match': eTag } : undefined,
    );
    return { id, eTag: updated['@odata.etag'], fields: updated };
  }

  remove(list: ListName, id: string): Promise<void> {
    return this.send('DELETE', `${this.root}/lists/${list}/items/${id}`);
  }

  /**
   * The typed values of a row just made in a folder. When SharePoint refuses them (a value too long, say),
   * the half-made row is removed again, so a refused write leaves nothing behind; when the network fails,
   * the row stays and the retry finishes it (its author is the caller and its typed values are missing).
   */
  async completeRow(list: ListName, id: string, fields: Fields): Promise<GraphItem> {
    try {
      return await this.patch(list, id, fields);
    } catch (e) {
      if (e instanceof PortError && (e.kind === 'Invalid' || e.kind === 'Forbidden'))
        await this.remove(list, id).catch(() => undefined);
      throw e;
    }
  }

  /** The meeting's place joined with a path below it ('' for the meeting's folder itself). */
  private async inPlace(list: ListName, key: MeetingKey, below: string): Promise<string> {
    const where = await this.places.whereIs(key);
    if (!where)
      throw new NotFound(`Meeting ${key} has no Meetings row the caller can see: not set up yet`, {
        status: 404,
        code: 'meetingNotProvisioned',
      });
    return below ? `${where.place}/${below}` : where.place;
  }

  /** A folder inside the meeting's place, e.g. an item's `<n>` (the referent's Contribute allows creating it). */
  async ensureFolder(list: ListName, key: MeetingKey, below: string): Promise<void> {
    const path = await this.inPlace(list, key, below);
    try {
      await this.folders.ensure(list, path);
    } catch (e) {
      throw await this.notProvisioned(list, key, path, e);
    }
  }

  /**
   * A row created with text values only in the meeting's place, or in a folder `below` it; a missing
   * meeting folder is a typed error.
   */
  async addRowInFolder(
    list: ListName,
    below: string,
    key: MeetingKey,
    text: Record<string, string>,
  ): Promise<number> {
    const path = await this.inPlace(list, key, below);
    try {
      return await this.folders.addRow(list, path, text);
    } catch (e) {
      throw await this.notProvisioned(list, key, path, e);
    }
  }

  /**
   * When a folder write fails: can the caller see the meeting's folder at all? If not, the organizer has not
   * set the meeting up yet (or not for them): a typed NotFound the UI can explain.
   */
  private async notProvisioned(list: ListName, key: MeetingKey, path: string, e: unknown): Promise<unknown> {
    if (!(e instanceof PortError) || !['NotFound', 'Invalid', 'Forbidden'].includes(e.kind)) return e;
    const place = path
      .split('/')
      .slice(0, this.places.location(key)?.secretariat ? 2 : 1)
      .join('/');
    const folder = await this.folders
      .find(list, place)
      .catch((err: unknown) =>
        err instanceof PortError && (err.kind === 'Forbidden' || err.kind === 'NotFound') ? null : undefined,
      );
    if (folder === null)
      return new NotFound(`Meeting ${key} has no folder in ${list} that the caller can see: not set up yet`, {
        status: 404,
        code: 'meetingNotProvisioned',
      });
    return e;
  }

  /** A row as the port gives it; `modifiedBy` is SharePoint's own record of its last writer. */
  stored<T>(row: GraphItem, from: (f: Fields) => T): Stored<T> {
    const writer = row.lastModifiedBy?.user;
    const modifiedBy = (writer?.email ?? writer?.userPrincipalName ?? '').trim().toLowerCase();
    return {
      id: row.id,
      eTag: row.eTag ?? row.fields?.['@odata.etag'] ?? '',
      value: from(row.fields ?? {}),
      ...(modifiedBy ? { modifiedBy } : {}),
    };
  }

  async get<T>(path: string): Promise<T> {
    try {
      return (await this.graph.client.api(path).get()) as T;
    } catch (e) {
      throw mapGraphError(e);
    }
  }

  async send<T>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> {
    try {
      let request = this.graph.client.api(path);
      if (headers) request = request.headers(headers);
      if (method === 'POST') return (await request.post(body)) as T;
      if (method === 'PATCH') return (await request.patch(body)) as T;
      return (await request.delete()) as T;
    } catch (e) {
      throw mapGraphError(e);
    }
  }
}
