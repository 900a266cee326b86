import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Referat } from '../../domain/referat';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

/**
 * The referat as PDF (A4, the same layout as the Word version), with pdf-lib's standard Helvetica, whose
 * WinAnsi encoding has æ, ø, å. Characters outside it (emoji, other scripts) are replaced by "?" rather
 * than failing the export.
 */
export async function referatPdf(r: Referat): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${r.series} ${r.when}`);
  pdf.setAuthor('Mødeassistent');
  pdf.setLanguage(r.locale === 'en' ? 'en-GB' : 'da-DK');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const width = A4[0] - 2 * MARGIN;

  const safe = (font: PDFFont, text: string) =>
    [...text]
      .map((ch) => {
        try {
          font.encodeText(ch);
          return ch;
        } catch {
          return '?';
        }
      })
      .join('');

  const write = (
    text: string,
    opts: { font?: PDFFont; size?: number; gapBefore?: number; indent?: number } = {},
  ) => {
    const font = opts.font ?? regular;
    const size = opts.size ?? 11;
    y -= opts.gapBefore ?? 0;
    for (const raw of text.split('\n')) {
      const words = safe(font, raw).split(/\s+/).filter(Boolean);
      let line = '';
      const flush = () => {
        if (y < MARGIN + size) {
          page = pdf.addPage(A4);
          y = A4[1] - MARGIN;
        }
        page.drawText(line, { x: MARGIN + (opts.indent ?? 0), y: y - size, size, font, color: rgb(0, 0, 0) });
        y -= size * 1.35;
        line = '';
      };
      for (const word of words) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) > width - (opts.indent ?? 0) && line) {
          flush();
          line = word;
        } else line = next;
      }
      if (line || words.length === 0) flush();
    }
  };

  const members =
    r.locale === 'en'
      ? "Members' version – contains closed items"
      : 'Medlemsudgave – indeholder lukkede punkter';
  const publicVersion = r.locale === 'en' ? 'Public version' : 'Offentlig udgave';
  write(r.series, { font: bold, size: 16 });
  write(r.when, { font: bold });
  write(r.location);
  write(r.audience === 'members' ? members : publicVersion, { size: 9, gapBefore: 4 });
  write(`Information: ${r.information}`, { gapBefore: 10 });
  write(r.contentsTitle, { font: bold, size: 13, gapBefore: 14 });
  for (const group of r.contents) {
    write(group.category, { font: bold, gapBefore: 6 });
    for (const i of group.items)
      write(`${r.locale === 'en' ? 'Item' : 'Punkt'} ${i.number}: ${i.title}`, { indent: 12 });
  }
  for (const i of r.items) {
    write(i.heading, { font: bold, size: 13, gapBefore: 16 });
    if (i.usedMinutes !== undefined)
      write(`(${r.locale === 'en' ? 'used' : 'brugt'} ${i.usedMinutes} min)`, { size: 9 });
    write(i.decisionHeading, { font: bold, gapBefore: 6 });
    for (const paragraph of i.decision.split(/\n\s*\n/).filter((p) => p.trim()))
      write(paragraph, { gapBefore: 4 });
  }
  return pdf.save();
}
