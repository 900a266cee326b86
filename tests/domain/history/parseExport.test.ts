import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotAMeetingExport, parseExport } from '../../../src/domain/history/parseExport';
import type { ImportResult } from '../../../src/domain/history/importedMeeting';
import { importWarningText, notAnExportText } from '../../../src/i18n/importWords';
import { accuracy, norm } from '../../../bench/importModel/importAccuracy';
import { describeWithSeeds, readSeed, SEED_NAMES } from '../../support/seeds';

const FIXTURES = join(__dirname, '../../fixtures/import');
const seeds = [...SEED_NAMES];
/** parseExport with its warnings worded as the CLI prints them (the fixtures hold the words). */
const parse = (text: string, source?: string) => {
  const result = parseExport(text, source);
  return { ...result, warnings: result.warnings.map((w) => importWarningText(w)) };
};

describeWithSeeds('the seeds import as the hand-written expectations say', () => {
  test.each(seeds)('%s', (name) => {
    const actual = parse(readSeed(name), name);
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Pick<
      ImportResult,
      'meetings'
    > & { warnings: string[] };
    const result = accuracy(actual, expected);
    expect(result.misses).toEqual([]);
    expect(actual.meetings).toHaveLength(expected.meetings.length);
    expect(norm(actual.warnings)).toEqual(expected.warnings);
  });

  test('2024-02: the head of the meeting, the earlier meeting’s referat, and the meeting’s own referat', () => {
    const { meetings } = parseExport(readSeed('raadmandsmoede-2024-02'));
    const [feb20, feb06] = meetings;
    expect(feb20).toMatchObject({
      date: '2024-02-20',
      start: '11:00',
      end: '13:00',
      absent: ['Kristian Dalsgaard', 'Louise Rohde'],
      referent: ['Mads'],
      guests: [{ name: 'Kamilla Uhd Hansen', item: 'Opfglgning pa investeringsmodeller for 2023' }],
      kind: 'minutes',
    });
    // The title's "(15\nmin)" suffix became the duration; the decision came from the last Referat.
    expect(feb20.items[3]).toMatchObject({
      number: 4,
      title: 'Opfelgning pa investeringsmodeller for 2023',
      durationMinutes: 15,
    });
    expect(feb20.items[3].decision).toMatch(/^Konsulent Kamilla Hansen gav en indflyvning/);
    // Item 5 has no heading among the indstillinger: its length came from its indstilling ("30 minutter").
    expect(feb20.items[4].durationMinutes).toBe(30);
    expect(feb06).toMatchObject({ date: '2024-02-06', absent: ['Julie Dalsgaard'], kind: 'minutes' });
    expect(feb06.items[2].followUps).toEqual([
      expect.objectContaining({ owners: ['@konomichef Michael Justesen'] }),
    ]);
  });

  test('2024-06: a committee agenda inside an item is a meeting of its own, with closed items and times', () => {
    const { meetings } = parseExport(readSeed('raadmandsmoede-2024-06'));
    const committee = meetings.find((m) => m.date === '2024-06-26')!;
    expect(committee).toMatchObject({
      start: '17:50',
      end: '19:45',
      location: 'Radhuset, lokale 398',
      kind: 'agenda',
    });
    expect(committee.items.filter((i) => i.closed).map((i) => i.number)).toEqual([6, 7]);
    expect(committee.items[0]).toMatchObject({
      number: 1,
      title: 'Godkendelse af dagsorden',
      durationMinutes: 3,
    });
    // "Sundhedschef …, Otto Ohrt og Konsulent, Sophie Bertelsen … deltager i forbindelse med udvalgets
    // behandling af sagen." names two guests of item 4; "Driftschef Janus Hedemann deltager under punktet." one of item 5.
    expect(committee.guests).toEqual([
      { name: 'Sundhedschef i Sundhed og Omsorg, Otto Ohrt', item: committee.items[3].title },
      {
        name: 'Konsulent, Sophie Bertelsen fra Sociale Forhold og Beskaeftigelse',
        item: committee.items[3].title,
      },
      { name: 'Driftschef Janus Hedemann', item: committee.items[4].title },
    ]);
    // The rådmandsmøde has no head in this export: its date comes from the indstilling's cover line.
    expect(meetings.find((m) => m.date === '2024-06-24')?.kind).toBe('minutes');
  });

  test('2024-02: the indstillinger come along, linked to their items, without the pages that follow them', () => {
    const { meetings } = parseExport(readSeed('raadmandsmoede-2024-02'));
    const [feb20, feb06] = meetings;
    expect(feb20.items.map((i) => i.indstilling?.points.length ?? 0)).toEqual([0, 0, 2, 2, 1, 0, 0, 0]);
    // Item 5 has no heading before its indstilling: its title linked it.
    expect(feb20.items[4].indstilling?.title).toBe(
      'Status pa gentaenkningen af det kriminalpraventive omrade i MSB',
    );
    // Item 4's bilag (a report of many pages) follows its footer in the export: none of it is a section.
    const sections = Object.values(feb20.items[3].indstilling!.sections).join('\n');
    expect(sections).not.toMatch(/Rapportens indhold|Investeringer - beskaeftigelse/);
    expect(sections).not.toMatch(/Indstilling til R&dmanden|20\/02\/2024 - 15 minutter/);
    expect(feb06.items.every((i) => i.indstilling === null)).toBe(true);
  });
});

