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
