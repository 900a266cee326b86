import { readIndstilling } from '../indstilling/readIndstilling';
import type { ImportedIndstilling } from './importedMeeting';
import { caseNumberIn } from './item';
import { DASH, parseDanishDate } from './ocrText';

/**
 * An indstilling (the paper behind an item) as attached to the agenda: its cover line
 * "Indstilling til Rådmanden" (or "… til rådmandsmødet", "… til udvalget"), then "20. februar 2024 - 10 min" (repeated on every page), the title,
 * and somewhere a case number "EMN-2024-027961". Only the cover line opens one; the upper-case
 * "INDSTILLING" inside is a section of it.
 */

const COVER = /^Indstilling(?:\s+til\s+(?:[rR]\S{1,3}dmand|[uU]dvalg)\S*(?:\s+\S{1,8})?)?$/;
const DATED = new RegExp(`^(.+?)\\s+${DASH}\\s+(\\d{1,3})\\s*min(?:\\.|utter)?\\s*$`, 'i');

export const isIndstillingCover = (line: string) => COVER.test(line);
/** "20. februar 2024 - 10 min": an indstilling's page line, never a page header to drop. */
export const isIndstillingDateLine = (line: string) => DATED.test(line);

export interface IndstillingHead {
  /** The "20. februar 2024 - 10 min" line as written (repeated on every page). */
  dateLine: string | null;
  date: string | null;
  minutes: number | null;
  title: string;
  caseNumber?: string;
}

/** The head of an indstilling from the lines after its cover line. */
export function readIndstillingHead(lines: string[]): IndstillingHead {
  const filled = lines.filter(Boolean);
  const caseNumber = filled.map(caseNumberIn).find(Boolean);
  const at = filled.slice(0, 3).findIndex((l) => DATED.test(l));
  const dated = at >= 0 ? DATED.exec(filled[at]) : null;
  // The title is the first line after the "<date> - N min" line (or after the Til/Fra/Dato lines).
  const title =
    filled.slice(at + 1).find((l) => !/^(?:Til|Fra|Dato)\b/i.test(l) && !/^INDLEDNING$/i.test(l)) ?? '';
  return {
    dateLine: dated ? filled[at] : null,
    date: dated ? parseDanishDate(dated[1]) : null,
    minutes: dated ? Number(dated[2]) : null,
    title,
    caseNumber,
  };
}

/**
 * The indstilling printed in an export (its pages, each opening with the cover lines it repeats) in the
 * model's terms; what follows its footer is a bilag's own text and is not part of it. Null when the
 * pages hold neither points nor sections.
 */
export function importedIndstilling(pages: string[]): ImportedIndstilling | null {
  const { indstilling: x } = readIndstilling(pages.map((text) => ({ text })));
  if (!x.points.length && !Object.keys(x.sections).length) return null;
  return {
    title: x.title,
    points: x.points,
    sections: { ...x.sections },
    bilag: x.bilag,
    ...(x.caseWorker ? { caseWorker: x.caseWorker } : {}),
  };
}
