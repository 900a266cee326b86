import type { MeetingKey } from '../../domain/meeting';
import type { Outbox, OutboxEntry, OutboxPatch } from '../../ports/Outbox';

/** What a memory outbox keeps; shared by two instances, it stands for the same profile after a reload. */
export interface MemoryOutboxStore {
  entries: Map<string, OutboxEntry>;
  revision: number;
}

export class MemoryOutbox implements Outbox {
  constructor(private readonly store: MemoryOutboxStore = MemoryOutbox.emptyStore()) {}

  static emptyStore(): MemoryOutboxStore {
    return { entries: new Map(), revision: 0 };
  }

  async put(entry: Omit<OutboxEntry, 'revision' | 'failure'>): Promise<OutboxEntry> {
    const previous = this.store.entries.get(entry.slot);
    const { failure: _failure, ...fields } = entry as OutboxEntry;
    const next: OutboxEntry = {
      ...fields,
      baseETag: entry.baseETag ?? previous?.baseETag,
      conflict: entry.conflict ?? previous?.conflict,
      revision: ++this.store.revision,
    };
    // A Map keeps the first insertion's place when a key is set again: the slot keeps its queue position.
    this.store.entries.set(entry.slot, structuredClone(next));
    return structuredClone(next);
  }

  async get(slot: string): Promise<OutboxEntry | undefined> {
    const e = this.store.entries.get(slot);
    return e && structuredClone(e);
  }

  async list(meetingKey?: MeetingKey): Promise<OutboxEntry[]> {
    return [...this.store.entries.values()]
      .filter((e) => !meetingKey || e.meetingKey === meetingKey)
      .map((e) => structuredClone(e));
  }

  async remove(slot: string, revision?: number): Promise<void> {
    const e = this.store.entries.get(slot);
    if (e && (revision === undefined || e.revision === revision)) this.store.entries.delete(slot);
  }

  async update(slot: string, patch: OutboxPatch): Promise<void> {
    const e = this.store.entries.get(slot);
    if (e) this.store.entries.set(slot, structuredClone({ ...e, ...patch }));
  }

  async clear(): Promise<void> {
    this.store.entries.clear();
  }
}
