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
