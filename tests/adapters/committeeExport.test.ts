import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString } from 'pdf-lib';
import { referatDocx } from '../../src/adapters/documents/referatDocx';
import { referatPdf } from '../../src/adapters/documents/referatPdf';
import type { CommitteeRecord } from '../../src/domain/committee/types';
import { renderReferatHtml, renderReferatHtmlDocument } from '../../src/adapters/documents/referatHtml';
import { buildReferat, renderReferatText, type Audience } from '../../src/i18n/referat';
import { absences, decisions, items, meeting, record, settings } from '../domain/committee/fixtures';

const signed: CommitteeRecord = {
  ...record,
  signatures: [
    { member: 'sune@kommune.example', version: 1, checksum: 'x', signedAt: '2022-12-13T08:05:00.000Z' },
    { member: 'ivan@kommune.example', version: 1, checksum: 'x', signedAt: '2022-12-13T09:30:00.000Z' },
  ],
};
const referat = (audience: Audience, locale: 'da' | 'en' = 'da') =>
  buildReferat(meeting, items, decisions, absences, { audience }, locale, { settings, record: signed });
const flat = (s: string) => s.replace(/\s+/g, ' ');
const stripTags = (html: string) =>
  flat(
    html
      .replace(/<br>/g, ' ')
      .replace(/<\/(p|h\d|li|caption|tr)>/g, ' ')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'");

const STABLE = [
  'Erik Skov deltog ikke i behandlingen af punktet på grund af inhabilitet.',
  'For stemte: Sune Lund, Camilla Ravn, Dorte Vang og Frida Nør (4)',
  'Imod stemte: Gustav Eng og Hanne Birk (2)',
  'Undlod at stemme: Ivan Lyng (1)',
  'Resultat: Vedtaget',
  'Hanne Birk ønskede følgende ført til protokol: Ø finder, at øvebanerne bør evalueres efter et år.',
  'Imod stemte: Erik Skov, Frida Nør og Gustav Eng (3)',
  'Resultat: Forkastet',
  'Fraværende under punktet: Camilla Ravn',
  'Sune Lund (stedfortræder for Anne Kjær) deltager.',
  'Underskrevet af: Sune Lund (13-12-2022 09:05), Ivan Lyng (13-12-2022 10:30)',
];

const pdfFile = async (audience: Audience, locale: 'da' | 'en' = 'da') => {
  const bytes = await referatPdf(referat(audience, locale));
  const file = join(mkdtempSync(join(tmpdir(), 'protokol-')), 'protokol.pdf');
  writeFileSync(file, bytes);
  return { bytes, file };
};
const run = (script: string, file: string) =>
  JSON.parse(
    execFileSync(process.execPath, [join(__dirname, '../support', script), file], { encoding: 'utf8' }),
  );

const versionLine = () => `Protokolversion 1, kontrolsum ${referat('members').protocol!.checksum}`;

test('text and HTML exports carry every protocol line', () => {
  for (const audience of ['members', 'public'] as const) {
    const text = flat(renderReferatText(referat(audience)));
    const html = stripTags(renderReferatHtml(referat(audience)));
    const doc = stripTags(renderReferatHtmlDocument(referat(audience)));
    for (const line of [...STABLE, versionLine()]) {
      expect(text).toContain(line);
      expect(html).toContain(line);
      expect(doc).toContain(line);
    }
  }
});

test('the Word export, read back with mammoth, carries every protocol line', async () => {
  const text = flat(
    (await mammoth.extractRawText({ buffer: Buffer.from(await referatDocx(referat('members'))) })).value,
  );
  for (const line of [...STABLE, versionLine()]) expect(text).toContain(line);
  expect(text).toContain('Punkt 5: LUKKET PUNKT – Personsag om tilskud');
});

test('the PDF export, read back with pdf.js, carries every protocol line; the public one hides the closed item', async () => {
  const members = flat((run('pdfText.mjs', (await pdfFile('members')).file) as string[]).join(' '));
  for (const line of [...STABLE, versionLine()]) expect(members).toContain(line);
  expect(members).toContain('Tilskuddet blev bevilget.');
  const open = flat((run('pdfText.mjs', (await pdfFile('public')).file) as string[]).join(' '));
  for (const line of [...STABLE, versionLine()]) expect(open).toContain(line);
  expect(open).toContain('Punkt 5: Lukket punkt');
  expect(open).not.toContain('Personsag om tilskud');
  expect(open).not.toContain('Tilskuddet blev bevilget.');
});

test('English exports use the English lines', async () => {
  const text = flat((run('pdfText.mjs', (await pdfFile('members', 'en')).file) as string[]).join(' '));
  expect(text).toContain('Voted for: Sune Lund, Camilla Ravn, Dorte Vang and Frida Nør (4)');
  expect(text).toContain('Result: Rejected');
  expect(text).toContain('Signed by: Sune Lund (13-12-2022 09:05), Ivan Lyng (13-12-2022 10:30)');
  expect(text).toMatch(/Protocol version 1, checksum [0-9a-f]{12}/);
});

interface Node {
  role?: string;
  text?: string;
  children?: Node[];
}

test('the public PDF is tagged: catalog Lang da-DK, MarkInfo Marked, StructTreeRoot, title shown, pages in structure order', async () => {
  const { bytes, file } = await pdfFile('public');
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = pdf.catalog;
  const lang = catalog.lookup(PDFName.of('Lang'));
  expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined).toBe(
    'da-DK',
  );
  expect(catalog.lookup(PDFName.of('MarkInfo'), PDFDict).lookup(PDFName.of('Marked'))).toBe(PDFBool.True);
  expect(catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).lookup(PDFName.of('DisplayDocTitle'))).toBe(
    PDFBool.True,
  );
  expect(pdf.getTitle()).toBe('Social- og Beskæftigelsesudvalget (Udvalgsmøde) 12-12-2022 14:00 - 16:00');
  const root = catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  expect(root.lookup(PDFName.of('Type'))).toBe(PDFName.of('StructTreeRoot'));
  for (const page of pdf.getPages()) expect(page.node.get(PDFName.of('StructParents'))).toBeDefined();

  // The element types in document order, walking /K from the root as a screen reader does.
  const types: string[] = [];
  const childless: string[] = [];
  const walk = (ref: unknown) => {
    const elem = ref instanceof PDFRef ? pdf.context.lookup(ref) : ref;
    if (!(elem instanceof PDFDict) || elem.lookup(PDFName.of('Type')) !== PDFName.of('StructElem')) return;
    types.push((elem.lookup(PDFName.of('S')) as PDFName).decodeText());
    const kids = elem.lookup(PDFName.of('K'));
    if (!(kids instanceof PDFArray) || kids.size() === 0) childless.push(types[types.length - 1]);
    if (kids instanceof PDFArray) kids.asArray().forEach(walk);
  };
  root.lookup(PDFName.of('K'), PDFArray).asArray().forEach(walk);
  const top = types.filter((t) => ['H1', 'H2', 'Table'].includes(t));
  expect(types[0]).toBe('Document');
  expect(types[1]).toBe('H1');
  expect(top.slice(0, 3)).toEqual(['H1', 'H2', 'H2']);
  const item3 = types.indexOf('Table');
  expect(types.slice(item3, item3 + 8)).toEqual(['Table', 'Caption', 'TR', 'TH', 'TH', 'TR', 'TH', 'TD']);
  expect(top.filter((t) => t === 'H2')).toHaveLength(1 + items.length);
  expect(top.filter((t) => t === 'Table')).toHaveLength(2);

  // What pdf.js (Firefox's reader, as assistive technology gets it) builds from the tags: the headings'
  // and cells' text in reading order, each text inside its element.
  const pages = run('pdfStruct.mjs', file) as Node[];
  const seen: Array<[string, string]> = [];
  const collect = (node: Node) => {
    const own = (node.children ?? [])
      .filter((c) => c.text !== undefined)
      .map((c) => c.text)
      .join(' ');
    if (node.role && own) seen.push([node.role, flat(own).trim()]);
    (node.children ?? []).filter((c) => c.role).forEach(collect);
  };
  pages.forEach((p) => p && collect(p));
  expect(seen[0]).toEqual(['H1', 'Social- og Beskæftigelsesudvalget (Udvalgsmøde)']);
  expect(seen.filter(([role]) => role === 'H2').map(([, t]) => t)).toEqual([
    'Indhold',
    ...items.map((i) =>
      i.closed
        ? `Punkt ${i.number}: Lukket punkt (15 min)`
        : expect.stringMatching(`^Punkt ${i.number}: ${i.title}`),
    ),
  ]);
  const at = seen.findIndex(([role, t]) => role === 'Caption' && t === 'Afstemning om punkt 3');
  expect(seen.slice(at, at + 7)).toEqual([
    ['Caption', 'Afstemning om punkt 3'],
    ['TH', 'Stemme'],
    ['TH', 'Navne (antal)'],
    ['TH', 'For stemte:'],
    ['TD', 'Sune Lund, Camilla Ravn, Dorte Vang og Frida Nør (4)'],
    ['TH', 'Imod stemte:'],
    ['TD', 'Gustav Eng og Hanne Birk (2)'],
  ]);
  expect(seen).toContainEqual(['P', 'Resultat: Vedtaget']);
  expect(seen[seen.length - 1]).toEqual(['P', versionLine()]);
  // Every structure element holds marked content or other elements (none is left empty).
  expect(childless).toEqual([]);
});

