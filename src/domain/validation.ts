import { ABSENCE_KINDS, type Absence } from './absence';
import { CATEGORIES, type AgendaItem } from './agendaItem';
import { DECISION_STATUSES, type Decision } from './decision';
import { cleanText, stripControl, TEXT_MAX, TITLE_MAX } from './text';

export interface ValidationIssue {
  field: string;
  code: 'required' | 'tooLong' | 'tooLarge' | 'invalid' | 'duplicate' | 'range';
  message: string;
}

/** Bad input, with one Danish message per problem, for the UI to show at the field. */
export class ValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((i) => i.message).join(' '));
    this.name = 'ValidationError';
  }
}

const fmt = (n: number) => n.toLocaleString('da-DK');

function title(value: string, field: string, label: string, issues: ValidationIssue[]): string {
  const clean = cleanText(value);
  if (!clean) issues.push({ field, code: 'required', message: `${label} skal udfyldes.` });
  else if (clean.length > TITLE_MAX)
    issues.push({
      field,
      code: 'tooLong',
      message: `${label} må højst være ${TITLE_MAX} tegn (er ${fmt(clean.length)}).`,
    });
  return clean;
}

function short(
  value: string | undefined,
  field: string,
  label: string,
  issues: ValidationIssue[],
): string | undefined {
  const clean = cleanText(value);
  if (clean.length > TITLE_MAX)
    issues.push({
      field,
      code: 'tooLong',
      message: `${label} må højst være ${TITLE_MAX} tegn (er ${fmt(clean.length)}).`,
    });
  return clean || undefined;
}

function long(
  value: string | undefined,
  field: string,
  label: string,
  issues: ValidationIssue[],
): string | undefined {
  const clean = cleanText(value, true);
  if (clean.length > TEXT_MAX)
    issues.push({
      field,
      code: 'tooLong',
      message: `${label} må højst være ${fmt(TEXT_MAX)} tegn (er ${fmt(clean.length)}).`,
    });
  return clean || undefined;
}

/** One agenda item: cleaned (trimmed, no control characters). Markup is text: kept here, escaped on output. */
export function validateAgendaItem(
  item: AgendaItem,
  prefix = '',
): { item: AgendaItem; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const at = (f: string) => `${prefix}${f}`;
  const clean: AgendaItem = {
    ...item,
    title: title(item.title, at('title'), `Titlen på punkt ${item.number}`, issues),
    presenter: short(item.presenter, at('presenter'), 'Fremlægger', issues),
    caseNumber: short(item.caseNumber, at('caseNumber'), 'Sagsnummeret', issues),
    description: long(item.description, at('description'), 'Beskrivelsen', issues),
    guests: item.guests
      .map((g) => ({ ...g, name: cleanText(g.name), upn: cleanText(g.upn) || undefined }))
      .filter((g) => g.name || g.upn),
    attachments: item.attachments.map((a) => ({ ...a, name: cleanText(a.name) })),
  };
  if (!Number.isInteger(item.number) || item.number < 1)
    issues.push({
      field: at('number'),
      code: 'range',
      message: `Punktnummeret skal være et helt tal fra 1 (er ${item.number}).`,
    });
  if (!Number.isFinite(item.durationMinutes) || item.durationMinutes < 0 || item.durationMinutes > 24 * 60)
    issues.push({
      field: at('durationMinutes'),
      code: 'range',
      message: `Minutter for punkt ${item.number} skal være mellem 0 og 1440.`,
    });
  if (item.category !== null && !CATEGORIES.includes(item.category))
    issues.push({
      field: at('category'),
      code: 'invalid',
      message: `Ukendt kategori: ${String(item.category)}.`,
    });
  clean.attachments.forEach((a, k) => issues.push(...attachmentIssues(a, at(`attachments.${k}`))));
  if (item.caseNumber && clean.caseNumber && !/^[A-ZÆØÅ]{2,5}-\d{4}-\d{3,7}$/i.test(clean.caseNumber))
    issues.push({
      field: at('caseNumber'),
      code: 'invalid',
      message: `Sagsnummeret skal have formen EMN-2022-03107.`,
    });
  return { item: clean, issues };
}

/** Bilag the municipality's meetings use: documents, sheets, slides, images, mails. */
export const ATTACHMENT_TYPES = [
  'pdf',
  'docx',
  'doc',
  'xlsx',
  'xls',
  'pptx',
  'ppt',
  'odt',
  'ods',
  'odp',
  'rtf',
  'txt',
  'csv',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'msg',
  'eml',
] as const;
/** Outlook's limit for a file attached to an event through an upload session is 150 MB; we keep bilag at 25 MB. */
export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

