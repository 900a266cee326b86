import type { Absence } from '../../domain/absence';
import type { AgendaItem } from '../../domain/agendaItem';
import type { Decision } from '../../domain/decision';
import type { FollowUp } from '../../domain/followUp';
import type { Meeting, MeetingKey } from '../../domain/meeting';
import { Forbidden, NotFound } from '../../ports/errors';
import type { MeetingProgress } from '../../domain/meetingProgress';
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
import type { BatchRequest, BatchResponse } from '../graph/batch';
import type { GraphConnection } from '../graph/graphClient';
import { saveAbsenceRow } from './absenceRows';
import { replaceAgendaRows } from './agendaRows';
import { readArchiveRows } from './archiveRows';
import { readCommitteeRows, saveCommitteeRow } from './committeeRows';
import { decisionChangesOf, deleteFollowUpRow, saveDecisionRow, saveFollowUpRow } from './decisionRows';
import { ListClient } from './listClient';
import {
  nameProtocolOpeningRow,
  readMeetingRows,
  readProgressRow,
  saveMeetingRow,
  saveProgressRow,
} from './meetingRows';
import { openMeetingRequests, snapshotOf } from './meetingSnapshot';
import { readMeetingSummaries } from './meetingSummaries';
import { provisionLists } from './provisioning';
import { provisionSecretariats } from './secretariats';
import type { SharePointRestSource } from './sharePointFolders';

/**
 * The ListStore over SharePoint lists (docs/adr/004-permissions.md, docs/adr/009-rows-belong-to-folders.md):
 * a facade over one small list client (listClient.ts) and one module per list family. Reads, updates,
 * deletes and delta go through Microsoft Graph; rows that live in a meeting's folder are created with
 * SharePoint REST, then written with Graph `PATCH …/fields` for typed values and eTags. SharePoint's
 * permissions decide who reads and writes what; the trust rules of src/domain/trust decide which rows count:
 * a row belongs to the meeting whose folder holds it, an afbud row only when its author is the person or the
 * organizer, and of two writes the one SharePoint created first (first write) or last (registration) wins.
 */
export class SharePointListStore implements ListStore {
  private readonly c: ListClient;
  private provisioned = false;
  private resolvedSiteId: string | null = null;
  /** Snapshots read in a page's opening $batch, each for one openMeeting. */
  private readonly primed = new Map<MeetingKey, Promise<MeetingSnapshot>>();

  constructor(
    graph: GraphConnection,
    /** "hostname:/sites/path", e.g. "kommune.sharepoint.com:/sites/moeder". */
    sitePath: string,
    /**
     * SharePoint REST for the same site (createSharePointRest), or how to create it on first use: folders,
     * rows in folders, list security.
     */
    rest: SharePointRestSource,
  ) {
    this.c = new ListClient(graph, sitePath, rest);
  }

  async siteId(): Promise<string> {
    if (!this.resolvedSiteId)
      this.resolvedSiteId = (await this.c.get<{ id: string }>(`${this.c.root}?$select=id`)).id;
    return this.resolvedSiteId;
  }

  /**
   * Creates what is missing (IT, a site owner). For anyone else it only checks: when something is missing
   * and SharePoint refuses to create it, the typed `listsNotProvisioned` tells her to ask IT.
   */
  async ensureProvisioned(): Promise<void> {
    if (this.provisioned) return;
    try {
      await provisionLists(this.c);
    } catch (e) {
      if (e instanceof Forbidden)
        throw new NotFound(
          `The meeting lists are missing or unsecured and the caller may not fix them: ${e.message}`,
          {
            status: 404,
            code: 'listsNotProvisioned',
          },
        );
      throw e;
    }
    this.provisioned = true;
  }

  async provisionSecretariats(secretaryUpns: string[]): Promise<void> {
    await provisionSecretariats(this.c, secretaryUpns);
  }

  async openMeeting(key: MeetingKey, organizerUpn?: string): Promise<MeetingSnapshot> {
    if (organizerUpn) {
      this.c.places.expectOrganizer(key, organizerUpn);
      this.primed.delete(key);
    }
    const primed = this.primed.get(key);
    if (primed) {
      this.primed.delete(key);
      return primed;
    }
    return snapshotOf(this.c, key, await this.c.batch(openMeetingRequests(this.c, key)));
  }

  /** What openMeeting asks Graph, as $batch steps (the page opens a meeting in one batch with /me). */
  openMeetingRequests(key: MeetingKey): BatchRequest[] {
    return openMeetingRequests(this.c, key);
  }

  /** The answers to openMeetingRequests, for the next openMeeting(key) (once). */
  prime(key: MeetingKey, answers: Map<string, BatchResponse>): void {
    const snapshot = snapshotOf(this.c, key, answers);
    snapshot.catch(() => undefined);
    this.primed.set(key, snapshot);
  }

  readMeeting(
    key: MeetingKey,
  ): Promise<{ meeting: Stored<Meeting> | null; progress: Stored<MeetingProgress> | null }> {
    return readMeetingRows(this.c, key);
  }

  readProgress(key: MeetingKey): Promise<Stored<MeetingProgress> | null> {
    return readProgressRow(this.c, key);
  }

  meetingSummaries(
    keys: MeetingKey[],
    upn: string,
    organizers?: ReadonlyMap<MeetingKey, string>,
  ): Promise<MeetingSummary[]> {
    return readMeetingSummaries(this.c, keys, upn, organizers);
  }

  saveMeeting(meeting: Meeting, eTag?: string): Promise<Stored<Meeting>> {
    return saveMeetingRow(this.c, meeting, eTag);
  }

  nameProtocolOpening(key: MeetingKey, openingId: string): Promise<Stored<Meeting>> {
    return nameProtocolOpeningRow(this.c, key, openingId);
  }

  saveProgress(key: MeetingKey, progress: MeetingProgress, eTag?: string): Promise<Stored<MeetingProgress>> {
    return saveProgressRow(this.c, key, progress, eTag);
  }

  replaceAgenda(key: MeetingKey, items: AgendaItem[]): Promise<Stored<AgendaItem>[]> {
    return replaceAgendaRows(this.c, key, items);
  }

  saveAbsence(key: MeetingKey, absence: Absence): Promise<Stored<Absence>> {
    return saveAbsenceRow(this.c, key, absence);
  }

  saveDecision(key: MeetingKey, decision: Decision, eTag?: string): Promise<Stored<Decision>> {
    return saveDecisionRow(this.c, key, decision, eTag);
  }

  saveFollowUp(key: MeetingKey, followUp: FollowUp, eTag?: string): Promise<Stored<FollowUp>> {
    return saveFollowUpRow(this.c, key, followUp, eTag);
  }

  deleteFollowUp(key: MeetingKey, id: string): Promise<void> {
    return deleteFollowUpRow(this.c, key, id);
  }

  decisionChanges(key: MeetingKey, cursor?: string): Promise<DecisionChanges> {
    return decisionChangesOf(this.c, key, cursor);
  }

  readArchive(): Promise<ArchiveRows> {
    return readArchiveRows(this.c);
  }

  readCommittee(key: MeetingKey): Promise<CommitteeRows> {
    return readCommitteeRows(this.c, key);
  }

  saveCommitteeEntry(key: MeetingKey, entry: CommitteeEntry): Promise<Stored<CommitteeEntry['value']>> {
    return saveCommitteeRow(this.c, key, entry);
  }
}
