/*
 * For COMMITTEE-EDGE — exports: TILFOERSEL_MAX, TilfoerselRefusal, mayEnterTilfoersel.
 * Call it with the record as saved (the vote on the item must be recorded first).
 */
import { sameUpn } from '../person';
import { cleanText } from '../text';
import type { CommitteeRecord } from './types';
import { voteOn } from './votes';

/** A protokoltilførsel is a short statement; longer reasoning belongs in the case documents. */
export const TILFOERSEL_MAX = 1000;

export type TilfoerselRefusal =
  /** Nothing to enter. */
  | 'tilfoerselEmpty'
  /** Longer than TILFOERSEL_MAX characters. */
  | 'tilfoerselTooLong'
  /** No vote is recorded on the item, or the member did not vote in it. */
  | 'tilfoerselNoVote'
  /** The member voted for: Kommunestyrelsesloven § 20, stk. 3 gives the right to those against or abstaining. */
  | 'tilfoerselVotedFor';

/**
 * Whether the member may have the statement entered under item N: only a member who voted Imod or Undlod
 * on the item, with a text of 1..TILFOERSEL_MAX characters (after trimming).
 */
export function mayEnterTilfoersel(
  record: Pick<CommitteeRecord, 'votes'>,
  member: string,
  itemNumber: number,
  text: string,
): { ok: true; text: string } | { ok: false; code: TilfoerselRefusal } {
  const clean = cleanText(text, true);
  if (!clean) return { ok: false, code: 'tilfoerselEmpty' };
  if (clean.length > TILFOERSEL_MAX) return { ok: false, code: 'tilfoerselTooLong' };
  const vote = voteOn(record, itemNumber);
  const choice = vote && Object.entries(vote.choices).find(([upn]) => sameUpn(upn, member))?.[1];
  if (!choice) return { ok: false, code: 'tilfoerselNoVote' };
  if (choice === 'For') return { ok: false, code: 'tilfoerselVotedFor' };
  return { ok: true, text: clean };
}
