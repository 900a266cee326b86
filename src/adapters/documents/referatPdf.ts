import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  PDFRef,
  StandardFonts,
  rgb,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { splitAtVoteTable, type Referat, type VoteTable } from '../../i18n/referat';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;

interface Elem {
  type: string;
  ref: PDFRef;
  kids: PDFArray;
}

/**
 * A tagged PDF written with pdf-lib at the object level: every line drawn is marked content (BDC/EMC with
 * an MCID) belonging to a structure element, the structure tree holds the elements in reading order
 * (Document → H1, P, H2, H3, L/LI/LBody, Table/TR/TH/TD), each page points into the ParentTree, and the
 * catalog says MarkInfo Marked, its language and to show the document title. pdf-lib is the renderer the
 * add-in already ships to the browser; a second PDF library (pdfkit) would need Node built-ins there.
 */
class TaggedPdf {
  private page!: PDFPage;
  private y = 0;
  /** Per page, MCID → the structure element it belongs to. */
  private readonly parents: PDFRef[][] = [];
  readonly root: PDFDict;
  readonly document: Elem;

  constructor(
    readonly pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    const ctx = pdf.context;
    this.root = ctx.obj({ Type: 'StructTreeRoot' });
    const rootRef = ctx.register(this.root);
    const kids = ctx.obj([]);
    this.root.set(PDFName.of('K'), kids);
    this.document = this.elem('Document', { type: 'StructTreeRoot', ref: rootRef, kids });
    this.newPage();
  }

  elem(type: string, parent: Elem, attributes?: Record<string, string>): Elem {
    const ctx = this.pdf.context;
    const kids = ctx.obj([]);
    const dict = ctx.obj({ Type: 'StructElem', S: type, P: parent.ref });
    dict.set(PDFName.of('K'), kids);
    if (attributes) dict.set(PDFName.of('A'), ctx.obj({ O: 'Table', ...attributes }));
    const ref = ctx.register(dict);
    parent.kids.push(ref);
    return { type, ref, kids };
  }

  private newPage() {
    this.page = this.pdf.addPage(A4);
    this.page.node.set(PDFName.of('StructParents'), PDFNumber.of(this.parents.length));
    this.page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    this.parents.push([]);
    this.y = A4[1] - MARGIN;
  }

  /** Replaces what the font cannot encode (emoji, other scripts) by "?" rather than failing the export. */
  private safe(font: PDFFont, text: string) {
    return [...text]
      .map((ch) => {
        try {
          font.encodeText(ch);
          return ch;
        } catch {
          return '?';
        }
      })
      .join('');
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const out: string[] = [];
    for (const raw of text.split('\n')) {
      let line = '';
      for (const word of this.safe(font, raw).split(/\s+/).filter(Boolean)) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) > width && line) {
          out.push(line);
          line = word;
        } else line = next;
      }
      out.push(line);
    }
    return out;
  }

  private ensure(height: number) {
    if (this.y - height < MARGIN) this.newPage();
  }

  /** Draws one line as marked content of `elem` ("/P <</MCID n>> BDC … EMC"). */
  private draw(elem: Elem, line: string, x: number, y: number, font: PDFFont, size: number) {
    if (!line) return;
    const mcids = this.parents[this.parents.length - 1];
    const mcid = mcids.length;
    mcids.push(elem.ref);
    this.page.pushOperators(
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
        PDFName.of(elem.type),
        `<</MCID ${mcid}>>`,
      ]),
    );
    this.page.drawText(line, { x, y, size, font, color: rgb(0, 0, 0) });
    this.page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    elem.kids.push(this.pdf.context.obj({ Type: 'MCR', Pg: this.page.ref, MCID: mcid }));
  }

  /**
   * A block of text as one structure element (wrapped, across pages if need be). Empty text keeps its
   * space on the page but gets no element: a screen reader has nothing to read there.
   */
  text(
    type: string,
    parent: Elem,
    text: string,
    opts: { font?: PDFFont; size?: number; gapBefore?: number; indent?: number } = {},
  ): void {
    const font = opts.font ?? this.regular;
    const size = opts.size ?? 11;
    const indent = opts.indent ?? 0;
    this.y -= opts.gapBefore ?? 0;
    const elem = text.trim() ? this.elem(type, parent) : undefined;
    for (const line of this.wrap(text, font, size, WIDTH - indent)) {
      this.ensure(size * 1.35);
      if (elem) this.draw(elem, line, MARGIN + indent, this.y - size, font, size);
      this.y -= size * 1.35;
    }
  }

  /** A data table: caption, a header row of column headers, rows with a row header and a data cell. */
  table(parent: Elem, t: VoteTable) {
    const table = this.elem('Table', parent);
    this.text('Caption', table, t.caption, { font: this.bold, gapBefore: 6 });
    const size = 11;
    const first = 140;
    const row = (
      cells: Array<{ text: string; type: 'TH' | 'TD'; scope?: 'Row' | 'Column'; bold: boolean }>,
    ) => {
      const tr = this.elem('TR', table);
      const widths = [first - 8, WIDTH - first];
      const wrapped = cells.map((c, k) =>
        this.wrap(c.text, c.bold ? this.bold : this.regular, size, widths[k]),
      );
      const height = Math.max(...wrapped.map((w) => w.length)) * size * 1.35;
      this.ensure(height);
      cells.forEach((c, k) => {
        const cell = this.elem(c.type, tr, c.scope ? { Scope: c.scope } : undefined);
        wrapped[k].forEach((line, n) =>
          this.draw(
            cell,
            line,
            MARGIN + (k ? first : 0),
            this.y - size - n * size * 1.35,
            c.bold ? this.bold : this.regular,
            size,
          ),
        );
      });
      this.y -= height;
    };
    row(t.columns.map((text) => ({ text, type: 'TH' as const, scope: 'Column' as const, bold: true })));
    for (const r of t.rows)
      row([
        { text: `${r.label}:`, type: 'TH', scope: 'Row', bold: true },
        { text: `${r.names} (${r.count})`, type: 'TD', bold: false },
      ]);
  }

  finish(lang: string) {
    const ctx = this.pdf.context;
    const nums: Array<number | PDFRef> = [];
    this.parents.forEach((refs, page) => nums.push(page, ctx.register(ctx.obj(refs))));
    this.root.set(PDFName.of('ParentTree'), ctx.obj({ Nums: nums }));
    this.root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(this.parents.length));
    const catalog = this.pdf.catalog;
    catalog.set(PDFName.of('StructTreeRoot'), ctx.getObjectRef(this.root)!);
    catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
    this.pdf.setLanguage(lang);
  }
}

