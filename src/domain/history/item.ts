import { categoryLine } from './category';
import type { ImportedItem, ImportedMeeting } from './importedMeeting';
import { addGuest } from './information';

const CASE_NUMBER = /\b(EMN-\d{4}-\d{3,})\b/;
const CLOSED = /^LUKKET PUNKT$/i;
const GUEST = /^(.+?)\s+deltager\s+under\s+punktet\b/i;

export const caseNumberIn = (line: string) => CASE_NUMBER.exec(line)?.[1];

/** A new item as a heading names it. */
export function newItem(number: number, title: string, minutes: number | null): ImportedItem {
  return {
    number,
    title,
    category: null,
    durationMinutes: minutes,
    decision: null,
    followUps: [],
    indstilling: null,
  };
}

/**
 * The text under an agenda heading: its category, case number, LUKKET PUNKT and guests ("C deltager
 * under punktet."); the rest is the item's description, which the import does not keep.
 */
export function readItemNotes(meeting: ImportedMeeting, item: ImportedItem, lines: string[]): void {
  for (const line of lines) {
    item.category = categoryLine(line) ?? item.category;
    const k = caseNumberIn(line);
    if (k && !item.caseNumber) item.caseNumber = k;
    if (CLOSED.test(line)) item.closed = true;
    const g = GUEST.exec(line);
    if (g) addGuest(meeting, { name: g[1].replace(/^.*?[.:]\s+/, '').trim(), item: item.title });
  }
}
