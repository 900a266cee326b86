/*
 * For COMMITTEE-EDGE — exports: VOTE_CHOICES, VoteErrorCode, VoteProblem, validateVote, VoteResult,
 * voteResult, voteOn. validateVote returns [] when the vote may be saved; each problem names its code and member.
 */
import type { Absence } from '../absence';
import { sameUpn } from '../person';
import { isInhabil, presentDuringItem, type Participant } from './attendance';
import type { CommitteeRecord, CommitteeSettings, Vote, VoteChoice } from './types';

export const VOTE_CHOICES: readonly VoteChoice[] = ['For', 'Imod', 'Undlod'];

export type VoteErrorCode =
  /** No choice recorded at all. */
  | 'voteEmpty'
  /** The UPN is not in the room during the item (not a member, afbud without being the substitute, absent). */
  | 'voteNotParticipant'
  /** The committee decided the member is inhabil on the item. */
  | 'voteInhabil'
  /** The same member appears twice (UPNs differing only in case or spaces). */
  | 'voteDuplicate'
  /** A choice other than For, Imod, Undlod. */
  | 'voteBadChoice';

export interface VoteProblem {
  code: VoteErrorCode;
  member?: string;
}

/**
 * Checks a vote on item N before it is saved: only those taking part in the item may vote, every
 * participant at most once, an inhabil member not at all. Not every participant must vote.
 */
export function validateVote(
  settings: CommitteeSettings,
  record: Pick<CommitteeRecord, 'attendance' | 'inhabilitet'>,
  absences: Absence[],
  vote: Pick<Vote, 'itemNumber' | 'choices'>,
): VoteProblem[] {
  const entries = Object.entries(vote.choices);
  if (!entries.length) return [{ code: 'voteEmpty' }];
  const present = presentDuringItem(settings, record, absences, vote.itemNumber);
  const problems: VoteProblem[] = [];
  const seen: string[] = [];
  for (const [member, choice] of entries) {
    if (seen.some((s) => sameUpn(s, member))) problems.push({ code: 'voteDuplicate', member });
    seen.push(member);
    if (!VOTE_CHOICES.includes(choice)) problems.push({ code: 'voteBadChoice', member });
    if (!present.some((p) => sameUpn(p.upn, member))) problems.push({ code: 'voteNotParticipant', member });
    else if (isInhabil(record, member, vote.itemNumber)) problems.push({ code: 'voteInhabil', member });
  }
  return problems;
}

export interface VoteResult {
  /** Names per choice, in member-list order. */
  for: string[];
  imod: string[];
  undlod: string[];
  /** The proposal is adopted when more voted for than against; a tie means it falls. */
  result: 'Vedtaget' | 'Forkastet';
}

/** The outcome of a vote, with the participants' names (as from itemParticipants) per choice. */
export function voteResult(vote: Pick<Vote, 'choices'>, participants: Participant[]): VoteResult {
  const choiceOf = (p: Participant) => Object.entries(vote.choices).find(([upn]) => sameUpn(upn, p.upn))?.[1];
  const named = (c: VoteChoice) => participants.filter((p) => choiceOf(p) === c).map((p) => p.name);
  const result = { for: named('For'), imod: named('Imod'), undlod: named('Undlod') };
  return { ...result, result: result.for.length > result.imod.length ? 'Vedtaget' : 'Forkastet' };
}

/** The vote recorded on item N, if any (the latest when recorded more than once). */
export function voteOn(record: Pick<CommitteeRecord, 'votes'>, itemNumber: number): Vote | undefined {
  return record.votes
    .filter((v) => v.itemNumber === itemNumber)
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
    .pop();
}
