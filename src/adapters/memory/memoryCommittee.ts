import type { MeetingKey } from '../../domain/meeting';
import { sameUpn } from '../../domain/person';
import { meetingPlace } from '../../domain/trust/place';
import { Forbidden } from '../../ports/errors';
import type { CommitteeEntry, CommitteeRows, Stored } from '../../ports/ListStore';
import {
  folderOf,
  identityOf,
  listOf,
  memberOf,
  trustedRecord,
  type CommitteeListName,
} from '../committeeRecord';
import { stored, type Row, type Tables } from './memoryTables';

/**
 * A committee meeting's lists in memory as SharePoint holds them (docs/adr/004-permissions.md,
 * docs/adr/007-committee-lists.md): a member's own statements in her own folder inside the meeting's
 * CommitteeStatements folder, which only she and the organizer write; everything else in the meeting's
 * folder. The record is trusted by the same rule as the SharePoint adapter's (committeeRecord.ts): a
 * statement speaks for the member it names only from her folder, whatever its author.
 * `actor` is who acts (undefined: no identity, sees and may do everything).
 */
type CommitteeRow = Row<CommitteeEntry> & { list: CommitteeListName; below: string };

export function readCommittee(tables: Tables, key: MeetingKey): CommitteeRows {
  const meeting = [...tables.meetings.values()].find((r) => r.meetingKey === key)?.value;
  // One place per meeting in this store (no secretariats): what counts is the folder inside it.
  const place = meetingPlace(key, null);
  const rows = [...tables.committee.values()]
    .filter((r) => r.meetingKey === key)
    .map((r) => {
      const s = stored(r);
      return {
        list: r.list,
        author: r.author,
        dir: r.below ? `${place}/${r.below}` : place,
        entry: s.value,
        stored: { ...s, value: s.value.value },
      };
    });
  return trustedRecord(
    rows,
    place,
    meeting?.organizer.upn,
    meeting?.referent?.upn,
    meeting?.protocolOpenings,
  );
}

/**
 * A member's own statement goes into her own folder; everything else into the meeting's folder, where only
 * the organizer and the referent write statements (a member is refused there, as SharePoint refuses her).
 */
export function saveCommitteeEntry(
  tables: Tables,
  actor: string | undefined,
  key: MeetingKey,
  entry: CommitteeEntry,
): Stored<CommitteeEntry['value']> {
  const list = listOf(entry);
  const identity = identityOf(entry);
  const below = folderOf(entry, [actor ?? memberOf(entry)]);
  const meeting = [...tables.meetings.values()].find((r) => r.meetingKey === key)?.value;
  if (
    actor &&
    list === 'CommitteeStatements' &&
    !below &&
    !sameUpn(actor, meeting?.organizer.upn) &&
    !sameUpn(actor, meeting?.referent?.upn)
  )
    throw new Forbidden(`${actor} may not write in the statements folder of meeting ${key}`, {
      status: 403,
      code: 'accessDenied',
    });
  // Decisions are one shared row; a statement is the writer's own row (edit only own items) in the folder
  // she writes to.
  const existing = [...tables.committee.values()].find(
    (r) =>
      r.meetingKey === key &&
      r.list === list &&
      identityOf(r.value) === identity &&
      (list === 'CommitteeDecisions' || (r.author === actor && r.below === below)),
  );
  const row = tables.write(actor, tables.committee, existing, key, entry) as CommitteeRow;
  row.list = list;
  row.below = existing ? existing.below : below;
  const s = stored(row);
  return { ...s, value: s.value.value };
}
