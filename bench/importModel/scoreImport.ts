import type { ImportedMeeting } from '../../src/domain/history/importedMeeting';
import { NotAMeetingExport, parseExport } from '../../src/domain/history/parseExport';
import { foldLetters } from './damageExport';
import { norm } from './importAccuracy';
import {
  FIELD_KINDS,
  meetingsOf,
  renderCase,
  requiredFields,
  type ExportCase,
  type FieldKind,
} from './exportCase';

export interface CaseScore {
  text: string;
  log: string[];
  /** Per field kind: fields required and fields the import got right. */
  byKind: Record<FieldKind, { fields: number; correct: number }>;
  misses: string[];
}

const same = (a: unknown, b: unknown, folded: boolean) => {
  const text = (v: unknown) => JSON.stringify(norm(v ?? null));
  return folded ? foldLetters(text(a)) === foldLetters(text(b)) : text(a) === text(b);
};

/** The meetings the parser finds; none when it refuses the text as no meeting export. */
function importedMeetings(parse: typeof parseExport, text: string) {
  try {
    return parse(text, 'generated.txt').meetings;
  } catch (e) {
    if (e instanceof NotAMeetingExport) return [];
    throw e;
  }
}

/**
 * Renders, damages and imports one case, and checks every field the damage left in the text (`parse`
 * can be another version of the parser, to compare).
 */
export function scoreCase(c: ExportCase, parse: typeof parseExport = parseExport): CaseScore {
  const { text, damaged } = renderCase(c);
  const byKind = Object.fromEntries(
    FIELD_KINDS.map((k) => [k, { fields: 0, correct: 0 }]),
  ) as CaseScore['byKind'];
  const misses: string[] = [];
  const meetings = importedMeetings(parse, text);
  const models = meetingsOf(c);
  byKind.meetings.fields++;
  if (meetings.length === models.length) byKind.meetings.correct++;
  else misses.push(`meetings: got ${meetings.length}, expected ${models.length}`);
  const checksOf = models.map((model, k) => requiredFields(c, model, k, damaged));
  const passing = (k: number, m: ImportedMeeting) =>
    checksOf[k].filter((check) => same(check.actual(m), check.expected, c.scatter !== null));
  // The order of meetings in a file is not a field: model meetings are paired with the imported ones
  // so that the most fields match (a lost first page can put an attached meeting first).
  const pairing = bestPairing(models.length, meetings.length, (k, j) => passing(k, meetings[j]).length);
  models.forEach((_model, k) => {
    const best = pairing[k] === null ? undefined : meetings[pairing[k]!];
    for (const check of checksOf[k]) {
      byKind[check.kind].fields++;
      const actual = best ? check.actual(best) : undefined;
      if (best && same(actual, check.expected, c.scatter !== null)) byKind[check.kind].correct++;
      else
        misses.push(
          `${k ? `meeting ${k + 1} ` : ''}${check.path}: got ${JSON.stringify(actual)?.slice(0, 160)}, expected ${JSON.stringify(check.expected)?.slice(0, 160)}`,
        );
    }
  });
  return { text, log: damaged.log, byKind, misses };
}

/** The assignment of model meetings to imported meetings (at most a few each) with the highest score. */
function bestPairing(models: number, imported: number, score: (model: number, meeting: number) => number) {
  let best: Array<number | null> = [];
  let bestScore = -1;
  const walk = (k: number, used: Set<number>, chosen: Array<number | null>, total: number) => {
    if (k === models) {
      if (total > bestScore) [best, bestScore] = [[...chosen], total];
      return;
    }
    walk(k + 1, used, [...chosen, null], total);
    for (let j = 0; j < imported; j++)
      if (!used.has(j)) walk(k + 1, new Set([...used, j]), [...chosen, j], total + score(k, j));
  };
  walk(0, new Set(), [], 0);
  return best;
}
