import Dexie, { type Table } from 'dexie';
import type { MeetingKey } from '../../domain/meeting';
import type { Outbox, OutboxEntry, OutboxPatch } from '../../ports/Outbox';

interface Row extends OutboxEntry {
  /** Insertion order of the slot, kept when the slot is overwritten. */
  order: number;
}

class OutboxDb extends Dexie {
  entries!: Table<Row, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ entries: 'slot, meetingKey, order' });
  }
}

/**
 * The outbox in IndexedDB (through Dexie), per signed-in user, so typed text survives a reload, a crash or
 * going offline. Cleared on sign-out.
 */
export class IndexedDbOutbox implements Outbox {
  private readonly db: OutboxDb;

  constructor(userUpn: string) {
    this.db = new OutboxDb(`moedeassistent-outbox-${userUpn.toLowerCase()}`);
  }

  async put(entry: Omit<OutboxEntry, 'revision' | 'failure'>): Promise<OutboxEntry> {
    return this.db.transaction('rw', this.db.entries, async () => {
      const previous = await this.db.entries.get(entry.slot);
      const last = await this.db.entries.orderBy('order').last();
      const { failure: _failure, ...fields } = entry as OutboxEntry;
      const row: Row = {
        ...fields,
        baseETag: entry.baseETag ?? previous?.baseETag,
        conflict: entry.conflict ?? previous?.conflict,
        revision: (previous?.revision ?? 0) + 1,
        order: previous?.order ?? (last?.order ?? 0) + 1,
      };
      await this.db.entries.put(row);
      return strip(row);
    });
  }

  async get(slot: string): Promise<OutboxEntry | undefined> {
    const row = await this.db.entries.get(slot);
    return row && strip(row);
  }

  async list(meetingKey?: MeetingKey): Promise<OutboxEntry[]> {
    const rows = await this.db.entries.orderBy('order').toArray();
    return rows.filter((r) => !meetingKey || r.meetingKey === meetingKey).map(strip);
  }

  async remove(slot: string, revision?: number): Promise<void> {
    await this.db.transaction('rw', this.db.entries, async () => {
      const row = await this.db.entries.get(slot);
      if (row && (revision === undefined || row.revision === revision)) await this.db.entries.delete(slot);
    });
  }

  async update(slot: string, patch: OutboxPatch): Promise<void> {
    await this.db.entries.update(slot, patch);
  }

  async clear(): Promise<void> {
    await this.db.entries.clear();
  }

  close(): void {
    this.db.close();
  }
}

function strip(row: Row): OutboxEntry {
  const { order: _order, ...entry } = row;
  return entry;
}
