// Prints, page by page as JSON, the structure tree Mozilla's pdf.js builds from a tagged PDF (path in
// argv[2]) — what a screen reader gets — with the text of the marked content each element holds.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const doc = await getDocument({
  data: new Uint8Array(readFileSync(process.argv[2])),
  useSystemFonts: true,
  isEvalSupported: false,
}).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const text = new Map();
  let current;
  for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
    if (item.type === 'beginMarkedContentProps') current = item.id;
    else if (item.type === 'endMarkedContent') current = undefined;
    else if ('str' in item && current) text.set(current, (text.get(current) ?? '') + item.str);
  }
  const walk = (node) =>
    node.type === 'content'
      ? { text: text.get(node.id) ?? '' }
      : { role: node.role, children: (node.children ?? []).map(walk) };
  const tree = await page.getStructTree();
  pages.push(tree ? walk(tree) : null);
}
process.stdout.write(JSON.stringify(pages));
