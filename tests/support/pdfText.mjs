// Prints the text of a PDF (path in argv[2]) page by page as JSON, with Mozilla's pdf.js. A separate
// process because pdf.js ships as ES modules only.
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
  const content = await (await doc.getPage(n)).getTextContent();
  pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join('\n'));
}
process.stdout.write(JSON.stringify(pages));