describe('exports the seeds do not show, written as FirstAgenda writes them', () => {
  const export2 = `Udvalgsmøder 2025 (Udvalgsmøde)

03-03-2025 16:00 - 18:00
Rådhuset, lokale 398

Information:Afbud fra Ole Sørensen, Mette Lund og Jens Kragh.
Sofie Holm og Mads er referenter.

Punkt 1: Godkendelse af dagsorden (5 min)
Kategori - Til godkendelse

Beslutning for Punkt 1: Godkendelse af dagsorden
Godkendt.

Punkt 2: Budgetopfølgning (20 min)
Kategori - Til drøftelse

Beslutning for Punkt 2: Budgetopfølgning
Udvalget drøftede budgettet. Centerchefer fglger op med afdelingsledere pa manedlig basis.

Punkt 3: Personalesag
LUKKET PUNKT
Kategori - Til orientering

Beslutning for Punkt 7: Eventuelt
Intet.
`;

  test('categories, several absent and referents, follow-ups with "med", a decision without its item', () => {
    const { meetings, warnings } = parse(export2, 'udvalg.txt');
    expect(meetings).toHaveLength(1);
    const [m] = meetings;
    expect(m.absent).toEqual(['Ole Sørensen', 'Mette Lund', 'Jens Kragh']);
    expect(m.referent).toEqual(['Sofie Holm', 'Mads']);
    expect(m.items.map((i) => [i.number, i.title, i.category, i.durationMinutes])).toEqual([
      [1, 'Godkendelse af dagsorden', 'Til godkendelse', 5],
      [2, 'Budgetopfølgning', 'Til drøftelse', 20],
      [3, 'Personalesag', 'Til orientering', null],
      [7, 'Eventuelt', null, null],
    ]);
    expect(m.items.filter((i) => i.closed).map((i) => i.number)).toEqual([3]);
    expect(m.items[1].followUps).toEqual([
      {
        owners: ['Centerchefer', 'afdelingsledere'],
        text: 'Centerchefer fglger op med afdelingsledere pa manedlig basis.',
      },
    ]);
    expect(warnings).toEqual([expect.stringContaining('"Beslutning for Punkt 7" uden et punkt 7')]);
  });

  test('a clean export: the table of contents is navigation, and "Beslutning for Punkt N" decides items of the same meeting', () => {
    const clean = [
      'Rådmandsmøder 2022-2025 (Rådmandsmøde)',
      '09-01-2023 10.00 – 12.00',
      'Rådmandens kontor',
      'Information: Afbud fra Erik. Louise eller Mads tager referat.',
      '',
      'Indhold',
      'Kategori - Til godkendelse',
      'Punkt 1: Dagsorden,\t2',
      'Beslutning for Punkt 1: Dagsorden,\t2',
      'Kategori - Til drøftelse',
      'Punkt 2: Budget 2024 (20 min) ........ 2',
      'Beslutning for Punkt 2: Budget 2024 ........ 2',
      '',
      'Punkt 1: Dagsorden',
      'Beslutning for Punkt 1: Dagsorden',
      'Godkendt.',
      '',
      'Punkt 2: Budget 2024 (20 min)',
      '',
      'Beslutning for Punkt 2: Budget 2024',
      'Kredsen drøftede budgettet. Økonomi følger op på anlæg.',
    ].join('\n');
    const { meetings, warnings } = parse(clean, 'ren.txt');
    expect(warnings).toEqual([]);
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({
      date: '2023-01-09',
      start: '10:00',
      referent: ['Louise', 'Mads'],
      kind: 'minutes',
    });
    expect(
      meetings[0].items.map((i) => [i.number, i.title, i.category, i.durationMinutes, i.decision]),
    ).toEqual([
      [1, 'Dagsorden', 'Til godkendelse', null, 'Godkendt.'],
      [2, 'Budget 2024', 'Til drøftelse', 20, 'Kredsen drøftede budgettet. Økonomi følger op på anlæg.'],
    ]);
    expect(meetings[0].items[1].followUps.map((f) => f.owners)).toEqual([['Økonomi']]);
  });

  test('a committee agenda letter on its own: letterhead, "Side 1 af 2", a date broken over lines, em dashes', () => {
    const letter = [
      'SOCIALE FORHOLD OG BESKÆFTIGELSE',
      'Aarhus Kommune',
      'Telefon: 89 40 20 00',
      'Side 1 af 2',
      'Emne: Social- og Beskæftigelsesudvalgets møde',
      'Mødedato: 9. november',
      '2022',
      'Mødetid: Kl. 18.15 — 19.45',
      'Mødested: Rådhuset',
      '',
      'Dagsorden kort:',
      '1. Godkendelse af dagsorden',
      '',
      '1. Godkendelse af dagsorden',
      '',
      'Baggrund/formål: Dagsordenen godkendes.',
      'Tid: 18.15 — 18.18 (3 min.)',
    ].join('\n');
    const { meetings, warnings } = parse(letter, 'udvalg.txt');
    expect(warnings).toEqual([]);
    expect(meetings).toEqual([
      expect.objectContaining({ date: '2022-11-09', start: '18:15', end: '19:45', location: 'Rådhuset' }),
    ]);
    expect(meetings[0].items).toEqual([
      expect.objectContaining({ number: 1, title: 'Godkendelse af dagsorden', durationMinutes: 3 }),
    ]);
  });

  test('an item whose heading OCR made unreadable is still imported from the table of contents, with a warning', () => {
    const text =
      'Indhold\nKategori - Til godkendelse\nPunkt 1: Dagsorden,\t2\nPunkt 2: Budget (10 min),\t2\n\nPunkt ?: Dagsorden\n\nPunkt 2: Budget (10 min)\n';
    const { meetings, warnings } = parse(text, 'scan.txt');
    expect(
      meetings.map((m) => m.items.map((i) => [i.number, i.title, i.category, i.durationMinutes])),
    ).toEqual([
      [
        [1, 'Dagsorden', 'Til godkendelse', null],
        [2, 'Budget', 'Til godkendelse', 10],
      ],
    ]);
    expect(warnings).toEqual([
      expect.stringContaining('Punkt 1 "Dagsorden" står kun i indholdsfortegnelsen'),
    ]);
  });

  test('the previous meeting’s head and Referat printed under "Punkt 2: Referat" interrupt the agenda, which goes on after them', () => {
    const text = [
      'Rådmandsmøder (Rådmandsmøde)',
      '20-02-2024 11:00 - 13:00',
      'Rådhuset',
      '',
      'Punkt 1: Dagsorden',
      'Punkt 2: Referat',
      'Rådmandsmøder (Rådmandsmøde)',
      '06-02-2024 11:00 - 13:00',
      'Rådhuset',
      'Referat',
      'Punkt 1: Dagsorden',
      'Godkendt.',
      'Punkt 2: Referat',
      'Godkendt.',
      'Punkt 3: Budget',
      'Økonomi følger op på budgettet.',
      'Punkt 3: Bordrunde',
      'Beslutning for Punkt 3: Bordrunde',
      'Intet.',
    ].join('\n');
    const { meetings } = parseExport(text);
    expect(
      meetings.map((m) => [m.date, m.kind, m.items.map((i) => [i.number, i.title, i.decision])]),
    ).toEqual([
      [
        '2024-02-20',
        'minutes',
        [
          [1, 'Dagsorden', null],
          [2, 'Referat', null],
          [3, 'Bordrunde', 'Intet.'],
        ],
      ],
      [
        '2024-02-06',
        'minutes',
        [
          [1, 'Dagsorden', 'Godkendt.'],
          [2, 'Referat', 'Godkendt.'],
          [3, 'Budget', 'Økonomi følger op på budgettet.'],
        ],
      ],
    ]);
  });

  test('two meetings in one file: numbering that starts again begins the next meeting', () => {
    const text =
      'Punkt 1: Dagsorden\nBeslutning for Punkt 1: Dagsorden\nGodkendt.\nPunkt 2: Bordrunde\n\nPunkt 1: Dagsorden\nPunkt 2: Status\n';
    const { meetings } = parseExport(text);
    expect(meetings.map((m) => [m.kind, m.items.length])).toEqual([
      ['minutes', 2],
      ['agenda', 2],
    ]);
  });

  test('text before the first meeting is reported, not dropped', () => {
    const { warnings } = parseExport('Et forord fra sekretariatet\nPunkt 1: Dagsorden\n');
    expect(warnings).toEqual([
      expect.objectContaining({ kind: 'preamble', text: expect.stringContaining('Et forord') }),
    ]);
    expect(importWarningText(warnings[0])).toBe(
      'filen: tekst før første møde er ikke læst: "Et forord fra sekretariatet"',
    );
    expect(importWarningText(warnings[0], 'en')).toMatch(
      /^the file: text before the first meeting was not read/,
    );
  });

  test('a file that is not a meeting export is refused with a clear message', () => {
    expect(() => parseExport('{"name": "moedeassistent"}', 'package.json')).toThrow(NotAMeetingExport);
    let refused: unknown;
    try {
      parseExport('Kære alle\n\nHusk frokost på fredag.', 'mail.txt');
    } catch (e) {
      refused = e;
    }
    expect(refused).toMatchObject({ source: 'mail.txt', reason: 'noMeeting' });
    const { source, reason } = refused as NotAMeetingExport;
    expect(notAnExportText(source, reason)).toMatch(/^mail.txt ligner ikke en mødeeksport/);
    expect(notAnExportText(source, reason, 'en')).toMatch(/^mail.txt does not look like a meeting export/);
  });
});
