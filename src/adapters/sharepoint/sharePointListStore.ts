import type { Absence } from '../../domain/absence';
import type { AgendaItem } from '../../domain/agendaItem';
import type { Decision } from '../../domain/decision';
import type { FollowUp } from '../../domain/followUp';
import type { Meeting, MeetingKey } from '../../domain/meeting';
import { Conflict, NotFound } from '../../ports/errors';
import type { ArchiveRows, DecisionChanges, ListStore, MeetingSnapshot, Stored } from '../../ports/ListStore';
import { bodyOf, MAX_BATCH, runBatch, type BatchRequest } from '../graph/batch';
import { relativeLink, type GraphConnection } from '../graph/graphClient';
import { mapGraphError } from '../graph/graphErrors';
import { columnDefinition, LISTS, type ListSpec } from './listSchema';
import {
  absenceFromFields,
  absenceToFields,
  decisionFromFields,
  decisionToFields,
  followUpFromFields,
  followUpToFields,
  itemFromFields,
  itemToFields,
  meetingFromFields,
  meetingToFields,
  type Fields,
} from './rows';

interface GraphItem {
  id: string;
  eTag?: string;
  fields?: Fields & { '@odata.etag'?: string };
  deleted?: { state: string };
}

type ListName = ListSpec['name'];

/**
 * The ListStore over SharePoint lists through Microsoft Graph. The site is addressed by path
 * (`/sites/{host}:/sites/{name}:`) and lists by title, so opening a meeting needs no look-ups first:
 * one $batch reads all five lists filtered by the indexed MeetingKey, plus a delta token for polling.
 */
export class SharePointListStore implements ListStore {
  private readonly root: string;
  private provisioned = false;
  private resolvedSiteId: string | null = null;
  /** Row ids by list and natural key, learned from reads and writes (saves a query before each write). */
  private readonly rowIds = new Map<string, string>();

  constructor(
    private readonly graph: GraphConnection,
    /** "hostname:/sites/path", e.g. "kommune.sharepoint.com:/sites/moeder". */
    sitePath: string,
  ) {
    this.root = `/sites/${sitePath}:`;
  }

  async siteId(): Promise<string> {
    if (!this.resolvedSiteId)
      this.resolvedSiteId = (await this.get<{ id: string }>(`${this.root}?$select=id`)).id;
    return this.resolvedSiteId;
  }

  async ensureProvisioned(): Promise<void> {
    if (this.provisioned) return;
    const existing = await this.get<{
      value: Array<{ id: string; displayName: string; columns?: Array<{ name: string }> }>;
    }>(`${this.root}/lists?$select=id,displayName&$expand=columns($select=name)`);
    for (const spec of LISTS) {
      const list = existing.value.find((l) => l.displayName === spec.name);
      if (!list) {
        await this.send('POST', `${this.root}/lists`, {
          displayName: spec.name,
          list: { template: 'genericList' },
          columns: spec.columns.map(columnDefinition),
        });
        continue;
      }
      const have = new Set((list.columns ?? []).map((c) => c.name));
      for (const column of spec.columns.filter((c) => !have.has(c.name))) {
        await this.send('POST', `${this.root}/lists/${list.id}/columns`, columnDefinition(column));
      }
    }
    this.provisioned = true;
  }