function attachmentIssues(a: AgendaItem['attachments'][number], field: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const ext = /\.([a-z0-9]{1,5})$/i.exec(a.name)?.[1]?.toLowerCase();
  if (!a.name || a.name.length > TITLE_MAX)
    issues.push({ field, code: 'invalid', message: `Bilagets navn skal have 1 til ${TITLE_MAX} tegn.` });
  else if (!ext || !(ATTACHMENT_TYPES as readonly string[]).includes(ext))
    issues.push({
      field,
      code: 'invalid',
      message: `Bilaget "${a.name}" har en filtype, der ikke kan vedhæftes. Brug fx PDF, Word, Excel eller PowerPoint.`,
    });
  if (!Number.isFinite(a.size) || a.size < 0 || a.size > ATTACHMENT_MAX_BYTES)
    issues.push({
      field,
      code: 'tooLarge',
      message: `Bilaget "${a.name}" er for stort (${fmt(Math.round(a.size / 1048576))} MB); højst ${ATTACHMENT_MAX_BYTES / 1048576} MB.`,
    });
  if (a.url && !/^(?:https:\/\/|\/(?!\/))/i.test(a.url))
    issues.push({ field, code: 'invalid', message: `Bilaget "${a.name}" har en ugyldig adresse.` });
  return issues;
}

/** The whole agenda: every item valid, numbers unique. Throws ValidationError; returns the cleaned items. */
export function validateAgenda(items: AgendaItem[]): AgendaItem[] {
  const issues: ValidationIssue[] = [];
  if (items.length > 200)
    issues.push({ field: 'items', code: 'range', message: 'En dagsorden kan højst have 200 punkter.' });
  const cleaned = items.map((item, i) => {
    const r = validateAgendaItem(item, `items.${i}.`);
    issues.push(...r.issues);
    return r.item;
  });
  const seen = new Map<number, number>();
  cleaned.forEach((item, i) => {
    if (seen.has(item.number))
      issues.push({
        field: `items.${i}.number`,
        code: 'duplicate',
        message: `Punkt ${item.number} findes to gange på dagsordenen.`,
      });
    seen.set(item.number, i);
  });
  const ids = new Set<string>();
  for (const item of cleaned) {
    if (ids.has(item.id))
      issues.push({ field: 'items', code: 'duplicate', message: `Punkt-id ${item.id} findes to gange.` });
    ids.add(item.id);
  }
  if (issues.length) throw new ValidationError(issues);
  return [...cleaned].sort((a, b) => a.number - b.number);
}

export function validateAbsence(absence: Absence): Absence {
  const issues: ValidationIssue[] = [];
  if (!ABSENCE_KINDS.includes(absence.kind))
    issues.push({ field: 'kind', code: 'invalid', message: 'Vælg afbud, virtuel eller delvis deltagelse.' });
  const reason = long(absence.reason, 'reason', 'Årsagen', issues);
  if (reason && reason.length > 2000)
    issues.push({ field: 'reason', code: 'tooLong', message: 'Årsagen må højst være 2.000 tegn.' });
  const substitute = short(absence.substitute, 'substitute', 'Stedfortræder', issues);
  if (absence.kind === 'Deltager delvist' && absence.items.length === 0)
    issues.push({ field: 'items', code: 'required', message: 'Vælg de punkter, du deltager i.' });
  if (issues.length) throw new ValidationError(issues);
  return { ...absence, reason, substitute, items: [...new Set(absence.items)].sort((a, b) => a - b) };
}

export function validateDecision(decision: Decision): Decision {
  const issues: ValidationIssue[] = [];
  const text = decision.text.replace(/\r\n?/g, '\n');
  if (text.length > TEXT_MAX)
    issues.push({
      field: 'text',
      code: 'tooLong',
      message: `Beslutningen er for lang: højst ${fmt(TEXT_MAX)} tegn (er ${fmt(text.length)}). Teksten er ikke gemt – del den op eller forkort den.`,
    });
  if (!DECISION_STATUSES.includes(decision.status))
    issues.push({ field: 'status', code: 'invalid', message: 'Ukendt status.' });
  if (issues.length) throw new ValidationError(issues);
  // Decisions keep their text exactly as typed (no trimming mid-typing); only control characters go.
  return {
    ...decision,
    text: stripControl(text),
    itemTitle: cleanText(decision.itemTitle).slice(0, 255),
  };
}
