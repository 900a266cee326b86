/**
 * The meeting package's PDF (issue 25 point 3), read back as a reader gets it: Mozilla's pdf.js gives the
 * text page by page and the structure tree of the package's own pages; pdf-lib the pages, bookmarks,
 * language and title.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import {
  degrees,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  StandardFonts,
} from 'pdf-lib';
import { meetingPackagePdf } from '../../src/adapters/documents/meetingPackagePdf';
import { emptyIndstilling } from '../../src/domain/indstilling/indstilling';
import { packagePlan, type PackagePlan } from '../../src/domain/meetingPackage';
import { wordPackage, type PackageBilag, type PackageDocument } from '../../src/i18n/meetingPackage';
import { item, person } from '../domain/helpers';

jest.setTimeout(60_000);

/** A PDF bilag of `pages` pages, each saying `text` and its page. */
async function bilagPdf(text: string, pages = 1, rotate = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595, 842]);
    page.setRotation(degrees(rotate));
    page.drawText(`${text} side ${n}`, { x: 60, y: 700, size: 12, font });
  }
  return doc.save();
}

/** A 2×2 PNG, made by hand (signature, IHDR, one IDAT, IEND). */
function png(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const meeting = {
  organizer: person('Sofie Holm'),
  attendees: [person('Anders Lund')],
  series: 'Rådmandsmøder 2022-2025 (Rådmandsmøde)',
  title: 'Rådmandsmøde',
  start: '2026-12-09T10:00:00',
  end: '2026-12-09T12:00:00',
  location: 'Rådhuset, mødelokale 2',
};
const items = [
  item(1, 'Budget 2027', {
    indstilling: {
      ...emptyIndstilling(),
      recipient: 'rådmanden',
      title: 'Budget 2027',
      points: ['rådmanden godkender budgettet.', 'rådmanden tager status til efterretning.'],
      sections: { sagsfremstilling: 'Budgettet er lagt efter rammerne.' },
    },
  }),
  item(2, 'Personalesag', { closed: true }),
];

async function render(
  bilag: Record<number, PackageBilag[]>,
  kind: 'reader' | 'public' = 'reader',
): Promise<{ doc: PackageDocument; bytes: Uint8Array; unreadable: unknown[]; file: string }> {
  const plan = packagePlan({ meeting, items }, { upn: 'sofie@kommune.example' }, kind) as PackagePlan;
  const worded = wordPackage(plan, meeting, 'Mads er referent.');
  const doc = { ...worded, sections: worded.sections.map((s) => ({ ...s, bilag: bilag[s.number] ?? [] })) };
  const { bytes, unreadable } = await meetingPackagePdf(doc);
  const file = join(mkdtempSync(join(tmpdir(), 'moedemappe-')), doc.fileName);
  writeFileSync(file, bytes);
  return { doc, bytes, unreadable, file };
}

const run = (script: string, file: string) =>
  JSON.parse(
    execFileSync(process.execPath, [join(__dirname, '../support', script), file], { encoding: 'utf8' }),
  );
const flat = (s: string) => s.replace(/\s+/g, ' ');

function outlineTitles(pdf: PDFDocument): string[] {
  const titles: string[] = [];
  const walk = (ref: unknown, depth: number) => {
    for (let node = pdf.context.lookup(ref as never, PDFDict) as PDFDict | undefined; node;) {
      const title = node.lookup(PDFName.of('Title'), PDFString, PDFHexString).decodeText();
      titles.push(`${'  '.repeat(depth)}${title}`);
      if (node.get(PDFName.of('First'))) walk(node.get(PDFName.of('First')), depth + 1);
      const next = node.get(PDFName.of('Next'));
      node = next ? (pdf.context.lookup(next, PDFDict) as PDFDict) : undefined;
    }
  };
  const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  walk(outlines.get(PDFName.of('First')), 0);
  return titles;
}

test('cover, contents with page numbers, indstilling, merged bilag, a named left-out bilag, Side N af M', async () => {
  const { bytes, file, unreadable } = await render({
    1: [
      { name: 'Budgetnotat.pdf', pdf: await bilagPdf('Budgetnotat', 2) },
      { name: 'Regneark.xlsx', leftOut: 'notConvertible' },
      { name: 'Kort.png', image: png(), type: 'png' },
    ],
    2: [{ name: 'Fortrolig.pdf', pdf: await bilagPdf('Fortroligt bilag', 1, 90) }],
  });
  expect(unreadable).toEqual([]);
  const pages = (run('pdfText.mjs', file) as string[]).map(flat);
  // cover, contents, item 1, Budgetnotat ×2, Kort.png, item 2, Fortrolig
  expect(pages).toHaveLength(8);
  expect(pages[0]).toContain('Rådmandsmøder 2022-2025 (Rådmandsmøde)');
  expect(pages[0]).toContain('onsdag 9. december 2026, kl. 11.00–13.00');
  expect(pages[0]).toContain('Rådhuset, mødelokale 2');
  expect(pages[0]).toContain('Information: Mads er referent.');
  expect(pages[1]).toMatch(
    /Indhold Punkt 1: Budget 2027 \(10 min\) 3 Bilag: Budgetnotat.pdf 4 Bilag: Kort.png 6 Punkt 2: LUKKET PUNKT – Personalesag \(10 min\) 7 Bilag: Fortrolig.pdf 8/,
  );
  expect(pages[2]).toContain(
    'Det indstilles, 1. at rådmanden godkender budgettet. 2. at rådmanden tager status til efterretning.',
  );
  expect(pages[2]).toContain('SAGSFREMSTILLING Budgettet er lagt efter rammerne.');
  expect(pages[2]).toContain('Regneark.xlsx – ikke med i mødemappen');
  expect(pages[2]).toContain('Filen kan ikke laves om til PDF.');
  expect(pages[3]).toContain('Budgetnotat side 1');
  expect(pages[4]).toContain('Budgetnotat side 2');
  expect(pages[5]).toContain('Kort.png');
  expect(pages[7]).toContain('Fortroligt bilag side 1');
  pages.forEach((text, n) => expect(text).toContain(`Side ${n + 1} af 8`));

  const pdf = await PDFDocument.load(bytes);
  expect(pdf.getTitle()).toContain('Mødemappe – Rådmandsmøder 2022-2025 (Rådmandsmøde) 9. december 2026');
  expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('da-DK');
  expect(pdf.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))).toBeTruthy();
  expect(outlineTitles(pdf)).toEqual([
    'Indhold',
    'Punkt 1: Budget 2027 (10 min)',
    '  Bilag: Budgetnotat.pdf',
    '  Bilag: Kort.png',
    'Punkt 2: LUKKET PUNKT – Personalesag (10 min)',
    '  Bilag: Fortrolig.pdf',
  ]);
  // The package's own pages are tagged: a screen reader gets the headings, the contents and the image's name.
  const tree = JSON.stringify(run('pdfStruct.mjs', file));
  for (const role of ['"H1"', '"TOC"', '"TOCI"', '"H2"', '"H3"', '"Figure"']) expect(tree).toContain(role);
  expect(pdf.getPage(7).node.get(PDFName.of('StructParents'))).toBeUndefined();
  expect(pdf.getPage(2).node.get(PDFName.of('StructParents'))).toBeInstanceOf(PDFNumber);
});

