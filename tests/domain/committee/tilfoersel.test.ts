import { mayEnterTilfoersel, TILFOERSEL_MAX } from '../../../src/domain/committee/tilfoersel';
import { record } from './fixtures';

test('a member who voted against or abstained may have a statement entered, trimmed', () => {
  expect(mayEnterTilfoersel(record, 'hanne@kommune.example', 3, '  Ø tager forbehold.  ')).toEqual({
    ok: true,
    text: 'Ø tager forbehold.',
  });
  expect(mayEnterTilfoersel(record, 'IVAN@kommune.example', 3, 'Undlader.')).toEqual({
    ok: true,
    text: 'Undlader.',
  });
});

test('refused for a member who voted for, did not vote, or on an item without a vote', () => {
  expect(mayEnterTilfoersel(record, 'sune@kommune.example', 3, 'Tekst')).toEqual({
    ok: false,
    code: 'tilfoerselVotedFor',
  });
  expect(mayEnterTilfoersel(record, 'erik@kommune.example', 3, 'Tekst')).toEqual({
    ok: false,
    code: 'tilfoerselNoVote',
  });
  expect(mayEnterTilfoersel(record, 'hanne@kommune.example', 6, 'Tekst')).toEqual({
    ok: false,
    code: 'tilfoerselNoVote',
  });
});

test('the text must be there and short', () => {
  expect(mayEnterTilfoersel(record, 'hanne@kommune.example', 3, ' \n ')).toEqual({
    ok: false,
    code: 'tilfoerselEmpty',
  });
  expect(mayEnterTilfoersel(record, 'hanne@kommune.example', 3, 'x'.repeat(TILFOERSEL_MAX)).ok).toBe(true);
  expect(mayEnterTilfoersel(record, 'hanne@kommune.example', 3, 'x'.repeat(TILFOERSEL_MAX + 1))).toEqual({
    ok: false,
    code: 'tilfoerselTooLong',
  });
});
