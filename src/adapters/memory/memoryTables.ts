import type { Absence } from '../../domain/absence';
import type { AgendaItem } from '../../domain/agendaItem';
import type { Decision } from '../../domain/decision';
import type { FollowUp } from '../../domain/followUp';
import type { Meeting, MeetingKey } from '../../domain/meeting';
import type { MeetingProgress } from '../../domain/meetingProgress';
import { Conflict } from '../../ports/errors';
import type { CommitteeEntry, Stored } from '../../ports/ListStore';
import type { CommitteeListName } from '../committeeRecord';

export interface Row<T> {
  id: string;
  version: number;
  /**
   * The meeting whose folder holds the row (set when the row is made, never changed by a write): in this
   * store a row's place and its meeting cannot disagree, as SharePoint's folder cannot be rewritten by a
   * column (docs/adr/009-rows-belong-to-folders.md).
   */
  meetingKey: MeetingKey;
  value: T;
  /** Change sequence number, for decisionChanges. */
  seq: number;
  /** Who created the row (SharePoint's createdBy), lower-case; undefined when the store has no actor. */
  author?: string;
  /** Who last wrote it (SharePoint's lastModifiedBy). */
  modifiedBy?: string;
}

/** An afbud reason: its own row, as in the AbsenceReasons list. */
export interface Reason {
  person: string;
  reason: string;
}

export const etagOf = (row: Row<unknown>) => `"${row.id},${row.version}"`;
export const clone = <T>(v: T): T => structuredClone(v);
/** A row as the port returns it: a copy, with its eTag (and its last writer when known). */
export const stored = <T>(row: Row<T>): Stored<T> => ({
  id: row.id,
  eTag: etagOf(row),
  value: clone(row.value),
  ...(row.modifiedBy ? { modifiedBy: row.modifiedBy } : {}),
});
export const lower = (upn: string) => upn.trim().toLowerCase();

/** The lists themselves, shared by the stores of every person (`MemoryListStore.as`). */
export class Tables {
  nextId = 1;
  seq = 0;
  provisioned = false;
  readonly meetings = new Map<string, Row<Meeting>>();
  readonly progress = new Map<string, Row<MeetingProgress>>();
  readonly items = new Map<string, Row<AgendaItem>>();
  readonly absences = new Map<string, Row<Absence>>();
  readonly reasons = new Map<string, Row<Reason>>();
  readonly decisions = new Map<string, Row<Decision>>();
  readonly followUps = new Map<string, Row<FollowUp>>();
  /**
   * Committee rows, each with its list and the folder holding it below the meeting's place (`below`: '' for
   * the meeting's folder, a member's personFolderName for her own folder), as SharePoint places them.
   */
  readonly committee = new Map<string, Row<CommitteeEntry> & { list: CommitteeListName; below: string }>();

  /**
   * A row written as SharePoint writes one: an update of `existing` (refused with a 412 when `eTag` is
   * stale, or when `guarded` and no eTag is given), or a new row in `meetingKey`'s folder. `actor` is who
   * writes (the last modifier); `author` who the new row's creator is.
   */
  write<T>(
    actor: string | undefined,
    table: Map<string, Row<T>>,
    existing: Row<T> | undefined,
    meetingKey: MeetingKey,
    value: T,
    eTag?: string,
    guarded = false,
    author = actor,
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
        modifiedBy: actor ?? author,
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
      author,
      modifiedBy: actor ?? author,
    };
    table.set(row.id, row);
    return row;
  }
}
