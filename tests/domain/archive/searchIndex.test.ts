import { foldWord } from '../../../src/domain/archive/danishFold';
import {
  ArchiveIndex,
  markParts,
  withinOneEdit,
  type ArchiveEntry,
} from '../../../src/domain/archive/searchIndex';

const entry = (over: Partial<ArchiveEntry>): ArchiveEntry => ({
  meetingKey: 'm1',
  live: false,
  series: 'Rådmandsmøder 2022-2025 (Rådmandsmøde)',
  date: '2024-02-20',
  itemNumber: 1,
  itemTitle: 'Dagsorden',
  category: null,
  closed: false,
  decision: '',
  followUps: [],
  ...over,
});

describe('Danish folding', () => {
  test('case, æ/ø/å, ae/oe/aa and the scanners’ stand-ins fold to one word', () => {
    const forms = ['Rådmanden', 'raadmanden', 'Radmanden', 'R&dmanden', 'RÅDMANDEN'];
    expect(new Set(forms.map(foldWord)).size).toBe(1);
    expect(foldWord('Økonomichef')).toBe(foldWord('@konomichef'));
    expect(foldWord('Økonomichef')).toBe(foldWord('oekonomichef'));
    expect(foldWord('drøftelse')).toBe(foldWord('droeftelse'));
    expect(foldWord('sætte')).toBe(foldWord('saette'));
  });

  test('one edit, for ø read as g', () => {
    expect(withinOneEdit(foldWord('følger'), foldWord('fglger'))).toBe(true);
    expect(withinOneEdit('folger', 'folgerne')).toBe(false);
  });
});

describe('the archive index', () => {
  const index = new ArchiveIndex([
    entry({
      itemNumber: 3,
      itemTitle: 'Opfølgning på investeringsmodeller for 2023',
      decision: 'Rådmanden tog orienteringen til efterretning.',
      category: 'Til orientering',
    }),
    entry({
      itemNumber: 4,
      itemTitle: 'Status på Ukrainesituationen',
      decision: 'Kommunikation fglger op.',
      followUps: [{ owners: ['Kommunikation'], task: 'Kommunikation fglger op.' }],
    }),
    entry({
      meetingKey: 'm2',
      date: '2022-12-05',
      series: 'Udvalgsmøder',
      itemNumber: 2,
      itemTitle: 'Referat',
      decision: 'Godkendt uden bemærkninger.',
      category: 'Til godkendelse',
    }),
    entry({
      meetingKey: 'm3',
      date: '2023-01-09',
      itemNumber: 5,
      itemTitle: 'Budget',
      decision: 'FAS følger op med OL.',
      followUps: [{ owners: ['FAS', 'OL'], task: 'FAS følger op med OL.' }],
    }),
  ]);
  const found = (text: string, extra = {}) =>
    index.search({ text, ...extra }).map((h) => `${h.entry.meetingKey}#${h.entry.itemNumber}`);

  test('spelling of æ/ø/å does not matter, nor OCR damage', () => {
    expect(found('raadmanden')).toEqual(['m1#3']);
    expect(found('følger op')).toEqual(['m3#5', 'm1#4']);
    expect(found('bemaerkninger')).toEqual(['m2#2']);
  });

  test('a word finds the compounds it starts (Danish writes them together)', () => {
    expect(found('investering')).toEqual(['m1#3']);
  });

  test('every word must match', () => {
    expect(found('kommunikation budget')).toEqual([]);
    expect(found('kommunikation følger')).toEqual(['m1#4']);
  });

  test('filters by series, year, category and follow-up owner, with or without words', () => {
    expect(found('', { year: 2022 })).toEqual(['m2#2']);
    expect(found('', { series: 'Udvalgsmøder' })).toEqual(['m2#2']);
    expect(found('', { category: 'Til orientering' })).toEqual(['m1#3']);
    expect(found('', { owner: 'ol' })).toEqual(['m3#5']);
    expect(found('op', { owner: 'kommunikation' })).toEqual(['m1#4']);
  });

  test('hits are marked where they are, in the text as written', () => {
    const [hit] = index.search({ text: 'følger' }).filter((h) => h.entry.itemNumber === 4);
    const decision = hit.highlights.find((h) => h.field === 'decision')!;
    const parts = markParts(hit.entry.decision, decision.ranges);
    expect(parts).toEqual([
      { text: 'Kommunikation ', hit: false },
      { text: 'fglger', hit: true },
      { text: ' op.', hit: false },
    ]);
  });

  test('facets list what the menus offer', () => {
    expect(index.facets()).toEqual({
      series: ['Rådmandsmøder 2022-2025 (Rådmandsmøde)', 'Udvalgsmøder'],
      years: [2024, 2023, 2022],
      owners: ['FAS', 'Kommunikation', 'OL'],
    });
  });
});
