export const FOLLOW_UP_STATUSES = ['Åben', 'I gang', 'Afsluttet'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** "FAS følger op": a task that comes out of a decision. */
export interface FollowUp {
  id: string;
  itemNumber: number;
  /** Who follows up, as the decision names them ("FAS", "OL", "Kommunikation"). */
  owners: string[];
  task: string;
  /** ISO date (yyyy-mm-dd). */
  due?: string;
  status: FollowUpStatus;
}

export interface ExtractedFollowUp {
  owners: string[];
  /** The sentence as written. */
  task: string;
}

// "følger op", "følge op" and "samler op", tolerant of OCR damage to ø (fglger, folger, falger, f@lger …).
const FOLLOW = /(?:\bvil\s+)?\b(?:f\S?lge(?:r|s)?|samler)\s+op\b/i;
const SENTENCE_END = /[.!?\n](?=\s|$)|[•*»«]\s|\n\s*\n/g;
const STOP_AFTER_MED =
  /^(?:på|pa|pé|p&|p8|i|om|til|for|ved|omkring|vedr\.?|hvis|når|nar|inden|senest|efter|med|så|sa)$/i;
const LEAD_WORDS = /^(?:og|så|sa|samt|men|derfor|hvor|at|det\s+aftales,?\s+at|det\s+aftales)\s+/i;

function sentences(text: string): string[] {
  const flat = text.replace(/-\n(?=\p{Ll})/gu, '').replace(/\r/g, '');
  const out: string[] = [];
  let last = 0;
  for (const m of flat.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + (m[0].startsWith('\n') ? 0 : 1);
    out.push(flat.slice(last, end));
    last = (m.index ?? 0) + m[0].length;
  }
  out.push(flat.slice(last));
  return out.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

function ownerBefore(clause: string): string | null {
  let tail = clause;
  for (const sep of [', at ', ' at ', ', ', ': ', ' – ', ' - ']) {
    const at = tail.lastIndexOf(sep);
    if (at >= 0) tail = tail.slice(at + sep.length);
  }
  tail = tail
    .replace(/^[^\p{L}\p{N}@&]+/u, '')
    .replace(LEAD_WORDS, '')
    .trim();
  const words = tail.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 6) return null;
  if (/^(?:der|man|vi|det)$/i.test(words[0])) return null;
  return tail;
}

function ownersAfter(rest: string): string[] {
  const m = /^\s*med\s+(.+)$/i.exec(rest);
  if (!m) return [];
  const words: string[] = [];
  for (const w of m[1].split(' ')) {
    const word = w.replace(/[.,;:!?)]+$/, '');
    if (!word || STOP_AFTER_MED.test(word)) break;
    words.push(word);
    if (/[.,;:!?)]$/.test(w)) break;
  }
  return words
    .join(' ')
    .split(/\s+og\s+|,\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Follow-ups as the decisions write them: "Kommunikation følger op." → owners ["Kommunikation"];
 * "Centerchefer følger op med afdelingsledere på månedlig basis" → ["Centerchefer", "afdelingsledere"]
 * (the one before "følger op" first, anyone after "med" next); "Lotte vil følge op på dette." → ["Lotte"].
 * OCR-damaged spellings are understood; the text is kept as written.
 */
export function extractFollowUps(decisionText: string): ExtractedFollowUp[] {
  const found: ExtractedFollowUp[] = [];
  for (const sentence of sentences(decisionText)) {
    const m = FOLLOW.exec(sentence);
    if (!m || m.index === undefined) continue;
    const before = ownerBefore(sentence.slice(0, m.index).trim());
    const after = ownersAfter(sentence.slice(m.index + m[0].length));
    const owners = [...(before ? [before] : []), ...after];
    if (owners.length) found.push({ owners, task: sentence });
  }
  return found;
}

const sameTask = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * What the referent is offered under a decision: each "X følger op" sentence of the decision that is not
 * yet a follow-up of that item (the same sentence, spacing and case aside), X as its owner.
 */
export function followUpProposals(
  decisionText: string,
  itemNumber: number,
  existing: readonly Pick<FollowUp, 'itemNumber' | 'task'>[],
): ExtractedFollowUp[] {
  const taken = existing.filter((f) => f.itemNumber === itemNumber);
  return extractFollowUps(decisionText).filter((p) => !taken.some((f) => sameTask(f.task, p.task)));
}

/** "dd.mm.yyyy" of an ISO date (yyyy-mm-dd), as Danish dates are written; '' for none or nonsense. */
export function formatDueDate(due: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(due ?? '');
  return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}
