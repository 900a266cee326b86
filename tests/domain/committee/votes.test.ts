import fc from 'fast-check';
import { itemParticipants } from '../../../src/domain/committee/attendance';
import type { VoteChoice } from '../../../src/domain/committee/types';
import { VOTE_CHOICES, validateVote, voteOn, voteResult } from '../../../src/domain/committee/votes';
import { absences, choices, record, settings } from './fixtures';

test('the fixture’s votes are valid: item 3 is adopted 4–2–1 with names per choice', () => {
  const vote = voteOn(record, 3)!;
  expect(validateVote(settings, record, absences, vote)).toEqual([]);
  expect(voteResult(vote, itemParticipants(settings, record, absences, 3))).toEqual({
    for: ['Sune Lund', 'Camilla Ravn', 'Dorte Vang', 'Frida Nør'],
    imod: ['Gustav Eng', 'Hanne Birk'],
    undlod: ['Ivan Lyng'],
    result: 'Vedtaget',
  });
});

test('a tie means the proposal falls', () => {
  const vote = voteOn(record, 4)!;
  expect(validateVote(settings, record, absences, vote)).toEqual([]);
  expect(voteResult(vote, itemParticipants(settings, record, absences, 4)).result).toBe('Forkastet');
});

test('refusals carry codes: inhabil, not present (afbud member, late arrival, outsider), duplicate, bad choice, empty', () => {
  const check = (itemNumber: number, c: Record<string, string>) =>
    validateVote(settings, record, absences, { itemNumber, choices: c as Record<string, VoteChoice> });
  expect(check(3, choices({ erik: 'For' }))).toEqual([
    { code: 'voteInhabil', member: 'erik@kommune.example' },
  ]);
  expect(check(3, choices({ anne: 'For' }))).toEqual([
    { code: 'voteNotParticipant', member: 'anne@kommune.example' },
  ]);
  expect(check(1, choices({ camilla: 'For' }))).toEqual([
    { code: 'voteNotParticipant', member: 'camilla@kommune.example' },
  ]);
  expect(check(3, { 'mads@kommune.example': 'For' })).toEqual([
    { code: 'voteNotParticipant', member: 'mads@kommune.example' },
  ]);
  expect(check(3, { 'ivan@kommune.example': 'For', 'IVAN@kommune.example ': 'Imod' })).toEqual([
    { code: 'voteDuplicate', member: 'IVAN@kommune.example ' },
  ]);
  expect(check(3, { 'ivan@kommune.example': 'Ja' })).toEqual([
    { code: 'voteBadChoice', member: 'ivan@kommune.example' },
  ]);
  expect(check(3, {})).toEqual([{ code: 'voteEmpty' }]);
});

const participants = itemParticipants(settings, record, absences, 4);
const ballots = fc.array(fc.option(fc.constantFrom(...VOTE_CHOICES), { nil: undefined }), {
  minLength: participants.length,
  maxLength: participants.length,
});
const toChoices = (picked: Array<VoteChoice | undefined>) =>
  Object.fromEntries(picked.flatMap((c, k) => (c ? [[participants[k].upn, c] as const] : []))) as Record<
    string,
    VoteChoice
  >;

test('property: the result follows the counts — adopted exactly when more voted for than against', () => {
  fc.assert(
    fc.property(ballots, (picked) => {
      const result = voteResult({ choices: toChoices(picked) }, participants);
      const count = (c: VoteChoice) => picked.filter((x) => x === c).length;
      expect(result.for).toHaveLength(count('For'));
      expect(result.imod).toHaveLength(count('Imod'));
      expect(result.undlod).toHaveLength(count('Undlod'));
      expect(result.result).toBe(count('For') > count('Imod') ? 'Vedtaget' : 'Forkastet');
    }),
  );
});

test('property: every participant can vote exactly once, and is named under exactly one choice', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...VOTE_CHOICES), {
        minLength: participants.length,
        maxLength: participants.length,
      }),
      (picked) => {
        const vote = { itemNumber: 4, choices: toChoices(picked) };
        expect(validateVote(settings, record, absences, vote)).toEqual([]);
        const result = voteResult(vote, participants);
        for (const person of participants) {
          const named = [result.for, result.imod, result.undlod].filter((names) =>
            names.includes(person.name),
          );
          expect(named).toHaveLength(1);
        }
      },
    ),
  );
});

test('property: a second choice for the same participant (in any spelling of the UPN) is refused', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: participants.length - 1 }),
      fc.constantFrom(...VOTE_CHOICES),
      fc.constantFrom(...VOTE_CHOICES),
      (k, first, second) => {
        const upn = participants[k].upn;
        const vote = { itemNumber: 4, choices: { [upn]: first, [upn.toUpperCase()]: second } };
        expect(validateVote(settings, record, absences, vote).map((x) => x.code)).toEqual(['voteDuplicate']);
      },
    ),
  );
});
