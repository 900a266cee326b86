import type {
  ImportedIndstilling,
  ImportedItem,
  ImportedMeeting,
  ImportResult,
} from '../../src/domain/history/importedMeeting';

/** Whitespace is not content: OCR line breaks differ between exports of the same text. */
export const norm = (v: unknown): unknown =>
  typeof v === 'string'
    ? v.replace(/\s+/g, ' ').trim()
    : Array.isArray(v)
      ? v.map(norm)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, norm(x)]))
        : v;

const MEETING_FIELDS = [
  'series',
  'date',
  'start',
  'end',
  'location',
  'information',
  'absent',
  'referent',
  'guests',
  'kind',
] as const;
const ITEM_FIELDS = [
  'title',
  'category',
  'durationMinutes',
  'decision',
  'followUps',
  'closed',
  'caseNumber',
] as const;

/**
 * An item's indstilling counts as five fields: its title, its points, its bilag, its case worker, and its
 * sections — which sections there are, each beginning as labelled (the labels give a section's opening
 * words, not its pages of text; the generated exports check whole sections).
 */
const INDSTILLING_FIELDS = {
  indstillingTitle: (x: ImportedIndstilling | null) => x?.title ?? null,
  indstillingPoints: (x: ImportedIndstilling | null) => x?.points ?? null,
  indstillingSections: (x: ImportedIndstilling | null, labelled: ImportedIndstilling | null) =>
    x
      ? Object.fromEntries(
          Object.entries(x.sections).map(([key, text]) => {
            const opening = norm(labelled?.sections[key] ?? '') as string;
            return [key, (norm(text) as string).slice(0, opening.length || undefined)];
          }),
        )
      : null,
  indstillingBilag: (x: ImportedIndstilling | null) => x?.bilag ?? null,
  caseWorker: (x: ImportedIndstilling | null) => x?.caseWorker ?? null,
} as const;

function checkIndstilling(
  check: (where: string, a: unknown, e: unknown, field: string) => void,
  where: string,
  actual: ImportedItem | undefined,
  expected: ImportedItem,
): void {
  const e = expected.indstilling ?? null;
  const a = actual?.indstilling ?? null;
  for (const [field, of] of Object.entries(INDSTILLING_FIELDS))
    check(`${where}.${field}`, of(a, e), of(e, e), field);
}

/** The kind of field a check counts for, as accuracy is reported (dates, titles, follow-ups …). */
const KIND: Record<string, string> = {
  start: 'times',
  end: 'times',
  title: 'titles',
  category: 'categories',
  durationMinutes: 'durations',
  decision: 'decisions',
  caseNumber: 'caseNumbers',
};

export interface Accuracy {
  fields: number;
  correct: number;
  misses: string[];
  byKind: Record<string, { fields: number; correct: number }>;
}

/**
 * Field-level accuracy of an import against hand-written expectations: meetings are paired in order,
 * items by number; every meeting field and every item field counts once (a missing meeting or item
 * counts all its fields as wrong), also per kind of field.
 */
export function accuracy(
  actual: Pick<ImportResult, 'meetings'>,
  expected: Pick<ImportResult, 'meetings'>,
): Accuracy {
  const out: Accuracy = { fields: 0, correct: 0, misses: [], byKind: {} };
  const check = (where: string, a: unknown, e: unknown, field: string) => {
    const kind = (out.byKind[KIND[field] ?? field] ??= { fields: 0, correct: 0 });
    out.fields++;
    kind.fields++;
    if (JSON.stringify(norm(a ?? null)) === JSON.stringify(norm(e ?? null))) {
      out.correct++;
      kind.correct++;
    } else
      out.misses.push(
        `${where}: got ${JSON.stringify(a)?.slice(0, 80)}, expected ${JSON.stringify(e)?.slice(0, 80)}`,
      );
  };
  expected.meetings.forEach((em, k) => {
    const am: ImportedMeeting | undefined = actual.meetings[k];
    const where = `meeting ${k + 1} (${em.date ?? 'uden dato'})`;
    for (const f of MEETING_FIELDS) check(`${where}.${f}`, am?.[f], em[f], f);
    for (const ei of em.items) {
      const ai = am?.items.find((i) => i.number === ei.number);
      for (const f of ITEM_FIELDS) check(`${where} punkt ${ei.number}.${f}`, ai?.[f], ei[f], f);
      checkIndstilling(check, `${where} punkt ${ei.number}`, ai, ei);
    }
    for (const ai of am?.items ?? []) {
      if (!em.items.some((i) => i.number === ai.number))
        check(`${where} punkt ${ai.number} (not expected)`, ai, null, 'items');
    }
  });
  for (let k = expected.meetings.length; k < actual.meetings.length; k++)
    check(`meeting ${k + 1} (not expected)`, actual.meetings[k], null, 'meetings');
  return out;
}
