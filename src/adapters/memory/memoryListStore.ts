import type { Absence } from '../../domain/absence';
import type { AgendaItem } from '../../domain/agendaItem';
import type { Decision } from '../../domain/decision';
import type { FollowUp } from '../../domain/followUp';
import type { Meeting, MeetingKey } from '../../domain/meeting';
import type { MeetingProgress } from '../../domain/meetingProgress';
import { sameUpn } from '../../domain/person';
import { Forbidden, NotFound } from '../../ports/errors';
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
import { latestRegistration } from '../../domain/trust/order';
import { absencesOf, saveAbsence } from './memoryAbsences';
import { readCommittee, saveCommitteeEntry } from './memoryCommittee';
import { clone, etagOf, lower, stored, Tables, type Row } from './memoryTables';

/**
 * The ListStore in memory: a first-class implementation for unit tests and UI tests, held to the same
 * contract suite as the SharePoint adapter (tests/contracts/listStore.contract.ts). `new MemoryListStore()`
 * acts without an identity (sees and may do everything); `store.as(upn)` is the same lists seen by one
 * person, with the rules SharePoint holds for the afbud lists: a person's own rows only (the organizer
 * all of her meeting's), and afbud rows count only when made by the person or the organizer.
 */
export class MemoryListStore implements ListStore {
  private readonly actor?: string;

  constructor(
    private readonly tables: Tables = new Tables(),
    actor?: string,
  ) {
    this.actor = actor ? lower(actor) : undefined;
  }

  /** The same lists as `upn` sees and writes them. */
  as(upn: string): MemoryListStore {
    return new MemoryListStore(this.tables, upn);
  }

  async ensureProvisioned(): Promise<void> {
    this.tables.provisioned = true;
  }

  async provisionSecretariats(): Promise<void> {
    // The memory store has no permissions: nothing to set up.
  }

  isProvisioned(): boolean {
    return this.tables.provisioned;
  }

  async siteId(): Promise<string> {
    return 'memory,site';
  }

  async openMeeting(key: MeetingKey): Promise<MeetingSnapshot> {
    const t = this.tables;
    const of = <T>(m: Map<string, Row<T>>) =>
      [...m.values()].filter((r) => r.meetingKey === key).map((r) => stored(r));
    const { meeting, progress } = await this.readMeeting(key);
    return {
      meeting,
      progress,
      items: of(t.items).sort((a, b) => a.value.number - b.value.number),
      absences: this.absencesOf(key),
      decisions: of(t.decisions).sort((a, b) => a.value.itemNumber - b.value.itemNumber),
      followUps: of(t.followUps).map((s) => ({ ...s, value: { ...s.value, meetingKey: key } })),
      decisionsCursor: String(t.seq),
    };
  }

  async readMeeting(
    key: MeetingKey,
  ): Promise<{ meeting: Stored<Meeting> | null; progress: Stored<MeetingProgress> | null }> {
    const meeting = [...this.tables.meetings.values()].find((r) => r.meetingKey === key);
    const progress = [...this.tables.progress.values()].find((r) => r.meetingKey === key);
    return { meeting: meeting ? stored(meeting) : null, progress: progress ? stored(progress) : null };
  }

  async readProgress(key: MeetingKey): Promise<Stored<MeetingProgress> | null> {
    return (await this.readMeeting(key)).progress;
  }

  async saveMeeting(meeting: Meeting, eTag?: string): Promise<Stored<Meeting>> {
    const { timer: _timer, protocolOpenings: _named, ...row } = meeting;
    const existing = [...this.tables.meetings.values()].find((r) => r.meetingKey === meeting.key);
    // What is named stays as it is stored (SharePoint: meetingToFields leaves the column out).
    const named = existing?.value.protocolOpenings;
    return stored(
      this.write(
        this.tables.meetings,
        existing,
        meeting.key,
        named ? { ...row, protocolOpenings: named } : row,
        eTag,
      ),
    );
  }

  async nameProtocolOpening(key: MeetingKey, openingId: string): Promise<Stored<Meeting>> {
    const existing = [...this.tables.meetings.values()].find((r) => r.meetingKey === key);
    if (!existing) throw new NotFound(`No meeting row for ${key}`, { code: 'itemNotFound' });
    if (this.actor && !sameUpn(this.actor, existing.value.organizer.upn))
      throw new Forbidden('Only the organizer writes the Meetings row', {
        status: 403,
        code: 'accessDenied',
      });
    const named = existing.value.protocolOpenings ?? [];
    if (named.includes(openingId)) return stored(existing);
    const value = { ...existing.value, protocolOpenings: [...named, openingId] };
    return stored(this.write(this.tables.meetings, existing, key, value, etagOf(existing)));
  }

  async saveProgress(
    key: MeetingKey,
    progress: MeetingProgress,
    eTag?: string,
  ): Promise<Stored<MeetingProgress>> {
    const existing = [...this.tables.progress.values()].find((r) => r.meetingKey === key);
    return stored(this.write(this.tables.progress, existing, key, progress, eTag));
  }

