import type { Absence } from '../../domain/absence';
import type { AgendaItem } from '../../domain/agendaItem';
import type { Decision } from '../../domain/decision';
import type { FollowUp } from '../../domain/followUp';
import type { Meeting, MeetingKey } from '../../domain/meeting';
import { sameUpn } from '../../domain/person';
import { Conflict, NotFound } from '../../ports/errors';
import type { ArchiveRows, DecisionChanges, ListStore, MeetingSnapshot, Stored } from '../../ports/ListStore';

interface Row<T> {
  id: string;
  version: number;
  meetingKey: MeetingKey;
  value: T;
  /** Change sequence number, for decisionChanges. */
  seq: number;
}

const etagOf = (row: Row<unknown>) => `"${row.id},${row.version}"`;
const clone = <T>(v: T): T => structuredClone(v);
const stored = <T>(row: Row<T>): Stored<T> => ({ id: row.id, eTag: etagOf(row), value: clone(row.value) });

/**
 * The ListStore in memory: a first-class implementation for unit tests and UI tests, held to the same
 * contract suite as the SharePoint adapter (tests/contracts/listStore.contract.ts).
 */
export class MemoryListStore implements ListStore {
  private nextId = 1;
  private seq = 0;
  private provisioned = false;
  private readonly meetings = new Map<string, Row<Meeting>>();
  private readonly items = new Map<string, Row<AgendaItem>>();
  private readonly absences = new Map<string, Row<Absence>>();
  private readonly decisions = new Map<string, Row<Decision>>();
  private readonly followUps = new Map<string, Row<FollowUp>>();

  async ensureProvisioned(): Promise<void> {
    this.provisioned = true;
  }

  isProvisioned(): boolean {
    return this.provisioned;
  }

  async siteId(): Promise<string> {
    return 'memory,site';
  }

  async openMeeting(key: MeetingKey): Promise<MeetingSnapshot> {
    const of = <T>(m: Map<string, Row<T>>) =>
      [...m.values()].filter((r) => r.meetingKey === key).map((r) => stored(r));
    const meeting = [...this.meetings.values()].find((r) => r.meetingKey === key);
    return {
      meeting: meeting ? stored(meeting) : null,
      items: of(this.items).sort((a, b) => a.value.number - b.value.number),
      absences: of(this.absences),
      decisions: of(this.decisions).sort((a, b) => a.value.itemNumber - b.value.itemNumber),
      followUps: of(this.followUps).map((s) => ({ ...s, value: { ...s.value, meetingKey: key } })),
      decisionsCursor: String(this.seq),
    };
  }

  async readMeeting(key: MeetingKey): Promise<Stored<Meeting> | null> {
    const row = [...this.meetings.values()].find((r) => r.meetingKey === key);
    return row ? stored(row) : null;
  }

  async saveMeeting(meeting: Meeting, eTag?: string): Promise<Stored<Meeting>> {
    const existing = [...this.meetings.values()].find((r) => r.meetingKey === meeting.key);
    return stored(this.write(this.meetings, existing, meeting.key, meeting, eTag));
  }

  async replaceAgenda(key: MeetingKey, items: AgendaItem[]): Promise<Stored<AgendaItem>[]> {
    const current = [...this.items.values()].filter((r) => r.meetingKey === key);
    const keep = new Set(items.map((i) => i.id));
    for (const row of current) if (!keep.has(row.value.id)) this.items.delete(row.id);
    const out = items.map((item) => {
      const existing = current.find((r) => r.value.id === item.id);
      return stored(this.write(this.items, existing, key, item));
    });
    return out.sort((a, b) => a.value.number - b.value.number);
  }

  async saveAbsence(key: MeetingKey, absence: Absence): Promise<Stored<Absence>> {
    const existing = [...this.absences.values()].find(
      (r) => r.meetingKey === key && sameUpn(r.value.person.upn, absence.person.upn),
    );
    return stored(this.write(this.absences, existing, key, absence));
  }

  async saveDecision(key: MeetingKey, decision: Decision, eTag?: string): Promise<Stored<Decision>> {
    const existing = [...this.decisions.values()].find(
      (r) => r.meetingKey === key && r.value.itemNumber === decision.itemNumber,
    );
    return stored(this.write(this.decisions, existing, key, decision, eTag, true));
  }

  async saveFollowUp(key: MeetingKey, followUp: FollowUp, eTag?: string): Promise<Stored<FollowUp>> {
    const existing = [...this.followUps.values()].find(
      (r) => r.meetingKey === key && r.value.id === followUp.id,
    );
    return stored(this.write(this.followUps, existing, key, followUp, eTag, true));
  }

  async deleteFollowUp(key: MeetingKey, id: string): Promise<void> {
    const existing = [...this.followUps.values()].find((r) => r.meetingKey === key && r.value.id === id);
    if (!existing) throw new NotFound(`Follow-up ${id} not found`);
    this.followUps.delete(existing.id);
  }

  async decisionChanges(key: MeetingKey, cursor?: string): Promise<DecisionChanges> {
    const since = cursor ? Number(cursor) : 0;
    const changed = [...this.decisions.values()]
      .filter((r) => r.meetingKey === key && r.seq > since)
      .map((r) => stored(r));
    return { changed, deletedIds: [], cursor: String(this.seq) };
  }

  /** The fake has no reader identity: it returns every row (the contract tests cover the real filtering). */
  async readArchive(): Promise<ArchiveRows> {
    const withKey = <T>(table: Map<string, Row<T>>) =>
      [...table.values()].map((r) => ({ ...clone(r.value), meetingKey: r.meetingKey }));
    return {
      meetings: [...this.meetings.values()].map((r) => clone(r.value)),
      items: withKey(this.items),
      decisions: withKey(this.decisions),
      followUps: withKey(this.followUps),
    };
  }

  async followUpsByOwner(owner: string): Promise<Stored<FollowUp & { meetingKey: MeetingKey }>[]> {
    const needle = owner.trim().toLowerCase();
    return [...this.followUps.values()]
      .filter((r) => r.value.owners.some((o) => o.trim().toLowerCase() === needle))
      .map((r) => {
        const s = stored(r);
        return { ...s, value: { ...s.value, meetingKey: r.meetingKey } };
      });
  }

  private write<T>(
    table: Map<string, Row<T>>,
    existing: Row<T> | undefined,
    meetingKey: MeetingKey,
    value: T,
    eTag?: string,
    guarded = false,
  ): Row<T> {
    if (existing) {
      const stale = eTag ? eTag !== '*' && eTag !== etagOf(existing) : guarded;
      if (stale) {
        throw new Conflict('The row was changed by someone else', { status: 412, code: 'resourceModified' });
      }
      const row: Row<T> = {
        ...existing,
        version: existing.version + 1,
        value: clone(value),
        seq: ++this.seq,
      };
      table.set(row.id, row);
      return row;
    }
    const row: Row<T> = {
      id: String(this.nextId++),
      version: 1,
      meetingKey,
      value: clone(value),
      seq: ++this.seq,
    };
    table.set(row.id, row);
    return row;
  }
}
