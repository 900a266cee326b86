import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Referat } from '../../i18n/referat';

const LABELS = {
  da: {
    info: 'Information',
    used: 'brugt',
    members: 'Medlemsudgave – indeholder lukkede punkter',
    public: 'Offentlig udgave',
  },
  en: {
    info: 'Information',
    used: 'used',
    members: "Members' version – contains closed items",
    public: 'Public version',
  },
} as const;

const textParagraphs = (text: string): Paragraph[] =>
  text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map(
      (p) =>
        new Paragraph({
          children: p.split('\n').map((line, k) => new TextRun({ text: line, break: k > 0 ? 1 : 0 })),
          spacing: { after: 120 },
        }),
    );

/**
 * The referat as a Word document in the municipality's layout (what FirstAgenda printed): series, time,
 * place, Information, "Indhold" by category, then "Punkt N" and "Beslutning for Punkt N" per item; for a
 * committee the protocol lines under each item and the signatures, version and checksum at the end.
 * Text goes in as text runs, never as markup.
 */
export function referatDocument(r: Referat): Document {
  const l = LABELS[r.locale];
  const children: Paragraph[] = [
    new Paragraph({ text: r.series, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: r.when, bold: true })] }),
    new Paragraph({ text: r.location }),
    new Paragraph({
      children: [new TextRun({ text: r.audience === 'members' ? l.members : l.public, italics: true })],
      alignment: AlignmentType.RIGHT,
    }),
    new Paragraph({
      children: [new TextRun({ text: `${l.info}: `, bold: true }), new TextRun(r.information)],
      spacing: { before: 200, after: 200 },
    }),
    new Paragraph({ text: r.contentsTitle, heading: HeadingLevel.HEADING_1 }),
  ];
  for (const group of r.contents) {
    children.push(new Paragraph({ text: group.category, heading: HeadingLevel.HEADING_3 }));
    for (const i of group.items)
      children.push(
        new Paragraph({
          text: `${r.locale === 'en' ? 'Item' : 'Punkt'} ${i.number}: ${i.title}`,
          bullet: { level: 0 },
        }),
      );
  }
  for (const i of r.items) {
    children.push(
      new Paragraph({
        text: i.heading,
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: false,
        spacing: { before: 360 },
      }),
    );
    if (i.usedMinutes !== undefined)
      children.push(
        new Paragraph({
          children: [new TextRun({ text: `(${l.used} ${i.usedMinutes} min)`, italics: true })],
        }),
      );
    children.push(new Paragraph({ text: i.decisionHeading, heading: HeadingLevel.HEADING_2 }));
    children.push(...textParagraphs(i.decision));
    for (const line of i.committeeLines) children.push(new Paragraph({ text: line, spacing: { after: 80 } }));
    for (const line of i.followUps) children.push(new Paragraph({ text: line, bullet: { level: 0 } }));
  }
  for (const line of r.protocol?.lines ?? [])
    children.push(new Paragraph({ text: line, spacing: { before: 200 } }));
  return new Document({
    creator: 'Mødeassistent',
    title: `${r.series} ${r.when}`,
    description: r.audience === 'members' ? l.members : l.public,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
}

/** Bytes of the .docx (works in the browser and in Node). */
export async function referatDocx(r: Referat): Promise<Uint8Array> {
  const blob = await Packer.toBlob(referatDocument(r));
  return new Uint8Array(await blob.arrayBuffer());
}
