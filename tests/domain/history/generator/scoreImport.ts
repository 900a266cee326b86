import { parseExport } from '../../../../src/domain/history/parseExport';
import { foldLetters } from './damageExport';
import { norm } from '../importAccuracy';
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
  const { meetings } = parse(text, 'generated.txt');
  const models = meetingsOf(c);
  byKind.meetings.fields++;
  if (meetings.length === models.length) byKind.meetings.correct++;
  else misses.push(`meetings: got ${meetings.length}, expected ${models.length}`);
  models.forEach((model, k) => {
    const m = meetings[k];
    for (const check of requiredFields(c, model, k, damaged)) {
      byKind[check.kind].fields++;
      const actual = m ? check.actual(m) : undefined;
      if (m && same(actual, check.expected, c.scatter !== null)) byKind[check.kind].correct++;
      else
        misses.push(
          `${k ? `meeting ${k + 1} ` : ''}${check.path}: got ${JSON.stringify(actual)?.slice(0, 160)}, expected ${JSON.stringify(check.expected)?.slice(0, 160)}`,
        );
    }
  });
  return { text, log: damaged.log, byKind, misses };
}
