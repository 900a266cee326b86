import {
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  StandardFonts,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib';
import type { PackageDocument } from '../../i18n/meetingPackage';
import type { PackageRenderer } from '../../ports/PackageRenderer';
import { drawFooter, loadBilag, type LoadedBilag } from './packagePages';
import { writeOutline, type OutlineEntry } from './pdfOutline';
import { A4, MARGIN, TaggedPdf, WIDTH, type Elem } from './taggedPdf';

const SIZE = 11;
const LINE = SIZE * 1.35;
/** The contents' right-hand column for page numbers. */
const NUMBER_COLUMN = 44;

interface ContentsRow {
  text: string;
  indent: number;
  gapBefore: number;
  bold: boolean;
  /** 0-based index of the page the row points to, known once laid out. */
  page: number;
}

/**
 * The meeting package as one PDF (issue 25 point 3), in the reader's browser with pdf-lib: a cover (series,
 * edition, time, place, Information line), the contents with page numbers, then per item its heading, the
 * indstilling and the list of its bilag (one left out named with why), followed by the bilag's own pages;
 * "Side N af M" on every page, bookmarks per item and bilag, title and language in the catalog.
 *
 * The pages the package writes itself are tagged (TaggedPdf: structure tree, MarkInfo, /Lang). The bilag's
 * pages come in as their authors made them, without tags: pdf-lib copies pages but not structure trees, so a
 * bilag's tags are lost and its pages are not in the package's structure tree.
 */
export async function meetingPackagePdf(doc: PackageDocument): ReturnType<PackageRenderer['pdf']> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(doc.title, { showInWindowTitleBar: true });
  pdf.setAuthor('Mødeassistent');
  pdf.setCreator('Mødeassistent');
  const out = new TaggedPdf(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );
  const { bold, regular } = out;
  const w = doc.words;
  const root = out.document;
  out.text('H1', root, doc.cover.series, { font: bold, size: 20, gapBefore: 96 });
  out.text('P', root, doc.cover.edition, { font: bold, size: 14, gapBefore: 10 });
  out.text('P', root, doc.cover.when, { gapBefore: 24 });
  out.text('P', root, doc.cover.location);
  out.text('P', root, `${w.information}: ${doc.cover.information}`, { gapBefore: 18 });

  // Every bilag read first: the contents list the ones that come in, and its length fixes the page numbers.
  const loaded: LoadedBilag[][] = [];
  for (const section of doc.sections)
    loaded.push(await Promise.all(section.bilag.map((b) => loadBilag(pdf, b))));
  const rows: ContentsRow[] = [];
  doc.sections.forEach((s, k) => {
    rows.push({ text: s.heading, indent: 0, gapBefore: 6, bold: true, page: 0 });
    for (const b of loaded[k])
      if (!('missing' in b))
        rows.push({ text: w.bilagEntry(b.name), indent: 14, gapBefore: 0, bold: false, page: 0 });
  });
  const contentsSect = out.elem('Sect', root);
  const layout = layOutContents(out, rows);
  const contentsPages = Array.from({ length: layout.pages }, () => out.newPage());

  const outline: OutlineEntry[] = [{ title: w.contents, page: contentsPages[0].ref }];
  const unreadable: Array<{ itemNumber: number; name: string }> = [];
  let row = 0;
  doc.sections.forEach((section, k) => {
    const sect = out.elem('Sect', root);
    const start = out.newPage();
    rows[row++].page = pdf.getPageCount() - 1;
    const entry: OutlineEntry = { title: section.heading, page: start.ref, children: [] };
    outline.push(entry);
    out.text('H2', sect, section.heading, { font: bold, size: 14 });
    for (const block of section.blocks)
      if (block.kind === 'heading') out.text('H3', sect, block.text, { font: bold, gapBefore: 10 });
      else out.text('P', sect, block.text, { gapBefore: 3 });
    if (loaded[k].length) {
      out.text('H3', sect, w.bilagHeading, { font: bold, gapBefore: 14 });
      const list = out.elem('L', sect);
      for (const b of loaded[k]) {
        const body = out.elem('LBody', out.elem('LI', list));
        if (!('missing' in b)) {
          out.text('P', body, b.name, { indent: 12, gapBefore: 3 });
          continue;
        }
        out.text('P', body, w.leftOut(b.name), { indent: 12, gapBefore: 3, font: bold });
        out.text('P', body, w.leftOutNote[b.missing], { indent: 12, size: 9 });
        if (b.missing === 'unreadable') unreadable.push({ itemNumber: section.number, name: b.name });
      }
    }
    for (const b of loaded[k]) {
      if ('missing' in b) continue;
      const first = 'pages' in b ? appendPages(pdf, b.pages) : imagePage(out, sect, b.name, b.image);
      rows[row++].page = pdf.getPages().indexOf(first);
      entry.children!.push({ title: w.bilagEntry(b.name), page: first.ref });
    }
  });

  out.resume(contentsPages[0]);
  out.reserved.push(...contentsPages.slice(1));
  drawContents(out, contentsSect, w.contents, doc.sections.length ? rows : [], layout.at, contentsPages);
  if (!doc.sections.length) out.text('P', contentsSect, w.noItems, { gapBefore: 6 });

  const pages = pdf.getPages();
  pages.forEach((page, n) => drawFooter(page, w.page(n + 1, pages.length), regular, !out.owns(page)));
  writeOutline(pdf, outline);
  out.finish(doc.locale === 'en' ? 'en-GB' : 'da-DK');
  return { bytes: await pdf.save(), unreadable };
}

