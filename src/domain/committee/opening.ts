/*
 * Signing opens on a frozen record (issue 22 point 2). The organizer's page, once the `signing` phase's
 * permissions are applied, writes an opening: a CommitteeStatements row that SharePoint numbers, holding the
 * version, its checksum and the record it was computed from. Which rows belong to a version and which
 * signatures count is decided here from what SharePoint assigns (item id, eTag, createdBy as the store read
 * it), never from a time a client wrote.
 */
import { sameUpn } from '../person';
import { inSharePointOrder, type Ordered } from '../trust/order';
import type {
  CommitteeRecord,
  Inhabilitet,
  InhabilitetDeclaration,
  ItemAttendance,
  Protokoltilfoersel,
  ProtocolSignature,
  Vote,
} from './types';

/** What members, the referent and the organizer write of a version (everything but signatures). */
export interface RecordParts {
  attendance: ItemAttendance[];
  /** The committee's decisions on inhabilitet (CommitteeDecisions). */
  inhabilitet: Inhabilitet[];
  /** The members' own declarations (CommitteeStatements). */
  declarations: InhabilitetDeclaration[];
  votes: Vote[];
  tilfoersler: Protokoltilfoersel[];
}

export type PartKind = keyof RecordParts;
const PART_KINDS: PartKind[] = ['attendance', 'inhabilitet', 'declarations', 'votes', 'tilfoersler'];

/** A version opened for signatures: written by the organizer only, after the record was frozen. */
export interface ProtocolOpening {
  version: number;
  /** The checksum of the version's text: what a signature must name. */
  checksum: string;
  /** The record this version is made of, as it stood at the opening. */
  parts: RecordParts;
  /** SharePoint's eTag of every row the parts were read from; a row not among them came (or changed) later. */
  rows: string[];
  openedBy: string;
  openedAt: string;
}

/** A stored row as the rules need it: SharePoint's item id and eTag, and the value. */
export type StoredRow<T> = Ordered & { eTag: string; value: T };

export type LiveParts = { [K in PartKind]: StoredRow<RecordParts[K][number]>[] };

/** A row written (or changed) after the opening: it counts only for the next version the organizer makes. */
export interface LateEntry {
  kind: PartKind;
  itemNumber: number;
  /** The member it is about, when it is about one. */
  member?: string;
}

export interface SigningState {
  /** The version open for signatures (the latest opening); none before the organizer's page opened it. */
  opening?: StoredRow<ProtocolOpening>;
  /** The record of the current version: the opening's, or the live rows while nothing is opened. */
  parts: RecordParts;
  version: number;
  /** Signatures that count for the current version, oldest first, one per member. */
  signatures: ProtocolSignature[];
  history: CommitteeRecord['history'];
  late: LateEntry[];
}

const valuesOf = (live: LiveParts): RecordParts => ({
  attendance: live.attendance.map((r) => r.value),
  inhabilitet: live.inhabilitet.map((r) => r.value),
  declarations: live.declarations.map((r) => r.value),
  votes: live.votes.map((r) => r.value),
  tilfoersler: live.tilfoersler.map((r) => r.value),
});

/**
 * The signatures that count for an opening: for its version and checksum, and placed by SharePoint after it
 * (a higher item id in the same list). A row planted before the opening counts for nothing, even when it
 * names the right version and checksum. `signatures` are already only those whose author is the member.
 */
export function signaturesFor(
  opening: StoredRow<ProtocolOpening>,
  signatures: StoredRow<ProtocolSignature>[],
): ProtocolSignature[] {
  const out: ProtocolSignature[] = [];
  for (const s of inSharePointOrder(signatures)) {
    if (Number(s.id) <= Number(opening.id)) continue;
    if (s.value.version !== opening.value.version || s.value.checksum !== opening.value.checksum) continue;
    if (out.some((o) => sameUpn(o.member, s.value.member))) continue;
    out.push(s.value);
  }
  return out;
}

/**
 * The openings that count: those whose SharePoint item id the organizer's page named on the meeting's
 * Meetings row (which only she writes) after writing them. A row that merely says the organizer wrote it
 * (createdBy/lastModifiedBy, which some SharePoint paths may let a writer choose: devServer's
 * `author-settable`) counts for nothing unless named; so does the organizer's own row whose naming has not
 * landed yet. The other checks (author and last writer the organizer) stay the caller's.
 */
export function namedOpenings<T extends Ordered>(openings: T[], named: readonly string[] | undefined): T[] {
  const ids = new Set((named ?? []).map((id) => String(id).trim()).filter((id) => /^\d+$/.test(id)));
  return openings.filter((o) => ids.has(String(o.id).trim()));
}

/** The protocol's versions from the openings (trusted: the organizer's own rows) and the live rows. */
export function signingState(
  live: LiveParts,
  openings: StoredRow<ProtocolOpening>[],
  signatures: StoredRow<ProtocolSignature>[],
): SigningState {
  const ordered = inSharePointOrder(openings);
  const opening = ordered.at(-1);
  if (!opening) return { parts: valuesOf(live), version: 1, signatures: [], history: [], late: [] };
  const included = new Set(opening.value.rows);
  const late: LateEntry[] = [];
  for (const kind of PART_KINDS)
    for (const row of live[kind] as StoredRow<RecordParts[PartKind][number]>[]) {
      if (included.has(row.eTag)) continue;
      const value = row.value as { itemNumber: number; member?: string };
      late.push({ kind, itemNumber: value.itemNumber, ...(value.member ? { member: value.member } : {}) });
    }
  return {
    opening,
    parts: opening.value.parts,
    version: opening.value.version,
    signatures: signaturesFor(opening, signatures),
    history: ordered.slice(0, -1).map((o) => ({
      version: o.value.version,
      checksum: o.value.checksum,
      signatures: signaturesFor(o, signatures),
    })),
    late: late.sort((a, b) => a.itemNumber - b.itemNumber),
  };
}

/**
 * The next opening: every live row goes into the version (late rows included: making a new version is how
 * the organizer takes them in), numbered after the latest opening.
 */
export function nextOpening(
  live: LiveParts,
  latest: ProtocolOpening | undefined,
  checksum: string,
  by: string,
  at: string,
): ProtocolOpening {
  return {
    version: (latest?.version ?? 0) + 1,
    checksum,
    parts: valuesOf(live),
    rows: PART_KINDS.flatMap((k) => (live[k] as StoredRow<unknown>[]).map((r) => r.eTag)),
    openedBy: by,
    openedAt: at,
  };
}
