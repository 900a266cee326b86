import type { Absence } from '../../domain/absence';
import type { AgendaItem } from '../../domain/agendaItem';
import type { Decision } from '../../domain/decision';
import type { FollowUp } from '../../domain/followUp';
import type { Meeting, MeetingKey } from '../../domain/meeting';
import type { MeetingProgress } from '../../domain/meetingProgress';
import { itemFolderPath, meetingFolderName, reasonFolderPath } from '../../domain/meetingScopes';
import { sameUpn } from '../../domain/person';
import { Conflict, Forbidden, NotFound, PortError } from '../../ports/errors';
import type {
  ArchiveRows,
  CommitteeEntry,
  CommitteeRows,
  DecisionChanges,
  ListStore,
  MeetingSnapshot,
  MeetingSummary,
  Stored,
} from '../../ports/ListStore';
import {
  identityOf,
  itemNumberOf,
  KIND_LABEL,
  kindOf,
  listOf,
  memberOf,
  trustedRecord,
  type CommitteeListName,
  type CommitteeRow,
} from '../committeeRecord';
import { bodyOf, MAX_BATCH, runBatch, type BatchRequest, type BatchResponse } from '../graph/batch';
import { relativeLink, type GraphConnection } from '../graph/graphClient';
import { mapGraphError } from '../graph/graphErrors';
import { columnDefinition, LISTS, type ListName, type ListSpec } from './listSchema';
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
  progressFromFields,
  progressToFields,
  reasonToFields,
  type Fields,
} from './rows';
import type { Deleted, Identity, ListItem } from '@microsoft/microsoft-graph-types';
import { allRows, pagesFrom, type ODataPage } from './paging';
import { pool, SharePointFolders, type SharePointRestSource } from './sharePointFolders';

/** SharePoint's identities in Graph also carry the user's mail (not in the v1.0 `identity` type). */
type SharePointIdentitySet = { user?: Identity & { email?: string; userPrincipalName?: string } };

/**
 * Graph's `listItem` (typed from Microsoft's v1.0 metadata), with the two things SharePoint adds: the
 * column values we store, and `deleted` on a delta row.
 */
interface GraphItem extends Omit<ListItem, 'id' | 'fields' | 'createdBy' | 'lastModifiedBy'> {
  id: string;
  fields?: Fields & { '@odata.etag'?: string };
  deleted?: Deleted;
  createdBy?: SharePointIdentitySet;
  lastModifiedBy?: SharePointIdentitySet;
}

type Page = ODataPage<GraphItem>;

/** Exactly the fields decisionChanges reads (issue #14: do not rely on Graph adding fields to delta unasked). */
const DELTA_FIELDS = 'MeetingKey,ItemNumber,ItemTitle,Text,Status,EditorUpn,UpdatedAt';
const DELTA_QUERY = `$expand=fields($select=${DELTA_FIELDS})`;

const authorOf = (row: GraphItem): string =>
  (row.createdBy?.user?.email ?? row.createdBy?.user?.userPrincipalName ?? '').trim().toLowerCase();
/** Folder items show up in Graph with contentType "Folder" and no values in our columns. */
const isRow = (row: GraphItem): boolean => row.contentType?.name !== 'Folder' && !!row.fields?.MeetingKey;
const titleOfDecision = (n: number) => `Punkt ${n}`;
/** The lists a meeting's page reads when it opens. */
const OPEN_LISTS: ListName[] = [
  'Meetings',
  'MeetingProgress',
  'AgendaItems',
  'Absences',
  'AbsenceReasons',
  'Decisions',
  'FollowUps',
];

/**
 * The ListStore over SharePoint lists (docs/adr/004-permissions.md). Reads, updates, deletes and delta go
 * through Microsoft Graph (the site addressed by path, lists by title, one $batch to open a meeting);
 * rows that live in a meeting's folder are created with SharePoint REST (Graph cannot create inside a
 * folder) carrying text values only, then written with Graph `PATCH …/fields` for typed values and eTags.
 * SharePoint's permissions decide who reads and writes what; this adapter adds the two rules SharePoint
 * cannot hold: an afbud row counts only when its author is the person or the organizer, and of two first
 * writes of one decision the older row wins.
 */
export class SharePointListStore implements ListStore {
  private readonly root: string;
  private readonly folders: SharePointFolders;
  private provisioned = false;
  private resolvedSiteId: string | null = null;
  private me?: Promise<string[]>;
  /** Snapshots read in a page's opening $batch, each for one openMeeting. */
  private readonly primed = new Map<MeetingKey, Promise<MeetingSnapshot>>();
  /** Row ids by list and natural key, learned from reads and writes (saves a query before each write). */
  private readonly rowIds = new Map<string, string>();