  async replaceAgenda(key: MeetingKey, items: AgendaItem[]): Promise<Stored<AgendaItem>[]> {
    const current = [...this.tables.items.values()].filter((r) => r.meetingKey === key);
    const keep = new Set(items.map((i) => i.id));
    for (const row of current) if (!keep.has(row.value.id)) this.tables.items.delete(row.id);
    const out = items.map((item) => {
      const existing = current.find((r) => r.value.id === item.id);
      return stored(this.write(this.tables.items, existing, key, item));
    });
    return out.sort((a, b) => a.value.number - b.value.number);
  }

  async saveAbsence(key: MeetingKey, absence: Absence): Promise<Stored<Absence>> {
    return saveAbsence(this.tables, this.actor, key, absence);
  }

  async saveDecision(key: MeetingKey, decision: Decision, eTag?: string): Promise<Stored<Decision>> {
    const existing = [...this.tables.decisions.values()].find(
      (r) => r.meetingKey === key && r.value.itemNumber === decision.itemNumber,
    );
    return stored(this.write(this.tables.decisions, existing, key, decision, eTag, true));
  }

  async saveFollowUp(key: MeetingKey, followUp: FollowUp, eTag?: string): Promise<Stored<FollowUp>> {
    const existing = [...this.tables.followUps.values()].find(
      (r) => r.meetingKey === key && r.value.id === followUp.id,
    );
    return stored(this.write(this.tables.followUps, existing, key, followUp, eTag, true));
  }

  async deleteFollowUp(key: MeetingKey, id: string): Promise<void> {
    const existing = [...this.tables.followUps.values()].find(
      (r) => r.meetingKey === key && r.value.id === id,
    );
    if (!existing) throw new NotFound(`Follow-up ${id} not found`);
    this.tables.followUps.delete(existing.id);
  }

  async decisionChanges(key: MeetingKey, cursor?: string): Promise<DecisionChanges> {
    const since = cursor ? Number(cursor) : 0;
    const changed = [...this.tables.decisions.values()]
      .filter((r) => r.meetingKey === key && r.seq > since)
      .map((r) => stored(r));
    return { changed, deletedIds: [], cursor: String(this.tables.seq) };
  }

  /** The fake has no permissions on these lists: it returns every row (the contract tests cover the real filtering). */
  async readArchive(): Promise<ArchiveRows> {
    const t = this.tables;
    // One meeting per key here: its key is its place.
    const withKey = <T>(table: Map<string, Row<T>>) =>
      [...table.values()].map((r) => ({ ...clone(r.value), meetingKey: r.meetingKey, place: r.meetingKey }));
    return {
      meetings: [...t.meetings.values()].map((r) => ({ ...clone(r.value), place: r.meetingKey })),
      items: withKey(t.items),
      decisions: withKey(t.decisions),
      followUps: withKey(t.followUps),
    };
  }

  async readCommittee(key: MeetingKey): Promise<CommitteeRows> {
    return readCommittee(this.tables, key);
  }

  async saveCommitteeEntry(key: MeetingKey, entry: CommitteeEntry): Promise<Stored<CommitteeEntry['value']>> {
    return saveCommitteeEntry(this.tables, this.actor, key, entry);
  }

  async meetingSummaries(keys: MeetingKey[], upn: string): Promise<MeetingSummary[]> {
    return keys.map((key) => {
      const meeting = [...this.tables.meetings.values()].find((r) => r.meetingKey === key);
      const progress = [...this.tables.progress.values()].find((r) => r.meetingKey === key);
      return {
        key,
        meeting: meeting ? clone(meeting.value) : null,
        progress: progress ? clone(progress.value) : null,
        ownAbsences: latestRegistration(
          this.absencesOf(key)
            .filter((a) => sameUpn(a.value.person.upn, upn))
            .map(({ value: { reason: _reason, ...absence }, ...row }) => ({ ...row, value: absence })),
        ),
        followUps: [...this.tables.followUps.values()]
          .filter((r) => r.meetingKey === key)
          .map((r) => clone(r.value)),
      };
    });
  }

  async followUpsByOwner(owner: string): Promise<Stored<FollowUp & { meetingKey: MeetingKey }>[]> {
    const needle = owner.trim().toLowerCase();
    return [...this.tables.followUps.values()]
      .filter((r) => r.value.owners.some((o) => o.trim().toLowerCase() === needle))
      .map((r) => {
        const s = stored(r);
        return { ...s, value: { ...s.value, meetingKey: r.meetingKey } };
      });
  }

  private absencesOf(key: MeetingKey): Stored<Absence>[] {
    return absencesOf(this.tables, this.actor, key);
  }

  private write<T>(
    table: Map<string, Row<T>>,
    existing: Row<T> | undefined,
    meetingKey: MeetingKey,
    value: T,
    eTag?: string,
    guarded = false,
  ): Row<T> {
    return this.tables.write(this.actor, table, existing, meetingKey, value, eTag, guarded);
  }
}
