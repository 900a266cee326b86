import type { MeetingKey } from '../meeting';
import { meetingFolderName, personFolderName, secretariatFolderName } from '../meetingScopes';

/**
 * Where a row lives decides which meeting it belongs to (docs/adr/009-rows-belong-to-folders.md): its
 * folder is the permission scope SharePoint enforces, while its MeetingKey column is whatever its writer
 * typed. A row counts for a meeting only when both agree.
 *
 * A meeting's **place** is its folder below each list's root: `<secretariat>/<meeting>` inside the
 * organizer's secretariat (docs/adr/004-permissions.md, "Secretaries"), or `<meeting>` for a meeting set
 * up before secretariats (at the list root, which only the site's owners can write). The whole place is
 * compared: a row another secretary plants in `<her secretariat>/<this meeting>` counts for nothing.
 */

/** A row as placed by SharePoint. */
export interface PlacedRow {
  /** The folder holding the row, as a path below the list's root ("S/M/4"); null at the root or elsewhere. */
  dir: string | null;
  /** The row's own MeetingKey column. */
  meetingKey: string;
  /** A row of a list kept per person (Absences): the person its PersonUpn column names. */
  person?: { upn: string };
}

/** The place of meeting `key` below a list's root, in the given secretariat folder (null: the list root). */
export function meetingPlace(key: MeetingKey, secretariat: string | null): string {
  return secretariat ? `${secretariat}/${meetingFolderName(key)}` : meetingFolderName(key);
}

/**
 * The folder holding a row, from its FileDirRef (SharePoint's server-relative URL of the folder, e.g.
 * "/sites/moeder/Lists/Decisions/<secretariat>/<meeting>/4"), as a path below the list's root; null for a
 * row at the root (or a FileDirRef of another list).
 */
