export const FOLLOW_UP_STATUSES = ['Åben', 'I gang', 'Afsluttet'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** "FAS følger op": a task that comes out of a decision. */
export interface FollowUp {
  id: string;
  itemNumber: number;
  /** Who follows up, as the decision names them ("FAS", "OL", "Kommunikation"). */
  owners: string[];
  task: string;
  /** ISO date (yyyy-mm-dd). */
  due?: string;
  status: FollowUpStatus;
}
