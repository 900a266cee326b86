/*
 * For COMMITTEE-EDGE — exports: mergeInhabilitet, pendingDeclarations. The record's inhabilitet is the
 * committee's decisions merged with the members' own declarations: per item and member the decision wins
 * for the decision, the declared reason is kept (as `declaration`, and as `reason` when the decision has none).
 */
import { sameUpn } from '../person';
import type { Inhabilitet, InhabilitetDeclaration } from './types';

const latest = <T extends { itemNumber: number; member: string }>(rows: T[], at: (row: T) => string): T[] => {
  const out: T[] = [];
  for (const row of [...rows].sort((a, b) => at(a).localeCompare(at(b)))) {
    const i = out.findIndex((o) => o.itemNumber === row.itemNumber && sameUpn(o.member, row.member));
    if (i >= 0) out[i] = row;
    else out.push(row);
  }
  return out;
};

/**
 * One entry per item and member: the committee's latest decision when there is one (with the member's
 * latest declaration kept beside it), else the latest declaration as 'Afventer'. Ordered by item, then by
 * when declared.
 */
export function mergeInhabilitet(
  declarations: InhabilitetDeclaration[],
  decisions: Inhabilitet[],
): Inhabilitet[] {
  const declared = latest(declarations, (d) => d.declaredAt);
  const decided = latest(
    decisions.filter((d) => d.decision !== 'Afventer'),
    (d) => d.declaredAt,
  );
  const declarationOf = (itemNumber: number, member: string) =>
    declared.find((d) => d.itemNumber === itemNumber && sameUpn(d.member, member));
  const out: Inhabilitet[] = decided.map((d) => {
    const declaration = declarationOf(d.itemNumber, d.member);
    return declaration ? { ...d, reason: d.reason.trim() || declaration.reason, declaration } : d;
  });
  for (const d of declared)
    if (!out.some((o) => o.itemNumber === d.itemNumber && sameUpn(o.member, d.member)))
      out.push({ ...d, decision: 'Afventer', declaration: d });
  return out.sort((a, b) => a.itemNumber - b.itemNumber || a.declaredAt.localeCompare(b.declaredAt));
}

/** The declarations on item N that wait for the committee's decision, in the order they were made. */
export function pendingDeclarations(
  record: { inhabilitet: Inhabilitet[] },
  itemNumber: number,
): Inhabilitet[] {
  return record.inhabilitet.filter((i) => i.itemNumber === itemNumber && i.decision === 'Afventer');
}
