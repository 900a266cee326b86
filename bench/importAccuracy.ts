/**
 * `npm run -s bench:import [-- --cases N]`: the import's field accuracy per kind of field, on the three
 * hand-labelled seeds and on N (10 000) generated, OCR-damaged exports. The same figures are part of
 * `npm run bench`.
 */
import { benchImportAccuracy } from './archive';
import { benchImportGenerated } from './importGenerated';

const at = process.argv.indexOf('--cases');
const cases = at > 0 ? Number(process.argv[at + 1]) : 10000;
const figures = { ...benchImportAccuracy(), ...benchImportGenerated(cases) };
const width = Math.max(...Object.keys(figures).map((k) => k.length));
for (const [k, v] of Object.entries(figures))
  console.log(`${k.padEnd(width)}  ${typeof v === 'object' ? JSON.stringify(v) : v}`);
