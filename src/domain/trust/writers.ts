import type { Meeting } from '../meeting';
import { sameUpn } from '../person';

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
  /** SharePoint's createdBy; undefined only in a store without identities (trusts every row). */
  author: string | undefined;
  /** SharePoint's lastModifiedBy. */
  modifiedBy?: string;
}

/**
 * Whether a committee row speaks for what it says: CommitteeDecisions rows as they are (only organizer and
 * referent can write that list), except a publication choice, which counts only when its last writer is
 * the organizer; an opening for signatures only from the organizer; a statement when its author is the
 * member, or — except a signature — the organizer or the referent.
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
      (row.author === undefined ||
        (sameUpn(row.author, organizerUpn) && sameUpn(row.modifiedBy ?? row.author, organizerUpn)))
    );
  if (row.list === 'CommitteeDecisions' || row.author === undefined) return true;
  if (sameUpn(row.author, row.member)) return true;
  if (row.kind === 'signature') return false;
  return sameUpn(row.author, organizerUpn) || sameUpn(row.author, referentUpn);
}
