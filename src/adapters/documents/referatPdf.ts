import { PDFDocument, StandardFonts } from 'pdf-lib';
import { splitAtVoteTable, type Referat } from '../../i18n/referat';
import { TaggedPdf } from './taggedPdf';

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
