import type { Meeting } from '../meeting';
import { sameUpn } from '../person';
import type { StatementFolder } from './place';

/**
 * Who may speak for a row, read from SharePoint's own record of its author (`createdBy`) and last writer
 * (`lastModifiedBy`), which no client can set. These rules hold what a folder's permissions cannot.
 */

/** An afbud reason belongs to the afbud row with the same author and person. */
export const reasonKey = (author: string | undefined, personUpn: string): string =>
  `${(author ?? '').trim().toLowerCase()}|${personUpn.trim().toLowerCase()}`;

/**
 * A decision or follow-up counts for a meeting only when SharePoint says its last writer is someone who may
 * write the meeting's decisions (organizer, referent, an earlier referent).
 */
export function writtenByWriters(meeting: Pick<Meeting, 'organizer' | 'referent' | 'formerReferents'>) {
  const writers = [meeting.organizer.upn, meeting.referent?.upn, ...(meeting.formerReferents ?? [])];
  return (row: { modifiedBy?: string }) => !row.modifiedBy || writers.some((w) => sameUpn(w, row.modifiedBy));
}

/** A committee row as the trust rule needs it. */
export interface CommitteeRowWriter {
  list: 'CommitteeDecisions' | 'CommitteeStatements';
  kind: string;
  /** The member the row is about, lower-case ('' for per-item rows). */
  member: string;
  /** SharePoint's createdBy; undefined only in a store without identities. */
  author: string | undefined;
  /** SharePoint's lastModifiedBy. */
  modifiedBy?: string;
  /** Where a CommitteeStatements row lives, seen from the member it names (place.ts, statementFolder). */
  folder: StatementFolder;
}

/**
 * Whether a committee row speaks for what it says: CommitteeDecisions rows as they are (only organizer and
 * referent can write that list), except a publication choice, which counts only when its last writer is
 * the organizer; an opening for signatures only from the organizer, in the meeting's own statements folder.
 * A member's statement (declaration, tilførsel, signature) counts from the folder of the member it names,
 * whatever its Author (only she and the organizer write there); in the meeting's own folder (the organizer's
 * and, until out for signatures, the referent's) when the organizer or the referent wrote it — except a
 * signature — or when its author is the member (written before member folders existed; no member writes
 * there any more); from anywhere else never.
 */
export function committeeRowCounts(
  row: CommitteeRowWriter,
  organizerUpn: string | undefined,
  referentUpn: string | undefined,
): boolean {
  if (row.kind === 'publication')
    return (
      row.list === 'CommitteeDecisions' &&
      (row.author === undefined || sameUpn(row.modifiedBy ?? row.author, organizerUpn))
    );
  // An opening for signatures is the organizer's alone: written and last changed by her, in the statements list.
  if (row.kind === 'opening')
    return (
      row.list === 'CommitteeStatements' &&
      row.folder === 'meeting' &&
      (row.author === undefined ||
        (sameUpn(row.author, organizerUpn) && sameUpn(row.modifiedBy ?? row.author, organizerUpn)))
    );
  if (row.list === 'CommitteeDecisions') return true;
  if (row.folder === 'member') return true;
  if (row.folder !== 'meeting') return false;
  if (row.author === undefined || sameUpn(row.author, row.member)) return true;
  if (row.kind === 'signature') return false;
  return sameUpn(row.author, organizerUpn) || sameUpn(row.author, referentUpn);
}