/**
 * The referat as a tagged PDF (A4, the same layout as the Word version), with pdf-lib's standard Helvetica,
 * whose WinAnsi encoding has æ, ø, å. The public protocol is this with audience 'public': title, language
 * (da-DK) and structure tags so a screen reader reads it in order (webtilgængelighedsloven, WCAG 2.1 AA).
 */
export async function referatPdf(r: Referat): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${r.series} ${r.when}`, { showInWindowTitleBar: true });
  pdf.setAuthor('Mødeassistent');
  const out = new TaggedPdf(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );
  const { bold } = out;
  const doc = out.document;
  const en = r.locale === 'en';
  const members = en
    ? "Members' version – contains closed items"
    : 'Medlemsudgave – indeholder lukkede punkter';
  out.text('H1', doc, r.series, { font: bold, size: 16 });
  out.text('P', doc, r.when, { font: bold });
  out.text('P', doc, r.location);
  out.text('P', doc, r.audience === 'members' ? members : en ? 'Public version' : 'Offentlig udgave', {
    size: 9,
    gapBefore: 4,
  });
  out.text('P', doc, `Information: ${r.information}`, { gapBefore: 10 });
  out.text('H2', doc, r.contentsTitle, { font: bold, size: 13, gapBefore: 14 });
  for (const group of r.contents) {
    out.text('H3', doc, group.category, { font: bold, gapBefore: 6 });
    const list = out.elem('L', doc);
    for (const i of group.items)
      out.text('LBody', out.elem('LI', list), `${en ? 'Item' : 'Punkt'} ${i.number}: ${i.title}`, {
        indent: 12,
      });
  }
  for (const i of r.items) {
    out.text('H2', doc, i.heading, { font: bold, size: 13, gapBefore: 16 });
    if (i.usedMinutes !== undefined)
      out.text('P', doc, `(${en ? 'used' : 'brugt'} ${i.usedMinutes} min)`, { size: 9 });
    out.text('H3', doc, i.decisionHeading, { font: bold, gapBefore: 6 });
    for (const paragraph of i.decision.split(/\n\s*\n/).filter((p) => p.trim()))
      out.text('P', doc, paragraph, { gapBefore: 4 });
    const { before, table, after } = splitAtVoteTable(i);
    for (const line of before) out.text('P', doc, line, { gapBefore: 4 });
    if (table) out.table(doc, table);
    for (const line of after) out.text('P', doc, line, { gapBefore: 4 });
    if (i.followUps.length) {
      const list = out.elem('L', doc);
      for (const line of i.followUps)
        out.text('LBody', out.elem('LI', list), line, { indent: 12, gapBefore: 4 });
    }
  }
  for (const line of r.protocol?.lines ?? []) out.text('P', doc, line, { gapBefore: 8 });
  out.finish(en ? 'en-GB' : 'da-DK');
  return pdf.save();
}
