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
  /** ISO UTC, as the writer's client stated it: shown, never used to decide which registration wins. */
  registeredAt: string;
  /**
   * SharePoint's order of the row (its list item id, which no client chooses), set by the store that read
   * it: of two registrations of one person the higher wins. Absent only on a value no store has read yet.
   */
  order?: number;
}

/**
 * Whether `a` is a later registration than `b`: by SharePoint's order when the store gave both one (a
 * client-written RegisteredAt never outranks it); only values no store has read yet (a plan, a test's
 * hand-made rows) fall back to their stated time, and are newer than any stored row.
 */
export function registeredAfter(a: Absence, b: Absence): boolean {
  if (a.order !== undefined && b.order !== undefined) return a.order >= b.order;
  // A value no store has read yet is the one being registered now.
  if (a.order !== undefined || b.order !== undefined) return a.order === undefined;
  return a.registeredAt >= b.registeredAt;
}

/** The latest registration of each person wins; a withdrawn one ('Trukket tilbage') removes the person. */
export function currentAbsences(absences: Absence[]): Absence[] {
  const latest = new Map<string, Absence>();
  for (const a of absences) {
    const key = a.person.upn.trim().toLowerCase();
    const prior = latest.get(key);
    if (!prior || registeredAfter(a, prior)) latest.set(key, a);
  }
  return [...latest.values()]
    .filter((a) => a.kind !== 'Trukket tilbage')
    .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
}
