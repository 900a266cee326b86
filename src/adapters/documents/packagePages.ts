import {
  degrees,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFFont,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib';
import type { PackageBilag } from '../../i18n/meetingPackage';

/** A bilag ready to go in: its pages copied from its own PDF, an image embedded, or why it cannot. */
export type LoadedBilag =
  | { name: string; pages: PDFPage[] }
  | { name: string; image: PDFImage }
  | { name: string; missing: 'notConvertible' | 'unreadable' | 'unavailable' };

/**
 * A bilag's bytes into the package. A PDF that pdf-lib cannot read (damaged, encrypted, no pages) or an
 * image it cannot decode is `unreadable`: named in its item, never failing the package. The copied pages
 * drop the structure keys of their own document (its tags do not come along: pdf-lib copies pages, not
 * structure trees), so they cannot point into this document's structure tree by mistake.
 */
export async function loadBilag(pdf: PDFDocument, bilag: PackageBilag): Promise<LoadedBilag> {
  if ('leftOut' in bilag) return { name: bilag.name, missing: bilag.leftOut };
  try {
    if ('image' in bilag)
      return {
        name: bilag.name,
        image: bilag.type === 'png' ? await pdf.embedPng(bilag.image) : await pdf.embedJpg(bilag.image),
      };
    const source = await PDFDocument.load(bilag.pdf, { updateMetadata: false });
    if (!source.getPageCount()) return { name: bilag.name, missing: 'unreadable' };
    const pages = await pdf.copyPages(source, source.getPageIndices());
    for (const page of pages) {
      page.node.delete(PDFName.of('StructParents'));
      for (const annot of page.node.Annots()?.asArray() ?? []) {
        const dict = pdf.context.lookup(annot);
        if (dict instanceof PDFDict) dict.delete(PDFName.of('StructParent'));
      }
    }
    return { name: bilag.name, pages };
  } catch {
    return { name: bilag.name, missing: 'unreadable' };
  }
}

/**
 * "Side N af M" at the foot of a page, centred on the edge the reader sees as the bottom (a bilag page may
 * be turned with /Rotate), as a pagination artifact: page furniture a screen reader skips. A copied page's
 * own content is wrapped in q … Q first, so whatever state it leaves does not move the footer.
 */
export function drawFooter(page: PDFPage, text: string, font: PDFFont, copied: boolean) {
  if (copied) {
    const ctx = page.doc.context;
    page.node.normalize();
    page.node.wrapContentStreams(
      ctx.register(ctx.contentStream([pushGraphicsState()])),
      ctx.register(ctx.contentStream([popGraphicsState()])),
    );
  }
  const size = 9;
  const width = font.widthOfTextAtSize(text, size);
  const box = page.getMediaBox();
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  const edge = 24;
  const at =
    rotation === 90
      ? { x: box.x + box.width - edge, y: box.y + (box.height - width) / 2 }
      : rotation === 180
        ? { x: box.x + (box.width + width) / 2, y: box.y + box.height - edge }
        : rotation === 270
          ? { x: box.x + edge, y: box.y + (box.height + width) / 2 }
          : { x: box.x + (box.width - width) / 2, y: box.y + edge };
  page.pushOperators(
    PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
      PDFName.of('Artifact'),
      '<</Type /Pagination /Subtype /Footer>>',
    ]),
  );
  page.drawText(text, { ...at, size, font, color: rgb(0.25, 0.25, 0.25), rotate: degrees(rotation) });
  page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
}
