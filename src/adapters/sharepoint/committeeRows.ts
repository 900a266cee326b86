import type { MeetingKey } from '../../domain/meeting';
import type { CommitteeEntry, CommitteeRows, Stored } from '../../ports/ListStore';
import {
  folderOf,
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
import { authorOf, placeOf, visiblePages, type GraphItem } from './graphRows';
import type { ListClient } from './listClient';
import type { ListName } from './listSchema';
import type { Fields } from './fieldValues';
import { meetingFromFields } from './rows';

/**
 * A committee meeting's record (CommitteeDecisions, CommitteeStatements; docs/adr/007-committee-lists.md):
 * only rows in the meeting's own folders, then trusted as committeeRecord.ts says (a member's statement by
 * the folder holding it, SharePoint's FileDirRef).
 */
export async function readCommitteeRows(c: ListClient, key: MeetingKey): Promise<CommitteeRows> {
  const lists: ListName[] = ['Meetings', 'CommitteeDecisions', 'CommitteeStatements'];
  const answers = await c.batch(
    lists.map((name) => ({ id: name, method: 'GET', url: c.byKeyUrl(name, key) })),
  );
  const pages = visiblePages(answers, lists);
  const rowsOf = async (name: ListName) => c.places.place(name, key, await c.rowsFrom(pages.get(name)!)).rows;
  // The Meetings row first: it says where the meeting's folders are.
  const meetings = await rowsOf('Meetings');
  const [decisions, statements] = await Promise.all([rowsOf(lists[1]), rowsOf(lists[2])]);
  const meeting = meetings[0] ? meetingFromFields(meetings[0].fields ?? {}) : undefined;
  const read = (list: CommitteeListName, r: GraphItem): CommitteeRow[] => {
    const entry = committeeEntryOf(r.fields ?? {});
    if (!entry) return [];
    return [
      { list, author: authorOf(r), dir: placeOf(list)(r).dir, entry, stored: c.stored(r, () => entry.value) },
    ];
  };
  return trustedRecord(
    [
      ...decisions.flatMap((r) => read('CommitteeDecisions', r)),
      ...statements.flatMap((r) => read('CommitteeStatements', r)),
    ],
    c.places.location(key)?.place,
    meeting?.organizer.upn,
    meeting?.referent?.upn,
    meeting?.protocolOpenings,
  );
}

export async function saveCommitteeRow(
  c: ListClient,
  key: MeetingKey,
  entry: CommitteeEntry,
): Promise<Stored<CommitteeEntry['value']>> {
  const list = listOf(entry);
  const identity = identityOf(entry);
  const me = await c.whoAmI();
  // A member's own statement goes into her own folder (only she and the organizer write there, so the
  // folder says whose it is); the organizer's and referent's entries into the meeting's folder.
  const below = folderOf(entry, me);
  // Decisions: the one shared row of the identity. Statements: the caller's own row (edit only own items)
  // in the folder she writes to.
  const rows = await c.query(list, key);
  const place = c.places.location(key)?.place;
  const target = place === undefined ? undefined : below ? `${place}/${below}` : place;
  const existing = rows.find((r) => {
    const e = committeeEntryOf(r.fields ?? {});
    if (!e || identityOf(e) !== identity) return false;
    if (list === 'CommitteeDecisions') return true;
    const dir = placeOf(list)(r).dir;
    return me.includes(authorOf(r)) && !!dir && dir.toLowerCase() === target?.toLowerCase();
  });
  const fields = committeeToFields(key, entry);
  const saved = existing
    ? await c.patch(list, existing.id, fields)
    : await c.completeRow(
        list,
        String(
          await c.addRowInFolder(list, below, key, {
            Title: String(fields.Title),
            MeetingKey: key,
          }),
        ),
        fields,
      );
  return c.stored(saved, () => entry.value);
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
