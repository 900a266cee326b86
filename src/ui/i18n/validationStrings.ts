import type { AgendaRule } from '../../domain/agendaRules';
import type { ValidationIssue, ValidationParams, ValidationRule } from '../../domain/validation';
import { STRINGS, type UiLocale } from './strings';

/**
 * The words for the domain's input rules (src/domain/validation.ts), Danish first: the rule decides, these
 * say it, with the issue's numbers and names. `label` is the field's name in the sentence.
 */
type Words = {
  /** A field's name as a sentence starts with it, by the last named part of the issue's field. */
  fields: Record<string, string>;
  /** An agenda item's title: its name carries the item's number. */
  itemTitle: (item: number) => string;
  rules: Record<ValidationRule, (p: ValidationParams, label: string) => string>;
};

/** The publish rules have their words in the task pane's vocabulary: one sentence, wherever it shows. */
const agendaRuleWords = (locale: UiLocale): Record<AgendaRule, (p: ValidationParams) => string> => {
  const rules = STRINGS[locale].agendaRules;
  const word = (rule: AgendaRule) => (p: ValidationParams) => rules[rule](p.name);
  return {
    noItems: word('noItems'),
    noReferent: word('noReferent'),
    minutesRange: word('minutesRange'),
    guestAddress: word('guestAddress'),
    guestName: word('guestName'),
    guestOnClosed: word('guestOnClosed'),
  };
};

const daNumber = (n = 0) => n.toLocaleString('da-DK');
const enNumber = (n = 0) => n.toLocaleString('en-GB');

const da: Words = {
  fields: {
    title: 'Titlen',
    presenter: 'Fremlægger',
    caseNumber: 'Sagsnummeret',
    description: 'Beskrivelsen',
    durationMinutes: 'Minutterne',
    number: 'Punktnummeret',
    category: 'Kategorien',
    attachments: 'Bilaget',
    items: 'Dagsordenen',
    reason: 'Årsagen',
    substitute: 'Stedfortræder',
    kind: 'Deltagelsen',
    text: 'Beslutningen',
    status: 'Status',
    referat: 'Referatet',
    input: 'Indtastningen',
  },
  itemTitle: (item) => `Titlen på punkt ${item}`,
  rules: {
    required: (_p, label) => `${label} skal udfyldes.`,
    tooLong: (p, label) => `${label} må højst være ${daNumber(p.max)} tegn (er ${daNumber(p.found)}).`,
    itemNumber: (p) => `Punktnummeret skal være et helt tal fra 1 (er ${p.found}).`,
    duration: (p) => `Minutter for punkt ${p.item} skal være mellem 0 og ${p.max}.`,
    category: (p) => `Ukendt kategori: ${p.name}.`,
    caseNumberFormat: () => 'Sagsnummeret skal have formen EMN-2022-03107.',
    // package-points (issue 25): the editor words each field; this is the agenda-wide summary.
    indstillingField: (p) =>
      `Indstillingen til punkt ${p.item} er ikke udfyldt rigtigt: ret den i indstillingen.`,
    attachmentName: (p) => `Bilagets navn skal have 1 til ${p.max} tegn.`,
    attachmentType: (p) =>
      `Bilaget "${p.name}" har en filtype, der ikke kan vedhæftes. Brug fx PDF, Word, Excel eller PowerPoint.`,
    attachmentSize: (p) => `Bilaget "${p.name}" er for stort (${daNumber(p.found)} MB); højst ${p.max} MB.`,
    attachmentUrl: (p) => `Bilaget "${p.name}" har en ugyldig adresse.`,
    agendaSize: (p) => `En dagsorden kan højst have ${p.max} punkter.`,
    duplicateNumber: (p) => `Punkt ${p.item} findes to gange på dagsordenen.`,
    duplicateId: (p) => `Punkt-id ${p.name} findes to gange.`,
    absenceKind: () => 'Vælg afbud, virtuel eller delvis deltagelse.',
    partialItems: () => 'Vælg de punkter, du deltager i.',
    decisionTooLong: (p) =>
      `Beslutningen er for lang: højst ${daNumber(p.max)} tegn (er ${daNumber(p.found)}). Teksten er ikke gemt – del den op eller forkort den.`,
    decisionStatus: () => 'Ukendt status.',
    referatAlreadyApproved: () => 'Referatet er allerede godkendt.',
    referatAlreadySent: () => 'Referatet er allerede sendt til godkendelse.',
    referatNotApproved: () => 'Kun et godkendt referat kan genåbnes.',
    referatSendNeedsApproval: () => 'Referatet skal godkendes, før det sendes.',
    ...agendaRuleWords('da'),
  },
};

