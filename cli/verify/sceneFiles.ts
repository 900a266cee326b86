import { emptyIndstilling, type Indstilling } from '../../src/domain/indstilling/indstilling';

/*
 * What the scene stores on its items besides their rows: each item's indstilling and one bilag (issue 25).
 */

/** A small, valid PDF whose text says which item it belongs to. */
export const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);

/** An item's indstilling, its text marked as confidential so any leak of it is found by that word. */
export const paper = (title: string): Indstilling => ({
  ...emptyIndstilling(),
  title,
  points: [`Rådmanden godkender ${title}.`],
  sections: { sagsfremstilling: `Fortroligt om ${title}` },
});
