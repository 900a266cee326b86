export const DECISION_STATUSES = ['Kladde', 'Endelig'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** "Beslutning for Punkt N": what the meeting decided on one item, typed by the referent. */
export interface Decision {
  itemNumber: number;
  itemTitle: string;
  text: string;
  status: DecisionStatus;
  editorUpn: string;
  /** ISO UTC. */
  updatedAt: string;
}

/**
 * After a conflict, "Flet": both texts, theirs (what SharePoint has) first, then only the lines of mine
 * they do not already have (compared without surrounding spaces).
 */
export function mergeDecisionTexts(theirs: string, mine: string): string {
  const have = new Set(theirs.split('\n').map((l) => l.trim()));
  const extra = mine.split('\n').filter((l) => l.trim() && !have.has(l.trim()));
  return extra.length ? `${theirs.trimEnd()}\n\n${extra.join('\n')}` : theirs;
}
