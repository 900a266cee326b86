import { joinLines, ocrNumber, splitDuration } from './ocrText';

/**
 * The headings that open an item's text: "Punkt 3: Title (10 min)" on the agenda, and
 * "Beslutning for Punkt 3: Title" over its decision. OCR may misread the number ("Punkt l:"), and
 * a title may run over two or three lines.
 */

const PUNKT = /^Punkt\s*([0-9lIOoSB|]{1,2})\s*[:.]\s*(.*)$/i;
const BESLUTNING = /^Beslutning\s+for\s+Punkt\s*([0-9lIOoSB|]{1,2})\s*[:.]?\s*(.*)$/i;
const REFERAT = /^Referat$/i;
/** Words a broken heading line ends with when the title continues on the next line. */
const CONTINUES = /(?:\s(?:og|i|af|for|til|på|pa|p&|p8|pé|med|om|fra|ved|samt|vedr\.)|[-,:§–])$/i;
const MINUTES_AT_END = /\(\d{1,3}\s*min(?:\.|utter)?\)$/i;

export interface Heading {
  number: number;
  title: string;
  minutes: number | null;
  /** The line after the heading (its title may span lines). */
  next: number;
}

function heading(lines: string[], at: number, pattern: RegExp, titleBelow: boolean): Heading | null {
  const m = pattern.exec(lines[at]);
  const number = m ? ocrNumber(m[1]) : null;
  if (!m || number === null) return null;
  const { title, next } = headingTitle(lines, at, m[2], titleBelow);
  const split = splitDuration(title);
  return { number, title: split.title, minutes: split.minutes, next };
}

/** "Punkt 3: Title"; a heading with nothing after the colon has its title on the next line. */
export const recogniseItemHeading = (lines: string[], at: number) => heading(lines, at, PUNKT, true);
/**
 * "Beslutning for Punkt 3: Title", or "Beslutning for Punkt 3" alone: then the next line is the decision
 * (the item heading gave the title).
 */
export const recogniseDecisionHeading = (lines: string[], at: number) =>
  heading(lines, at, BESLUTNING, false);
export const isReferatHeading = (line: string) => REFERAT.test(line);

/** True for a line that opens an item or decision (used to stop a title or a list). */
export function isHeadingLine(line: string): boolean {
  return PUNKT.test(line) || BESLUTNING.test(line) || REFERAT.test(line);
}

/** A heading's title, continued on the next line(s) where OCR or layout broke it. */
function headingTitle(
  lines: string[],
  at: number,
  first: string,
  titleBelow: boolean,
): { title: string; next: number } {
  let title = first.trim();
  let next = at + 1;
  if (!title) {
    if (!titleBelow) return { title, next };
    while (next < lines.length && !lines[next]) next++;
    // "Punkt 2:" / "Referat": an item titled Referat, not the Referat section.
    if (next < lines.length && (!isHeadingLine(lines[next]) || REFERAT.test(lines[next])))
      title = lines[next++];
  }
  for (let guard = 0; guard < 2 && next < lines.length; guard++) {
    const following = lines[next];
    if (!following || isHeadingLine(following)) break;
    const unclosed = (title.match(/\(/g)?.length ?? 0) > (title.match(/\)/g)?.length ?? 0);
    const endsWithMinutes = MINUTES_AT_END.test(following) && following.length < 90;
    if (unclosed || CONTINUES.test(title) || endsWithMinutes || /^min\.?\)$/i.test(following)) {
      title = joinLines([title, following]);
      next++;
    } else break;
  }
  return { title, next };
}
