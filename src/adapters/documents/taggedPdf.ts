import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  PDFRef,
  rgb,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import type { VoteTable } from '../../i18n/referat';

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 56;
export const WIDTH = A4[0] - 2 * MARGIN;

export interface Elem {
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
export class TaggedPdf {
  private current!: PDFPage;
  /** Where the next line goes on the current page (PDF units from the bottom). */
  y = 0;
  /** Per page, MCID → the structure element it belongs to. */
  private readonly parents: PDFRef[][] = [];
  private readonly mcidsOf = new Map<PDFPage, PDFRef[]>();
  /** Pages made earlier and left empty (a contents page): text that overflows continues on these first. */
  readonly reserved: PDFPage[] = [];
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

  get page(): PDFPage {
    return this.current;
  }

  /** A new A4 page at the end, written from its top. */
  newPage(): PDFPage {
    const page = this.pdf.addPage(A4);
    page.node.set(PDFName.of('StructParents'), PDFNumber.of(this.parents.length));
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    const mcids: PDFRef[] = [];
    this.parents.push(mcids);
    this.mcidsOf.set(page, mcids);
    this.resume(page);
    return page;
  }

  /** Whether a page is one this writer made (not a page copied in from elsewhere). */
  owns(page: PDFPage): boolean {
    return this.mcidsOf.has(page);
  }

  /** Goes on writing from the top of one of this writer's own pages. */
  resume(page: PDFPage) {
    if (!this.mcidsOf.has(page)) throw new Error('Not a page of this document');
    this.current = page;
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

  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
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

  /** Room for `height` more on this page, or the next reserved page, or a new one. */
  ensure(height: number) {
    if (this.y - height >= MARGIN) return;
    const next = this.reserved.shift();
    if (next) this.resume(next);
    else this.newPage();
  }

  /** Draws one line as marked content of `elem` ("/P <</MCID n>> BDC … EMC"). */
  draw(elem: Elem, line: string, x: number, y: number, font: PDFFont, size: number) {
    if (!line) return;
    this.marked(elem, () => this.current.drawText(line, { x, y, size, font, color: rgb(0, 0, 0) }));
  }

  /** Whatever `paint` draws on the current page, as marked content of `elem` (a line, a Figure's image). */
  marked(elem: Elem, paint: () => void) {
    const mcids = this.mcidsOf.get(this.current)!;
    const mcid = mcids.length;
    mcids.push(elem.ref);
    this.current.pushOperators(
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
        PDFName.of(elem.type),
        `<</MCID ${mcid}>>`,
      ]),
    );
    paint();
    this.current.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    elem.kids.push(this.pdf.context.obj({ Type: 'MCR', Pg: this.current.ref, MCID: mcid }));
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
