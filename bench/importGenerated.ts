import fc from 'fast-check';
import { exportCaseArb, FIELD_KINDS, type FieldKind } from './importModel/exportCase';
import { scoreCase } from './importModel/scoreImport';

/**
 * Import accuracy on generated exports: `cases` meetings rendered in FirstAgenda's layouts, damaged as
 * OCR damages them, imported; per field kind, the share of the fields the damage left that came back.
 * Fixed seed, so a run is comparable with the last one.
 */
export function benchImportGenerated(cases: number, seed = 2026): Record<string, unknown> {
  const totals = Object.fromEntries(FIELD_KINDS.map((k) => [k, { fields: 0, correct: 0 }])) as Record<
    FieldKind,
    { fields: number; correct: number }
  >;
  let perfect = 0;
  const examples: string[] = [];
  const started = performance.now();
  for (const c of fc.sample(exportCaseArb, { numRuns: cases, seed })) {
    const score = scoreCase(c);
    if (score.misses.length === 0) perfect++;
    else if (examples.length < 3)
      examples.push(`${score.misses[0]} (${score.log.join('; ') || 'no damage'})`);
    for (const k of FIELD_KINDS) {
      totals[k].fields += score.byKind[k].fields;
      totals[k].correct += score.byKind[k].correct;
    }
  }
  const pct = (t: { fields: number; correct: number }) =>
    t.fields ? Math.round((t.correct / t.fields) * 1000) / 10 : null;
  const all = FIELD_KINDS.reduce(
    (s, k) => ({ fields: s.fields + totals[k].fields, correct: s.correct + totals[k].correct }),
    { fields: 0, correct: 0 },
  );
  return {
    'importGenerated.cases': cases,
    'importGenerated.exportsFullyRecoveredPct': Math.round((perfect / cases) * 1000) / 10,
    'importGenerated.fieldAccuracyPct': pct(all),
    'importGenerated.fieldAccuracyPctByKind': Object.fromEntries(FIELD_KINDS.map((k) => [k, pct(totals[k])])),
    'importGenerated.fieldsByKind': Object.fromEntries(FIELD_KINDS.map((k) => [k, totals[k].fields])),
    'importGenerated.msPerExport': Math.round(((performance.now() - started) / cases) * 100) / 100,
    ...(examples.length ? { 'importGenerated.firstMisses': examples } : {}),
  };
}
