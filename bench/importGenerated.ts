import fc from 'fast-check';
import {
  exportCaseArb,
  FIELD_KINDS,
  type ExportCase,
  type FieldKind,
} from './importModel/exportCase';
import { scoreCase } from './importModel/scoreImport';

type Totals = Record<FieldKind, { fields: number; correct: number }>;
const emptyTotals = () =>
  Object.fromEntries(FIELD_KINDS.map((k) => [k, { fields: 0, correct: 0 }])) as Totals;
const pct = (t: { fields: number; correct: number }) =>
  t.fields ? Math.round((t.correct / t.fields) * 1000) / 10 : null;

const SAME_LETTERS = { å: 'å', ø: 'ø', æ: 'æ', Å: 'Å', Ø: 'Ø', Æ: 'Æ' };
/** The case as a clean export: printed as FirstAgenda prints it, no OCR damage, no misread letters. */
const cleanOf = (c: ExportCase): ExportCase => ({ ...c, ops: [], scatter: null, letters: SAME_LETTERS });

/**
 * Import accuracy on generated exports: `cases` meetings rendered in FirstAgenda's layouts, damaged as
 * OCR damages them, imported; per field kind, the share of the fields the damage left that came back.
 * Each case is also imported as its clean export (same meeting and layout, no damage): "Clean" figures
 * are those, "Damaged" (and the unqualified ones) the generated cases as damaged.
 * Fixed seed, so a run is comparable with the last one.
 */
export function benchImportGenerated(cases: number, seed = 2026): Record<string, unknown> {
  const totals = { all: emptyTotals(), clean: emptyTotals(), damaged: emptyTotals() };
  let perfect = 0;
  let perfectClean = 0;
  const examples: string[] = [];
  const started = performance.now();
  for (const c of fc.sample(exportCaseArb, { numRuns: cases, seed })) {
    const score = scoreCase(c);
    if (score.misses.length === 0) perfect++;
    else if (examples.length < 3)
      examples.push(`${score.misses[0]} (${score.log.join('; ') || 'no damage'})`);
    // The same meeting and layout once more, undamaged: the clean export of it.
    const clean = scoreCase(cleanOf(c));
    if (clean.misses.length === 0) perfectClean++;
    for (const k of FIELD_KINDS) {
      for (const t of [totals.all, totals.damaged]) {
        t[k].fields += score.byKind[k].fields;
        t[k].correct += score.byKind[k].correct;
      }
      totals.clean[k].fields += clean.byKind[k].fields;
      totals.clean[k].correct += clean.byKind[k].correct;
    }
  }
  const overall = (t: Totals) =>
    pct(
      FIELD_KINDS.reduce((s, k) => ({ fields: s.fields + t[k].fields, correct: s.correct + t[k].correct }), {
        fields: 0,
        correct: 0,
      }),
    );
  const byKind = (t: Totals) => Object.fromEntries(FIELD_KINDS.map((k) => [k, pct(t[k])]));
  return {
    'importGenerated.cases': cases,
    'importGenerated.exportsFullyRecoveredPct': Math.round((perfect / cases) * 1000) / 10,
    'importGenerated.cleanExportsFullyRecoveredPct': Math.round((perfectClean / cases) * 1000) / 10,
    'importGenerated.fieldAccuracyPct': overall(totals.all),
    'importGenerated.fieldAccuracyPctClean': overall(totals.clean),
    'importGenerated.fieldAccuracyPctDamaged': overall(totals.damaged),
    'importGenerated.fieldAccuracyPctByKind': byKind(totals.all),
    'importGenerated.fieldAccuracyPctByKindClean': byKind(totals.clean),
    'importGenerated.fieldAccuracyPctByKindDamaged': byKind(totals.damaged),
    'importGenerated.fieldsByKind': Object.fromEntries(FIELD_KINDS.map((k) => [k, totals.all[k].fields])),
    'importGenerated.msPerExport': Math.round(((performance.now() - started) / cases) * 100) / 100,
    ...(examples.length ? { 'importGenerated.firstMisses': examples } : {}),
  };
}