function appendPages(pdf: PDFDocument, pages: PDFPage[]): PDFPage {
  for (const page of pages) pdf.addPage(page);
  return pages[0];
}

/** An image bilag on a page of its own: its name, then the image fitted to the page, as a Figure named by it. */
function imagePage(out: TaggedPdf, sect: Elem, name: string, image: PDFImage): PDFPage {
  const page = out.newPage();
  out.text('H3', sect, name, { font: out.bold });
  const room = { width: WIDTH, height: out.y - MARGIN - 12 };
  const scale = Math.min(1, room.width / image.width, room.height / image.height);
  const size = { width: image.width * scale, height: image.height * scale };
  const figure = out.elem('Figure', sect);
  out.pdf.context.lookup(figure.ref, PDFDict).set(PDFName.of('Alt'), PDFHexString.fromText(name));
  const y = out.y - 12 - size.height;
  out.marked(figure, () => page.drawImage(image, { x: MARGIN, y, ...size }));
  out.y = y;
  return page;
}

/**
 * Where each contents row goes (page of the contents, y of its first line), computed before anything is
 * drawn: the number of contents pages must be known before the items' pages are numbered.
 */
function layOutContents(out: TaggedPdf, rows: ContentsRow[]) {
  const top = A4[1] - MARGIN;
  let page = 0;
  let y = top - 14 * 1.35;
  const at: Array<{ page: number; y: number; lines: string[] }> = [];
  for (const r of rows) {
    const lines = out.wrap(r.text, r.bold ? out.bold : out.regular, SIZE, WIDTH - NUMBER_COLUMN - r.indent);
    y -= r.gapBefore;
    if (y - lines.length * LINE < MARGIN) {
      page += 1;
      y = top;
    }
    at.push({ page, y, lines });
    y -= lines.length * LINE;
  }
  return { pages: page + 1, at };
}

/** The contents on their reserved pages: a TOCI per row, its title and, right-aligned, its page number. */
function drawContents(
  out: TaggedPdf,
  sect: Elem,
  heading: string,
  rows: ContentsRow[],
  at: ReturnType<typeof layOutContents>['at'],
  pages: PDFPage[],
) {
  out.text('H2', sect, heading, { font: out.bold, size: 14 });
  const toc = out.elem('TOC', sect);
  rows.forEach((r, k) => {
    const item = out.elem('TOCI', toc);
    const font = r.bold ? out.bold : out.regular;
    out.resume(pages[at[k].page]);
    at[k].lines.forEach((line, n) =>
      out.draw(item, line, MARGIN + r.indent, at[k].y - SIZE - n * LINE, font, SIZE),
    );
    const number = String(r.page + 1);
    const last = at[k].y - SIZE - (at[k].lines.length - 1) * LINE;
    out.draw(
      item,
      number,
      MARGIN + WIDTH - out.regular.widthOfTextAtSize(number, SIZE),
      last,
      out.regular,
      SIZE,
    );
  });
  const end = at[at.length - 1];
  if (end) {
    out.resume(pages[end.page]);
    out.y = end.y - end.lines.length * LINE;
  }
}

export const meetingPackageRenderer: PackageRenderer = { pdf: meetingPackagePdf };