  constructor(
    private readonly graph: GraphConnection,
    /** "hostname:/sites/path", e.g. "kommune.sharepoint.com:/sites/moeder". */
    sitePath: string,
    /**
     * SharePoint REST for the same site (createSharePointRest), or how to create it on first use: folders,
     * rows in folders, list security.
     */
    rest: SharePointRestSource,
  ) {
    this.root = `/sites/${sitePath}:`;
    this.folders = new SharePointFolders(rest);
  }

  async siteId(): Promise<string> {
    if (!this.resolvedSiteId)
      this.resolvedSiteId = (await this.get<{ id: string }>(`${this.root}?$select=id`)).id;
    return this.resolvedSiteId;
  }

  async ensureProvisioned(): Promise<void> {
    if (this.provisioned) return;
    const existing = await this.get<{
      value: Array<{
        id: string;
        displayName: string;
        columns?: Array<{ id: string; name: string; choice?: { choices?: string[] } }>;
      }>;
    }>(`${this.root}/lists?$select=id,displayName&$expand=columns($select=id,name,choice)`);
    for (const spec of LISTS) {
      const list = existing.value.find((l) => l.displayName === spec.name);
      if (!list) {
        await this.send('POST', `${this.root}/lists`, {
          displayName: spec.name,
          list: { template: 'genericList' },
          columns: spec.columns.map(columnDefinition),
        });
      } else {
        const have = new Map((list.columns ?? []).map((c) => [c.name, c]));
        for (const column of spec.columns) {
          const found = have.get(column.name);
          if (!found) {
            await this.send('POST', `${this.root}/lists/${list.id}/columns`, columnDefinition(column));
            continue;
          }
          // A choice added in a later version (a new kind of committee row) joins the column's choices.
          const choices = found.choice?.choices;
          if (column.type !== 'choice' || !choices) continue;
          const missing = column.choices.filter((c) => !choices.includes(c));
          if (missing.length)
            await this.send('PATCH', `${this.root}/lists/${list.id}/columns/${found.id}`, {
              choice: { choices: [...choices, ...missing], allowTextEntry: false },
            });
        }
      }
      await this.secureList(spec);
    }
    this.provisioned = true;
  }

  /**
   * The list's own permissions and settings, once: break inheritance copying the site's assignments, drop
   * the site's Members and Visitors (so only the Owners group and what the meetings set below remain),
   * folders on, item-level read/write security as the spec says. Cheap when already done: one read.
   */
  private async secureList(spec: ListSpec): Promise<void> {
    const list = await this.folders.list(spec.name);
    const info = await list.select(
      'HasUniqueRoleAssignments',
      'ReadSecurity',
      'WriteSecurity',
      'EnableFolderCreation',
      'NoCrawl',
    )<{
      HasUniqueRoleAssignments: boolean;
      ReadSecurity: number;
      WriteSecurity: number;
      EnableFolderCreation: boolean;
      NoCrawl?: boolean;
    }>();
    if (!info.HasUniqueRoleAssignments) {
      await list.breakRoleInheritance(true, false);
      const web = await this.folders.web();
      const [members, visitors] = await Promise.all([
        web.associatedMemberGroup.select('Id')<{ Id: number }>(),
        web.associatedVisitorGroup.select('Id')<{ Id: number }>(),
      ]);
      const drop = new Set([members.Id, visitors.Id]);
      const assignments = await list.roleAssignments.expand('Member', 'RoleDefinitionBindings')<
        Array<{
          PrincipalId?: number;
          Member?: { Id: number };
          RoleDefinitionBindings?: Array<{ Id: number }>;
        }>
      >();
      for (const a of assignments) {
        const principal = a.PrincipalId ?? a.Member?.Id;
        if (principal === undefined || !drop.has(principal)) continue;
        for (const binding of a.RoleDefinitionBindings ?? [])
          await list.roleAssignments.remove(principal, binding.Id);
      }
    }
    const wanted = {
      EnableFolderCreation: true,
      ReadSecurity: spec.readSecurity ?? 1,
      WriteSecurity: spec.writeSecurity ?? 1,
      ...(spec.noCrawl ? { NoCrawl: true } : {}),
    };
    if (
      (spec.noCrawl && !info.NoCrawl) ||
      info.EnableFolderCreation !== wanted.EnableFolderCreation ||
      (info.ReadSecurity ?? 1) !== wanted.ReadSecurity ||
      (info.WriteSecurity ?? 1) !== wanted.WriteSecurity
    )
      await list.update(wanted);
  }