export function dirOfRow(fileDirRef: string | undefined, list: string): string | null {
  if (!fileDirRef) return null;
  const marker = `/lists/${list.toLowerCase()}/`;
  const at = fileDirRef.toLowerCase().indexOf(marker);
  if (at < 0) return null;
  const dir = fileDirRef
    .slice(at + marker.length)
    .split('/')
    .filter((s) => s)
    .join('/');
  return dir || null;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Whether `dir` is the place itself or a folder inside it (an item's folder, a person's folder). */
export const isInside = (dir: string | null, place: string): boolean =>
  !!dir && (same(dir, place) || dir.toLowerCase().startsWith(`${place.toLowerCase()}/`));

/**
 * Whose a row kept per person is (an afbud): the person its column names, and only when the row lives in
 * that person's own folder directly below the meeting's place, which nobody else but the organizer can
 * write. Its Author and Created By are not asked: a client might make SharePoint record someone else there
 * (devServer/README.md, "author-settable").
 */
export const inOwnFolder = (dir: string | null, place: string, upn: string): boolean =>
  !!upn.trim() && !!dir && same(dir, `${place}/${personFolderName(upn)}`);

/**
 * Where a committee statement (CommitteeStatements: a declaration of inhabilitet, a protokoltilførsel, a
 * signature) lives, seen from the member it names (`member`, '' for a row about no member, e.g. an opening):
 * - `'member'`: in that member's own folder directly below the meeting's place, which only she (until
 *   approval) and the organizer write; it speaks for her, whatever its Author says;
 * - `'meeting'`: in the meeting's place itself, which only the organizer and (until the protocol is out for
 *   signatures) the referent write: the organizer's openings and what she or the referent records for a
 *   member; a member's own statements lived here too before member folders existed (older meetings);
 * - `'elsewhere'`: anywhere else, e.g. another member's folder: it speaks for nobody.
 * Author and Created By are never asked here (devServer/README.md, "author-settable").
 */
export type StatementFolder = 'member' | 'meeting' | 'elsewhere';

export function statementFolder(
  dir: string | null,
  place: string | undefined,
  member: string,
): StatementFolder {
  if (place === undefined || !dir) return 'elsewhere';
  if (member.trim() && inOwnFolder(dir, place, member)) return 'member';
  return same(dir, place) ? 'meeting' : 'elsewhere';
}

/**
 * Whether a row counts for meeting `key` at `place`: it lives in that place (or a folder inside it) and its
 * column names no other meeting (and, for a row kept per person, it lives in the folder of the person it
 * names).
 */
export const belongsTo = (key: MeetingKey, place: string, row: PlacedRow): boolean =>
  !!row.meetingKey &&
  row.meetingKey === key &&
  isInside(row.dir, place) &&
  (!row.person || inOwnFolder(row.dir, place, row.person.upn));

/**
 * The meeting a row belongs to, for reads of meetings known by key and located one place each ("Mine møder",
 * whose keys and organizers come from calendar events): the one its column names, when its folder lies in
 * that meeting's place (`placeOf` knows the places of the meetings read). Reads without events: placeOfRow.
 */
export function meetingOfRow(
  row: PlacedRow,
  placeOf: (key: MeetingKey) => string | undefined,
): MeetingKey | null {
  const place = row.meetingKey ? placeOf(row.meetingKey) : undefined;
  return place !== undefined && belongsTo(row.meetingKey, place, row) ? row.meetingKey : null;
}

/** A Meetings row as SharePoint places it: the organizer's row of a meeting. */
export interface PlacedMeetingRow {
  id: string;
  dir: string | null;
  meetingKey: string;
  organizerUpn: string;
}

/** Where a meeting lives, as its Meetings row says. */
export interface MeetingLocation {
  /** The Meetings row that counts. */
  id: string;
  /** The secretariat folder holding the Meetings row (and the MeetingProgress row); null: the list root. */
  secretariat: string | null;
  /** The meeting's place in every folder list (meetingPlace). */
  place: string;
}

/** Whether a Meetings row may speak for a meeting at all, and where: its secretariat, the root, or nowhere. */
function countingPlace(row: PlacedMeetingRow): { secretariat: string | null } | null {
  if (!row.meetingKey) return null;
  if (!row.dir) return { secretariat: null };
  const inSecretariat = !!row.organizerUpn.trim() && same(row.dir, secretariatFolderName(row.organizerUpn));
  return inSecretariat ? { secretariat: row.dir } : null;
}

/**
 * Which Meetings row counts for each meeting, and so where the meeting lives, for a reader who opens one
 * meeting by its key. A row counts only in the secretariat of the organizer it names (a secretary writes
 * nowhere else) or at the list root (site owners only; meetings from before secretariats). When the reader
 * knows the meeting's organizer from its calendar event (`organizerOf`), only that organizer's row counts:
 * another secretary who made a row for this meeting's key in her own secretariat cannot take the meeting
 * over. Otherwise a row in a secretariat wins over one at the root, and of two the one SharePoint numbered
 * first. Reads without an event that list meetings (the archive) use `meetingsByPlace` instead.
 */
export function locateMeetings(
  rows: PlacedMeetingRow[],
  organizerOf: (key: MeetingKey) => string | undefined = () => undefined,
): Map<MeetingKey, MeetingLocation> {
  const best = new Map<MeetingKey, { row: PlacedMeetingRow; secretariat: string | null }>();
  for (const row of rows) {
    const where = countingPlace(row);
    if (!where) continue;
    const organizer = organizerOf(row.meetingKey);
    if (organizer !== undefined && !same(organizer.trim(), row.organizerUpn.trim())) continue;
    const seen = best.get(row.meetingKey);
    const inSecretariat = where.secretariat !== null;
    const seenInSecretariat = seen?.secretariat != null;
    const better =
      !seen ||
      (inSecretariat && !seenInSecretariat) ||
      (inSecretariat === seenInSecretariat && Number(row.id) < Number(seen.row.id));
    if (better) best.set(row.meetingKey, { row, secretariat: where.secretariat });
  }
  const out = new Map<MeetingKey, MeetingLocation>();
  for (const [key, { row, secretariat }] of best)
    out.set(key, { id: row.id, secretariat, place: meetingPlace(key, secretariat) });
  return out;
}

/** A meeting as a read without a calendar event knows it: its key and where it lives. */
export interface PlacedMeeting extends MeetingLocation {
  key: MeetingKey;
}

/**
 * Every meeting the Meetings rows speak for, for reads that know no calendar event (the archive, follow-ups,
 * standing items): a meeting is its **place**, not its key. A row counts in the secretariat of the
 * organizer it names or at the list root (as in locateMeetings), and two rows of the same key in two places
 * are two meetings, each its own place's organizer's, each with only the rows of its own place's folders:
 * a row another secretary makes for a key she learned by invitation is her meeting, never the organizer's,
 * whatever SharePoint numbered first. Of two rows in one place the one SharePoint numbered first counts.
 */
export function meetingsByPlace(rows: PlacedMeetingRow[]): PlacedMeeting[] {
  const byPlace = new Map<string, PlacedMeeting>();
  for (const row of rows) {
    const where = countingPlace(row);
    if (!where) continue;
    const place = meetingPlace(row.meetingKey, where.secretariat);
    const seen = byPlace.get(place.toLowerCase());
    if (!seen || Number(row.id) < Number(seen.id))
      byPlace.set(place.toLowerCase(), {
        key: row.meetingKey,
        id: row.id,
        secretariat: where.secretariat,
        place,
      });
  }
  return [...byPlace.values()];
}

/**
 * The place of the meeting a row belongs to, for reads that know meetings by place (meetingsByPlace): the
 * place of a meeting of the key its column names that holds the row (`placesOf` gives the places of each
 * key read); null when none does.
 */
export function placeOfRow(row: PlacedRow, placesOf: (key: MeetingKey) => readonly string[]): string | null {
  if (!row.meetingKey) return null;
  return placesOf(row.meetingKey).find((place) => belongsTo(row.meetingKey, place, row)) ?? null;
}

/**
 * A MeetingProgress row counts where its meeting's Meetings row lives (its secretariat, or the root), when
 * its column names that meeting.
 */
export const progressBelongsTo = (key: MeetingKey, where: MeetingLocation, row: PlacedRow): boolean =>
  row.meetingKey === key &&
  (where.secretariat === null ? row.dir === null : !!row.dir && same(row.dir, where.secretariat));

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
 * another place: the organizer's view reports the second kind, nobody's view counts them. Without a
 * place (no Meetings row counts for the meeting) nothing counts.
 */
export function splitByPlace<R>(
  key: MeetingKey,
  place: string | undefined,
  list: string,
  rows: R[],
  placeOf: (row: R) => PlacedRow & { id: string },
): { rows: R[]; misplaced: MisplacedRow[] } {
  const out: R[] = [];
  const misplaced: MisplacedRow[] = [];
  for (const row of rows) {
    const placed = placeOf(row);
    if (place !== undefined && belongsTo(key, place, placed)) out.push(row);
    else misplaced.push({ list, id: placed.id });
  }
  return { rows: out, misplaced };
}
