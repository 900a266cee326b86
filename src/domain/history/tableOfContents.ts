import type { Category } from '../agendaItem';
import { categoryLine, isCategoryLine } from './category';
import { joinLines, ocrNumber, splitDuration } from './ocrText';

/**
 * The table of contents a clean export opens with: "Indhold", then the items grouped under
 * "Kategori - …", each line ending in its page number (after a comma and a tab, a tab, or dot leaders):
 *   Indhold
 *   Kategori - Til godkendelse
 *   Punkt 1: Dagsorden,	3
 *   Punkt 3: Budgettemadrøftelser i Social- og
 *   Beskæftigelsesudvalget (10 min) ........ 4
 * A clean export also lists each item's decision as a line of its own ("Beslutning for Punkt 1:
 * Dagsorden,<tab>3"): navigation too, never an item or a decision.
 * It is navigation, not items: the assembler reads it only for the categories of the items it lists.
 */

export interface TocEntry {
  number: number;
  title: string;
  minutes: number | null;
  category: Category | null;
}

export interface TableOfContents {
  /** One past its last line. */
  end: number;
  entries: TocEntry[];
}

const TITLE = /^Indhold(?:sfortegnelse)?$/i;
const ENTRY = /^Punkt\s*([0-9lIOoSB|]{1,2})\s*[:.]\s*(.*)$/i;
const DECISION_ENTRY = /^Beslutning\s+for\s+Punkt\s*([0-9lIOoSB|]{1,2})\s*[:.]?\s*(.*)$/i;
const isEntryLine = (line: string) => ENTRY.test(line) || DECISION_ENTRY.test(line);
/** The page number at the end of an entry: ",<tab>3", "<tab>3", ". . . . 3", "…… 3" (OCR: ", 3"). */
const PAGE = /(?:\s*,\s*\t\s*|\s*\t+\s*|\s*(?:\.\s?){3,}\s*|\s*…+\s*)(\d{1,3})$/;
const PAGE_AFTER_COMMA = /\s*,\s+(\d{1,3})$/;

/** The entry's text without its page number, or null when the line does not end in one. */
function withoutPage(line: string, lenient: boolean): string | null {
  const m = PAGE.exec(line) ?? (lenient ? PAGE_AFTER_COMMA.exec(line) : null);
  return m ? line.slice(0, m.index).trim() : null;
}

/**
 * An entry starting at `at` (a "Punkt N:" or "Beslutning for Punkt N:" line whose title ends in a page
 * number within 3 lines).
 */
function entryAt(lines: string[], at: number, lenient: boolean, category: Category | null) {
  const decision = DECISION_ENTRY.test(lines[at]);
  const m = (decision ? DECISION_ENTRY : ENTRY).exec(lines[at]);
  const number = m ? ocrNumber(m[1]) : null;
  if (!m || number === null) return null;
  const parts = [m[2]];
  for (let i = at; i < Math.min(lines.length, at + 3); i++) {
    if (i > at) {
      if (!lines[i] || isEntryLine(lines[i]) || isCategoryLine(lines[i])) return null;
      parts.push(lines[i]);
    }
    const text = withoutPage(parts[parts.length - 1], lenient);
    if (text !== null) {
      parts[parts.length - 1] = text;
      const split = splitDuration(joinLines(parts));
      return {
        entry: { number, title: split.title, minutes: split.minutes, category },
        decision,
        next: i + 1,
      };
    }
  }
  return null;
}

/** The table of contents starting at line `at`, or null when none starts there. */
export function recogniseTableOfContents(lines: string[], at: number): TableOfContents | null {
  const titled = TITLE.test(lines[at]);
  if (!titled && !ENTRY.test(lines[at]) && !isCategoryLine(lines[at])) return null;
  const entries: TocEntry[] = [];
  let category: Category | null = null;
  let i = titled ? at + 1 : at;
  let end = i;
  while (i < lines.length) {
    const line = lines[i];
    if (!line) {
      i++;
      continue;
    }
    if (isCategoryLine(line)) {
      // A category line belongs to the table only if an entry follows it.
      const next = lines.slice(i + 1).findIndex(Boolean);
      const entry = next >= 0 ? entryAt(lines, i + 1 + next, titled, categoryLine(line)) : null;
      if (!entry) break;
      category = categoryLine(line);
      i++;
      continue;
    }
    const entry = entryAt(lines, i, titled, category);
    if (!entry) break;
    if (!entry.decision) entries.push(entry.entry);
    i = entry.next;
    end = i;
  }
  if (!titled && entries.length === 0) return null;
  return { end: Math.max(end, titled ? at + 1 : at), entries };
}
