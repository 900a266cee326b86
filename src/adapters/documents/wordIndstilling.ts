import mammoth from 'mammoth';
import {
  readIndstilling,
  type ReadIndstilling,
  type SourceParagraph,
} from '../../domain/indstilling/readIndstilling';

/**
 * The case worker's Word document (.docx) as paragraphs for the indstilling reader: mammoth gives the
 * document's structure as simple HTML (headings from heading styles, numbered lists as <ol>, tables),
 * which is walked here into paragraphs that keep what the reader needs — a heading style, the number a
 * list gives an item — and a table row becomes one line, its cells (and a cell's paragraphs) separated by tabs (the template's
 * footer is a two-column table). Recognising the template's sections is the domain's job.
 */
export async function wordParagraphs(document: Uint8Array): Promise<SourceParagraph[]> {
  const input =
    typeof Buffer !== 'undefined'
      ? { buffer: Buffer.from(document.buffer, document.byteOffset, document.byteLength) }
      : {
          arrayBuffer: document.buffer.slice(
            document.byteOffset,
            document.byteOffset + document.byteLength,
          ) as ArrayBuffer,
        };
  const { value } = await mammoth.convertToHtml(input);
  return htmlParagraphs(value);
}

/** The indstilling in a Word document; nothing of its text is lost (see `readIndstilling`). */
export async function readWordIndstilling(document: Uint8Array): Promise<ReadIndstilling> {
  return readIndstilling(await wordParagraphs(document), { keepTrailing: true });
}

const TAG = /<(\/?)([a-z][a-z0-9]*)\b[^>]*?(\/?)>/gi;
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** mammoth's HTML (well-formed, a small set of tags) as paragraphs, a blank one between blocks. */
export function htmlParagraphs(html: string): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let text = '';
  let open: { heading: boolean; listNumber?: number } | null = null;
  let row: string[] | null = null;
  let cell: string[] | null = null;
  const emit = () => {
    const t = decode(text)
      .replace(/[ \t]+/g, ' ')
      .trim();
    text = '';
    if (!open || !t) return;
    if (cell) cell.push(t);
    else {
      out.push(
        {
          text: t,
          ...(open.heading ? { heading: true } : {}),
          ...(open.listNumber !== undefined ? { listNumber: open.listNumber } : {}),
        },
        { text: '' },
      );
    }
  };
  let at = 0;
  for (const m of html.matchAll(TAG)) {
    text += html.slice(at, m.index);
    at = m.index! + m[0].length;
    const [, closing, rawName] = m;
    const name = rawName.toLowerCase();
    if (name === 'br') text += ' ';
    else if (name === 'ol' || name === 'ul') {
      // A list inside an item ends the item's own text.
      if (!closing && open) emit();
      if (closing) lists.pop();
      else lists.push({ ordered: name === 'ol', next: 1 });
    } else if (name === 'tr') {
      if (closing && row) {
        const line = row.filter(Boolean).join('\t');
        if (line) out.push({ text: line }, { text: '' });
        row = null;
      } else if (!closing) row = [];
    } else if (name === 'td' || name === 'th') {
      if (closing && cell) {
        if (open) emit();
        row?.push(cell.join('\t'));
        cell = null;
      } else if (!closing) cell = [];
    } else if (BLOCKS.has(name)) {
      if (closing) {
        emit();
        open = null;
      } else {
        if (open) emit();
        const list = name === 'li' ? lists[lists.length - 1] : undefined;
        open = {
          heading: /^h[1-6]$/.test(name),
          // Bullets count too: "Det indstilles," may be followed by a bulleted list of "at"-points.
          listNumber: list ? list.next++ : undefined,
        };
      }
    }
  }
  text += html.slice(at);
  emit();
  return out;
}