test('a damaged PDF bilag is named in its item and reported, the rest of the package is made', async () => {
  const { file, unreadable } = await render({
    1: [
      { name: 'Ødelagt.pdf', pdf: new TextEncoder().encode('%PDF-1.4\n% ikke en rigtig pdf\n%%EOF\n') },
      { name: 'Notat.pdf', pdf: await bilagPdf('Notat') },
    ],
  });
  expect(unreadable).toEqual([{ itemNumber: 1, name: 'Ødelagt.pdf' }]);
  const text = flat((run('pdfText.mjs', file) as string[]).join(' '));
  expect(text).toContain('Ødelagt.pdf – ikke med i mødemappen');
  expect(text).toContain('Filen kunne ikke læses som PDF.');
  expect(text).toContain('Notat side 1');
  expect(text).not.toContain('Bilag: Ødelagt.pdf');
});

test('the public package: a closed item is "Lukket punkt" with nothing of its own', async () => {
  const { file } = await render({}, 'public');
  const text = flat((run('pdfText.mjs', file) as string[]).join(' '));
  expect(text).toContain('Mødemappe – offentlig udgave');
  expect(text).toContain('Punkt 2: Lukket punkt');
  expect(text).toContain('Punktet er lukket og er ikke med i den offentlige udgave.');
  expect(text).not.toContain('Personalesag');
});

test('many items: the contents run over several pages and still point at the right pages', async () => {
  const many = Array.from({ length: 70 }, (_, k) =>
    item(k + 1, `Punkt med en ganske lang titel nummer ${k + 1}`),
  );
  const plan = packagePlan({ meeting, items: many }, { upn: 'sofie@kommune.example' }) as PackagePlan;
  const worded = wordPackage(plan, meeting, '');
  const { bytes } = await meetingPackagePdf({
    ...worded,
    sections: worded.sections.map((s) => ({ ...s, bilag: [] })),
  });
  const file = join(mkdtempSync(join(tmpdir(), 'moedemappe-')), 'mange.pdf');
  writeFileSync(file, bytes);
  const pages = (run('pdfText.mjs', file) as string[]).map(flat);
  const contents = pages.findIndex((p) => p.includes('Punkt 70:') && !p.includes('Punktet har'));
  expect(contents).toBeGreaterThan(1);
  const listed = /Punkt 70: Punkt med en ganske lang titel nummer 70 \(10 min\) (\d+)/.exec(pages[contents])!;
  expect(pages[Number(listed[1]) - 1]).toContain('Punkt 70: Punkt med en ganske lang titel nummer 70');
  expect(pages[Number(listed[1]) - 1]).toContain('Punktet har ingen indstilling.');
});