  async openMeeting(key: MeetingKey): Promise<MeetingSnapshot> {
    const lists: ListName[] = ['Meetings', 'AgendaItems', 'Absences', 'Decisions', 'FollowUps'];
    const requests: BatchRequest[] = lists.map((name) => ({
      id: name,
      method: 'GET',
      url: this.byKeyUrl(name, key),
    }));
    requests.push({
      id: 'cursor',
      method: 'GET',
      url: `${this.root}/lists/Decisions/items/delta?token=latest`,
    });
    const answers = await runBatch(this.graph, requests);
    const rows = async (name: ListName): Promise<GraphItem[]> => {
      const page = bodyOf<{ value: GraphItem[]; '@odata.nextLink'?: string }>(answers.get(name));
      return [...page.value, ...(await this.rest(page['@odata.nextLink']))];
    };
    const [meetings, items, absences, decisions, followUps] = await Promise.all(lists.map(rows));
    const cursor = bodyOf<{ '@odata.deltaLink'?: string }>(answers.get('cursor'))['@odata.deltaLink'];
    const meetingRow = meetings[0];
    if (meetingRow) this.remember('Meetings', key, '', meetingRow.id);
    return {
      meeting: meetingRow ? this.stored(meetingRow, meetingFromFields) : null,
      items: items
        .map((r) => this.stored(r, (f) => itemFromFields(f, r.id)))
        .sort((a, b) => a.value.number - b.value.number),
      absences: absences.map((r) => {
        const s = this.stored(r, absenceFromFields);
        this.remember('Absences', key, s.value.person.upn.toLowerCase(), r.id);
        return s;
      }),
      decisions: decisions.map((r) => {
        const s = this.stored(r, decisionFromFields);
        this.remember('Decisions', key, String(s.value.itemNumber), r.id);
        return s;
      }),
      followUps: followUps.map((r) => {
        const s = this.stored(r, (f) => followUpFromFields(f, r.id));
        this.remember('FollowUps', key, s.value.id, r.id);
        return { ...s, value: { ...s.value, meetingKey: key } };
      }),
      decisionsCursor: cursor,
    };
  }

  async readMeeting(key: MeetingKey): Promise<Stored<Meeting> | null> {
    const page = await this.get<{ value: GraphItem[] }>(this.byKeyUrl('Meetings', key));
    const row = page.value[0];
    if (!row) return null;
    this.remember('Meetings', key, '', row.id);
    return this.stored(row, meetingFromFields);
  }

  async saveMeeting(meeting: Meeting, eTag?: string): Promise<Stored<Meeting>> {
    const id = await this.findRowId('Meetings', meeting.key, '', () => true);
    const fields = meetingToFields(meeting);
    const saved = id ? await this.patch('Meetings', id, fields, eTag) : await this.create('Meetings', fields);
    this.remember('Meetings', meeting.key, '', saved.id);
    return this.stored(saved, meetingFromFields);
  }

  async replaceAgenda(key: MeetingKey, items: AgendaItem[]): Promise<Stored<AgendaItem>[]> {
    const current = await this.query('AgendaItems', key);
    const byItemId = new Map(current.map((r) => [itemFromFields(r.fields ?? {}, r.id).id, r]));
    const requests: BatchRequest[] = [];
    for (const item of items) {
      const row = byItemId.get(item.id);
      const fields = itemToFields(key, item);
      requests.push(
        row
          ? {
              id: `u:${item.id}`,
              method: 'PATCH',
              url: `${this.root}/lists/AgendaItems/items/${row.id}/fields`,
              body: fields,
            }
          : {
              id: `c:${item.id}`,
              method: 'POST',
              url: `${this.root}/lists/AgendaItems/items`,
              body: { fields },
            },
      );
    }
    const keep = new Set(items.map((i) => i.id));
    for (const [itemId, row] of byItemId) {
      if (!keep.has(itemId)) {
        requests.push({
          id: `d:${itemId}`,
          method: 'DELETE',
          url: `${this.root}/lists/AgendaItems/items/${row.id}`,
        });
      }
    }
    for (let i = 0; i < requests.length; i += MAX_BATCH) {
      const answers = await runBatch(this.graph, requests.slice(i, i + MAX_BATCH));
      for (const answer of answers.values()) bodyOf(answer);
    }
    return (await this.query('AgendaItems', key))
      .map((r) => this.stored(r, (f) => itemFromFields(f, r.id)))
      .sort((a, b) => a.value.number - b.value.number);
  }

