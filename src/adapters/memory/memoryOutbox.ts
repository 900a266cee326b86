import type { MeetingKey } from '../../domain/meeting';
import type { Outbox, OutboxEntry } from '../../ports/Outbox';

export class MemoryOutbox implements Outbox {
  private readonly entries = new Map<string, OutboxEntry>();
  private revision = 0;

  async put(entry: Omit<OutboxEntry, 'revision'>): Promise<OutboxEntry> {
    const previous = this.entries.get(entry.slot);
    const next: OutboxEntry = {
      ...entry,
      baseETag: entry.baseETag ?? previous?.baseETag,
      conflict: entry.conflict ?? previous?.conflict,
      revision: ++this.revision,
    };
    // Keep the original queue position of a slot: re-insert only when new.
    this.entries.set(entry.slot, structuredClone(next));
    return structuredClone(next);
  }

  async get(slot: string): Promise<OutboxEntry | undefined> {
    const e = this.entries.get(slot);
    return e && structuredClone(e);
  }

  async list(meetingKey?: MeetingKey): Promise<OutboxEntry[]> {
    return [...this.entries.values()]
      .filter((e) => !meetingKey || e.meetingKey === meetingKey)
      .map((e) => structuredClone(e));
  }

  async remove(slot: string, revision?: number): Promise<void> {
    const e = this.entries.get(slot);
    if (e && (revision === undefined || e.revision === revision)) this.entries.delete(slot);
  }

  async update(slot: string, patch: Partial<Pick<OutboxEntry, 'baseETag' | 'conflict'>>): Promise<void> {
    const e = this.entries.get(slot);
    if (e) this.entries.set(slot, { ...e, ...patch });
  }

  async clear(): Promise<void> {
    this.entries.clear();
  }
}
