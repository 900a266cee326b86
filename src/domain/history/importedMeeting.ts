import type { ImportWarning } from './importWarning';
import type { Category } from '../agendaItem';
import type { CaseWorker } from '../indstilling/indstilling';

/**
 * A meeting as read from an old export (FirstAgenda text, Word): what the import prints as JSON and
 * writes to the lists. Text is kept as written, OCR damage included; null where the export does not say.
 */
export interface ImportedMeeting {
  series: string | null;
  /** yyyy-mm-dd */
  date: string | null;
  /** hh:mm, Copenhagen time */
  start: string | null;
  end: string | null;
  location: string | null;
  information: string | null;
  absent: string[];
  referent: string[];
  guests: ImportedGuest[];
  items: ImportedItem[];
  kind: 'agenda' | 'minutes';
}

export interface ImportedGuest {
  name: string;
  /** The item title as the export names it. */
  item: string;
}

export interface ImportedItem {
  number: number;
  title: string;
  category: Category | null;
  durationMinutes: number | null;
  decision: string | null;
  followUps: ImportedFollowUp[];
  /** LUKKET PUNKT (only present when true). */
  closed?: true;
  /** Case number of the item's indstilling, e.g. "EMN-2024-027961" (only present when found). */
  caseNumber?: string;
  /**
   * The item's indstilling as the export prints it, or null when it has none (the import always sets it;
   * optional for items made elsewhere, such as tests' fixtures).
   */
  indstilling?: ImportedIndstilling | null;
}

/**
 * An indstilling as imported: its "at"-points, its sections by key (`SECTION_KEYS` of
 * src/domain/indstilling: "sagsfremstilling", "oekonomi" …), its bilag's titles and the case worker.
 */
export interface ImportedIndstilling {
  title: string;
  points: string[];
  sections: Record<string, string>;
  bilag: string[];
  caseWorker?: CaseWorker;
}

export interface ImportedFollowUp {
  owners: string[];
  text: string;
}

export interface ImportResult {
  meetings: ImportedMeeting[];
  warnings: ImportWarning[];
}
