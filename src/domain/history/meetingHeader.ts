import type { ImportWarning } from './importWarning';
import type { ImportedMeeting } from './importedMeeting';
import { readInformation } from './information';
import { clock, DASH, isNoise, parseDanishDate } from './ocrText';
import { nextFilled, preview } from './sourceLines';

/**
 * The head of a rådmandsmøde as FirstAgenda prints it:
 *   Rådmandsmøder 2022-2025 (Rådmandsmøde)      ← series
 *   20-02-2024 11:00 - 13:00                     ← date and times (any dash, "." or ":" in times)
 *   Rådmandens kontor, vær. 436                  ← location
 *   Information: Afbud fra … Mads er referent.   ← the Information line, over one or more lines
 */

const DATE = String.raw`(\d{1,2})[-\u2010-\u2015.](\d{1,2})[-\u2010-\u2015.](\d{4})`;
const TIMES = String.raw`(\d{1,2})[:.](\d{2})\s*${DASH}\s*(\d{1,2})[:.](\d{2})`;
const DATE_LINE = new RegExp(`^${DATE}\\s+${TIMES}$`);
const DATE_ONLY = new RegExp(`^${DATE}$`);
const TIMES_ONLY = new RegExp(`^${TIMES}$`);
const INFORMATION = /^Information\s*:\s*(.*)$/i;
const ITEM_TEXT = /^(?:Punkt\b|Beslutning\s+for\b|Kategori\b|LUKKET PUNKT$)/i;
/** Lines that are never a series name above the date line. */
const NOT_SERIES = /^(?:Punkt\s+\S+\s*[:.]|Referat$|Beslutning\s+for\b|Indhold$|Kategori\b)/i;

/** The date line at `i`, possibly broken after the date: its text and how many lines it spans. */
function dateLineAt(lines: string[], i: number): { text: string; span: number } | null {
  const line = lines[i];
  if (DATE_LINE.test(line)) return { text: line, span: 1 };
  if (DATE_ONLY.test(line)) {
    const next = nextFilled(lines, i, 1);
    if (next > 0 && TIMES_ONLY.test(lines[next]))
      return { text: `${line} ${lines[next]}`, span: next - i + 1 };
  }
  return null;
}

export interface HeaderStart {
  /** First line of the head (the series line, or the date line when there is none). */
  at: number;
  /** The line after the date line. */
  after: number;
}

/** A meeting head starting at line `i` (its series line or its date line), or null. */
export function recogniseHeader(lines: string[], i: number): HeaderStart | null {
  if (!lines[i]) return null;
  const own = dateLineAt(lines, i);
  if (own) return { at: i, after: i + own.span };
  if (NOT_SERIES.test(lines[i]) || lines[i].length > 120) return null;
  const next = nextFilled(lines, i);
  const dated = next > 0 ? dateLineAt(lines, next) : null;
  return dated ? { at: i, after: next + dated.span } : null;
}

/** Reads a head block (from its first line up to the next block) into the meeting. */
export function readHeader(meeting: ImportedMeeting, lines: string[], warnings: ImportWarning[]): void {
  const dateAt = lines.findIndex((_l, i) => dateLineAt(lines, i) !== null);
  const dateLine = dateLineAt(lines, dateAt)!;
  const d = new RegExp(`^${DATE}\\s+${TIMES}$`).exec(dateLine.text)!;
  meeting.series = dateAt > 0 ? lines.slice(0, dateAt).filter(Boolean).join(' ') || null : null;
  meeting.date = parseDanishDate(`${d[1]}-${d[2]}-${d[3]}`);
  meeting.start = clock(d[4], d[5]);
  meeting.end = clock(d[6], d[7]);
  const rest = lines.slice(dateAt + dateLine.span).filter((l) => l && !isNoise(l));
  const infoAt = rest.findIndex((l) => INFORMATION.test(l));
  const beforeInfo = infoAt >= 0 ? rest.slice(0, infoAt) : rest;
  meeting.location = beforeInfo[0] ?? null;
  if (beforeInfo.length > 1)
    warnings.push({
      kind: 'headerLinesUnread',
      date: meeting.date ?? '',
      text: preview(beforeInfo.slice(1)),
    });
  if (infoAt < 0) return;
  // What follows the Information line up to the next block is its text, unless it is an item's
  // (a heading OCR made unreadable, "Punkt ?: …", and the lines under it).
  const after = rest.slice(infoAt + 1);
  const itemsAt = after.findIndex((l) => ITEM_TEXT.test(l));
  const info = [
    INFORMATION.exec(rest[infoAt])![1],
    ...(itemsAt >= 0 ? after.slice(0, itemsAt) : after),
  ].filter(Boolean);
  meeting.information = info.join('\n') || null;
  readInformation(meeting, info);
}
