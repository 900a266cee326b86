import { namedOpenings } from '../domain/committee/opening';
import { personFolderName } from '../domain/meetingScopes';
import { sameUpn } from '../domain/person';
import { sharePointOrder } from '../domain/trust/order';
import { statementFolder } from '../domain/trust/place';
import { committeeRowCounts } from '../domain/trust/writers';
import type { CommitteeEntry, CommitteeRows, Stored } from '../ports/ListStore';

/**
 * How the two list adapters store and trust a committee meeting's record (docs/adr/007-committee-lists.md).
 * SharePoint holds who may write where; that a member's statement speaks for the member it names is
 * decided from where it lives (her own folder inside the meeting's CommitteeStatements folder, which only
 * she and the organizer write: src/domain/trust/place.ts, statementFolder), never from a column or from its
 * Author alone; the organizer's and referent's rows from SharePoint's createdBy and lastModifiedBy.
 */
export type CommitteeListName = 'CommitteeDecisions' | 'CommitteeStatements';

/** The organizer's and referent's decisions go to CommitteeDecisions; a member's own words to CommitteeStatements. */
export function listOf(entry: CommitteeEntry): CommitteeListName {
  switch (entry.kind) {
    case 'attendance':
    case 'vote':
    case 'publication':
      return 'CommitteeDecisions';
    case 'inhabilitet':
      return entry.value.decision === 'Afventer' ? 'CommitteeStatements' : 'CommitteeDecisions';
    case 'declaration':
    case 'tilfoersel':
    case 'signature':
    case 'opening':
      return 'CommitteeStatements';
  }
}

/**
 * The folder below the meeting's place that an entry is written into: a member's own statement (her
 * declaration, tilførsel or signature, written by herself: `writer` are her names) into her own folder; everything else — the
 * organizer's and referent's entries, openings, what they record for a member — into the meeting's folder
 * ('').
 */
export function folderOf(entry: CommitteeEntry, writer: readonly string[]): string {
  const member = memberOf(entry);
  return listOf(entry) === 'CommitteeStatements' && member && writer.some((w) => sameUpn(member, w))
    ? personFolderName(member)
    : '';
}

/** The member an entry is about ('' for per-item entries). */
export function memberOf(entry: CommitteeEntry): string {
  switch (entry.kind) {
    case 'attendance':
    case 'vote':
    case 'publication':
    case 'opening':
      return '';
    case 'inhabilitet':
    case 'declaration':
    case 'tilfoersel':
    case 'signature':
      return entry.value.member.trim().toLowerCase();
  }
}

export function itemNumberOf(entry: CommitteeEntry): number {
  return entry.kind === 'signature' || entry.kind === 'opening' ? 0 : entry.value.itemNumber;
}

/**
 * Two entries with the same identity are one row (per item; per item and member).
 * Every signature and every opening is a row of its own, never an update: a signature counts only when
 * SharePoint placed it after the opening, so signing must not rewrite a row planted before it; and an opening
 * counts only once its new id is named on the Meetings row, so writing one must not take over an older row
 * (an unnamed one of the organizer's, or one a writer made look like hers).
 */
export function identityOf(entry: CommitteeEntry): string {
  const version =
    entry.kind === 'signature'
      ? `|v${entry.value.version}|${entry.value.signedAt}`
      : entry.kind === 'opening'
        ? `|v${entry.value.version}|${entry.value.openedAt}`
        : '';
  return `${entry.kind}|${itemNumberOf(entry)}|${memberOf(entry)}${version}`;
}

/** The Kind column of each list. */
export const KIND_LABEL: Record<CommitteeEntry['kind'], string> = {
  attendance: 'Fremmøde',
  vote: 'Afstemning',
  inhabilitet: 'Inhabilitet',
  declaration: 'Inhabilitetserklæring',
  publication: 'Offentliggørelse',
  tilfoersel: 'Protokoltilførsel',
  signature: 'Underskrift',
  opening: 'Underskriftsrunde',
};

export function kindOf(label: string): CommitteeEntry['kind'] | undefined {
  return (Object.keys(KIND_LABEL) as Array<CommitteeEntry['kind']>).find((k) => KIND_LABEL[k] === label);
}

