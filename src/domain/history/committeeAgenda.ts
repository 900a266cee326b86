import type { ImportWarning } from './importWarning';
import type { ImportedItem, ImportedMeeting } from './importedMeeting';
import { guestsIn } from './information';
import { isAddressLine } from './letterhead';
import { clock, DASH, isNoise, joinLines, ocrNumber, parseDanishDate } from './ocrText';

/**
 * A committee agenda (udvalgsdagsorden), as a letter of its own or attached to a rådmandsmøde item: a
 * letterhead, a form head (Emne, Mødedato, Mødetid, Mødested), "Dagsorden kort:" with the short list,
 * then per item a section "N. Title" with "Baggrund/formål:", "Ansvarlig:", "Tid: 18.15 – 18.18
 * (3 min.)" and "Bilag:". Dashes may be any dash, times use "." or ":", a title or the date may be
 * broken over lines. It is a meeting of its own.
 */

const MEETING_DATE = /^M\S{1,2}dedato\s*:\s*(.+)$/i;
const MEETING_TIME = new RegExp(
  `^M\\S{1,2}detid\\s*:\\s*(?:K\\S\\.?\\s*)?(\\d{1,2})[.:](\\d{2})\\s*${DASH}\\s*(\\d{1,2})[.:](\\d{2})`,
  'i',
);
const MEETING_PLACE = /^M\S{1,2}dested\s*:\s*(.+)$/i;
const SUBJECT_HEAD = /^Em-\s*(.*)$/;
const SUBJECT_TAIL = /^ne:\s*(.*)$/;
const SUBJECT = /^Emne\s*:\s*(.*)$/i;
const BACKGROUND = /^Baggrund\s*\/\s*form\S{1,2}l\s*:?/i;
const TIME = new RegExp(
  `^Tid\\s*:\\s*(\\d{1,2})[.:](\\d{2})\\s*${DASH}\\s*(\\d{1,2})[.:](\\d{2})(?:\\s*\\((\\d{1,3})\\s*min\\.?\\))?`,
  'i',
);
const SUB_ITEM = /^[A-Z]\)\s/;
const NUMBERED = /^([0-9lIO]{1,2})\.\s+(.+)$/;
const CLOSED = /^LUKKET PUNKT$/i;
/** Lines of the form head and of page furniture, which are never an item title. */
const NOT_TITLE =
  /^(?:Bilag|Ansvarlig|Metode|Tid|Dagsorden kort|Sag|Sagsbehandler|Telefon|Direkte|E-post)\b|^-\s|^\d{1,2}\.\s*$/i;

/** Where a committee agenda starts: the subject lines just before its "Mødedato:" line. */
export function committeeStart(lines: string[], dateLine: number): number {
  for (let i = dateLine - 1; i >= Math.max(0, dateLine - 4); i--) {
    if (SUBJECT_HEAD.test(lines[i]) || SUBJECT.test(lines[i])) return i;
  }
  return dateLine;
}

/** "Emne: …" (OCR: "Em-" / "ne: …" in two columns), continued until the "Mødedato:" line. */
function subject(lines: string[]): string | null {
  for (let i = 0; i < lines.length; i++) {
    const whole = SUBJECT.exec(lines[i]);
    if (whole) {
      const rest: string[] = [];
      for (let j = i + 1; j < lines.length && lines[j] && !MEETING_DATE.test(lines[j]); j++)
        rest.push(lines[j]);
      return joinLines([whole[1], ...rest]) || null;
    }
    const head = SUBJECT_HEAD.exec(lines[i]);
    if (head) {
      const tail = lines
        .slice(i + 1, i + 3)
        .map((l) => SUBJECT_TAIL.exec(l))
        .find(Boolean);
      return joinLines([head[1], tail?.[1] ?? '']) || null;
    }
  }
  return null;
}

/** The meeting date of a "Mødedato:" line at `i`, also when its year went to the next line. */
function meetingDateAt(lines: string[], i: number): string | null {
  const m = MEETING_DATE.exec(lines[i] ?? '');
  if (!m) return null;
  return parseDanishDate(m[1]) ?? (lines[i + 1] ? parseDanishDate(`${m[1]} ${lines[i + 1]}`) : null);
}

/** A trailing page-header date ("… byradet 21. juni 2024") is not part of a title. */
function stripPageDate(title: string): string {
  return title.replace(/(?<!\b(?:den|d\.))\s+\d{1,2}\.\s+\p{L}+\s+\d{4}$/u, '').trim();
}

