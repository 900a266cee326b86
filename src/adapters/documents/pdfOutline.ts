import { PDFDict, PDFHexString, PDFName, PDFNumber, type PDFDocument, type PDFRef } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  /** The page the bookmark opens. */
  page: PDFRef;
  children?: OutlineEntry[];
}

/**
 * PDF bookmarks (the document outline, ISO 32000 §12.3.3), which pdf-lib has no API for: an Outlines
 * dictionary in the catalog with the entries as a doubly linked list per level, each opening its page
 * whole. The viewer shows the bookmarks when the file opens (PageMode UseOutlines).
 */
export function writeOutline(pdf: PDFDocument, entries: OutlineEntry[]): void {
  if (!entries.length) return;
  const ctx = pdf.context;
  const rootRef = ctx.nextRef();
  const level = (parent: PDFRef, list: OutlineEntry[]): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = list.map(() => ctx.nextRef());
    let count = list.length;
    list.forEach((entry, k) => {
      const dict = ctx.obj({
        Title: PDFHexString.fromText(entry.title),
        Parent: parent,
        Dest: [entry.page, 'Fit'],
      }) as PDFDict;
      if (k > 0) dict.set(PDFName.of('Prev'), refs[k - 1]);
      if (k < refs.length - 1) dict.set(PDFName.of('Next'), refs[k + 1]);
      if (entry.children?.length) {
        const sub = level(refs[k], entry.children);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        // Positive: the entry opens showing its children (an item's indstilling and bilag).
        dict.set(PDFName.of('Count'), PDFNumber.of(sub.count));
        count += sub.count;
      }
      ctx.assign(refs[k], dict);
    });
    return { first: refs[0], last: refs[refs.length - 1], count };
  };
  const top = level(rootRef, entries);
  ctx.assign(
    rootRef,
    ctx.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.count }) as PDFDict,
  );
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