  async openMeeting(key: MeetingKey): Promise<MeetingSnapshot> {
    const primed = this.primed.get(key);
    if (primed) {
      this.primed.delete(key);
      return primed;
    }
    return this.snapshotOf(key, await runBatch(this.graph, this.openMeetingRequests(key)));
  }

  /** What openMeeting asks Graph, as $batch steps (the page opens a meeting in one batch with /me). */
  openMeetingRequests(key: MeetingKey): BatchRequest[] {
    const requests: BatchRequest[] = OPEN_LISTS.map((name) => ({
      id: name,
      method: 'GET',
      url: this.byKeyUrl(name, key),
    }));
    requests.push({ id: 'cursor', method: 'GET', url: this.latestDeltaUrl() });
    return requests;
  }

  /** The answers to openMeetingRequests, for the next openMeeting(key) (once). */
  prime(key: MeetingKey, answers: Map<string, BatchResponse>): void {
    const snapshot = this.snapshotOf(key, answers);
    snapshot.catch(() => undefined);
    this.primed.set(key, snapshot);
  }

  private async snapshotOf(key: MeetingKey, answers: Map<string, BatchResponse>): Promise<MeetingSnapshot> {
    const lists = OPEN_LISTS;
    const pages = visiblePages(answers, lists);
    const rows = async (name: ListName): Promise<GraphItem[]> => {
      const page = pages.get(name)!;
      return (await allRows(page, this.readPage)).filter(isRow);
    };
    const [meetings, progress, items, absences, reasons, decisions, followUps] = await Promise.all(
      lists.map(rows),
    );
    const cursor = deltaLinkOf(answers.get('cursor'));
    const meetingRow = meetings[0];
    const progressRow = progress[0];
    if (meetingRow) this.remember('Meetings', key, '', meetingRow.id);
    if (progressRow) this.remember('MeetingProgress', key, '', progressRow.id);
    const organizer = meetingRow ? String(meetingRow.fields?.OrganizerUpn ?? '') : '';
    return {
      meeting: meetingRow ? this.stored(meetingRow, meetingFromFields) : null,
      progress: progressRow ? this.stored(progressRow, progressFromFields) : null,
      items: items
        .map((r) => this.stored(r, (f) => itemFromFields(f, r.id)))
        .sort((a, b) => a.value.number - b.value.number),
      absences: this.joinAbsences(absences, reasons, organizer),
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

  /**
   * Afbud rows count only when SharePoint's own author is the person or the organizer (anyone in the circle
   * can add rows to the folder); each takes the reason its author wrote for that person.
   */
  private joinAbsences(absences: GraphItem[], reasons: GraphItem[], organizerUpn: string): Stored<Absence>[] {
    const reasonOf = new Map<string, string>();
    for (const r of reasons) {
      reasonOf.set(
        `${authorOf(r)}|${String(r.fields?.PersonUpn ?? '').toLowerCase()}`,
        String(r.fields?.Reason ?? ''),
      );
    }
    return absences
      .filter((r) => {
        const author = authorOf(r);
        return sameUpn(author, String(r.fields?.PersonUpn ?? '')) || sameUpn(author, organizerUpn);
      })
      .map((r) => {
        const s = this.stored(r, absenceFromFields);
        const reason = reasonOf.get(`${authorOf(r)}|${s.value.person.upn.toLowerCase()}`);
        return reason ? { ...s, value: { ...s.value, reason } } : s;
      });
  }

  async readMeeting(
    key: MeetingKey,
  ): Promise<{ meeting: Stored<Meeting> | null; progress: Stored<MeetingProgress> | null }> {
    const answers = await runBatch(this.graph, [
      { id: 'Meetings', method: 'GET', url: this.byKeyUrl('Meetings', key) },
      { id: 'MeetingProgress', method: 'GET', url: this.byKeyUrl('MeetingProgress', key) },
    ]);
    const pages = visiblePages(answers, ['Meetings', 'MeetingProgress']);
    const meeting = pages.get('Meetings')!.value.filter(isRow)[0];
    const progress = pages.get('MeetingProgress')!.value.filter(isRow)[0];
    if (meeting) this.remember('Meetings', key, '', meeting.id);
    if (progress) this.remember('MeetingProgress', key, '', progress.id);
    return {
      meeting: meeting ? this.stored(meeting, meetingFromFields) : null,
      progress: progress ? this.stored(progress, progressFromFields) : null,
    };
  }

  async readProgress(key: MeetingKey): Promise<Stored<MeetingProgress> | null> {
    const id = this.rowIds.get(`MeetingProgress|${key}|`);
    if (id) {
      try {
        const row = await this.get<GraphItem>(
          `${this.root}/lists/MeetingProgress/items/${id}?$expand=fields`,
        );
        return this.stored(row, progressFromFields);
      } catch (e) {
        if (!(e instanceof NotFound)) throw e;
        this.rowIds.delete(`MeetingProgress|${key}|`);
      }
    }
    const row = (await this.query('MeetingProgress', key))[0];
    if (row) this.remember('MeetingProgress', key, '', row.id);
    return row ? this.stored(row, progressFromFields) : null;
  }

  /**
   * "Mine møder" in one $batch (another only past MAX_BATCH sub-requests): the Meetings, MeetingProgress
   * and FollowUps rows of the keys, a few keys per sub-request so each URL stays short, and the caller's
   * own Absences rows, trusted as openMeeting trusts them. Every filter names an indexed column; the
   * reasons (AbsenceReasons) are never read here.
   */
  async meetingSummaries(keys: MeetingKey[], upn: string): Promise<MeetingSummary[]> {
    if (keys.length === 0) return [];
    const lists = ['Meetings', 'MeetingProgress', 'FollowUps'] as const;
    const groups: MeetingKey[][] = [];
    for (let i = 0; i < keys.length; i += KEYS_PER_READ) groups.push(keys.slice(i, i + KEYS_PER_READ));
    const requests: BatchRequest[] = lists.flatMap((name) =>
      groups.map((group, i) => ({
        id: `${name}-${i}`,
        method: 'GET' as const,
        url: this.byKeysUrl(name, group),
      })),
    );
    requests.push({
      id: 'Absences',
      method: 'GET',
      url: `${this.root}/lists/Absences/items?$expand=fields&$filter=fields/PersonUpn eq '${odataLiteral(upn.toLowerCase())}'&$top=500`,
    });
    const answers = new Map<string, BatchResponse>();
    for (let i = 0; i < requests.length; i += MAX_BATCH)
      for (const [id, answer] of await runBatch(this.graph, requests.slice(i, i + MAX_BATCH)))
        answers.set(id, answer);
    const pages = visiblePages(
      answers,
      requests.map((r) => r.id),
    );
    const rows = async (id: string): Promise<GraphItem[]> =>
      (await allRows(pages.get(id)!, this.readPage)).filter(isRow);
    const byKey = async (name: (typeof lists)[number]) => {
      const found = new Map<MeetingKey, GraphItem[]>();
      for (const row of (await Promise.all(groups.map((_, i) => rows(`${name}-${i}`)))).flat()) {
        const key = String(row.fields?.MeetingKey ?? '');
        found.set(key, [...(found.get(key) ?? []), row]);
      }
      return found;
    };
    const [meetings, progress, followUps, absences] = await Promise.all([
      byKey('Meetings'),
      byKey('MeetingProgress'),
      byKey('FollowUps'),
      rows('Absences'),
    ]);
    return keys.map((key) => {
      const meetingRow = meetings.get(key)?.[0];
      const progressRow = progress.get(key)?.[0];
      const organizer = meetingRow ? String(meetingRow.fields?.OrganizerUpn ?? '') : '';
      return {
        key,
        meeting: meetingRow ? meetingFromFields(meetingRow.fields ?? {}) : null,
        progress: progressRow ? progressFromFields(progressRow.fields ?? {}) : null,
        ownAbsences: this.joinAbsences(
          absences.filter((r) => String(r.fields?.MeetingKey ?? '') === key),
          [],
          organizer,
        ).map((a) => a.value),
        followUps: (followUps.get(key) ?? []).map((r) => followUpFromFields(r.fields ?? {}, r.id)),
      };
    });
  }

  async saveMeeting(meeting: Meeting, eTag?: string): Promise<Stored<Meeting>> {
    const id = await this.findRowId('Meetings', meeting.key, '', () => true);
    const fields = meetingToFields(meeting);
    const saved = id
      ? await this.patch('Meetings', id, fields, eTag)
      : await this.createAtRoot('Meetings', fields);
    this.remember('Meetings', meeting.key, '', saved.id);
    return this.stored(saved, meetingFromFields);
  }

  async saveProgress(
    key: MeetingKey,
    progress: MeetingProgress,
    eTag?: string,
  ): Promise<Stored<MeetingProgress>> {
    const id = await this.findRowId('MeetingProgress', key, '', () => true);
    const fields = progressToFields(key, progress);
    const saved = id
      ? await this.patch('MeetingProgress', id, fields, eTag)
      : await this.createAtRoot('MeetingProgress', fields);
    this.remember('MeetingProgress', key, '', saved.id);
    return this.stored(saved, progressFromFields);
  }

  async replaceAgenda(key: MeetingKey, items: AgendaItem[]): Promise<Stored<AgendaItem>[]> {
    const current = await this.query('AgendaItems', key);
    const byItemId = new Map(current.map((r) => [itemFromFields(r.fields ?? {}, r.id).id, r]));
    const fresh = items.filter((i) => !byItemId.has(i.id));
    // New rows go into the meeting's folder (SharePoint REST), then get their typed values with the others.
    const created = await pool(fresh, 4, (item) =>
      this.addRowInFolder('AgendaItems', meetingFolderName(key), key, {
        Title: item.title.slice(0, 255),
        MeetingKey: key,
        ItemId: item.id,
      }),
    );
    const rowIdOf = new Map(fresh.map((item, i) => [item.id, String(created[i])]));
    const requests: BatchRequest[] = items.map((item) => ({
      id: `u:${item.id}`,
      method: 'PATCH',
      url: `${this.root}/lists/AgendaItems/items/${byItemId.get(item.id)?.id ?? rowIdOf.get(item.id)}/fields`,
      body: itemToFields(key, item),
    }));
    const keep = new Set(items.map((i) => i.id));
    for (const [itemId, row] of byItemId) {
      if (!keep.has(itemId))
        requests.push({
          id: `d:${itemId}`,
          method: 'DELETE',
          url: `${this.root}/lists/AgendaItems/items/${row.id}`,
        });
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
    const me = await this.whoAmI();
    const person = absence.person.upn.toLowerCase();
    const mine = (r: GraphItem) =>
      me.includes(authorOf(r)) && String(r.fields?.PersonUpn ?? '').toLowerCase() === person;
    const [rows, reasons] = await Promise.all([
      this.query('Absences', key),
      this.query('AbsenceReasons', key),
    ]);
    const own = rows.find(mine);
    const fields = absenceToFields(key, absence);
    const folder = meetingFolderName(key);
    const id =
      own?.id ??
      String(
        await this.addRowInFolder('Absences', folder, key, {
          Title: absence.person.name.slice(0, 255),
          MeetingKey: key,
          PersonUpn: person,
        }),
      );
    const saved = own
      ? await this.patch('Absences', id, fields)
      : await this.completeRow('Absences', id, fields);
    // The reason: the person's own row in AbsenceReasons; a withdrawal or no reason empties it.
    const reason = absence.kind === 'Trukket tilbage' ? '' : (absence.reason ?? '').trim();
    const ownReason = reasons.find(mine);
    if (ownReason) {
      if (String(ownReason.fields?.Reason ?? '') !== reason)
        await this.patch('AbsenceReasons', ownReason.id, reasonToFields(key, person, reason));
    } else if (reason) {
      // In the person's own folder (ADR 004): only they and the organizer can see into it.
      const reasonId = await this.addRowInFolder('AbsenceReasons', reasonFolderPath(key, person), key, {
        Title: person,
        MeetingKey: key,
        PersonUpn: person,
      });
      await this.completeRow('AbsenceReasons', String(reasonId), reasonToFields(key, person, reason));
    }
    const stored = this.stored(saved, absenceFromFields);
    return { ...stored, value: { ...stored.value, ...(reason ? { reason } : {}) } };
  }

  async saveDecision(key: MeetingKey, decision: Decision, eTag?: string): Promise<Stored<Decision>> {
    const n = decision.itemNumber;
    const natural = String(n);
    const isThisItem = (f: Fields) =>
      Number(f.ItemNumber) === n ||
      ((f.ItemNumber === null || f.ItemNumber === undefined) && f.Title === titleOfDecision(n));
    // Without an eTag the row itself decides (half made by us, or someone else's), not the remembered id.
    const found = await this.findRow('Decisions', key, natural, isThisItem, !eTag);
    const fields = decisionToFields(key, decision);
    let created: number;
    if (found && eTag) {
      const saved = await this.patch('Decisions', found.id, fields, eTag);
      return this.stored(saved, decisionFromFields);
    } else if (found) {
      // Our own first write that was cut off after the row was made (no typed values yet): finish it.
      const unfinished = found.row && found.row.fields?.ItemNumber == null && (await this.isMine(found.row));
      if (!unfinished)
        throw new Conflict('A decision for this item already exists', {
          status: 409,
          code: 'decisionExists',
        });
      created = Number(found.id);
    } else {
      // First write: a row in the item's folder, then the folder read back; an older row (lower id) wins.
      await this.ensureItemFolder('Decisions', key, n);
      created = await this.addRowInFolder('Decisions', itemFolderPath(key, n), key, {
        Title: titleOfDecision(n),
        MeetingKey: key,
      });
    }
    const saved = await this.completeRow('Decisions', String(created), fields);
    const rivals = (await this.query('Decisions', key)).filter(
      (r) => isThisItem(r.fields ?? {}) && Number(r.id) < created,
    );
    if (rivals.length) {
      await this.send('DELETE', `${this.root}/lists/Decisions/items/${created}`);
      const oldest = rivals.sort((a, b) => Number(a.id) - Number(b.id))[0];
      this.remember('Decisions', key, natural, oldest.id);
      throw new Conflict('Another first write of this decision came first', {
        status: 409,
        code: 'decisionExists',
      });
    }
    this.remember('Decisions', key, natural, saved.id);
    return this.stored(saved, decisionFromFields);
  }

  async saveFollowUp(key: MeetingKey, followUp: FollowUp, eTag?: string): Promise<Stored<FollowUp>> {
    const found = await this.findRow(
      'FollowUps',
      key,
      followUp.id,
      (f) => String(f.FollowUpId) === followUp.id,
      !eTag,
    );
    const fields = followUpToFields(key, followUp);
    let saved: GraphItem;
    if (found && eTag) saved = await this.patch('FollowUps', found.id, fields, eTag);
    else if (found) {
      // Our own first write cut off after the row was made (no Status yet): finish it; else someone else's.
      const unfinished = found.row && !found.row.fields?.Status && (await this.isMine(found.row));
      if (!unfinished)
        throw new Conflict('This follow-up was already written by someone else', { status: 412 });
      saved = await this.completeRow('FollowUps', found.id, fields);
    } else {
      await this.ensureItemFolder('FollowUps', key, followUp.itemNumber);
      const created = await this.addRowInFolder('FollowUps', itemFolderPath(key, followUp.itemNumber), key, {
        Title: followUp.task.slice(0, 255),
        MeetingKey: key,
        FollowUpId: followUp.id,
      });
      saved = await this.completeRow('FollowUps', String(created), fields);
    }
    this.remember('FollowUps', key, followUp.id, saved.id);
    return this.stored(saved, (f) => followUpFromFields(f, saved.id));
  }

  async readCommittee(key: MeetingKey): Promise<CommitteeRows> {
    const lists: ListName[] = ['Meetings', 'CommitteeDecisions', 'CommitteeStatements'];
    const answers = await runBatch(
      this.graph,
      lists.map((name) => ({ id: name, method: 'GET', url: this.byKeyUrl(name, key) })),
    );
    const pages = visiblePages(answers, lists);
    const rows = async (name: ListName): Promise<GraphItem[]> => {
      const page = pages.get(name)!;
      return (await allRows(page, this.readPage)).filter(isRow);
    };
    const [meetings, decisions, statements] = await Promise.all(lists.map(rows));
    const meeting = meetings[0] ? meetingFromFields(meetings[0].fields ?? {}) : undefined;
    const read = (list: CommitteeListName, r: GraphItem): CommitteeRow[] => {
      const entry = committeeEntryOf(r.fields ?? {});
      if (!entry) return [];
      const s = this.stored(r, () => entry.value);
      return [{ list, author: authorOf(r), entry, stored: s }];
    };
    return trustedRecord(
      [
        ...decisions.flatMap((r) => read('CommitteeDecisions', r)),
        ...statements.flatMap((r) => read('CommitteeStatements', r)),
      ],
      meeting?.organizer.upn,
      meeting?.referent?.upn,
    );
  }

  async saveCommitteeEntry(key: MeetingKey, entry: CommitteeEntry): Promise<Stored<CommitteeEntry['value']>> {
    const list = listOf(entry);
    const identity = identityOf(entry);
    const me = await this.whoAmI();
    // Decisions: the one shared row of the identity. Statements: the caller's own row (edit only own items).
    const existing = (await this.query(list, key)).find((r) => {
      const e = committeeEntryOf(r.fields ?? {});
      return !!e && identityOf(e) === identity && (list === 'CommitteeDecisions' || me.includes(authorOf(r)));
    });
    const fields = committeeToFields(key, entry);
    const saved = existing
      ? await this.patch(list, existing.id, fields)
      : await this.completeRow(
          list,
          String(
            await this.addRowInFolder(list, meetingFolderName(key), key, {
              Title: String(fields.Title),
              MeetingKey: key,
            }),
          ),
          fields,
        );
    return this.stored(saved, () => entry.value);
  }

  /**
   * The typed values of a row just made in a folder. When SharePoint refuses them (a value too long, say),
   * the half-made row is removed again, so a refused write leaves nothing behind; when the network fails,
   * the row stays and the retry finishes it (its author is the caller and its typed values are missing).
   */
  private async completeRow(list: ListName, id: string, fields: Fields): Promise<GraphItem> {
    try {
      return await this.patch(list, id, fields);
    } catch (e) {
      if (e instanceof PortError && (e.kind === 'Invalid' || e.kind === 'Forbidden'))
        await this.send('DELETE', `${this.root}/lists/${list}/items/${id}`).catch(() => undefined);
      throw e;
    }
  }

  private async isMine(row: GraphItem): Promise<boolean> {
    return (await this.whoAmI()).includes(authorOf(row));
  }

  async deleteFollowUp(key: MeetingKey, id: string): Promise<void> {
    const rowId = await this.findRowId('FollowUps', key, id, (f) => String(f.FollowUpId) === id);
    if (!rowId) throw new NotFound(`Follow-up ${id} not found`);
    await this.send('DELETE', `${this.root}/lists/FollowUps/items/${rowId}`);
    this.rowIds.delete(`FollowUps|${key}|${id}`);
  }

  async decisionChanges(key: MeetingKey, cursor?: string): Promise<DecisionChanges> {
    if (!cursor) return this.allDecisions(key);
    const changed: Stored<Decision>[] = [];
    const deletedIds: string[] = [];
    // nextLink and deltaLink are followed as given, never built.
    let next = cursor;
    try {
      for await (const page of pagesFrom(cursor, this.readPage)) {
        for (const row of page.value) {
          if (row.deleted) deletedIds.push(row.id);
          else if (isRow(row) && row.fields?.MeetingKey === key)
            changed.push(this.stored(row, decisionFromFields));
        }
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
    const pages = visiblePages(answers, lists);
    const rows = async (name: ListName): Promise<GraphItem[]> => {
      const page = pages.get(name)!;
      return (await allRows(page, this.readPage)).filter(isRow);
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
      { id: 'Decisions', method: 'GET', url: this.byKeyUrl('Decisions', key) },
      { id: 'cursor', method: 'GET', url: this.latestDeltaUrl() },
    ]);
    const page = visiblePages(answers, ['Decisions']).get('Decisions')!;
    const rows = (await allRows(page, this.readPage)).filter(isRow);
    // No cursor when the list is closed to the caller: the next call reads everything again.
    const cursor = deltaLinkOf(answers.get('cursor')) ?? '';
    return { changed: rows.map((r) => this.stored(r, decisionFromFields)), deletedIds: [], cursor };
  }

  private latestDeltaUrl(): string {
    return `${this.root}/lists/Decisions/items/delta?token=latest&${DELTA_QUERY}`;
  }

  /** The item folder `<meeting>/<n>` (the referent's Contribute on the meeting folder allows creating it). */
  private async ensureItemFolder(
    list: 'Decisions' | 'FollowUps',
    key: MeetingKey,
    itemNumber: number,
  ): Promise<void> {
    try {
      await this.folders.ensure(list, itemFolderPath(key, itemNumber));
    } catch (e) {
      throw await this.notProvisioned(list, key, e);
    }
  }

  /** A row created in a folder with text values only; a missing meeting folder is a typed error. */
  private async addRowInFolder(
    list: ListName,
    folder: string,
    key: MeetingKey,
    text: Record<string, string>,
  ): Promise<number> {
    try {
      return await this.folders.addRow(list, folder, text);
    } catch (e) {
      throw await this.notProvisioned(list, key, e);
    }
  }

  /**
   * When a folder write fails: can the caller see the meeting's folder at all? If not, the organizer has not
   * set the meeting up yet (or not for them): a typed NotFound the UI can explain.
   */
  private async notProvisioned(list: ListName, key: MeetingKey, e: unknown): Promise<unknown> {
    if (!(e instanceof PortError) || !['NotFound', 'Invalid', 'Forbidden'].includes(e.kind)) return e;
    const folder = await this.folders
      .find(list, meetingFolderName(key))
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

  /** The signed-in person's UPN and mail (SharePoint's createdBy carries the mail address). */
  private whoAmI(): Promise<string[]> {
    this.me ??= this.get<{ userPrincipalName?: string; mail?: string }>(
      '/me?$select=userPrincipalName,mail',
    ).then((u) => [u.userPrincipalName, u.mail].filter((v): v is string => !!v).map((v) => v.toLowerCase()));
    this.me.catch(() => (this.me = undefined));
    return this.me;
  }

  private byKeyUrl(list: ListName, key: MeetingKey): string {
    return `${this.root}/lists/${list}/items?$expand=fields&$filter=fields/MeetingKey eq '${odataLiteral(key)}'&$top=500`;
  }

  /** The rows of several meetings: an `or` of the indexed MeetingKey. */
  private byKeysUrl(list: ListName, keys: MeetingKey[]): string {
    const filter = keys.map((k) => `fields/MeetingKey eq '${odataLiteral(k)}'`).join(' or ');
    return `${this.root}/lists/${list}/items?$expand=fields&$filter=${filter}&$top=500`;
  }

  /** The meeting's rows the caller can see; a list they have no access to at all holds none for them. */
  private async query(list: ListName, key: MeetingKey): Promise<GraphItem[]> {
    let page: Page;
    try {
      page = await this.get<Page>(this.byKeyUrl(list, key));
    } catch (e) {
      if (e instanceof Forbidden) return [];
      throw e;
    }
    return (await allRows(page, this.readPage)).filter(isRow);
  }

  /** One page by its link (a nextLink or deltaLink as the server wrote it). */
  private readonly readPage = (link: string): Promise<Page> => this.get<Page>(relativeLink(this.graph, link));

  /** The row's id (cached), or the row itself from a query, or undefined. */
  private async findRow(
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

  /** Meetings and MeetingProgress rows live at the list root: Graph creates them (the organizer secures them next). */
  private async createAtRoot(list: 'Meetings' | 'MeetingProgress', fields: Fields): Promise<GraphItem> {
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

  /** A row as the port gives it; `modifiedBy` is SharePoint's own record of its last writer. */
  private stored<T>(row: GraphItem, from: (f: Fields) => T): Stored<T> {
    const writer = row.lastModifiedBy?.user;
    const modifiedBy = (writer?.email ?? writer?.userPrincipalName ?? '').trim().toLowerCase();
    return {
      id: row.id,
      eTag: row.eTag ?? row.fields?.['@odata.etag'] ?? '',
      value: from(row.fields ?? {}),
      ...(modifiedBy ? { modifiedBy } : {}),
    };
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

function committeeToFields(key: MeetingKey, entry: CommitteeEntry): Fields {
  const n = itemNumberOf(entry);
  return {
    Title: `${KIND_LABEL[entry.kind]}${n ? ` punkt ${n}` : ''}`.slice(0, 255),
    MeetingKey: key,
    Kind: KIND_LABEL[entry.kind],
    ItemNumber: n,
    Member: memberOf(entry),
    Data: JSON.stringify(entry.value),
  };
}

/** A committee row read back; a row whose values do not parse (half-made, or foreign) is no entry. */
function committeeEntryOf(f: Fields): CommitteeEntry | undefined {
  const kind = kindOf(String(f.Kind ?? ''));
  if (!kind || typeof f.Data !== 'string' || !f.Data) return undefined;
  try {
    return { kind, value: JSON.parse(f.Data) } as CommitteeEntry;
  } catch {
    return undefined;
  }
}

/** How many meetings one sub-request of meetingSummaries asks for (an iCalUId is about 100 characters). */
const KEYS_PER_READ = 10;

/** A string as an OData literal inside a URL: quotes doubled, then URL-encoded. */
function odataLiteral(value: string): string {
  return encodeURIComponent(value.replace(/'/g, "''"));
}

/**
 * The first pages of a $batch of list reads. SharePoint answers 403 for a list in which the caller can see
 * no item at all (MeetingProgress before the organizer has made the meeting's row; every list for someone
 * outside all circles): that list holds nothing for them, as SharePoint's own views would show.
 */
function visiblePages<Id extends string>(answers: Map<string, BatchResponse>, lists: Id[]): Map<Id, Page> {
  const out = new Map<Id, Page>();
  for (const name of lists) {
    try {
      out.set(name, bodyOf<Page>(answers.get(name)));
    } catch (e) {
      if (!(e instanceof Forbidden)) throw e;
      out.set(name, { value: [] });
    }
  }
  return out;
}

/** The deltaLink of a delta answer; none when the list is closed to the caller (403). */
function deltaLinkOf(answer: BatchResponse | undefined): string | undefined {
  try {
    return bodyOf<Page>(answer)['@odata.deltaLink'];
  } catch (e) {
    if (e instanceof Forbidden) return undefined;
    throw e;
  }
}
