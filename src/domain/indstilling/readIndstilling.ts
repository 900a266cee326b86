import { isNoise, joinLines, parseDanishDate, skeleton } from '../history/ocrText';
import {
  emptyIndstilling,
  type CaseWorker,
  type Indstilling,
  type Recipient,
  type SectionKey,
} from './indstilling';

/**
 * Reads an indstilling from its paragraphs, in order: the lines of a FirstAgenda export (OCR damage,
 * page furniture and all) or the paragraphs of the case worker's Word document (where headings and
 * numbered lists are marked). The template's headings open the sections; the numbered "at"-points
 * under INDSTILLING become the points; "Bilag N: …" under BILAG the bilag; the sagsbehandler's footer
 * the case worker. Text that fits no section goes into the nearest one before it; nothing is dropped
 * but page furniture (the cover and date line every page repeats, "Side N af M").
 */

export interface SourceParagraph {
  text: string;
  /** Word: the paragraph has a heading style. */
  heading?: boolean;
  /** Word: the paragraph is item N of a numbered list. */
  listNumber?: number;
}

export interface ReadIndstilling {
  indstilling: Indstilling;
  /** What follows the footer (in an export, the bilag's own pages). */
  trailing: string[];
}

type Target = SectionKey | 'points' | 'bilag';

/** The template's headings (and the older template's numbered questions), on the skeleton of the line. */
const HEADINGS: Array<[RegExp, Target]> = [
  [/^indledning$|^resum/, 'indledning'],
  [/^indstilling$|^beslutningspunkter$/, 'points'],
  [/^sagsfremstilling$|^hvorforfremsendesindstillingen$/, 'sagsfremstilling'],
  [/^handlemuligheder|^hvadhvemoghvordan$/, 'handlemuligheder'],
  [/^.konomi$|^ressourcer$|^hvilkeressourcerkr.{1,2}ves$/, 'oekonomi'],
  [/^kommunikation$/, 'kommunikation'],
  [/^videreproces$|^hvordanf.lgesderop$/, 'videreProces'],
  [/^koordineretmed$/, 'koordineretMed'],
  [/^bilag$/, 'bilag'],
];

/**
 * The section a heading line opens. In text the template's headings are in capitals ("ØKONOMI"; OCR:
 * "@KONOMI"), the older template's numbered ("2. Beslutningspunkter"), and "Bilag" stands alone: a
 * line "Kommunikation" under KOORDINERET MED is a unit's name, not a heading. Word marks its headings.
 */
function headingOf(text: string, marked: boolean): Target | null {
  if (text.length > 60) return null;
  const numbered = /^\d{1,2}\.\s*/.test(text);
  const key = skeleton(text.replace(/^\d{1,2}\.\s*/, ''));
  const target = HEADINGS.find(([re]) => re.test(key))?.[1] ?? null;
  if (!target) return null;
  return marked || numbered || text === text.toUpperCase() || target === 'bilag' ? target : null;
}

/** "Indstilling", "Indstilling til rådmanden" (OCR: "R&dmanden", "rAdmandsmgade"), junk after it. */
const COVER = /^Indstilling(?:\s+til\s+(\S+)(?:\s+\S{1,8})?)?$/i;
/** "Til Rådmandsmødet" (the older template names the recipient on a line of its own). */
const TO_LINE = /^Til\s+(\S+)$/i;
const FROM_LINE = /^Fra\s+(.+)$/i;
const PAPER_DATE = /^Dato\s+/i;
/** "20. februar 2024 - 10 min", "24.06.2024 - 10 minutter", "20/02/2024 - 15 minutter HMHH". */
const DATED = /^(.+?)\s+[-\u2010-\u2015\u2212]\s+(\d{1,3})\s*min(?:\.|utter)?(?:\s+\S{1,8})?$/i;
const OPEN_CLOSED = /^(?:(?:Å|A|&|8)BENT|LUKKET)(?:\s+PUNKT)?$/i;
/** "Det indstilles," / "Det indstilles:" / "Det indstilles, at …". */
const INTRO = /^Det\s+indstilles\s*[,:]?\s*(.*)$/i;
/** "1. At …", "1) at …", "At 1) …", "1. …" (the number may stand alone before the text). */
const POINT = /^(?:(\d{1,2})\s*[.)]\s*(?:[Aa]t\b\s*)?|[Aa]t\s*(\d{1,2})\s*\)\s*)(.*)$/;
const BILAG_LINE = /^Bilag\s*(\d{1,2})\s*[:.]\s*(.*)$/i;
const FOOTER_START = /\b(?:Sagsbehandler|Antal\s+tegn)\s*:/i;
const LABEL = /(Sagsbehandler|T[lI]f\.?|E-?post|E-?mail|Antal\s+tegn)\s*:\s*/gi;
const LEADING_DATE = /^(\d{1,2}\.?\s+\p{L}{3,}\.?\s+\d{4}|\d{1,2}[-./]\d{1,2}[-./]\d{4})\s*(.*)$/u;
/** OCR litter: a character alone on a line, or two signs ("e", "%ﬁ"); never a word or a point's number. */
const LITTER = /^(?:[^\d\s]|[^\p{L}\d\s]{2})$/u;

