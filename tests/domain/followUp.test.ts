import { extractFollowUps, followUpProposals, formatDueDate } from '../../src/domain/followUp';

/** Real sentences from ../shared/seeds, OCR damage and line breaks included. */
describe('follow-up owners from decision text', () => {
  test.each([
    ['Kommunikation fglger op.', ['Kommunikation']],
    [
      'Det kunne radmandskredsen ikke pa stdende fod redegere for, sa det aftales, at\n@konomichef Michael Justesen fglger op i forhold til afklaring af boligomdannelsen.',
      ['@konomichef Michael Justesen'],
    ],
    [
      'forskellige initiativer. Centerchefer fglger op med afdelingsledere pa\nmanedlig basis, og involverer',
      ['Centerchefer', 'afdelingsledere'],
    ],
    [
      'hvor de vaesentligste pointer fra status-\nnotatet fremgar. Fagligt sekretariat folger op.',
      ['Fagligt sekretariat'],
    ],
    [
      'ejerskab pa tveers. Forvaltningschefernes personlige\nassistenter falger op.',
      ['Forvaltningschefernes personlige assistenter'],
    ],
    ['til det, der sendes til byradet. Lotte vil fglge op pa dette.', ['Lotte']],
    ['OL følger op med FAS', ['OL', 'FAS']],
    ['Michael\nsamler op pa, om BA har et samlet notat pa vej', ['Michael']],
  ])('%s', (text, owners) => {
    const found = extractFollowUps(text);
    expect(found).toHaveLength(1);
    expect(found[0].owners).toEqual(owners);
  });

  test('a passive "der følges op" names nobody and is not a follow-up', () => {
    expect(extractFollowUps('Der fglges lgbende op pa omradet, sa behovet vurderes.')).toEqual([]);
  });

  test('the task is the sentence as written, and every follow-up of a decision is found', () => {
    const text = 'Forslaget kunne godkendes. FAS følger op. Kommunikation fglger op med pressen.';
    expect(extractFollowUps(text)).toEqual([
      { owners: ['FAS'], task: 'FAS følger op.' },
      { owners: ['Kommunikation', 'pressen'], task: 'Kommunikation fglger op med pressen.' },
    ]);
  });
});

describe('follow-up proposals under a decision', () => {
  const decision = 'Budgettet blev godkendt. Erik følger op. Økonomichef Michael Justesen følger op med FAS.';

  test('"X følger op" proposes a follow-up with X as owner, the sentence as its task', () => {
    expect(followUpProposals(decision, 3, [])).toEqual([
      { owners: ['Erik'], task: 'Erik følger op.' },
      {
        owners: ['Økonomichef Michael Justesen', 'FAS'],
        task: 'Økonomichef Michael Justesen følger op med FAS.',
      },
    ]);
  });

  test('a proposal already created on the item is not offered again; the same sentence on another item is', () => {
    const created = [{ itemNumber: 3, task: 'erik  følger op.' }];
    expect(followUpProposals(decision, 3, created).map((p) => p.owners[0])).toEqual([
      'Økonomichef Michael Justesen',
    ]);
    expect(followUpProposals(decision, 4, created)).toHaveLength(2);
  });

  test('a decision without a follow-up proposes nothing', () => {
    expect(followUpProposals('Indstillingen blev vedtaget.', 1, [])).toEqual([]);
  });
});

test('a due date reads dd.mm.yyyy; no date reads as nothing', () => {
  expect(formatDueDate('2026-12-09')).toBe('09.12.2026');
  expect(formatDueDate(undefined)).toBe('');
  expect(formatDueDate('snart')).toBe('');
});
