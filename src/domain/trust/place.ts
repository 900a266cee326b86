import type { MeetingKey } from '../meeting';
import { meetingFolderName, personFolderName } from '../meetingScopes';

/**
 * Where a row lives decides which meeting it belongs to (docs/adr/009-rows-belong-to-folders.md): its
 * folder is the permission scope SharePoint enforces, while its MeetingKey column is whatever its writer
 * typed. A row counts for a meeting only when both agree.
 */

/** A row as placed by SharePoint: the meeting folder that holds it (null: the list root or elsewhere). */
export interface PlacedRow {
  folder: string | null;
  /** The row's own MeetingKey column. */
  meetingKey: string;
  /**
   * A row of a list kept per person (Absences): the person's folder holding it below the meeting's folder
   * (null: the meeting's folder itself, or deeper) and the person its PersonUpn column names.
   */
  person?: { folder: string | null; upn: string };
}

/**
 * The meeting folder named by a row's FileDirRef (SharePoint's server-relative URL of the folder holding
 * it, e.g. "/sites/moeder/Lists/Decisions/<meeting>/4"): the first folder below the list's root, or null
 * for a row at the root (or a FileDirRef of another list).
 */
export function folderOfRow(fileDirRef: string | undefined, list: string): string | null {
  if (!fileDirRef) return null;
  const marker = `/lists/${list.toLowerCase()}/`;
  const at = fileDirRef.toLowerCase().indexOf(marker);
  if (at < 0) return null;
  const folder = fileDirRef.slice(at + marker.length).split('/')[0];
  return folder ? folder : null;
}

/**
 * The folder directly below the meeting's folder that holds a row (FileDirRef "…/Lists/Absences/<meeting>/
 * <person>"): a person's own folder. Null for a row in the meeting's folder itself, deeper, or elsewhere.
 */
export function personFolderOfRow(fileDirRef: string | undefined, list: string): string | null {
  if (!folderOfRow(fileDirRef, list)) return null;
  const marker = `/lists/${list.toLowerCase()}/`;
  const below = fileDirRef!.slice(fileDirRef!.toLowerCase().indexOf(marker) + marker.length).split('/');
  return below.length === 2 && below[1] ? below[1] : null;
}

/**
 * Whose a row kept per person is (an afbud): the person its column names, and only when the row lives in
 * that person's own folder, which nobody else but the organizer can write. Its Author and Created By are
 * not asked: a client might make SharePoint record someone else there (devServer/README.md,
 * "author-settable").
 */
export const inOwnFolder = (person: { folder: string | null; upn: string }): boolean =>
  !!person.upn.trim() && person.folder === personFolderName(person.upn);

/** The meeting a row belongs to: the one its folder holds, when its MeetingKey column names that same meeting. */
export function meetingOfRow(row: PlacedRow): MeetingKey | null {
  if (!row.folder || !row.meetingKey) return null;
  return meetingFolderName(row.meetingKey) === row.folder ? row.meetingKey : null;
}

/**
 * Whether a row counts for meeting `key`: it lives in that meeting's folder and names no other meeting
 * (and, for a row kept per person, in the folder of the person it names).
 */
export const belongsTo = (key: MeetingKey, row: PlacedRow): boolean =>
  meetingOfRow(row) === key && (!row.person || inOwnFolder(row.person));

/**
 * A row read for a meeting that does not belong to it (its column names the meeting, its folder does not;
 * or an afbud outside the folder of the person it names).
 */
export interface MisplacedRow {
  list: string;
  id: string;
}

/**
 * The rows of a read split into those that count for the meeting and those whose columns name it from
 * another place: the organizer's view reports the second kind, nobody's view counts them.
 */
export function splitByPlace<R>(
  key: MeetingKey,
  list: string,
  rows: R[],
  placeOf: (row: R) => PlacedRow & { id: string },
): { rows: R[]; misplaced: MisplacedRow[] } {
  const out: R[] = [];
  const misplaced: MisplacedRow[] = [];
  for (const row of rows) {
    const placed = placeOf(row);
    if (belongsTo(key, placed)) out.push(row);
    else misplaced.push({ list, id: placed.id });
  }
  return { rows: out, misplaced };
}
