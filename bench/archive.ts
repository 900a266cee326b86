import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArchiveIndex, type ArchiveEntry } from '../src/domain/archive/searchIndex';
import { indstillingSearchText } from '../src/domain/indstilling/indstilling';
import { parseExport } from '../src/domain/history/parseExport';
import type { ImportResult } from '../src/domain/history/importedMeeting';
import { accuracy } from './importModel/importAccuracy';
import { readSeed, SEED_NAMES as NAMES, SEEDS_MISSING, seedsAvailable } from './seeds';

const expectedOf = (name: string): Pick<ImportResult, 'meetings'> =>
  JSON.parse(
    readFileSync(join(__dirname, '../tests/fixtures/import', `${name}.expected.json`), 'utf8'),
  ) as Pick<ImportResult, 'meetings'>;

/**
 * Field-level accuracy of the import on the seeds against tests/fixtures/import (hand-labelled from the
 * documents), in all and per kind of field.
 */
export function benchImportAccuracy(): Record<string, unknown> {
  if (!seedsAvailable()) return { 'import.skipped': SEEDS_MISSING };
  let fields = 0;
  let correct = 0;
  const byKind: Record<string, { fields: number; correct: number }> = {};
  const started = performance.now();
  for (const name of NAMES) {
    const actual = parseExport(readSeed(name), name);
    const a = accuracy(actual, expectedOf(name));
    fields += a.fields;
    correct += a.correct;
    for (const [kind, k] of Object.entries(a.byKind)) {
      const total = (byKind[kind] ??= { fields: 0, correct: 0 });
      total.fields += k.fields;
      total.correct += k.correct;
    }
  }
  const pct = (c: number, f: number) => Math.round((c / f) * 1000) / 10;
  return {
    'import.fields': fields,
    'import.fieldAccuracyPct': pct(correct, fields),
    'import.fieldAccuracyPctByKind': Object.fromEntries(
      Object.entries(byKind).map(([kind, k]) => [
        kind,
        `${pct(k.correct, k.fields)} (${k.correct}/${k.fields})`,
      ]),
    ),
    'import.parseMsPerSeed': Math.round(((performance.now() - started) / NAMES.length) * 10) / 10,
  };
}

/**
 * Search over `meetings` meetings (8 items each), made from the seeds' real decisions with their
 * words, so the vocabulary and OCR damage are real (as hand-labelled in tests/fixtures/import, which the
 * repository has even where the seeds are not). Per query: median and worst of 20 runs.
 */
export function benchArchiveSearch(meetings: number): Record<string, unknown> {
  const decisions = NAMES.flatMap((name) => expectedOf(name).meetings.flatMap((m) => m.items)).filter(
    (i) => i.decision,
  );
  const entries: ArchiveEntry[] = [];
  for (let m = 0; m < meetings; m++) {
    const year = 2015 + (m % 10);
    for (let n = 1; n <= 8; n++) {
      const source = decisions[(m * 8 + n) % decisions.length];
      entries.push({
        meetingKey: `bench-${m}`,
        place: `bench-${m}`,
        organizer: '',
        live: false,
        series: m % 3 ? 'Rådmandsmøder (Rådmandsmøde)' : 'Social- og Beskæftigelsesudvalget',
        date: `${year}-${String((m % 12) + 1).padStart(2, '0')}-${String((m % 27) + 1).padStart(2, '0')}`,
        itemNumber: n,
        itemTitle: source.title,
        category: null,
        closed: n === 8,
        // A word per meeting makes every meeting's text distinct, as real ones are.
        decision: `${source.decision} Sag ${m}-${n}.`,
        followUps: source.followUps.map((f) => ({ owners: f.owners, task: f.text })),
        indstilling: source.indstilling ? indstillingSearchText(source.indstilling) : '',
      });
    }
  }
  const t0 = performance.now();
  const index = new ArchiveIndex(entries);
  const buildMs = performance.now() - t0;
  const queries = [
    'følger op',
    'økonomichef',
    'rådmanden efterretning',
    'investering',
    'ukrainesituationen',
    'budget',
    'kommunikation',
  ];
  const out: Record<string, unknown> = {
    'archive.meetings': meetings,
    'archive.entries': entries.length,
    'archive.buildMs': Math.round(buildMs),
  };
  const all: number[] = [];
  for (const q of queries) {
    const times: number[] = [];
    let hits = 0;
    for (let r = 0; r < 20; r++) {
      const s = performance.now();
      hits = index.search({ text: q, limit: 50 }).length;
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    out[`archive.search["${q}"]`] =
      `${times[10].toFixed(2)} ms median, ${times[19].toFixed(2)} ms worst, ${hits} hits`;
  }
  all.sort((a, b) => a - b);
  out['archive.searchWorstMs'] = Math.round(all[all.length - 1] * 100) / 100;
  const f = performance.now();
  index.search({ text: 'godkendt', year: 2020, owner: 'Kommunikation', limit: 50 });
  out['archive.filteredSearchMs'] = Math.round((performance.now() - f) * 100) / 100;
  return out;
}