export function recipientOf(text: string): Recipient | null {
  const s = skeleton(text);
  if (/^r.{0,2}dmandsm/.test(s)) return 'rådmandsmødet';
  if (/^r.{0,2}dmand/.test(s)) return 'rådmanden';
  if (/^udvalg/.test(s)) return 'udvalget';
  return null;
}

export const isCoverLine = (line: string) => COVER.test(line.trim());

/**
 * `keepTrailing`: what follows the footer (or the bilag list) is added to the nearest section instead of
 * being returned apart — for a document that is the indstilling and nothing else, such as the case
 * worker's Word file, where no text may be lost.
 */
export function readIndstilling(
  paragraphs: SourceParagraph[],
  { keepTrailing = false }: { keepTrailing?: boolean } = {},
): ReadIndstilling {
  const x = emptyIndstilling();
  const texts: Partial<Record<SectionKey, string[]>> = {};
  const points: string[][] = [];
  const bilag: string[][] = [];
  const title: string[] = [];
  let phase: 'head' | 'title' | 'body' = 'head';
  let target: Target | null = null;
  /** The last section that took text, for text that fits nowhere. */
  let nearest: SectionKey = 'indledning';
  let blankBefore = false;
  let dateLine: string | null = null;
  const footer: string[] = [];
  const trailing: string[] = [];

  const addText = (key: SectionKey, text: string) => {
    const lines = (texts[key] ??= []);
    if (blankBefore && lines.length) lines.push('');
    lines.push(text);
    nearest = key;
  };

  let k = 0;
  for (; k < paragraphs.length; k++) {
    const p = paragraphs[k];
    const text = p.text.trim();
    if (!text) {
      blankBefore = true;
      if (phase === 'title' && title.length) phase = 'body';
      continue;
    }
    if (isNoise(text) || LITTER.test(text)) continue;
    const cover = COVER.exec(text);
    if (cover && phase === 'head') {
      if (cover[1]) x.recipient = recipientOf(cover[1]);
      blankBefore = false;
      continue;
    }
    // Every page repeats the cover and date line: only the first says anything.
    if (cover?.[1]) continue;
    const dated = DATED.exec(text);
    if (dated && parseDanishDate(dated[1])) {
      if (dateLine === null) {
        dateLine = text;
        x.date = parseDanishDate(dated[1]);
        x.minutes = Number(dated[2]);
        phase = 'title';
      }
      continue;
    }
    if (FOOTER_START.test(text) && phase !== 'head') {
      footer.push(...paragraphs.slice(k).map((q) => q.text.trim()));
      break;
    }
    const heading = phase !== 'head' || title.length > 0 ? headingOf(text, p.heading === true) : null;
    if (heading) {
      target = heading;
      phase = 'body';
      blankBefore = false;
      continue;
    }
    if (phase !== 'body') {
      const to = TO_LINE.exec(text);
      if (to && recipientOf(to[1])) {
        x.recipient = recipientOf(to[1]);
        continue;
      }
      const from = FROM_LINE.exec(text);
      if (from && phase === 'head' && !title.length) {
        x.caseWorker = { department: from[1] };
        continue;
      }
      if (PAPER_DATE.test(text) && !title.length) continue;
      if (OPEN_CLOSED.test(text)) {
        x.closed = /LUKKET/i.test(text);
        continue;
      }
      if (p.heading && title.length) {
        // A heading of the document's own: its text stays, in the nearest section.
        phase = 'body';
        addText(nearest, text);
        continue;
      }
      if (!title.length || (!blankBefore && title.length < 3)) {
        title.push(text);
        phase = 'title';
        blankBefore = false;
        continue;
      }
      phase = 'body';
    }
    if (target === 'points' || (target === null && (INTRO.test(text) || p.listNumber !== undefined))) {
      target = 'points';
      const intro = INTRO.exec(text);
      if (intro) {
        if (intro[1]) points.push([intro[1].replace(/^at\s+/i, '')]);
        blankBefore = false;
        continue;
      }
      const point = p.listNumber !== undefined ? null : POINT.exec(text);
      if (p.listNumber !== undefined || point) {
        points.push([(point ? point[3] : text).replace(/^[Aa]t\s+/, '')]);
      } else if (points.length && !blankBefore) {
        points[points.length - 1].push(text);
      } else if (points.length) {
        points[points.length - 1].push('\n\n', text);
      } else addText('indledning', text);
      blankBefore = false;
      continue;
    }
    if (target === 'bilag') {
      const b = BILAG_LINE.exec(text);
      if (b) bilag.push([b[2]]);
      else if (bilag.length && !blankBefore) bilag[bilag.length - 1].push(text);
      else {
        trailing.push(text);
        // In an export the bilag list ends the paper; what follows it without a footer is not its text.
        for (k++; k < paragraphs.length; k++)
          if (paragraphs[k].text.trim()) trailing.push(paragraphs[k].text.trim());
        break;
      }
      blankBefore = false;
      continue;
    }
    addText(target ?? nearest, text);
    blankBefore = false;
  }

  x.title = joinLines(title);
  x.points = points.map(pointText).filter(Boolean);
  for (const [key, lines] of Object.entries(texts) as Array<[SectionKey, string[]]>) {
    const body = paragraphsOf(lines);
    if (body) x.sections[key] = body;
  }
  x.bilag = bilag.map((b) => joinLines(b)).filter(Boolean);
  const read = readFooter(footer, x.caseWorker);
  x.caseWorker = read.caseWorker;
  trailing.unshift(...read.after);
  if (keepTrailing && trailing.length) {
    blankBefore = true;
    for (const line of trailing) addText(nearest, line);
    x.sections[nearest] = paragraphsOf(texts[nearest]!);
    return { indstilling: x, trailing: [] };
  }
  return { indstilling: x, trailing };
}

