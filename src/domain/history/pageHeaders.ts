import { isIndstillingDateLine } from './indstilling';
import { isHeadingLine } from './itemHeading';
import { parseDanishDate } from './ocrText';

/**
 * Page headers that a printed export repeats at the top of every page ("Rådmandsmøde 20. februar 2024",
 * "21. juni 2024", "Side 2 af 5") land in the middle of the text once it is flattened. A short dated
 * line that occurs more than once, and is neither a heading nor an indstilling's page line (which the
 * import reads), is such a header; "Side N af M" is one wherever it stands, also at the end of a line.
 */
const PAGE_MARK = /\s+Side\s+\d+\s+af\s+\d+$/i;
const PAGE_LINE = /^Side\s+\d+\s+af\s+\d+$/i;
const HEAD_DATE_LINE = /^\d{1,2}[-\u2010-\u2015.]\d{1,2}[-\u2010-\u2015.]\d{4}\s+\d/;
const LABELLED = /^[\p{L} /]{2,20}:/u;
/** A title that names a date says so: "Referat fra mødet den 12. juni 2024" is no page header. */
const NAMES_A_DATE = /\b(?:den|d\.|fra|af|til|pr\.|per|siden|om)\s+\d{1,2}[./-]/i;

/**
 * The same header misread differently on each page ("Rådmandsmøde", "Radmandsmgde", "R&dmandsm@de")
 * is still the same header: lines are counted with the letters OCR confuses folded together.
 */
function pageKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/ze|ae|oe|aa|[æøå@&8gaoez]/g, '*')
    .replace(/\s+/g, ' ');
}

export function dropPageHeaders(lines: string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) if (line) counts.set(pageKey(line), (counts.get(pageKey(line)) ?? 0) + 1);
  const isPageHeader = (line: string) =>
    PAGE_LINE.test(line) ||
    ((counts.get(pageKey(line)) ?? 0) > 1 &&
      line.length <= 80 &&
      parseDanishDate(line) !== null &&
      !isHeadingLine(line) &&
      !isIndstillingDateLine(line) &&
      !HEAD_DATE_LINE.test(line) &&
      !LABELLED.test(line) &&
      !NAMES_A_DATE.test(line));
  return lines.filter((l) => !isPageHeader(l)).map((l) => (PAGE_MARK.test(l) ? l.replace(PAGE_MARK, '') : l));
}