/** The paragraph just above "Baggrund/formål:" (across a blank line only where a word was hyphenated). */
function titleAbove(lines: string[], at: number, floor: number): string[] {
  const out: string[] = [];
  let i = at - 1;
  while (i > floor && !lines[i]) i--;
  while (i > floor) {
    const line = lines[i];
    if (!line) {
      let j = i;
      while (j > floor && !lines[j]) j--;
      if (j > floor && /\p{L}-$/u.test(lines[j]) && out.length) {
        i = j;
        continue;
      }
      break;
    }
    if (isNoise(line)) {
      i--;
      continue;
    }
    if (NOT_TITLE.test(line) || BACKGROUND.test(line) || TIME.test(line) || isAddressLine(line)) break;
    out.unshift(line);
    i--;
  }
  return out;
}

export function parseCommitteeAgenda(lines: string[], warnings: ImportWarning[]): ImportedMeeting {
  const head = lines.slice(0, 12);
  const dateAt = head.findIndex((l) => MEETING_DATE.test(l));
  const timeLine = head.map((l) => MEETING_TIME.exec(l)).find(Boolean);
  const placeLine = head.map((l) => MEETING_PLACE.exec(l)).find(Boolean);
  const meeting: ImportedMeeting = {
    series: subject(head),
    date: dateAt >= 0 ? meetingDateAt(head, dateAt) : null,
    start: timeLine ? clock(timeLine[1], timeLine[2]) : null,
    end: timeLine ? clock(timeLine[3], timeLine[4]) : null,
    location: placeLine ? placeLine[1].trim() : null,
    information: null,
    absent: [],
    referent: [],
    guests: [],
    items: [],
    kind: 'agenda',
  };

  const anchors = lines.map((l, i) => (BACKGROUND.test(l) ? i : -1)).filter((i) => i >= 0);
  let previous = 0;
  let nextNumber = 1;
  const spans: Array<{ item: ImportedItem; from: number }> = [];
  for (const at of anchors) {
    const titleLines = titleAbove(lines, at, previous);
    previous = at;
    if (titleLines.length === 0) {
      warnings.push({ kind: 'committeeItemUntitled', series: meeting.series, line: at + 1 });
      continue;
    }
    // "B) Orienteringer …" alone is a sub-point of the item above, not an item of its own.
    if (SUB_ITEM.test(titleLines[0]) && spans.length) continue;
    const main = titleLines.filter((l, k) => k === 0 || !SUB_ITEM.test(l));
    const numbered = NUMBERED.exec(main[0]);
    const number = (numbered && ocrNumber(numbered[1])) || nextNumber;
    const title = stripPageDate(joinLines(numbered ? [numbered[2], ...main.slice(1)] : main));
    nextNumber = number + 1;
    const item: ImportedItem = {
      number,
      title,
      category: null,
      durationMinutes: null,
      decision: null,
      followUps: [],
      indstilling: null,
    };
    if (CLOSED.test(title)) item.closed = true;
    spans.push({ item, from: at });
  }
  spans.forEach((span, k) => {
    const to = k + 1 < spans.length ? spans[k + 1].from : lines.length;
    for (const line of lines.slice(span.from, to)) {
      const t = TIME.exec(line);
      if (t && span.item.durationMinutes === null) {
        span.item.durationMinutes = t[5] !== undefined ? Number(t[5]) : minutesBetween(t);
      }
    }
    for (const paragraph of paragraphsOf(lines.slice(span.from, to)))
      for (const name of guestsIn(paragraph)) meeting.guests.push({ name, item: span.item.title });
    meeting.items.push(span.item);
  });
  if (meeting.items.length === 0) warnings.push({ kind: 'committeeNoItems', series: meeting.series });
  return meeting;
}

function minutesBetween(t: RegExpExecArray): number {
  return Number(t[3]) * 60 + Number(t[4]) - (Number(t[1]) * 60 + Number(t[2]));
}

/** The text between blank lines, broken lines joined. */
function paragraphsOf(lines: string[]): string[] {
  const out: string[][] = [[]];
  for (const line of lines) {
    if (!line) out.push([]);
    else if (!isNoise(line)) out[out.length - 1].push(line);
  }
  return out.filter((p) => p.length).map(joinLines);
}

/** True for the "Mødedato:" line that opens a committee agenda's head. */
export function isCommitteeDate(lines: string[], i: number): boolean {
  return meetingDateAt(lines, i) !== null;
}
