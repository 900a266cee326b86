import fc from 'fast-check';
import { exportCaseArb } from '../../../bench/importModel/exportCase';
import { scoreCase } from '../../../bench/importModel/scoreImport';

/**
 * Property: a FirstAgenda-style export rendered from any meeting, in any of the layouts, damaged the
 * way OCR damages scans, imports with every field the damage did not destroy. Fixed seed: the same
 * cases on every run (the long run with 10 000 cases is in `npm run bench`).
 */
test('every field the damage left in a generated export is imported', () => {
  fc.assert(
    fc.property(exportCaseArb, (c) => {
      const score = scoreCase(c);
      if (score.misses.length)
        throw new Error(
          `${score.misses.join('\n')}\n--- damage: ${score.log.join('; ')}\n--- export:\n${score.text}`,
        );
    }),
    { numRuns: 300, seed: 17 },
  );
});
