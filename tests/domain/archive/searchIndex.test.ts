import { foldWord } from '../../../src/domain/archive/danishFold';
import { excerpt } from '../../../src/domain/archive/excerpt';
import { indstillingSearchText } from '../../../src/domain/indstilling/indstilling';
import {
  ArchiveIndex,
  abbreviationsOf,
  distinctOwners,
  markParts,
  withinOneEdit,
  type ArchiveEntry,
} from '../../../src/domain/archive/searchIndex';

const entry = (over: Partial<ArchiveEntry>): ArchiveEntry => ({
  meetingKey: 'm1',
  place: over.meetingKey ?? 'm1',
  organizer: '',
  live: false,
  series: 'Rådmandsmøder 2022-2025 (Rådmandsmøde)',
  date: '2024-02-20',
  itemNumber: 1,
  itemTitle: 'Dagsorden',
  category: null,
  closed: false,
  decision: '',
  followUps: [],
  indstilling: '',
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

describe('the archive in the meeting’s one order, with each owner once', () => {
  test('an abbreviation and the full name it stands for are one owner, shown by the full name', () => {
    expect(abbreviationsOf('Fagligt Administrativt Sekretariat')).toContain('fas');
    expect(abbreviationsOf('Unge, Job og Uddannelse')).toContain('uju');
    expect(abbreviationsOf('Kommunikation')).toEqual([]);
    expect(
      distinctOwners(['FAS', 'Fagligt Administrativt Sekretariat', 'Kommunikation', 'kommunikation', 'OL']),
    ).toEqual(['Fagligt Administrativt Sekretariat', 'Kommunikation', 'OL']);
    // Capitals that abbreviate no one here stay an owner of their own.
    expect(distinctOwners(['UJU', 'Fagligt sekretariat'])).toEqual(['UJU', 'Fagligt sekretariat']);
  });

  const index = new ArchiveIndex([
    entry({
      meetingKey: 'b',
      itemNumber: 2,
      decision: 'FAS følger op.',
      followUps: [{ owners: ['FAS'], task: 'FAS følger op.' }],
    }),
    entry({
      meetingKey: 'a',
      itemNumber: 3,
      decision: 'Fagligt Administrativt Sekretariat følger op.',
      followUps: [{ owners: ['Fagligt Administrativt Sekretariat'], task: 'Fagligt … følger op.' }],
    }),
    entry({ meetingKey: 'b', itemNumber: 1 }),
    entry({ meetingKey: 'a', itemNumber: 1, closed: true }),
    entry({ meetingKey: 'a', itemNumber: 2 }),
  ]);

  test('the menu offers the owner once, and either name finds both follow-ups', () => {
    expect(index.facets().owners).toEqual(['Fagligt Administrativt Sekretariat']);
    const owned = (owner: string) =>
      index.search({ text: '', owner }).map((h) => `${h.entry.meetingKey}#${h.entry.itemNumber}`);
    expect(owned('Fagligt Administrativt Sekretariat')).toEqual(['a#3', 'b#2']);
    expect(owned('FAS')).toEqual(['a#3', 'b#2']);
  });

  test('two meetings of one day list each meeting’s items together, in number order, with or without a decision', () => {
    expect(index.search({ text: '' }).map((h) => `${h.entry.meetingKey}#${h.entry.itemNumber}`)).toEqual([
      'a#1',
      'a#2',
      'a#3',
      'b#1',
      'b#2',
    ]);
  });
});

describe('the archive searches the indstilling', () => {
  const paper = indstillingSearchText({
    points: [
      'rådmanden tager opfølgning for 2023 samt forslag til permanentgørelse af investeringsmodeller til efterretning.',
      'rådmanden orienteres om proces for udmøntning af 10 mio. kr. årligt.',
    ],
    sections: {
      sagsfremstilling: 'Investeringsmodellerne på socialområdet\n\nhar givet færre anbringelser.',
      oekonomi: 'Udgiften afholdes inden for rammen.',
    },
  });
  const index = new ArchiveIndex([
    entry({ itemNumber: 4, itemTitle: 'Status', decision: 'Godkendt.', indstilling: paper }),
    entry({ itemNumber: 5, itemTitle: 'Anbringelser på døgninstitution', decision: 'Godkendt.' }),
  ]);

  test('an item is found by a word of its "at"-points alone', () => {
    const hits = index.search({ text: 'permanentgørelse' });
    expect(hits.map((h) => h.entry.itemNumber)).toEqual([4]);
    const marked = hits[0].highlights.find((h) => h.field === 'indstilling')!;
    expect(markParts(paper, marked.ranges).filter((p) => p.hit)).toEqual([
      { text: 'permanentgørelse', hit: true },
    ]);
  });

  test('and by a word of a section, spelled as the scanner read it', () => {
    expect(index.search({ text: 'udgiftcn' }).map((h) => h.entry.itemNumber)).toEqual([4]);
    expect(index.search({ text: 'rammen' }).map((h) => h.entry.itemNumber)).toEqual([4]);
  });

  test('a word in an item’s title ranks that item above one that only argues about it', () => {
    expect(index.search({ text: 'anbringelser' }).map((h) => h.entry.itemNumber)).toEqual([5, 4]);
  });

  test('the searched text is the points, numbered, and the sections, not the headings or the footer', () => {
    expect(paper.split('\n')).toEqual([
      '1. at rådmanden tager opfølgning for 2023 samt forslag til permanentgørelse af investeringsmodeller til efterretning.',
      '2. at rådmanden orienteres om proces for udmøntning af 10 mio. kr. årligt.',
      'Investeringsmodellerne på socialområdet',
      '',
      'har givet færre anbringelser.',
      'Udgiften afholdes inden for rammen.',
    ]);
  });

  test('a hit deep in a long paper is shown as an excerpt around it, marked', () => {
    const long = `${'Indledende tekst. '.repeat(40)}Her står ordet   permanentgørelse.\n${'Mere. '.repeat(60)}`;
    const start = long.indexOf('permanentgørelse');
    const cut = excerpt(long, [[start, start + 'permanentgørelse'.length]]);
    expect(cut.text.startsWith('…')).toBe(true);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cut.text).not.toMatch(/\s{2}|\n/);
    expect(markParts(cut.text, cut.ranges).filter((p) => p.hit)).toEqual([
      { text: 'permanentgørelse', hit: true },
    ]);
  });
});