/** A point's lines joined (hyphenation undone), its paragraphs kept. */
function pointText(lines: string[]): string {
  const paragraphs: string[][] = [[]];
  for (const l of lines)
    if (l === '\n\n') paragraphs.push([]);
    else paragraphs[paragraphs.length - 1].push(l);
  // "1." and "at …" on lines of their own (a broken line) leave the "at" to the text.
  return paragraphs
    .map((p) => joinLines(p))
    .filter(Boolean)
    .join('\n\n')
    .replace(/^[Aa]t\s+/, '');
}

/** Lines as written, one paragraph per blank line, no trailing blank. */
function paragraphsOf(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The footer, printed in two columns that text extraction flattens into one line each: the department
 * and the date on the left, "Sagsbehandler:", "Tlf.:" and "E-post:" on the right. It ends at the e-mail
 * (what follows in an export is a bilag); a name may run over two lines ("… og" / "Kamilla Uhd Hansen").
 */
function readFooter(
  lines: string[],
  start: CaseWorker | null,
): { caseWorker: CaseWorker | null; after: string[] } {
  if (!lines.length) return { caseWorker: start, after: [] };
  const c: CaseWorker = { ...start };
  // The footer's department is the one that counts; the older template's "Fra …" line is the fallback.
  const department: string[] = [];
  const name: string[] = [];
  let k = 0;
  let filled = 0;
  for (; k < lines.length && filled < 8; k++) {
    const line = lines[k];
    if (!line || isNoise(line)) continue;
    filled++;
    const labels = [...line.matchAll(LABEL)];
    const left = (labels.length ? line.slice(0, labels[0].index) : line).trim();
    // A Word table separates the cells (and a cell's paragraphs) by tabs: each piece on its own.
    for (const piece of left
      .split(/\t+/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const dated = LEADING_DATE.exec(piece);
      if (dated && parseDanishDate(dated[1])) {
        c.date = parseDanishDate(dated[1])!;
        if (dated[2]) (labels.length || !name.length ? department : name).push(dated[2]);
      } else if (!labels.length && name.length && !c.email) name.push(piece);
      else if (department.length < 3 && !department.includes(piece)) department.push(piece);
    }
    let done = false;
    labels.forEach((m, j) => {
      const value = line
        .slice(m.index! + m[0].length, j + 1 < labels.length ? labels[j + 1].index : line.length)
        .trim();
      const label = skeleton(m[1]);
      if (label.startsWith('sagsbehandler')) name.push(value);
      else if (label.startsWith('tf') || label.startsWith('tlf') || label.startsWith('tif')) {
        if (value && (!c.phone || name.length)) c.phone = value;
      } else if (label.startsWith('epost') || label.startsWith('email')) {
        c.email = value.replace(/\/$/, '');
        done = true;
      }
    });
    if (done) {
      k++;
      break;
    }
  }
  if (department.length) c.department = department.join(', ');
  const who = joinLines(name)
    .replace(/\s*\/\s*/g, ' / ')
    .replace(/\s+\/\s*$/, '');
  if (who) c.name = who;
  // In the footer's own order, whatever order the lines gave them in.
  const ordered: CaseWorker = {};
  for (const key of ['department', 'name', 'phone', 'email', 'date'] as const)
    if (c[key]) ordered[key] = c[key];
  return {
    caseWorker: Object.keys(ordered).length ? ordered : null,
    after: lines.slice(k).filter(Boolean),
  };
}
