import fc from 'fast-check';
import { renderReferatHtml, renderReferatHtmlDocument } from '../../../src/adapters/documents/referatHtml';
import { buildReferat, renderReferatText } from '../../../src/i18n/referat';
import { protocolChecksum, protocolText } from '../../../src/domain/committee/protocol';
import { referatContent } from '../../../src/domain/referat';
import { referatWords } from '../../../src/i18n/referatWords';
import type { CommitteeRecord } from '../../../src/domain/committee/types';
import { absences, decisions, items, meeting, record, settings } from './fixtures';

const signed: CommitteeRecord = {
  ...record,
  signatures: [
    { member: 'sune@kommune.example', version: 1, checksum: 'x', signedAt: '2022-12-13T08:05:00.000Z' },
    { member: 'camilla@kommune.example', version: 1, checksum: 'x', signedAt: '2022-12-13T09:30:00.000Z' },
  ],
};
const build = (audience: 'members' | 'public', locale: 'da' | 'en' = 'da', r: CommitteeRecord = signed) =>
  buildReferat(meeting, items, decisions, absences, { audience }, locale, { settings, record: r });
const itemLines = (n: number) => build('members').items.find((i) => i.number === n)!.committeeLines;

test('under each item: absence during it, inhabilitet, the vote by name, its result, the protokoltilførsel', () => {
  expect(itemLines(1)).toEqual(['Fraværende under punktet: Camilla Ravn']);
  expect(itemLines(3)).toEqual([
    'Erik Skov deltog ikke i behandlingen af punktet på grund af inhabilitet.',
    'For stemte: Sune Lund, Camilla Ravn, Dorte Vang og Frida Nør (4)',
    'Imod stemte: Gustav Eng og Hanne Birk (2)',
    'Undlod at stemme: Ivan Lyng (1)',
    'Resultat: Vedtaget',
    'Hanne Birk ønskede følgende ført til protokol: Ø finder, at øvebanerne bør evalueres efter et år.',
  ]);
  expect(itemLines(4)).toEqual([
    'For stemte: Sune Lund, Camilla Ravn og Dorte Vang (3)',
    'Imod stemte: Erik Skov, Frida Nør og Gustav Eng (3)',
    'Undlod at stemme: Hanne Birk (1)',
    'Resultat: Forkastet',
  ]);
  expect(itemLines(6)).toEqual([]);
});

test('the Information line names the substitute in the member’s place', () => {
  expect(build('members').information).toBe(
    'Afbud fra Anne Kjær og Bent Holm. Mads er referent. Sune Lund (stedfortræder for Anne Kjær) deltager.',
  );
  expect(build('members', 'en').information).toBe(
    'Apologies from Anne Kjær and Bent Holm. Mads takes the minutes. Sune Lund (substitute for Anne Kjær) attends.',
  );
});

test('at the end: who signed (Copenhagen time) and the version with the checksum of the approved text', () => {
  const r = build('members');
  const approved = protocolText(r);
  expect(r.protocol).toEqual({
    version: 1,
    checksum: protocolChecksum(approved),
    lines: [
      'Underskrevet af: Sune Lund (13-12-2022 09:05), Camilla Ravn (13-12-2022 10:30)',
      `Protokolversion 1, kontrolsum ${protocolChecksum(approved)}`,
    ],
  });
  expect(r.protocol!.checksum).toMatch(/^[0-9a-f]{12}$/);
  expect(approved).toContain('Resultat: Forkastet');
  expect(approved).not.toContain('Underskrevet af');
});

test('the checksum is the Danish members’ text whatever the export; signing does not change it, an edit does', () => {
  const sum = build('members').protocol!.checksum;
  expect(build('public').protocol!.checksum).toBe(sum);
  expect(build('members', 'en').protocol!.checksum).toBe(sum);
  expect(build('members', 'da', { ...signed, signatures: [] }).protocol!.checksum).toBe(sum);
  const edited = buildReferat(
    meeting,
    items,
    decisions.map((d) => (d.itemNumber === 3 ? { ...d, text: `${d.text} Med en tilføjelse.` } : d)),
    absences,
    { audience: 'members' },
    'da',
    { settings, record: signed },
  );
  expect(edited.protocol!.checksum).not.toBe(sum);
  expect(build('members', 'da', { ...signed, version: 2, signatures: [] }).protocol!.lines).toEqual([
    `Protokolversion 2, kontrolsum ${sum}`,
  ]);
});

test('English lines for locale en', () => {
  const r = build('members', 'en');
  expect(r.items.find((i) => i.number === 3)!.committeeLines).toEqual([
    'Erik Skov took no part in the item because of disqualification (inhabilitet).',
    'Voted for: Sune Lund, Camilla Ravn, Dorte Vang and Frida Nør (4)',
    'Voted against: Gustav Eng and Hanne Birk (2)',
    'Abstained: Ivan Lyng (1)',
    'Result: Adopted',
    'Hanne Birk asked for the following to be entered in the minutes: Ø finder, at øvebanerne bør evalueres efter et år.',
  ]);
  expect(r.items.find((i) => i.number === 1)!.committeeLines).toEqual([
    'Absent during the item: Camilla Ravn',
  ]);
  expect(r.protocol!.lines[1]).toMatch(/^Protocol version 1, checksum [0-9a-f]{12}$/);
  expect(r.protocol!.lines[0]).toMatch(/^Signed by: Sune Lund \(13-12-2022 09:05\)/);
});