test('table header cells carry their scope', async () => {
  const pdf = await PDFDocument.load((await pdfFile('public')).bytes);
  const scopes: string[] = [];
  pdf.context.enumerateIndirectObjects().forEach(([, obj]) => {
    if (!(obj instanceof PDFDict) || obj.lookup(PDFName.of('S')) !== PDFName.of('TH')) return;
    const a = obj.lookup(PDFName.of('A'), PDFDict);
    expect(a.lookup(PDFName.of('O'))).toBe(PDFName.of('Table'));
    scopes.push((a.lookup(PDFName.of('Scope')) as PDFName).decodeText());
  });
  expect(scopes.filter((s) => s === 'Column')).toHaveLength(4);
  expect(scopes.filter((s) => s === 'Row')).toHaveLength(6);
});

test('a paragraph running over a page break stays one P element with marked content on both pages', async () => {
  const long = Array.from(
    { length: 60 },
    (_v, i) => `Linje ${i + 1} af udvalgets lange begrundelse for sagen.`,
  ).join('\n');
  const r = buildReferat(
    meeting,
    items,
    decisions.map((d) => (d.itemNumber === 3 ? { ...d, text: `${long}\n\n${long}` } : d)),
    absences,
    { audience: 'public' },
    'da',
    { settings, record: signed },
  );
  const bytes = await referatPdf(r);
  const file = join(mkdtempSync(join(tmpdir(), 'protokol-')), 'lang.pdf');
  writeFileSync(file, bytes);
  const pdf = await PDFDocument.load(bytes);
  const paragraphs = pdf.context
    .enumerateIndirectObjects()
    .map(([, obj]) => obj)
    .filter(
      (obj): obj is PDFDict => obj instanceof PDFDict && obj.lookup(PDFName.of('S')) === PDFName.of('P'),
    )
    .map((p) =>
      p
        .lookup(PDFName.of('K'), PDFArray)
        .asArray()
        .map((mcr) => pdf.context.lookup(mcr, PDFDict)),
    )
    .filter((mcrs) => mcrs.length === 60);
  expect(paragraphs).toHaveLength(2);
  const pagesOf = (mcrs: PDFDict[]) => new Set(mcrs.map((m) => m.get(PDFName.of('Pg'))!.toString())).size;
  expect(paragraphs.some((mcrs) => pagesOf(mcrs) > 1)).toBe(true);
  const pages = run('pdfStruct.mjs', file) as Node[];
  expect(pages.length).toBeGreaterThan(2);
  const texts = (node: Node): string[] =>
    (node.children ?? []).flatMap((c) => (c.text !== undefined ? [c.text] : texts(c)));
  for (const page of pages) expect(page && texts(page).length).toBeGreaterThan(0);
  // pdf.js finds every line inside the structure, in order.
  const lines = pages.flatMap((page) => texts(page!)).filter((t) => t.startsWith('Linje '));
  expect(lines).toHaveLength(120);
  expect(lines[119]).toBe('Linje 60 af udvalgets lange begrundelse for sagen.');
});