/** A stored committee row as either adapter reads it back. */
export interface CommitteeRow {
  list: CommitteeListName;
  /** SharePoint's createdBy, lower-case; undefined only in a store without identities. */
  author: string | undefined;
  /** The folder holding the row, below the list's root (place.ts, dirOfRow). */
  dir: string | null;
  stored: Stored<CommitteeEntry['value']>;
  entry: CommitteeEntry;
}

/**
 * The trusted record of the meeting at `place`: decisions rows as they are (only organizer and referent can
 * write that list); statements only from the folder of the member they name, or from the meeting's own
 * folder when the organizer or referent wrote them (writers.ts, committeeRowCounts); of two rows with one identity the newer
 * (higher id) wins. The committee's decisions on inhabilitet (CommitteeDecisions) and the declarations
 * (CommitteeStatements; an older 'Inhabilitet' row there is read as one) come back apart, for the domain
 * to merge; a publication choice counts only from CommitteeDecisions, last written by the organizer. An
 * opening counts only when its item id is named on the Meetings row (`namedOpenings`, the meeting's
 * `protocolOpenings`), besides being written and last changed by the organizer.
 */
export function trustedRecord(
  rows: CommitteeRow[],
  place: string | undefined,
  organizerUpn: string | undefined,
  referentUpn: string | undefined,
  openingIds: readonly string[] | undefined,
): CommitteeRows {
  const speaksFor = (row: CommitteeRow): boolean =>
    committeeRowCounts(
      {
        list: row.list,
        kind: row.entry.kind,
        member: memberOf(row.entry),
        author: row.author,
        modifiedBy: row.stored.modifiedBy,
        folder: statementFolder(row.dir, place, memberOf(row.entry)),
      },
      organizerUpn,
      referentUpn,
    );
  // A statements row of kind 'Inhabilitet' (written before declarations had their own kind) is a declaration.
  const asDeclaration = (row: CommitteeRow): CommitteeRow => {
    if (row.entry.kind !== 'inhabilitet' || row.list === 'CommitteeDecisions') return row;
    const { itemNumber, member, reason, declaredBy, declaredAt } = row.entry.value;
    return {
      ...row,
      entry: { kind: 'declaration', value: { itemNumber, member, reason, declaredBy, declaredAt } },
    };
  };
  // Openings not named on the Meetings row are left out before anything else: a row made to look like the
  // organizer's cannot even take the place of a named one with the same identity.
  const named = new Set(
    namedOpenings(
      rows.filter((r) => r.entry.kind === 'opening').map((r) => r.stored),
      openingIds,
    ),
  );
  const newest = new Map<string, CommitteeRow>();
  const ordered = [...rows]
    .filter((row) => row.entry.kind !== 'opening' || named.has(row.stored))
    .filter(speaksFor)
    .map(asDeclaration)
    .sort((a, b) => sharePointOrder(a.stored, b.stored));
  for (const row of ordered) newest.set(identityOf(row.entry), row);
  const out: CommitteeRows = {
    attendance: [],
    inhabilitet: [],
    declarations: [],
    publication: [],
    votes: [],
    tilfoersler: [],
    signatures: [],
    openings: [],
  };
  for (const row of newest.values()) {
    const e = row.entry;
    const s = row.stored;
    if (e.kind === 'attendance') out.attendance.push({ ...s, value: e.value });
    else if (e.kind === 'vote') out.votes.push({ ...s, value: e.value });
    else if (e.kind === 'tilfoersel') out.tilfoersler.push({ ...s, value: e.value });
    else if (e.kind === 'signature') out.signatures.push({ ...s, value: e.value });
    else if (e.kind === 'declaration') out.declarations.push({ ...s, value: e.value });
    else if (e.kind === 'publication') out.publication.push({ ...s, value: e.value });
    else if (e.kind === 'opening') out.openings.push({ ...s, value: e.value });
    else out.inhabilitet.push({ ...s, value: e.value });
  }
  const byItem = <T extends { itemNumber: number }>(a: Stored<T>, b: Stored<T>) =>
    a.value.itemNumber - b.value.itemNumber;
  out.attendance.sort(byItem);
  out.inhabilitet.sort(byItem);
  out.declarations.sort(byItem);
  out.publication.sort(byItem);
  out.votes.sort(byItem);
  out.tilfoersler.sort(byItem);
  out.signatures.sort((a, b) => a.value.signedAt.localeCompare(b.value.signedAt));
  return out;
}