  async saveAbsence(key: MeetingKey, absence: Absence): Promise<Stored<Absence>> {
    const upn = absence.person.upn.toLowerCase();
    const id = await this.findRowId(
      'Absences',
      key,
      upn,
      (f) => String(f.PersonUpn ?? '').toLowerCase() === upn,
    );
    const fields = absenceToFields(key, absence);
    const saved = id ? await this.patch('Absences', id, fields) : await this.create('Absences', fields);
    this.remember('Absences', key, upn, saved.id);
    return this.stored(saved, absenceFromFields);
  }

  async saveDecision(key: MeetingKey, decision: Decision, eTag?: string): Promise<Stored<Decision>> {
    const natural = String(decision.itemNumber);
    const id = await this.findRowId(
      'Decisions',
      key,
      natural,
      (f) => Number(f.ItemNumber) === decision.itemNumber,
    );
    const fields = decisionToFields(key, decision);
    let saved: GraphItem;
    if (id && !eTag) throw new Conflict('Beslutningen er allerede skrevet af en anden', { status: 412 });
    if (id) saved = await this.patch('Decisions', id, fields, eTag);
    else saved = await this.create('Decisions', fields);
    this.remember('Decisions', key, natural, saved.id);
    return this.stored(saved, decisionFromFields);
  }

  async saveFollowUp(key: MeetingKey, followUp: FollowUp, eTag?: string): Promise<Stored<FollowUp>> {
    const id = await this.findRowId(
      'FollowUps',
      key,
      followUp.id,
      (f) => String(f.FollowUpId) === followUp.id,
    );
    const fields = followUpToFields(key, followUp);
    if (id && !eTag) throw new Conflict('Opfølgningen er allerede skrevet af en anden', { status: 412 });
    const saved = id
      ? await this.patch('FollowUps', id, fields, eTag)
      : await this.create('FollowUps', fields);
    this.remember('FollowUps', key, followUp.id, saved.id);
    return this.stored(saved, (f) => followUpFromFields(f, saved.id));
  }

  async deleteFollowUp(key: MeetingKey, id: string): Promise<void> {
    const rowId = await this.findRowId('FollowUps', key, id, (f) => String(f.FollowUpId) === id);
    if (!rowId) throw new NotFound(`Opfølgningen ${id} findes ikke`);
    await this.send('DELETE', `${this.root}/lists/FollowUps/items/${rowId}`);
    this.rowIds.delete(`FollowUps|${key}|${id}`);
  }

