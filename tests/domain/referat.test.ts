import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgendaItem } from '../../src/domain/agendaItem';
import { copenhagenToUtc } from '../../src/domain/format';
import type { Meeting } from '../../src/domain/meeting';
import { renderReferatHtml } from '../../src/adapters/documents/referatHtml';
import { buildReferat, renderReferatText } from '../../src/i18n/referat';
import { readSeed, testWithSeeds } from '../support/seeds';
import { absence, person } from './helpers';

interface SeedFixture {
  series: string;
  date: string;
  start: string;
  end: string;
  location: string;
  absent: string[];
  guests: Array<{ name: string; item: number }>;
  items: Array<{ number: number; title: string; durationMinutes: number; decision: string }>;
}

const fixture = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/domain/raadmandsmoede-2024-02-20.json'), 'utf8'),
) as SeedFixture;

function model() {
  const meeting: Meeting = {
    key: 'k',
    series: fixture.series,
    title: 'Rådmandsmøde',
    start: copenhagenToUtc(fixture.date, fixture.start),
    end: copenhagenToUtc(fixture.date, fixture.end),
    location: fixture.location,
    organizer: person('Sofie Holm'),
    attendees: [],
    referent: person('Mads Nielsen'),
    status: 'Afsluttet',
    agendaVersion: 1,
  };
  const items: AgendaItem[] = fixture.items.map((i) => ({
    id: `i${i.number}`,
    number: i.number,
    title: i.title,
    category: i.number <= 2 ? 'Til godkendelse' : i.number === 3 ? 'Til drøftelse' : 'Til orientering',
    durationMinutes: i.durationMinutes,
    guests: fixture.guests.filter((g) => g.item === i.number).map((g) => ({ name: g.name })),
    closed: false,
    attachments: [],
  }));
  const decisions = fixture.items.map((i) => ({
    itemNumber: i.number,
    itemTitle: i.title,
    text: i.decision,
    status: 'Endelig' as const,
    editorUpn: 'mads@kommune.example',
    updatedAt: '2024-02-20T12:00:00Z',
  }));
  const absences = fixture.absent.map((name, n) => absence(name, 'Afbud', `2024-02-19T0${n}:00:00Z`));
  return { meeting, items, decisions, absences };
}

const words = (s: string) => s.replace(/\s+/g, ' ').trim();

testWithSeeds(
  "the referat of the 20-02-2024 meeting is reproduced from its model: header, items and decisions in the seed's order",
  () => {
    const seedText = readSeed('raadmandsmoede-2024-02');
    const { meeting, items, decisions, absences } = model();
    const text = renderReferatText(
      buildReferat(meeting, items, decisions, absences, { audience: 'members' }),
    );
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual([fixture.series, '20-02-2024 11:00 - 13:00', fixture.location]);
    expect(text).toContain(
      'Information: Afbud fra Kristian Dalsgaard og Louise Rohde. Mads er referent. Kamilla Uhd Hansen deltager under punktet "Opfelgning pa investeringsmodeller for 2023".',
    );

    // The seed's own Referat section: its "Punkt N: …" headings and the text under each, in order.
    const seedReferat = seedText.slice(seedText.lastIndexOf('\n Referat\n'));
    const seedHeadings = [...seedReferat.matchAll(/^Punkt (\d+): /gm)].map((m) => Number(m[1]));
    const ours = [...text.matchAll(/^Punkt (\d+): /gm)].map((m) => Number(m[1]));
    expect(ours).toEqual(seedHeadings);
    let at = text.indexOf('\nPunkt 1:');
    for (const i of fixture.items) {
      const heading = text.indexOf(`Beslutning for Punkt ${i.number}: ${i.title}`, at);
      expect(heading).toBeGreaterThan(at);
      const decision = words(text.slice(heading)).indexOf(words(i.decision));
      expect(decision).toBeGreaterThan(0);
      expect(words(seedReferat)).toContain(words(i.decision));
      at = heading;
    }
  },
);

test('"Indhold" groups the items by category in agenda order', () => {
  const { meeting, items, decisions, absences } = model();
  const r = buildReferat(meeting, items, decisions, absences, { audience: 'public' });
  expect(r.contents.map((g) => [g.category, g.items.map((i) => i.number)])).toEqual([
    ['Kategori - Til godkendelse', [1, 2]],
    ['Kategori - Til drøftelse', [3]],
    ['Kategori - Til orientering', [4, 5, 6, 7, 8]],
  ]);
});

test('"Indhold" follows the numbers: an item out of its category\'s run starts a new heading, nothing reorders', () => {
  const { meeting, items, decisions, absences } = model();
  // Item 4 becomes "Til drøftelse" between orientations; item 3 an orientation.
  items[2] = { ...items[2], category: 'Til orientering' };
  items[3] = { ...items[3], category: 'Til drøftelse' };
  const r = buildReferat(meeting, items, decisions, absences, { audience: 'public' });
  expect(r.contents.flatMap((g) => g.items.map((i) => i.number))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(r.contents.map((g) => g.category)).toEqual([
    'Kategori - Til godkendelse',
    'Kategori - Til orientering',
    'Kategori - Til drøftelse',
    'Kategori - Til orientering',
  ]);
  const text = renderReferatText(r);
  const body = text.slice(text.indexOf('Punkt 8:') + 1);
  const order = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => body.indexOf(`Punkt ${n}:`));
  expect(order).toEqual([...order].sort((a, b) => a - b));
});

test("the public referat leaves a closed item out; the members' version keeps it marked LUKKET PUNKT", () => {
  const { meeting, items, decisions, absences } = model();
  items[4] = { ...items[4], closed: true };
  const pub = renderReferatText(buildReferat(meeting, items, decisions, absences, { audience: 'public' }));
  const members = renderReferatText(
    buildReferat(meeting, items, decisions, absences, { audience: 'members' }),
  );
  expect(pub).not.toContain('kriminalpraeventive');
  expect(pub).not.toContain('Punkt 5:');
  expect(pub).toContain('Punkt 6: Orientering fra Magistraten');
  expect(members).toContain('Punkt 5: LUKKET PUNKT – Status pa gentzenkningen');
  expect(members).toContain(words(fixture.items[4].decision).slice(0, 40));
});

test('the HTML referat escapes every text', () => {
  const { meeting, items, decisions, absences } = model();
  decisions[0] = { ...decisions[0], text: '<script>alert(1)</script> Godkendt.' };
  const html = renderReferatHtml(buildReferat(meeting, items, decisions, absences, { audience: 'public' }));
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Godkendt.');
  expect(html).not.toContain('<script>');
  expect(html).toContain(
    '<h2>Punkt 3: Budgettemadroftelser i Social- og Beskaftigelsesudvalget (10 min)</h2>',
  );
});
