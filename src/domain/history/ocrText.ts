import type { Category } from '../agendaItem';

/**
 * Reading OCR'd Danish: scanners turn ø into g, @, a, o or e, å into a, 8, & or é, æ into ae or z, and
 * break lines mid-word. These helpers recognise words and dates in damaged text; they never change the
 * text that is stored.
 */

/** Lowercase skeleton for comparing words: æ/ø/å and their OCR stand-ins folded, punctuation dropped. */
export function skeleton(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ|ae|z(?=[a-z])/g, 'a')
    .replace(/ø|oe|@/g, 'o')
    .replace(/å|aa/g, 'a')
    .replace(/[^a-z0-9]+/g, '');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1990 || year > 2100) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "26. juni 2024", "20-02-2024", "24.06.2024" → "2024-06-26"; null when it is not a date. */
export function parseDanishDate(text: string): string | null {
  const numeric = /(\d{1,2})[-\u2010-\u2015./](\d{1,2})[-\u2010-\u2015./](\d{4})/.exec(text);
  if (numeric) return isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const named = /(\d{1,2})\.?\s+([\p{L}]{3,})\.?\s+(\d{4})/u.exec(text);
  if (!named) return null;
  const month = MONTHS.indexOf(skeleton(named[2]).slice(0, 3)) + 1;
  return month ? isoDate(Number(named[3]), month, Number(named[1])) : null;
}

/** A dash as exports write it: hyphen, en dash, em dash or minus. */
export const DASH = '[-\u2010-\u2015\u2212]';

/**
 * Digits as OCR reads them in item numbers: "l" and "I" for 1, "O" and "o" for 0, "S" for 5, "B" for 8.
 * Null when the text is not a number even so.
 */
export function ocrNumber(text: string): number | null {
  const digits = text.replace(/[lI|]/g, '1').replace(/[Oo]/g, '0').replace(/S/g, '5').replace(/B/g, '8');
  return /^\d{1,2}$/.test(digits) ? Number(digits) : null;
}

/** "14.00" / "9:05" → "14:00" / "09:05". */
export function clock(hours: string, minutes: string): string {
  return `${pad(Number(hours))}:${minutes}`;
}

/** "Til godkendelse", "til drgftelse", "Til orientering" … → the domain's category. */
export function categoryOf(text: string): Category | null {
  const s = skeleton(text);
  if (s.startsWith('tilgod')) return 'Til godkendelse';
  if (s.startsWith('tildr')) return 'Til drøftelse';
  if (s.startsWith('tilori')) return 'Til orientering';
  if (s.startsWith('tilbes')) return 'Til beslutning';
  return null;
}

/** "Social- og …": a hyphen before "og"/"eller" shortens a compound; it is not a word broken in two. */
const SUSPENDED = /^(?:og|eller|samt|til)\b/;

/**
 * Join lines that OCR broke: a word hyphenated at the end of a line continues without the hyphen
 * ("beskaefti-" + "gelsesudvalget"); otherwise lines are joined with a space.
 */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) out = line;
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(line) && !SUSPENDED.test(line))
      out = out.slice(0, -1) + line;
    else out = `${out} ${line}`;
  }
  return out;
}

/** "Titel (10 min)" / "(15 min.)" / "(10 minutter)" → title and minutes. */
export function splitDuration(title: string): { title: string; minutes: number | null } {
  const m = /\s*\((\d{1,3})\s*min(?:\.|utter)?\s*\)\s*$/i.exec(title);
  if (!m) return { title: title.trim(), minutes: null };
  return { title: title.slice(0, m.index).trim(), minutes: Number(m[1]) };
}

/** Page furniture and export chrome that is never content. */
export function isNoise(line: string): boolean {
  return (
    /^Side \d+ af \d+$/i.test(line) ||
    /^Overblik:/i.test(line) ||
    /^Klik her for at angive tekst/i.test(line) ||
    /^\d{1,3}$/.test(line)
  );
}
