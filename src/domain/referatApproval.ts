import { ValidationError, type ValidationRule } from './validation';

/** Where the referat (minutes) of a meeting stands. */
export const REFERAT_STATES = ['Kladde', 'Til godkendelse', 'Godkendt'] as const;
export type ReferatState = (typeof REFERAT_STATES)[number];

export interface ReferatHistoryEntry {
  version: number;
  state: ReferatState;
  /** ISO UTC */
  at: string;
  by: string;
}

/**
 * The approval record: draft → sent for approval → approved. Approved minutes are read-only; a change
 * after approval reopens them as a new version, and the history keeps every step.
 */
export interface ReferatRecord {
  state: ReferatState;
  version: number;
  history: ReferatHistoryEntry[];
  /** When this version, approved, was mailed to the attendees ("Sendt": the stepper's last step). */
  sent?: { version: number; at: string; by: string };
}

export const newReferat = (): ReferatRecord => ({ state: 'Kladde', version: 1, history: [] });

const refuse = (rule: ValidationRule) => new ValidationError([{ field: 'referat', code: 'invalid', rule }]);

function step(
  r: ReferatRecord,
  state: ReferatState,
  by: string,
  at: string,
  version = r.version,
): ReferatRecord {
  return { state, version, history: [...r.history, { version, state, at, by }] };
}

export function sendForApproval(r: ReferatRecord, by: string, at: string): ReferatRecord {
  if (r.state !== 'Kladde')
    throw refuse(r.state === 'Godkendt' ? 'referatAlreadyApproved' : 'referatAlreadySent');
  return step(r, 'Til godkendelse', by, at);
}

export function approve(r: ReferatRecord, by: string, at: string): ReferatRecord {
  if (r.state === 'Godkendt') throw refuse('referatAlreadyApproved');
  return step(r, 'Godkendt', by, at);
}

/** A change after approval: a new version, back to draft; the approved version stays in the history. */
export function reopen(r: ReferatRecord, by: string, at: string): ReferatRecord {
  if (r.state !== 'Godkendt') throw refuse('referatNotApproved');
  return step(r, 'Kladde', by, at, r.version + 1);
}

/** "Send referat" only after approval: the last step of Kladde → Til godkendelse → Godkendt → Sendt. */
export function markSent(r: ReferatRecord, by: string, at: string): ReferatRecord {
  if (r.state !== 'Godkendt') throw refuse('referatSendNeedsApproval');
  return { ...r, sent: { version: r.version, at, by } };
}

/** The stepper's step: the approval state, or "Sendt" once this version was sent. */
export const referatStep = (r: ReferatRecord): ReferatState | 'Sendt' =>
  r.state === 'Godkendt' && r.sent?.version === r.version ? 'Sendt' : r.state;

export const isReadOnly = (r: ReferatRecord | undefined): boolean => r?.state === 'Godkendt';

export function parseReferat(value: unknown): ReferatRecord | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    const r = JSON.parse(value) as ReferatRecord;
    return REFERAT_STATES.includes(r.state) && Number.isInteger(r.version) && Array.isArray(r.history)
      ? r
      : undefined;
  } catch {
    return undefined;
  }
}
