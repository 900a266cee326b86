import { cleanText, TEXT_MAX, TITLE_MAX } from '../text';

/**
 * An indstilling: the case paper behind an agenda item, the text the rådmand or the committee decides on.
 * Its shape is fixed by the municipality's template ("Indstilling til rådmanden", date and minutes,
 * ÅBENT/LUKKET, the title, the sections, the bilag and the case worker's footer). Every section is
 * optional except INDSTILLING, the numbered "at"-points the decision answers point by point.
 */

export const RECIPIENTS = ['rådmanden', 'rådmandsmødet', 'udvalget'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/** The sections of the template in their printed order (INDSTILLING itself is `points`). */
export const SECTION_KEYS = [
  'indledning',
  'sagsfremstilling',
  'handlemuligheder',
  'oekonomi',
  'kommunikation',
  'videreProces',
  'koordineretMed',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** The headings as the template prints them. */
export const SECTION_HEADINGS: Record<SectionKey, string> = {
  indledning: 'INDLEDNING',
  sagsfremstilling: 'SAGSFREMSTILLING',
  handlemuligheder: 'HANDLEMULIGHEDER/LØSNINGER',
  oekonomi: 'ØKONOMI',
  kommunikation: 'KOMMUNIKATION',
  videreProces: 'VIDERE PROCES',
  koordineretMed: 'KOORDINERET MED',
};
export const POINTS_HEADING = 'INDSTILLING';
export const BILAG_HEADING = 'BILAG';

/** The sagsbehandler's footer: who wrote the paper and where to reach them. */
export interface CaseWorker {
  department?: string;
  name?: string;
  phone?: string;
  email?: string;
  /** yyyy-mm-dd */
  date?: string;
}

export interface Indstilling {
  recipient: Recipient | null;
  /** The meeting's date as the cover gives it, yyyy-mm-dd. */
  date: string | null;
  minutes: number | null;
  closed: boolean;
  title: string;
  /** The "at"-points, in order, without their number and "at": "rådmanden tager status til efterretning." */
  points: string[];
  /** Section texts (paragraphs separated by a blank line); a section left empty is absent. */
  sections: Partial<Record<SectionKey, string>>;
  /** "Bilag 1: Handleplan" → "Handleplan", in order. */
  bilag: string[];
  caseWorker: CaseWorker | null;
}

/** "Indstilling til rådmanden" / "… til rådmandsmødet" / "… til udvalget". */
export function coverHeading(recipient: Recipient | null): string {
  return recipient ? `Indstilling til ${recipient}` : 'Indstilling';
}

export function emptyIndstilling(): Indstilling {
  return {
    recipient: null,
    date: null,
    minutes: null,
    closed: false,
    title: '',
    points: [],
    sections: {},
    bilag: [],
    caseWorker: null,
  };
}

export interface IndstillingIssue {
  /** "title", "points", "points.2", "sections.oekonomi", "bilag.1", "caseWorker.email", "minutes" … */
  field: string;
  code: 'required' | 'tooLong' | 'invalid';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The indstilling cleaned (text trimmed, control characters dropped, empty points, sections and bilag
 * left out) and what is wrong with it: a title and at least one point are required; lengths are
 * SharePoint's (a title or name a single-line column, a text a multi-line one).
 */
export function validateIndstilling(input: Indstilling): {
  indstilling: Indstilling;
  issues: IndstillingIssue[];
} {
  const issues: IndstillingIssue[] = [];
  const line = (value: string | undefined, field: string) => {
    const clean = cleanText(value);
    if (clean.length > TITLE_MAX) issues.push({ field, code: 'tooLong' });
    return clean;
  };
  const text = (value: string | undefined, field: string) => {
    const clean = cleanText(value, true).replace(/\n{3,}/g, '\n\n');
    if (clean.length > TEXT_MAX) issues.push({ field, code: 'tooLong' });
    return clean;
  };
  const title = line(input.title, 'title');
  if (!title) issues.push({ field: 'title', code: 'required' });
  const points = input.points.map((p, k) => text(p, `points.${k + 1}`)).filter(Boolean);
  if (!points.length) issues.push({ field: 'points', code: 'required' });
  const sections: Indstilling['sections'] = {};
  for (const key of SECTION_KEYS) {
    const value = text(input.sections[key], `sections.${key}`);
    if (value) sections[key] = value;
  }
  const bilag = input.bilag.map((b, k) => line(b, `bilag.${k + 1}`)).filter(Boolean);
  if (input.recipient !== null && !RECIPIENTS.includes(input.recipient))
    issues.push({ field: 'recipient', code: 'invalid' });
  if (input.date !== null && !ISO_DATE.test(input.date)) issues.push({ field: 'date', code: 'invalid' });
  if (
    input.minutes !== null &&
    (!Number.isInteger(input.minutes) || input.minutes < 0 || input.minutes > 600)
  )
    issues.push({ field: 'minutes', code: 'invalid' });
  let caseWorker: CaseWorker | null = null;
  if (input.caseWorker) {
    const c = input.caseWorker;
    const cleaned: CaseWorker = {};
    const set = (k: keyof CaseWorker, v: string) => void (v && (cleaned[k] = v));
    set('department', line(c.department, 'caseWorker.department'));
    set('name', line(c.name, 'caseWorker.name'));
    set('phone', line(c.phone, 'caseWorker.phone'));
    set('email', line(c.email, 'caseWorker.email'));
    set('date', line(c.date, 'caseWorker.date'));
    if (cleaned.email && !EMAIL.test(cleaned.email))
      issues.push({ field: 'caseWorker.email', code: 'invalid' });
    if (cleaned.date && !ISO_DATE.test(cleaned.date))
      issues.push({ field: 'caseWorker.date', code: 'invalid' });
    caseWorker = Object.keys(cleaned).length ? cleaned : null;
  }
  return {
    indstilling: { ...input, title, points, sections, bilag, caseWorker },
    issues,
  };
}

/**
 * The indstilling as plain text in the template's order, as the package and the referat print it:
 * cover, date line, ÅBENT/LUKKET, title, sections with INDSTILLING ("Det indstilles, 1. at …") second,
 * BILAG, footer.
 */
export function indstillingText(x: Indstilling, longDate: (iso: string) => string): string {
  const out: string[] = [coverHeading(x.recipient)];
  if (x.date) out.push(`${longDate(x.date)}${x.minutes !== null ? ` - ${x.minutes} min` : ''}`);
  out.push(x.closed ? 'LUKKET' : 'ÅBENT', '', x.title, '');
  const section = (key: SectionKey) => {
    const body = x.sections[key];
    if (body) out.push(SECTION_HEADINGS[key], body, '');
  };
  section('indledning');
  out.push(POINTS_HEADING, 'Det indstilles,', ...x.points.map((p, k) => `${k + 1}. at ${p}`), '');
  for (const key of SECTION_KEYS.slice(1)) section(key);
  if (x.bilag.length) out.push(BILAG_HEADING, ...x.bilag.map((b, k) => `Bilag ${k + 1}: ${b}`), '');
  const c = x.caseWorker;
  if (c) {
    const parts = [
      c.department,
      c.name && `Sagsbehandler: ${c.name}`,
      c.phone && `Tlf.: ${c.phone}`,
      c.email && `E-post: ${c.email}`,
      c.date && longDate(c.date),
    ];
    out.push(...parts.filter((p): p is string => Boolean(p)));
  }
  return out.join('\n').trim();
}

/**
 * What the archive searches in an indstilling: its "at"-points ("1. at …") and its sections' texts, in
 * the printed order; not the cover, the headings or the case worker's footer, which every paper repeats.
 */
export function indstillingSearchText(x: Pick<Indstilling, 'points' | 'sections'>): string {
  const body = (key: SectionKey) => x.sections[key]?.trim() ?? '';
  return [
    body('indledning'),
    ...x.points.map((p, k) => `${k + 1}. at ${p}`),
    ...SECTION_KEYS.slice(1).map(body),
  ]
    .filter(Boolean)
    .join('\n');
}
