/**
 * `npm run -s bench:import [-- --cases N]`: the import's field accuracy per kind of field, on the three
 * hand-labelled seeds and on N (10 000) generated exports, clean and OCR-damaged, as a table (the
 * indstilling's title, points, sections, bilag and case worker included), then every figure as
 * `npm run bench` records it.
 */
import { benchImportAccuracy } from './archive';
import { benchImportGenerated } from './importGenerated';

const at = process.argv.indexOf('--cases');
const cases = at > 0 ? Number(process.argv[at + 1]) : 10000;
const seeds = benchImportAccuracy();
const generated = benchImportGenerated(cases);

type ByKind = Record<string, string | number | null>;
const seedKinds = seeds['import.fieldAccuracyPctByKind'] as ByKind;
const clean = generated['importGenerated.fieldAccuracyPctByKindClean'] as ByKind;
const damaged = generated['importGenerated.fieldAccuracyPctByKindDamaged'] as ByKind;
const kinds = [...new Set([...Object.keys(seedKinds), ...Object.keys(clean)])];
const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '–' : String(v));
const rows = [
  ['field', 'seeds % (correct/fields)', 'generated clean %', 'generated OCR-damaged %'],
  ...kinds.map((k) => [k, cell(seedKinds[k]), cell(clean[k]), cell(damaged[k])]),
  [
    'all fields',
    cell(seeds['import.fieldAccuracyPct'] as number),
    cell(generated['importGenerated.fieldAccuracyPctClean'] as number),
    cell(generated['importGenerated.fieldAccuracyPctDamaged'] as number),
  ],
];
const widths = rows[0].map((_h, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((v, c) => v.padEnd(widths[c])).join('  '));
console.log('');

const figures = { ...seeds, ...generated };
const width = Math.max(...Object.keys(figures).map((k) => k.length));
for (const [k, v] of Object.entries(figures))
  console.log(`${k.padEnd(width)}  ${typeof v === 'object' ? JSON.stringify(v) : v}`);
