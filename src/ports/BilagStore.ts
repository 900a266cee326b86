import type { MeetingKey } from '../domain/meeting';

/** One bilag (attachment) of an agenda item, as stored beside the item (issue 25). */
export interface Bilag {
  /** The store's id of the file (Graph: the driveItem id). */
  id: string;
  /** The file name, also what the reader sees and downloads it as. */
  name: string;
  size: number;
  mimeType: string;
  /** When its content last changed (ISO 8601). */
  modified: string;
  /** Changes whenever the file does (a new version). */
  eTag: string;
}

export interface BilagUpload {
  name: string;
  bytes: Uint8Array;
  /** The file's MIME type when the browser knows it. */
  type?: string;
}

export interface BilagContent {
  name: string;
  bytes: Uint8Array;
  mimeType: string;
}

/**
 * The bilag of each agenda item of a meeting, kept under exactly the item's permissions (the item's folder of
 * the meeting's place in the "Bilag" document library: docs/adr/004-permissions.md). An item's folder
 * exists from "Send dagsorden"; before that, or for a reader who may not see the item, `list` answers [] and
 * `upload`/`download` fail with NotFound (never telling which). Uploading a name that is there already makes
 * a new version of that file.
 */
export interface BilagStore {
  /**
   * An item is named by its id, never its number: renumbering the agenda must not move a file under
   * another item's permissions (docs/security.md §9).
   */
  list(meeting: MeetingKey, itemId: string): Promise<Bilag[]>;
  upload(meeting: MeetingKey, itemId: string, file: BilagUpload): Promise<Bilag>;
  download(meeting: MeetingKey, itemId: string, name: string): Promise<BilagContent>;
  /**
   * The file as a PDF, for the meeting package: a PDF as it is; an Office file converted by the store
   * (Graph's `…/content?format=pdf`). A file the store cannot convert fails with `Invalid` whose
   * `details.code` is `bilagNotConvertible`; one the caller cannot see with NotFound, as `download` does.
   */
  pdf(meeting: MeetingKey, itemId: string, name: string): Promise<BilagContent>;
}

/** The code of the failure `BilagStore.pdf` gives for a file it cannot turn into PDF. */
export const NOT_CONVERTIBLE = 'bilagNotConvertible';
