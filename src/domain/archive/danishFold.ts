/**
 * Danish-aware word folding for search: case, æ/ø/å and their spellings ae/oe/aa, accents, and the
 * letters scanners put in their place (@ for Ø, & and § for å) all fold to one form, so "Rådmanden",
 * "raadmanden", "Radmanden" and "R&dmanden" are the same word. What folding cannot reach (ø read as g:
 * "fglger") the index matches by one edit (see searchIndex.ts).
 */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/æ|ä/g, 'ae')
    .replace(/ø|ö/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/@/g, 'o')
    .replace(/(?<=\p{L})[&§8](?=\p{L})/gu, 'a')
    .replace(/aa/g, 'a')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/[^a-z0-9]/g, '');
}

export interface Token {
  /** Folded form. */
  word: string;
  /** Offsets in the original text. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}@]+(?:[&§][\p{L}]+)*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = foldWord(m[0]);
    if (word) out.push({ word, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}
