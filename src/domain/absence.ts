import type { Person } from './person';

export const ABSENCE_KINDS = ['Afbud', 'Deltager virtuelt', 'Deltager delvist', 'Trukket tilbage'] as const;
/** Afbud (absent), virtual attendance, partial attendance (some items), or a withdrawn registration. */
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export interface Absence {
  person: Person;
  kind: AbsenceKind;
  /** Item numbers, for 'Deltager delvist': the items the person attends. */
  items: number[];
  reason?: string;
  substitute?: string;
  /** ISO UTC. */
  registeredAt: string;
}

/** The latest registration of each person wins; a withdrawn one ('Trukket tilbage') removes the person. */
export function currentAbsences(absences: Absence[]): Absence[] {
  const latest = new Map<string, Absence>();
  for (const a of absences) {
    const key = a.person.upn.trim().toLowerCase();
    const prior = latest.get(key);
    if (!prior || a.registeredAt >= prior.registeredAt) latest.set(key, a);
  }
  return [...latest.values()]
    .filter((a) => a.kind !== 'Trukket tilbage')
    .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
}