test('the public protocol shows a closed item as “Lukket punkt” without its decision unless the organizer publishes them', () => {
  const hidden = build('public').items.find((i) => i.number === 5)!;
  expect(hidden).toMatchObject({
    heading: 'Punkt 5: Lukket punkt (15 min)',
    decision: '',
    committeeLines: [],
  });
  const vote = {
    itemNumber: 5,
    choices: { 'sune@kommune.example': 'For' as const },
    recordedBy: 'x',
    recordedAt: 'x',
  };
  const withVote = { ...signed, votes: [...signed.votes, vote] };
  const titleOnly = build('public', 'da', {
    ...withVote,
    publication: [{ itemNumber: 5, publishTitle: true, publishDecision: false }],
  }).items.find((i) => i.number === 5)!;
  expect(titleOnly).toMatchObject({
    heading: 'Punkt 5: LUKKET PUNKT – Personsag om tilskud (15 min)',
    decision: '',
    committeeLines: [],
  });
  const published = build('public', 'da', {
    ...withVote,
    publication: [{ itemNumber: 5, publishTitle: false, publishDecision: true }],
  }).items.find((i) => i.number === 5)!;
  expect(published).toMatchObject({
    heading: 'Punkt 5: Lukket punkt (15 min)',
    decision: 'Tilskuddet blev bevilget.',
    committeeLines: ['For stemte: Sune Lund (1)', 'Resultat: Vedtaget'],
  });
  expect(build('members').items.find((i) => i.number === 5)!.decision).toBe('Tilskuddet blev bevilget.');
});

test('the domain says what the protocol holds; every word of it is the vocabulary’s (src/i18n)', () => {
  const content = referatContent(
    meeting,
    items,
    decisions,
    absences,
    { audience: 'public' },
    { settings, record: signed },
  );
  const item3 = content.items.find((i) => i.number === 3)!;
  expect(item3.protocol!.vote).toMatchObject({ result: 'Vedtaget' });
  expect(content.items.find((i) => i.number === 5)).toMatchObject({ shown: 'withheld', decision: '' });
  expect(content.protocol!.signatures.map((s) => s.name)).toEqual(['Sune Lund', 'Camilla Ravn']);
  // No word of the document in the domain's content, in either language (the sentences without their names).
  const data = JSON.stringify(content);
  for (const locale of ['da', 'en'] as const) {
    const w = referatWords(locale);
    const words: string[] = [
      w.item,
      w.decision,
      w.closed,
      w.closedHidden,
      w.category,
      w.none,
      w.for,
      w.against,
    ];
    words.push(w.abstained, w.result, w.signed, w.absent, w.followUp, w.inhabil(''), w.tilfoersel('', ''));
    words.push(w.version(1, '').replace('1,', ''), w.substituteFor('', '').replace(/[()]/g, ''));
    for (const word of words.map((x) => x.trim()))
      expect({ [word]: data.includes(word) }).toEqual({ [word]: false });
  }
});

test('text and HTML carry every line; HTML escapes what members typed', () => {
  const hostile = {
    ...signed,
    tilfoersler: [{ ...signed.tilfoersler[0], text: '<script>alert(1)</script>' }],
  };
  const r = build('members', 'da', hostile);
  const text = renderReferatText(r);
  const html = renderReferatHtml(r);
  for (const line of [...r.items.flatMap((i) => i.committeeLines), ...r.protocol!.lines]) {
    expect(text).toContain(line);
    expect(html).toContain(line.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  }
  expect(html).not.toContain('<script>');
});

test('the accessible HTML document: doctype, lang, title, one h2 per item, vote tables with header cells', () => {
  const html = renderReferatHtmlDocument(build('public'));
  expect(html.startsWith('<!doctype html><html lang="da">')).toBe(true);
  expect(html).toContain(
    '<title>Social- og Beskæftigelsesudvalget (Udvalgsmøde) 12-12-2022 14:00 - 16:00</title>',
  );
  const h2 = [...html.matchAll(/<h2 id="punkt-(\d+)-h">/g)].map((m) => Number(m[1]));
  expect(h2).toEqual(items.map((i) => i.number));
  expect(html).toContain('<caption>Afstemning om punkt 3</caption>');
  expect(html).toContain('<th scope="col">Stemme</th> <th scope="col">Navne (antal)</th>');
  expect(html).toContain('<th scope="row">Imod stemte:</th> <td>Gustav Eng og Hanne Birk (2)</td>');
  const text = html.replace(/<[^>]+>/g, '');
  expect(text).toContain('For stemte: Sune Lund, Camilla Ravn, Dorte Vang og Frida Nør (4)');
  expect(text).toContain('Resultat: Vedtaget');
  expect(html).not.toContain('Personsag om tilskud');
});

test('property: over the decisions typed, the checksum is equal exactly when the approved text is', () => {
  const decided = fc.array(fc.tuple(fc.constantFrom(1, 3, 4, 5), fc.string({ maxLength: 40 })), {
    maxLength: 4,
  });
  const protocol = (texts: Array<[number, string]>) => {
    const r = buildReferat(
      meeting,
      items,
      texts.map(([n, text]) => ({ ...decisions[0], itemNumber: n, text })),
      absences,
      { audience: 'members' },
      'da',
      { settings, record },
    );
    return { text: protocolText(r), checksum: r.protocol!.checksum };
  };
  fc.assert(
    fc.property(decided, decided, (a, b) => {
      const [x, y] = [protocol(a), protocol(b)];
      expect(x.checksum === y.checksum).toBe(x.text === y.text);
      expect(x.checksum).toBe(protocolChecksum(x.text));
    }),
  );
});