  async decisionChanges(key: MeetingKey, cursor?: string): Promise<DecisionChanges> {
    if (!cursor) return this.allDecisions(key);
    const changed: Stored<Decision>[] = [];
    const deletedIds: string[] = [];
    let link: string | undefined = cursor;
    let next = cursor;
    try {
      while (link) {
        const page: { value: GraphItem[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string } =
          await this.get(relativeLink(this.graph, link));
        for (const row of page.value) {
          if (row.deleted) deletedIds.push(row.id);
          else if (row.fields && row.fields.MeetingKey === key)
            changed.push(this.stored(row, decisionFromFields));
        }
        link = page['@odata.nextLink'];
        if (page['@odata.deltaLink']) next = page['@odata.deltaLink'];
      }
    } catch (e) {
      if (e instanceof NotFound && e.details.status === 410) return this.allDecisions(key);
      throw e;
    }
    return { changed, deletedIds, cursor: next };
  }

  /** The four lists read whole (as the caller may see them): first pages in one $batch, then nextLinks. */
  async readArchive(): Promise<ArchiveRows> {
    const lists: ListName[] = ['Meetings', 'AgendaItems', 'Decisions', 'FollowUps'];
    const answers = await runBatch(
      this.graph,
      lists.map((name) => ({
        id: name,
        method: 'GET',
        url: `${this.root}/lists/${name}/items?$expand=fields&$top=999`,
      })),
    );
    const rows = async (name: ListName): Promise<GraphItem[]> => {
      const page = bodyOf<{ value: GraphItem[]; '@odata.nextLink'?: string }>(answers.get(name));
      return [...page.value, ...(await this.rest(page['@odata.nextLink']))];
    };
    const [meetings, items, decisions, followUps] = await Promise.all(lists.map(rows));
    const keyOf = (r: GraphItem) => String(r.fields?.MeetingKey ?? '');
    return {
      meetings: meetings.map((r) => meetingFromFields(r.fields ?? {})),
      items: items.map((r) => ({ ...itemFromFields(r.fields ?? {}, r.id), meetingKey: keyOf(r) })),
      decisions: decisions.map((r) => ({ ...decisionFromFields(r.fields ?? {}), meetingKey: keyOf(r) })),
      followUps: followUps.map((r) => ({
        ...followUpFromFields(r.fields ?? {}, r.id),
        meetingKey: keyOf(r),
      })),
    };
  }

  private async allDecisions(key: MeetingKey): Promise<DecisionChanges> {
    const answers = await runBatch(this.graph, [
      { id: 'rows', method: 'GET', url: this.byKeyUrl('Decisions', key) },
      { id: 'cursor', method: 'GET', url: `${this.root}/lists/Decisions/items/delta?token=latest` },
    ]);
    const page = bodyOf<{ value: GraphItem[]; '@odata.nextLink'?: string }>(answers.get('rows'));
    const rows = [...page.value, ...(await this.rest(page['@odata.nextLink']))];
    const cursor = bodyOf<{ '@odata.deltaLink': string }>(answers.get('cursor'))['@odata.deltaLink'];
    return { changed: rows.map((r) => this.stored(r, decisionFromFields)), deletedIds: [], cursor };
  }

  private byKeyUrl(list: ListName, key: MeetingKey): string {
    const literal = encodeURIComponent(key.replace(/'/g, "''"));
    return `${this.root}/lists/${list}/items?$expand=fields&$filter=fields/MeetingKey eq '${literal}'&$top=500`;
  }

  private async query(list: ListName, key: MeetingKey): Promise<GraphItem[]> {
    const page = await this.get<{ value: GraphItem[]; '@odata.nextLink'?: string }>(this.byKeyUrl(list, key));
    return [...page.value, ...(await this.rest(page['@odata.nextLink']))];
  }

  private async rest(nextLink: string | undefined): Promise<GraphItem[]> {
    const out: GraphItem[] = [];
    let link = nextLink;
    while (link) {
      const page: { value: GraphItem[]; '@odata.nextLink'?: string } = await this.get(
        relativeLink(this.graph, link),
      );
      out.push(...page.value);
      link = page['@odata.nextLink'];
    }
    return out;
  }

  private async findRowId(
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

  private remember(list: ListName, key: MeetingKey, natural: string, id: string): void {
    this.rowIds.set(`${list}|${key}|${natural}`, id);
  }

  private async create(list: ListName, fields: Fields): Promise<GraphItem> {
    return this.send<GraphItem>('POST', `${this.root}/lists/${list}/items`, { fields });
  }

  /** PATCH …/fields answers with the fieldValueSet; its @odata.etag is the item's new eTag. */
  private async patch(list: ListName, id: string, fields: Fields, eTag?: string): Promise<GraphItem> {
    const updated = await this.send<Fields & { '@odata.etag'?: string }>(
      'PATCH',
      `${this.root}/lists/${list}/items/${id}/fields`,
      fields,
      eTag ? { 'If-Match': eTag } : undefined,
    );
    return { id, eTag: updated['@odata.etag'], fields: updated };
  }

  private stored<T>(row: GraphItem, from: (f: Fields) => T): Stored<T> {
    return { id: row.id, eTag: row.eTag ?? row.fields?.['@odata.etag'] ?? '', value: from(row.fields ?? {}) };
  }

  private async get<T>(path: string): Promise<T> {
    try {
      return (await this.graph.client.api(path).get()) as T;
    } catch (e) {
      throw mapGraphError(e);
    }
  }

  private async send<T>(
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
