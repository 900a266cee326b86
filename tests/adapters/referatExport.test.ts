import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { referatDocx } from '../../src/adapters/documents/referatDocx';
import { referatPdf } from '../../src/adapters/documents/referatPdf';
import type { AgendaItem } from '../../src/domain/agendaItem';
import { copenhagenToUtc } from '../../src/domain/format';
import type { Meeting } from '../../src/domain/meeting';
import type { FollowUp } from '../../src/domain/followUp';
import { renderReferatHtml, renderReferatHtmlDocument } from '../../src/adapters/documents/referatHtml';
import { buildReferat, renderReferatText } from '../../src/i18n/referat';

const meeting: Meeting = {
  key: 'k',
  series: 'Rådmandsmøder 2022-2025 (Rådmandsmøde)',
  title: 'Rådmandsmøde',
  start: copenhagenToUtc('2024-02-20', '11:00'),
  end: copenhagenToUtc('2024-02-20', '13:00'),
  location: 'Rådmandens kontor, vær. 436',
  organizer: { upn: 'sofie@kommune.example', name: 'Sofie Holm' },
  attendees: [],
  referent: { upn: 'mads@kommune.example', name: 'Mads' },
  status: 'Afsluttet',
  agendaVersion: 1,
};
const item = (number: number, title: string, extra: Partial<AgendaItem> = {}): AgendaItem => ({
  id: `i${number}`,
  number,
  title,
  category: 'Til orientering',
  durationMinutes: 10,
  guests: [],
  closed: false,
  attachments: [],
  ...extra,
});
const items = [
  item(1, 'Dagsorden', { category: 'Til godkendelse', durationMinutes: 5 }),
  item(4, 'Opfølgning på investeringsmodeller for 2023', { durationMinutes: 15 }),
  item(5, 'Personalesag', { closed: true }),
];
const decisions = [
  {
    itemNumber: 1,
    itemTitle: 'Dagsorden',
    text: 'Dagsordenen blev godkendt.',
    status: 'Endelig' as const,
    editorUpn: 'mads@kommune.example',
    updatedAt: '',
  },
  {
    itemNumber: 4,
    itemTitle: 'x',
    text: 'Rådmanden tog orienteringen til efterretning.\n\nØkonomichefen følger op. <b>ikke fed</b> 🎉',
    status: 'Endelig' as const,
    editorUpn: 'mads@kommune.example',
    updatedAt: '',
  },
  {
    itemNumber: 5,
    itemTitle: 'Personalesag',
    text: 'Fortroligt forløb.',
    status: 'Endelig' as const,
    editorUpn: 'mads@kommune.example',
    updatedAt: '',
  },
];
const referat = (audience: 'public' | 'members') => buildReferat(meeting, items, decisions, [], { audience });
const flat = (s: string) => s.replace(/\s+/g, ' ');

test('the Word referat opens and reads like the seeds: header, Indhold, Punkt N, Beslutning for Punkt N', async () => {
  const bytes = await referatDocx(referat('public'));
  const text = flat((await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value);
  expect(text).toContain(
    'Rådmandsmøder 2022-2025 (Rådmandsmøde) 20-02-2024 11:00 - 13:00 Rådmandens kontor, vær. 436',
  );
  expect(text).toContain(
    'Indhold Kategori - Til godkendelse Punkt 1: Dagsorden Kategori - Til orientering Punkt 4: Opfølgning på investeringsmodeller for 2023',
  );
  expect(text).toContain(
    'Punkt 4: Opfølgning på investeringsmodeller for 2023 (15 min) Beslutning for Punkt 4: Opfølgning på investeringsmodeller for 2023 Rådmanden tog orienteringen til efterretning. Økonomichefen følger op. <b>ikke fed</b> 🎉',
  );
  expect(text).toContain('Offentlig udgave');
  expect(text).not.toContain('Personalesag');
  expect(text).not.toContain('Fortroligt');
});

test("the members' Word referat keeps the closed item, marked", async () => {
  const text = flat(
    (await mammoth.extractRawText({ buffer: Buffer.from(await referatDocx(referat('members'))) })).value,
  );
  expect(text).toContain('Punkt 5: LUKKET PUNKT – Personalesag');
  expect(text).toContain('Fortroligt forløb.');
  expect(text).toContain('Medlemsudgave – indeholder lukkede punkter');
});

test('the PDF referat: its text, extracted by pdf.js, is the referat', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'referat-')), 'referat.pdf');
  writeFileSync(file, await referatPdf(referat('public')));
  const pages = JSON.parse(
    execFileSync(process.execPath, [join(__dirname, '../support/pdfText.mjs'), file], { encoding: 'utf8' }),
  ) as string[];
  const text = flat(pages.join(' '));
  expect(text).toContain(
    'Rådmandsmøder 2022-2025 (Rådmandsmøde) 20-02-2024 11:00 - 13:00 Rådmandens kontor, vær. 436',
  );
  expect(text).toContain('Beslutning for Punkt 4: Opfølgning på investeringsmodeller for 2023');
  // Markup stays text; a character the PDF font cannot draw becomes "?" instead of failing the export.
  expect(text).toContain(
    'Rådmanden tog orienteringen til efterretning. Økonomichefen følger op. <b>ikke fed</b> ?',
  );
  expect(text).not.toContain('Personalesag');
});

