import { ABSENCE_KINDS, type Absence } from './absence';
import { CATEGORIES, type AgendaItem } from './agendaItem';
import type { AgendaRule } from './agendaRules';
import { DECISION_STATUSES, type Decision } from './decision';
import { validateIndstilling } from './indstilling/indstilling';
import { cleanText, stripControl, TEXT_MAX, TITLE_MAX } from './text';

/**
 * Which rule an input broke. The words for each (Danish and English, with the issue's numbers and names)
 * are in the vocabulary, src/ui/i18n/validationStrings.ts: the domain decides, the UI says it.
 */
export type ValidationRule =
  | 'required'
  | 'tooLong'
  | 'itemNumber'
  | 'duration'
  | 'category'
  | 'caseNumberFormat'
  | 'indstillingField'
  | 'attachmentName'
  | 'attachmentType'
  | 'attachmentSize'
  | 'attachmentUrl'
  | 'agendaSize'
  | 'duplicateNumber'
  | 'duplicateId'
  | 'absenceKind'
  | 'partialItems'
  | 'decisionTooLong'
  | 'decisionStatus'
  | 'referatAlreadyApproved'
  | 'referatAlreadySent'
  | 'referatNotApproved'
  | 'referatSendNeedsApproval'
  /** What must be true before an agenda is published (agendaRules.ts). */
  | AgendaRule;

/** What the words of a rule need: the agenda item's number, a limit and what was found, a name. */
export interface ValidationParams {
  /** The agenda item the problem is in. */
  item?: number;
  max?: number;
  /** The length (characters) or size (MB) found. */
  found?: number;
  /** A name or value as typed (an attachment's name, an unknown category). */
  name?: string;
}

export interface ValidationIssue {
  /** Where: `title`, `items.3.caseNumber`, `items.0.attachments.1` … */
  field: string;
  /** The kind of problem. */
  code: 'required' | 'tooLong' | 'tooLarge' | 'invalid' | 'duplicate' | 'range';
  rule: ValidationRule;
  params?: ValidationParams;
}

/** Bad input, one issue per problem, for the UI to put into words at the field (src/ui/errors.ts). */
export class ValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    // For developers and logs only; never shown (src/ui/errors.ts messageOf).
    super(`Invalid input: ${issues.map((i) => `${i.field} (${i.rule})`).join(', ')}`);
    this.name = 'ValidationError';
  }
}

function title(value: string, field: string, item: number, issues: ValidationIssue[]): string {
  const clean = cleanText(value);
  if (!clean) issues.push({ field, code: 'required', rule: 'required', params: { item } });
  else if (clean.length > TITLE_MAX)
    issues.push({
      field,
      code: 'tooLong',
      rule: 'tooLong',
      params: { item, max: TITLE_MAX, found: clean.length },
    });
  return clean;
}

function short(value: string | undefined, field: string, issues: ValidationIssue[]): string | undefined {
  const clean = cleanText(value);
  if (clean.length > TITLE_MAX)
    issues.push({ field, code: 'tooLong', rule: 'tooLong', params: { max: TITLE_MAX, found: clean.length } });
  return clean || undefined;
}

