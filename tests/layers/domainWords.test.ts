import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Words at the edge (issue 26 §6): the domain returns facts, and sentences a person reads are made in a
 * vocabulary (src/ui/i18n for the pages, src/i18n for the documents). A sentence in src/domain shows as a
 * template literal that puts words around values ("Afbud fra ${names}.") or a string that ends like a
 * sentence. Domain values that are Danish by nature (categories, statuses, decision choices: stored as
 * they are and listed in docs/glossary.md) are single phrases and pass.
 */
const ROOT = join(__dirname, '../..');
const DOMAIN = join(ROOT, 'src/domain');

/** Allowed, each with why. Keyed by file and the literal's text (substitutions shown as {}). */
const ALLOWED: Record<string, string> = {
  'src/domain/indstilling/indstilling.ts|Indstilling til {}':
    "the indstilling's own heading, part of the case paper's structure that the importer recognises",
  'src/domain/indstilling/pointDecisions.ts|Godkendt som indstillet.':
    "a decision's stored text in the seeds' words (the referent's one-click choice), not a page sentence",
  'src/domain/history/parseExport.ts|not a meeting export ({}): {}':
    'a developer-facing Error message; a person reads notAnExportText (src/i18n/importWords.ts)',
  'src/domain/validation.ts|Invalid input: {}':
    'a developer-facing Error message; the page words each issue at its field (src/ui/errors.ts)',
  'src/domain/format.ts|not a Copenhagen date and time: {} {}':
    'a programming error (the importer validates dates first); never shown to a person',
};

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

const WORDS = /\p{L}{2,}\s+\p{L}{2,}/u;

/** Every literal of a file that reads as a sentence, as "text" with substitutions shown as {}. */
export function sentencesIn(source: string, name = 'x.ts'): string[] {
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTemplateExpression(node)) {
      const text = node.head.text + node.templateSpans.map((s) => `{}${s.literal.text}`).join('');
      if (WORDS.test(text.replace(/\{\}/g, ' '))) found.push(text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const inImport = ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent);
      if (!inImport && /\s/.test(node.text) && /\p{L}[.!?:]$/u.test(node.text.trim())) found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

test('the rule sees a composed sentence and a sentence string, and lets a domain value pass', () => {
  expect(sentencesIn('const a = `Afbud fra ${names}.`;')).toEqual(['Afbud fra {}.']);
  expect(sentencesIn("const b = 'Dagsordenen er sendt.';")).toEqual(['Dagsordenen er sendt.']);
  expect(sentencesIn("const c = ['Til godkendelse', 'Trukket tilbage'] as const;")).toEqual([]);
  expect(sentencesIn('const d = `${a}/${b}`;')).toEqual([]);
});

test('src/domain makes no sentence a person reads (each exception says why)', () => {
  const found = files(DOMAIN).flatMap((path) => {
    const name = relative(ROOT, path).split('\\').join('/');
    return sentencesIn(readFileSync(path, 'utf8'), name).map((text) => `${name}|${text}`);
  });
  expect(found.filter((key) => !(key in ALLOWED))).toEqual([]);
  // The allow-list only shrinks: an entry nothing matches any more goes.
  expect(Object.keys(ALLOWED).filter((key) => !found.includes(key))).toEqual([]);
});