const en: Words = {
  fields: {
    title: 'The title',
    presenter: 'The presenter',
    caseNumber: 'The case number',
    description: 'The description',
    durationMinutes: 'The minutes',
    number: 'The item number',
    category: 'The category',
    attachments: 'The attachment',
    items: 'The agenda',
    reason: 'The reason',
    substitute: 'The substitute',
    kind: 'The attendance',
    text: 'The decision',
    status: 'The status',
    referat: 'The minutes',
    input: 'The input',
  },
  itemTitle: (item) => `The title of item ${item}`,
  rules: {
    required: (_p, label) => `${label} is required.`,
    tooLong: (p, label) =>
      `${label} may be at most ${enNumber(p.max)} characters (it is ${enNumber(p.found)}).`,
    itemNumber: (p) => `The item number must be a whole number from 1 (it is ${p.found}).`,
    duration: (p) => `The minutes of item ${p.item} must be between 0 and ${p.max}.`,
    category: (p) => `Unknown category: ${p.name}.`,
    caseNumberFormat: () => 'The case number must look like EMN-2022-03107.',
    // package-points (issue 25): the editor words each field; this is the agenda-wide summary.
    indstillingField: (p) =>
      `The recommendation for item ${p.item} is not filled in correctly: correct it in the recommendation.`,
    attachmentName: (p) => `An attachment's name must have 1 to ${p.max} characters.`,
    attachmentType: (p) =>
      `The attachment "${p.name}" has a file type that cannot be attached. Use e.g. PDF, Word, Excel or PowerPoint.`,
    attachmentSize: (p) =>
      `The attachment "${p.name}" is too large (${enNumber(p.found)} MB); at most ${p.max} MB.`,
    attachmentUrl: (p) => `The attachment "${p.name}" has an invalid address.`,
    agendaSize: (p) => `An agenda can have at most ${p.max} items.`,
    duplicateNumber: (p) => `Item ${p.item} appears twice on the agenda.`,
    duplicateId: (p) => `Item id ${p.name} appears twice.`,
    absenceKind: () => 'Choose absence, virtual or partial attendance.',
    partialItems: () => 'Choose the items you attend.',
    decisionTooLong: (p) =>
      `The decision is too long: at most ${enNumber(p.max)} characters (it is ${enNumber(p.found)}). The text is not saved – split or shorten it.`,
    decisionStatus: () => 'Unknown status.',
    referatAlreadyApproved: () => 'The minutes are already approved.',
    referatAlreadySent: () => 'The minutes have already been sent for approval.',
    referatNotApproved: () => 'Only approved minutes can be reopened.',
    referatSendNeedsApproval: () => 'The minutes must be approved before they are sent.',
    ...agendaRuleWords('en'),
  },
};

const WORDS: Record<UiLocale, Words> = { da, en };

/** One problem with what was typed, in the page's language, with its limits and numbers. */
export function validationText(issue: ValidationIssue, locale: UiLocale = 'da'): string {
  const w = WORDS[locale];
  const p = issue.params ?? {};
  const named = issue.field.split('.').filter((part) => !/^\d+$/.test(part));
  const field = [...named].reverse().find((part) => part in w.fields) ?? 'input';
  const label = field === 'title' && p.item !== undefined ? w.itemTitle(p.item) : w.fields[field];
  return w.rules[issue.rule](p, label);
}
