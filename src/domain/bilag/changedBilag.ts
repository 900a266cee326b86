/**
 * "Ændret efter udsendelse" (issue 25 point 2): a bilag whose file changed after a reader was shown it.
 * Which version a file is, is SharePoint's word (the driveItem's eTag, new with every version); what a
 * reader was shown is kept per reader in their own browser (docs/adr/011-bilag-marks.md). Bilag exist only
 * from "Send dagsorden" (their folders are made then), so whatever a reader was shown was sent, and a
 * version other than that one is a change after the sending.
 */

/** Per bilag id, the eTag of the version the reader was shown. */
export type SeenVersions = Readonly<Record<string, string>>;

/** A file as SharePoint reports it: its id and the eTag of its current version. */
export interface VersionedFile {
  id: string;
  eTag: string;
}

/**
 * The files changed since the reader was shown them. A file the reader was never shown is not marked: to
 * them it is no change but simply a bilag, like every other one they have not read yet.
 */
export function changedSinceSeen(files: readonly VersionedFile[], seen: SeenVersions): Set<string> {
  return new Set(files.filter((f) => f.eTag && seen[f.id] && seen[f.id] !== f.eTag).map((f) => f.id));
}

/**
 * What to remember of a list shown now: the files the reader sees for the first time, at their current
 * version. A file already remembered keeps the version the reader was shown until they open it (`opened`),
 * so the mark stays until they have read the change.
 */
export function firstSights(files: readonly VersionedFile[], seen: SeenVersions): SeenVersions {
  const out: Record<string, string> = {};
  for (const f of files) if (f.eTag && !seen[f.id]) out[f.id] = f.eTag;
  return out;
}

/** What to remember when the reader opens a file: the version they now have. */
export const opened = (file: VersionedFile): SeenVersions => (file.eTag ? { [file.id]: file.eTag } : {});