function long(
  value: string | undefined,
  field: string,
  issues: ValidationIssue[],
  max = TEXT_MAX,
): string | undefined {
  const clean = cleanText(value, true);
  if (clean.length > max)
    issues.push({ field, code: 'tooLong', rule: 'tooLong', params: { max, found: clean.length } });
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
    title: title(item.title, at('title'), item.number, issues),
    presenter: short(item.presenter, at('presenter'), issues),
    caseNumber: short(item.caseNumber, at('caseNumber'), issues),
    description: long(item.description, at('description'), issues),
    guests: item.guests
      .map((g) => ({ ...g, name: cleanText(g.name), upn: cleanText(g.upn) || undefined }))
      .filter((g) => g.name || g.upn),
    attachments: item.attachments.map((a) => ({ ...a, name: cleanText(a.name) })),
  };
  if (item.indstilling) {
    // The indstilling's own rules (validateIndstilling); its fields under `…indstilling.<field>`. A paper
    // without points (imported with sections only) still saves: the editor asks for them, not the agenda.
    const checked = validateIndstilling(item.indstilling);
    clean.indstilling = checked.indstilling;
    for (const i of checked.issues.filter((x) => x.code !== 'required'))
      issues.push({
        field: at(`indstilling.${i.field}`),
        code: i.code,
        rule: 'indstillingField',
        params: { item: item.number, name: i.field },
      });
  }
  if (!Number.isInteger(item.number) || item.number < 1)
    issues.push({ field: at('number'), code: 'range', rule: 'itemNumber', params: { found: item.number } });
  if (!Number.isFinite(item.durationMinutes) || item.durationMinutes < 0 || item.durationMinutes > 24 * 60)
    issues.push({
      field: at('durationMinutes'),
      code: 'range',
      rule: 'duration',
      params: { item: item.number, max: 24 * 60 },
    });
  if (item.category !== null && !CATEGORIES.includes(item.category))
    issues.push({
      field: at('category'),
      code: 'invalid',
      rule: 'category',
      params: { name: String(item.category) },
    });
  clean.attachments.forEach((a, k) => issues.push(...attachmentIssues(a, at(`attachments.${k}`))));
  if (item.caseNumber && clean.caseNumber && !/^[A-ZÆØÅ]{2,5}-\d{4}-\d{3,7}$/i.test(clean.caseNumber))
    issues.push({ field: at('caseNumber'), code: 'invalid', rule: 'caseNumberFormat' });
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
    issues.push({ field, code: 'invalid', rule: 'attachmentName', params: { max: TITLE_MAX } });
  else if (!ext || !(ATTACHMENT_TYPES as readonly string[]).includes(ext))
    issues.push({ field, code: 'invalid', rule: 'attachmentType', params: { name: a.name } });
  if (!Number.isFinite(a.size) || a.size < 0 || a.size > ATTACHMENT_MAX_BYTES)
    issues.push({
      field,
      code: 'tooLarge',
      rule: 'attachmentSize',
      params: { name: a.name, found: Math.round(a.size / 1048576), max: ATTACHMENT_MAX_BYTES / 1048576 },
    });
  if (a.url && !/^(?:https:\/\/|\/(?!\/))/i.test(a.url))
    issues.push({ field, code: 'invalid', rule: 'attachmentUrl', params: { name: a.name } });
  return issues;
}

/** The whole agenda: every item valid, numbers unique. Throws ValidationError; returns the cleaned items. */
export function validateAgenda(items: AgendaItem[]): AgendaItem[] {
  const issues: ValidationIssue[] = [];
  if (items.length > 200)
    issues.push({ field: 'items', code: 'range', rule: 'agendaSize', params: { max: 200 } });
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
        rule: 'duplicateNumber',
        params: { item: item.number },
      });
    seen.set(item.number, i);
  });
  const ids = new Set<string>();
  for (const item of cleaned) {
    if (ids.has(item.id))
      issues.push({ field: 'items', code: 'duplicate', rule: 'duplicateId', params: { name: item.id } });
    ids.add(item.id);
  }
  if (issues.length) throw new ValidationError(issues);
  return [...cleaned].sort((a, b) => a.number - b.number);
}

/** An afbud's reason: shorter than other long texts (it is read in a list). */
const REASON_MAX = 2000;

export function validateAbsence(absence: Absence): Absence {
  const issues: ValidationIssue[] = [];
  if (!ABSENCE_KINDS.includes(absence.kind))
    issues.push({ field: 'kind', code: 'invalid', rule: 'absenceKind' });
  const reason = long(absence.reason, 'reason', issues, REASON_MAX);
  const substitute = short(absence.substitute, 'substitute', issues);
  if (absence.kind === 'Deltager delvist' && absence.items.length === 0)
    issues.push({ field: 'items', code: 'required', rule: 'partialItems' });
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
      rule: 'decisionTooLong',
      params: { max: TEXT_MAX, found: text.length },
    });
  if (!DECISION_STATUSES.includes(decision.status))
    issues.push({
      field: 'status',
      code: 'invalid',
      rule: 'decisionStatus',
      params: { name: decision.status },
    });
  if (issues.length) throw new ValidationError(issues);
  // Decisions keep their text exactly as typed (no trimming mid-typing); only control characters go.
  return {
    ...decision,
    text: stripControl(text),
    itemTitle: cleanText(decision.itemTitle).slice(0, 255),
  };
}