test('a long decision flows over several PDF pages', async () => {
  const long = Array.from(
    { length: 200 },
    (_v, i) => `Afsnit ${i + 1}: rådmanden drøftede sagen grundigt med forvaltningen.`,
  ).join('\n\n');
  const r = buildReferat(meeting, items, [{ ...decisions[0], text: long }], [], { audience: 'public' });
  const file = join(mkdtempSync(join(tmpdir(), 'referat-')), 'lang.pdf');
  writeFileSync(file, await referatPdf(r));
  const pages = JSON.parse(
    execFileSync(process.execPath, [join(__dirname, '../support/pdfText.mjs'), file], { encoding: 'utf8' }),
  ) as string[];
  expect(pages.length).toBeGreaterThan(3);
  expect(flat(pages.join(' '))).toContain('Afsnit 200: rådmanden drøftede sagen grundigt med forvaltningen.');
});

describe('every follow-up appears under its item in every referat format', () => {
  const followUps: FollowUp[] = [
    {
      id: 'f1',
      itemNumber: 4,
      owners: ['Erik'],
      task: 'Erik følger op på modellerne.',
      due: '2026-12-09',
      status: 'Åben',
    },
    { id: 'f2', itemNumber: 5, owners: ['HR'], task: 'HR følger op på sagen.', status: 'I gang' },
  ];
  const line = 'Opfølgning: Erik – Erik følger op på modellerne. (frist 09.12.2026, Åben)';
  const closedLine = 'Opfølgning: HR – HR følger op på sagen. (I gang)';
  const withFollowUps = (audience: 'public' | 'members') =>
    buildReferat(meeting, items, decisions, [], { audience, followUps });
  // Under its own item: after "Punkt 4" and before the next item's heading.
  const underItem4 = new RegExp(
    `Punkt 4: Opfølgning på investeringsmodeller(?:(?!Punkt 5:).)*${line.replace(/[.()]/g, '\\$&')}`,
  );

  test('text, HTML and the HTML document', () => {
    const r = withFollowUps('public');
    expect(flat(renderReferatText(r))).toMatch(underItem4);
    expect(flat(renderReferatHtml(r).replace(/<[^>]+>/g, ' '))).toMatch(underItem4);
    expect(flat(renderReferatHtmlDocument(r).replace(/<[^>]+>/g, ' '))).toMatch(underItem4);
  });

  test('Word and PDF', async () => {
    const word = flat(
      (await mammoth.extractRawText({ buffer: Buffer.from(await referatDocx(withFollowUps('public'))) }))
        .value,
    );
    expect(word).toMatch(underItem4);
    const file = join(mkdtempSync(join(tmpdir(), 'referat-')), 'opfoelgning.pdf');
    writeFileSync(file, await referatPdf(withFollowUps('public')));
    const pages = JSON.parse(
      execFileSync(process.execPath, [join(__dirname, '../support/pdfText.mjs'), file], { encoding: 'utf8' }),
    ) as string[];
    expect(flat(pages.join(' '))).toMatch(underItem4);
  });

  test("a closed item's follow-up is only in the members' version", () => {
    expect(renderReferatText(withFollowUps('public'))).not.toContain(closedLine);
    expect(renderReferatText(withFollowUps('members'))).toContain(closedLine);
  });
});
