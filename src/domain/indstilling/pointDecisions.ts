import { skeleton } from '../history/ocrText';

/**
 * Decisions point by point: the referent answers each "at"-point of the indstilling with one choice and
 * perhaps a remark, and the decision is written the way the referater always were ("At 1) Godkendt.",
 * "At 2) Taget til efterretning." with the remark under it), or "Godkendt som indstillet." for the whole
 * item. The text is what is stored and printed; `parsePointDecisions` reads it back, also when a
 * referent (or an old referat) wrote it by hand.
 */

export const POINT_CHOICES = [
  'Godkendt',
  'Taget til efterretning',
  'Godkendt med bemærkninger',
  'Ikke godkendt',
  'Udsat',
] as const;
export type PointChoice = (typeof POINT_CHOICES)[number];

export const APPROVED_AS_PROPOSED = 'Godkendt som indstillet.';

export interface PointDecision {
  choice: PointChoice | null;
  /** Free text under the point (a remark, an order, who follows up). */
  note: string;
}

export interface PointDecisions {
  /** "Godkendt som indstillet": every point approved as written. */
  asProposed: boolean;
  /** Text before the first point (or the whole decision when it names no point). */
  preamble: string;
  /** One per point of the indstilling, in order. */
  points: PointDecision[];
}

const clean = (s: string) => s.replace(/\r\n?/g, '\n').trim();

/** The decision text for per-point choices: "At 1) Godkendt.\nremark\n\nAt 2) …". */
export function composePointDecisions(d: PointDecisions): string {
  const parts: string[] = [];
  if (d.asProposed) parts.push(APPROVED_AS_PROPOSED);
  if (clean(d.preamble)) parts.push(clean(d.preamble));
  if (!d.asProposed)
    d.points.forEach((p, k) => {
      const note = clean(p.note);
      if (!p.choice && !note) return;
      const head = `At ${k + 1})${p.choice ? ` ${p.choice}.` : ''}`;
      parts.push(note ? `${head}\n${note}` : head);
    });
  return parts.join('\n\n');
}

/** "Godkendt som indstillet" for an item of `count` points, with an optional remark. */
export function approvedAsProposed(count: number, remark = ''): PointDecisions {
  return {
    asProposed: true,
    preamble: remark,
    points: Array.from({ length: count }, () => ({ choice: 'Godkendt' as const, note: '' })),
  };
}

/** "At 1)", "at 2)", "Ad 3)", "At 1." at the start of a line (OCR may drop the space). */
const MARKER = /^[ \t]*A[td][ \t]*(\d{1,2})[).][ \t]*/gim;

const CANONICAL = POINT_CHOICES.map((c) => ({ choice: c, key: skeleton(c) })).sort(
  (a, b) => b.key.length - a.key.length,
);

/** The choice a sentence gives, and whether the sentence is nothing but the choice ("Godkendt."). */
function choiceOf(sentence: string): { choice: PointChoice | null; exact: boolean } {
  const s = skeleton(sentence);
  const exact = CANONICAL.find((c) => s === c.key);
  if (exact) return { choice: exact.choice, exact: true };
  if (/^godkendtmedbem/.test(s)) return { choice: 'Godkendt med bemærkninger', exact: false };
  if (/ikkegodkend/.test(s) || /^afvist/.test(s)) return { choice: 'Ikke godkendt', exact: false };
  if (/tilefterretning/.test(s)) return { choice: 'Taget til efterretning', exact: false };
  if (/^(?:udsat|punktetudsat|punktetblevudsat)/.test(s)) return { choice: 'Udsat', exact: false };
  if (/^godkend|blevgodkendt|kunnegodkendes|godkendte/.test(s)) return { choice: 'Godkendt', exact: false };
  return { choice: null, exact: false };
}

/** The first sentence of a text (up to ".", "!" or a line break) and the rest. */
function firstSentence(text: string): [string, string] {
  const m = /^(.*?[.!])(?=\s|$)|^([^\n]*)/.exec(text)!;
  const first = m[1] ?? m[2] ?? '';
  return [first.trim(), text.slice(first.length).trim()];
}

/** One point's text: its choice, and the remark (the whole text when the choice was only implied). */
function readPoint(segment: string): PointDecision {
  const [first, rest] = firstSentence(segment);
  const { choice, exact } = choiceOf(first);
  return { choice, note: exact ? rest : segment.trim() };
}

const WHOLE_ITEM = /^(?:godkendtsomindstillet|indstillingenblevgodkendt|indstillingenergodkendt)/;

/**
 * Reads a decision back into per-point choices for an item of `count` points. "At K)" opens point K's
 * text; text before the first point is the preamble. Without points, a whole-item decision
 * ("Godkendt som indstillet.", "Indstillingen blev godkendt.", "Rådmanden tog punktet til
 * efterretning.") gives every point its choice; any other text stays the preamble, choices unknown.
 */
export function parsePointDecisions(text: string, count: number): PointDecisions {
  const body = clean(text);
  const points: PointDecision[] = Array.from({ length: count }, () => ({ choice: null, note: '' }));
  const markers = [...body.matchAll(MARKER)].filter((m) => {
    const n = Number(m[1]);
    return n >= 1 && n <= count;
  });
  const [first, afterFirst] = firstSentence(body);
  const asProposed = WHOLE_ITEM.test(skeleton(first));
  if (!markers.length) {
    if (asProposed) {
      points.forEach((p) => (p.choice = 'Godkendt'));
      return { asProposed: true, preamble: afterFirst, points };
    }
    const whole = choiceOf(first);
    const aboutTheItem = /punktet|indstillingen|orienteringen|sagen/.test(skeleton(first));
    if (whole.choice && (whole.exact || aboutTheItem)) points.forEach((p) => (p.choice = whole.choice));
    return { asProposed: false, preamble: body, points };
  }
  let preamble = body.slice(0, markers[0].index).trim();
  if (asProposed) preamble = firstSentence(preamble)[1];
  markers.forEach((m, k) => {
    const from = m.index! + m[0].length;
    const to = k + 1 < markers.length ? markers[k + 1].index! : body.length;
    const point = points[Number(m[1]) - 1];
    const read = readPoint(body.slice(from, to));
    point.choice = read.choice;
    point.note = point.note ? `${point.note}\n\n${read.note}` : read.note;
  });
  return { asProposed, preamble, points };
}
