import { extractFollowUps } from '../followUp';
import { committeeStart, isCommitteeDate, parseCommitteeAgenda } from './committeeAgenda';
import type { ImportedGuest, ImportedItem, ImportedMeeting, ImportResult } from './importedMeeting';
import { categoryOf, clock, isNoise, joinLines, parseDanishDate, skeleton, splitDuration } from './ocrText';

/**
 * Reads a meeting export (FirstAgenda text, or the text of a Word document) into meetings.
 *
 * An export of one rådmandsmøde typically holds: the meeting's head (series, "20-02-2024 11:00 - 13:00",
 * location, "Information: …"), the previous meeting's head and "Referat" (attached to Punkt 2), the
 * items with their indstillinger (INDSTILLING / SAGSFREMSTILLING / BILAG), committee agendas attached to
 * an item, and at the end the meeting's own "Referat". Older exports write "Beslutning for Punkt N"
 * under each item instead. The rules:
 * - a head immediately followed by "Referat" owns that referat; other heads wait for the next agenda;
 * - a "Referat" belongs to the meeting before it; item numbers that start again begin a new meeting;
 * - an indstilling belongs to the item heading above it (or, without one, to the item whose title it
 *   matches), and its "20. februar 2024 - 10 min" line dates a meeting that has no head;
 * - a committee agenda (Emne / Mødedato / Baggrund/formål / Tid) is a meeting of its own.
 * Nothing is dropped silently: what is not understood goes to `warnings`.
 */

export class NotAMeetingExport extends Error {}

const DATE_LINE = /^(\d{1,2})-(\d{1,2})-(\d{4})\s+(\d{1,2})[:.](\d{2})\s*-\s*(\d{1,2})[:.](\d{2})$/;
const PUNKT = /^Punkt\s+(\d{1,2})\s*[:.]\s*(.*)$/i;
const BESLUTNING = /^Beslutning\s+for\s+Punkt\s+(\d{1,2})\s*[:.]?\s*(.*)$/i;
const REFERAT = /^Referat$/i;
/** The cover line of an indstilling (not its upper-case "INDSTILLING" section heading). */
const INDSTILLING = /^Indstilling(?:\s+til\s+[rR]\S{1,3}dmand\S*(?:\s+\S{1,8})?)?$/;
const INFORMATION = /^Information\s*:\s*(.*)$/i;
const CATEGORY = /^Kategori\s*[-–:]\s*(.+)$/i;
const CASE_NUMBER = /\b(EMN-\d{4}-\d{3,})\b/;
const INDSTILLING_DATE = /^(.+?)\s+-\s+\d{1,3}\s*min(?:\.|utter)?\s*$/i;
/** Words a broken heading line ends with when the title continues on the next line. */
const CONTINUES = /(?:\s(?:og|i|af|for|til|på|pa|med|om|fra|ved|samt)|[-,:§])$/i;

type EventKind = 'head' | 'referat' | 'punkt' | 'beslutning' | 'indstilling' | 'committee';

interface Event {
  kind: EventKind;
  /** First line of the event. */
  at: number;
  /** First line of its body (after a heading that may span lines). */
  body: number;
  /** One past its last line. */
  end: number;
  number?: number;
  title?: string;
  minutes?: number | null;
}

interface Draft {
  meeting: ImportedMeeting;
  byNumber: Map<number, ImportedItem>;
  /** Indstillinger found without an item heading, matched to items by title at the end. */
  looseIndstillinger: Array<{ title: string; caseNumber?: string; minutes: number | null }>;
  hadReferat: boolean;
}

export function parseExport(text: string, source = 'filen'): ImportResult {
  const lines = undoubleSpacing(
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[\f\v]/g, '\n')
      .split('\n')
      .map((l) => l.replace(/\u00a0/g, ' ').trim()),
  );
  const warnings: string[] = [];
  const events = findEvents(lines);
  if (!events.some((e) => e.kind !== 'indstilling')) {
    throw new NotAMeetingExport(
      `${source} ligner ikke en mødeeksport: der er hverken mødehoved, "Punkt N:", "Referat" eller udvalgsdagsorden.`,
    );
  }

  const drafts: Draft[] = [];
  const newDraft = (): Draft => {
    const d: Draft = {
      meeting: emptyMeeting(),
      byNumber: new Map(),
      looseIndstillinger: [],
      hadReferat: false,
    };
    drafts.push(d);
    return d;
  };
  const pendingHeads: Draft[] = [];
  let current: Draft | null = null;
  let mode: 'none' | 'agenda' | 'referat' = 'none';
  let lastNumber = 0;
  let lastItem: ImportedItem | null = null;
  let lastIndstilling: { dateLine: string | null; attach(caseNumber?: string): void } | null = null;

  const startAgenda = (): Draft => {
    const d = pendingHeads.shift() ?? newDraft();
    mode = 'agenda';
    lastNumber = 0;
    return d;
  };
  const body = (e: Event) => lines.slice(e.body, e.end);

  const preamble = lines.slice(0, events[0]?.at ?? lines.length).filter((l) => l && !isNoise(l));
  if (preamble.length) warnings.push(`${source}: tekst før første møde er ikke læst: "${preview(preamble)}"`);

  events.forEach((e, k) => {
    const previousEvent = events[k - 1];
    switch (e.kind) {
      case 'head': {
        const d = newDraft();
        readHead(d.meeting, lines.slice(e.at, e.end), warnings);
        pendingHeads.push(d);
        break;
      }
      case 'referat': {
        const target: Draft | null =
          previousEvent?.kind === 'head'
            ? (pendingHeads.pop() ?? null)
            : current && !current.hadReferat
              ? current
              : (pendingHeads.shift() ?? null);
        current = target ?? newDraft();
        current.hadReferat = true;
        mode = 'referat';
        lastNumber = 0;
        lastItem = null;
        break;
      }
      case 'punkt': {
        const n = e.number!;
        if (mode === 'none' || n <= lastNumber || !current) current = startAgenda();
        lastNumber = n;
        const item = upsertItem(current, n, e.title!, e.minutes ?? null, warnings, source);
        lastItem = item;
        const text = body(e);
        if (mode === 'referat') setDecision(item, text);
        else readItemNotes(current.meeting, item, text);
        break;
      }
      case 'beslutning': {
        if (!current || mode === 'none') current = startAgenda();
        const n = e.number!;
        let item = current.byNumber.get(n);
        if (!item) {
          warnings.push(
            `${source}: "Beslutning for Punkt ${n}" uden et punkt ${n} foran; punktet er oprettet ud fra beslutningen.`,
          );
          item = upsertItem(current, n, e.title ?? '', null, warnings, source);
        }
        lastNumber = Math.max(lastNumber, n);
        setDecision(item, body(e));
        lastItem = item;
        break;
      }
      case 'indstilling': {
        const head = indstillingHead(body(e));
        // Every page of an indstilling repeats its cover lines: a repeat continues the one before.
        if (
          previousEvent?.kind === 'indstilling' &&
          lastIndstilling &&
          lastIndstilling.dateLine === head.dateLine
        ) {
          lastIndstilling.attach(head.caseNumber);
          break;
        }
        const underHeading = previousEvent?.kind === 'punkt' && mode === 'agenda' && current && lastItem;
        if (!underHeading && (mode !== 'agenda' || !current)) current = startAgenda();
        const target = current!;
        if (head.date && !target.meeting.date) target.meeting.date = head.date;
        if (underHeading) {
          const item = lastItem!;
          if (item.durationMinutes === null) item.durationMinutes = head.minutes;
          lastIndstilling = {
            dateLine: head.dateLine,
            attach: (c) => void (c && !item.caseNumber && (item.caseNumber = c)),
          };
        } else {
          const loose = { title: head.title, caseNumber: head.caseNumber, minutes: head.minutes };
          target.looseIndstillinger.push(loose);
          lastIndstilling = {
            dateLine: head.dateLine,
            attach: (c) => void (c && !loose.caseNumber && (loose.caseNumber = c)),
          };
        }
        lastIndstilling.attach(head.caseNumber);
        break;
      }
      case 'committee': {
        const d = newDraft();
        d.meeting = parseCommitteeAgenda(lines.slice(e.at, e.end), warnings);
        break;
      }
    }
  });

  const meetings = drafts
    .map((d) => finish(d, warnings, source))
    .filter((m) => m.items.length || m.date || m.series);
  return { meetings, warnings };
}

/**
 * Word documents made line by line (one paragraph per printed line, as scans pasted into Word are) come
 * out of text extraction double-spaced: a blank line after every line. Lines that never touch are
 * such a document; dropping one blank line after each gives back the printed layout.
 */
function undoubleSpacing(lines: string[]): string[] {
  const filled = lines.filter(Boolean).length;
  let touching = 0;
  for (let i = 1; i < lines.length; i++) if (lines[i] && lines[i - 1]) touching++;
  if (filled < 10 || touching / filled > 0.05) return lines;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]);
    if (lines[i + 1] === '') i++;
  }
  return out;
}

function emptyMeeting(): ImportedMeeting {
  return {
    series: null,
    date: null,
    start: null,
    end: null,
    location: null,
    information: null,
    absent: [],
    referent: [],
    guests: [],
    items: [],
    kind: 'agenda',
  };
}

function findEvents(lines: string[]): Event[] {
  const events: Event[] = [];
  const isHeadDate = (i: number) => DATE_LINE.test(lines[i]);
  const seriesLineOf = (dateLine: number): number => {
    for (let i = dateLine - 1; i >= Math.max(0, dateLine - 3); i--) {
      if (!lines[i]) continue;
      return PUNKT.test(lines[i]) || REFERAT.test(lines[i]) ? dateLine : i;
    }
    return dateLine;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    // A head is the series line above a "20-02-2024 11:00 - 13:00" line.
    const nextFilled = nextNonEmpty(lines, i);
    if (nextFilled >= 0 && isHeadDate(nextFilled) && seriesLineOf(nextFilled) === i) {
      events.push({ kind: 'head', at: i, body: i, end: 0 });
      i = nextFilled;
      continue;
    }
    if (isHeadDate(i)) {
      events.push({ kind: 'head', at: i, body: i, end: 0 });
      continue;
    }
    if (REFERAT.test(line)) {
      events.push({ kind: 'referat', at: i, body: i + 1, end: 0 });
      continue;
    }
    const b = BESLUTNING.exec(line);
    if (b) {
      const { title, next } = headingTitle(lines, i, b[2]);
      events.push({
        kind: 'beslutning',
        at: i,
        body: next,
        end: 0,
        number: Number(b[1]),
        title: splitDuration(title).title,
      });
      i = next - 1;
      continue;
    }
    const p = PUNKT.exec(line);
    if (p) {
      const { title, next } = headingTitle(lines, i, p[2]);
      const split = splitDuration(title);
      events.push({
        kind: 'punkt',
        at: i,
        body: next,
        end: 0,
        number: Number(p[1]),
        title: split.title,
        minutes: split.minutes,
      });
      i = next - 1;
      continue;
    }
    if (INDSTILLING.test(line)) {
      events.push({ kind: 'indstilling', at: i, body: i + 1, end: 0 });
      continue;
    }
    if (isCommitteeDate(line)) {
      const start = committeeStart(lines, i);
      events.push({ kind: 'committee', at: start, body: start, end: 0 });
    }
  }
  events.sort((a, b) => a.at - b.at);
  events.forEach((e, k) => {
    e.end = k + 1 < events.length ? events[k + 1].at : lines.length;
  });
  // A Beslutning heading's continuation line is part of the item title the Punkt heading already gave.
  events.forEach((e, k) => {
    if (e.kind !== 'beslutning') return;
    const punkt = events
      .slice(0, k)
      .reverse()
      .find((p) => p.kind === 'punkt' && p.number === e.number);
    if (!punkt?.title) return;
    const whole = skeleton(punkt.title);
    let joined = e.title ?? '';
    while (
      e.body < e.end &&
      lines[e.body] &&
      whole.startsWith(skeleton(`${joined} ${lines[e.body]}`)) &&
      skeleton(joined) !== whole
    ) {
      joined = `${joined} ${lines[e.body]}`;
      e.body++;
    }
  });
  return events;
}

function nextNonEmpty(lines: string[], from: number): number {
  for (let i = from + 1; i < Math.min(lines.length, from + 4); i++) if (lines[i]) return i;
  return -1;
}

/** A heading's title, continued on the next line(s) where OCR or layout broke it. */
function headingTitle(lines: string[], at: number, first: string): { title: string; next: number } {
  let title = first.trim();
  let next = at + 1;
  if (!title) {
    while (next < lines.length && !lines[next]) next++;
    if (next < lines.length && !PUNKT.test(lines[next]) && !BESLUTNING.test(lines[next]))
      title = lines[next++];
  }
  for (let guard = 0; guard < 2 && next < lines.length; guard++) {
    const following = lines[next];
    if (!following || PUNKT.test(following) || BESLUTNING.test(following) || REFERAT.test(following)) break;
    const unclosed = (title.match(/\(/g)?.length ?? 0) > (title.match(/\)/g)?.length ?? 0);
    const endsWithMinutes = /\(\d{1,3}\s*min(?:\.|utter)?\)$/i.test(following) && following.length < 90;
    if (unclosed || CONTINUES.test(title) || endsWithMinutes || /^min\.?\)$/i.test(following)) {
      title = joinLines([title, following]);
      next++;
    } else break;
  }
  return { title, next };
}

function readHead(meeting: ImportedMeeting, lines: string[], warnings: string[]): void {
  const dateAt = lines.findIndex((l) => DATE_LINE.test(l));
  const d = DATE_LINE.exec(lines[dateAt])!;
  meeting.series = dateAt > 0 ? lines.slice(0, dateAt).filter(Boolean).join(' ') || null : null;
  meeting.date = parseDanishDate(`${d[1]}-${d[2]}-${d[3]}`);
  meeting.start = clock(d[4], d[5]);
  meeting.end = clock(d[6], d[7]);
  const rest = lines.slice(dateAt + 1).filter((l) => l && !isNoise(l));
  const infoAt = rest.findIndex((l) => INFORMATION.test(l));
  const beforeInfo = infoAt >= 0 ? rest.slice(0, infoAt) : rest;
  meeting.location = beforeInfo[0] ?? null;
  if (beforeInfo.length > 1)
    warnings.push(`Mødehovedet ${meeting.date}: ulæste linjer "${preview(beforeInfo.slice(1))}"`);
  if (infoAt < 0) return;
  const info = [INFORMATION.exec(rest[infoAt])![1], ...rest.slice(infoAt + 1)].filter(Boolean);
  meeting.information = info.join('\n') || null;
  readInformation(meeting, info.join(' '));
}

/** "Afbud fra A og B." "Mads er referent." "C deltager under punktet "…"." */
function readInformation(meeting: ImportedMeeting, text: string): void {
  for (const m of text.matchAll(/Afbud\s+fra\s+([^.]+?)\s*(?:\.|$)/gi)) meeting.absent.push(...names(m[1]));
  for (const m of text.matchAll(/(?:^|[.!]\s+)([^.!]*?)\s+er\s+referent(?:er)?\b/gi))
    meeting.referent.push(...names(m[1]));
  for (const m of text.matchAll(
    /(?:^|[.!]\s+)([^.!]*?)\s+deltager\s+under\s+punkt(?:et)?\s*["“”„']([^"“”]+)["“”']/gi,
  )) {
    meeting.guests.push({ name: m[1].trim(), item: m[2].trim() });
  }
}

function names(list: string): string[] {
  return list
    .split(/\s*,\s*|\s+og\s+/)
    .map((n) => n.trim())
    .filter(Boolean);
}

function upsertItem(
  d: Draft,
  n: number,
  title: string,
  minutes: number | null,
  warnings: string[],
  source: string,
): ImportedItem {
  const existing = d.byNumber.get(n);
  if (existing) {
    if (!existing.title && title) existing.title = title;
    if (existing.durationMinutes === null) existing.durationMinutes = minutes;
    return existing;
  }
  if (!title) warnings.push(`${source}: Punkt ${n} har ingen titel.`);
  const item: ImportedItem = {
    number: n,
    title,
    category: null,
    durationMinutes: minutes,
    decision: null,
    followUps: [],
  };
  d.byNumber.set(n, item);
  return item;
}

function paragraphs(lines: string[]): string | null {
  const kept = lines.filter((l) => !isNoise(l));
  const text = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text || null;
}

function setDecision(item: ImportedItem, lines: string[]): void {
  const categoryLine = lines.findIndex((l) => CATEGORY.test(l));
  if (categoryLine >= 0) {
    item.category = categoryOf(CATEGORY.exec(lines[categoryLine])![1]) ?? item.category;
    lines = lines.filter((_l, i) => i !== categoryLine);
  }
  const text = paragraphs(lines);
  if (!text) return;
  item.decision = item.decision ? `${item.decision}\n\n${text}` : text;
}

/** Under an agenda heading: category, case number, guests of the item; the text itself is the item's description. */
function readItemNotes(meeting: ImportedMeeting, item: ImportedItem, lines: string[]): void {
  for (const line of lines) {
    const c = CATEGORY.exec(line);
    if (c) item.category = categoryOf(c[1]) ?? item.category;
    const k = CASE_NUMBER.exec(line);
    if (k && !item.caseNumber) item.caseNumber = k[1];
    if (/^LUKKET PUNKT$/i.test(line)) item.closed = true;
  }
  const guest = /^(.+?)\s+deltager\s+under\s+punktet\b/i;
  for (const line of lines) {
    const g = guest.exec(line);
    if (g) addGuest(meeting, { name: g[1].replace(/^.*?[.:]\s+/, '').trim(), item: item.title });
  }
}

function addGuest(meeting: ImportedMeeting, g: ImportedGuest): void {
  if (!meeting.guests.some((x) => x.name === g.name && x.item === g.item)) meeting.guests.push(g);
}

interface IndstillingHead {
  /** The "20. februar 2024 - 10 min" line as written (repeated on every page). */
  dateLine: string | null;
  date: string | null;
  minutes: number | null;
  title: string;
  caseNumber?: string;
}

function indstillingHead(lines: string[]): IndstillingHead {
  const filled = lines.filter(Boolean);
  const caseNumber = filled.map((l) => CASE_NUMBER.exec(l)?.[1]).find(Boolean);
  const at = filled.slice(0, 3).findIndex((l) => INDSTILLING_DATE.test(l));
  const dated = at >= 0 ? INDSTILLING_DATE.exec(filled[at]) : null;
  // The title is the first line after the "<date> - N min" line (or after the Til/Fra/Dato lines).
  const title =
    filled.slice(at + 1).find((l) => !/^(?:Til|Fra|Dato)\b/i.test(l) && !/^INDLEDNING$/i.test(l)) ?? '';
  return {
    dateLine: dated ? filled[at] : null,
    date: dated ? parseDanishDate(dated[1]) : null,
    minutes: dated ? Number(/(\d{1,3})\s*min/i.exec(filled[at])![1]) : null,
    title,
    caseNumber,
  };
}

function finish(d: Draft, warnings: string[], source: string): ImportedMeeting {
  const m = d.meeting;
  if (d.byNumber.size) m.items = [...d.byNumber.values()].sort((a, b) => a.number - b.number);
  for (const loose of d.looseIndstillinger) {
    const match = bestTitleMatch(m.items, loose.title);
    if (match) {
      if (loose.caseNumber && !match.caseNumber) match.caseNumber = loose.caseNumber;
      if (match.durationMinutes === null) match.durationMinutes = loose.minutes;
    } else {
      warnings.push(`${source}: indstillingen "${loose.title}" kunne ikke knyttes til et punkt.`);
    }
  }
  for (const item of m.items) {
    item.followUps = item.decision
      ? extractFollowUps(item.decision).map((f) => ({ owners: f.owners, text: f.task }))
      : [];
  }
  if (d.hadReferat || m.items.some((i) => i.decision)) m.kind = 'minutes';
  return m;
}

function bestTitleMatch(items: ImportedItem[], title: string): ImportedItem | null {
  const words = (s: string) =>
    new Set(
      s
        .split(/\s+/)
        .map(skeleton)
        .filter((w) => w.length > 2),
    );
  const wanted = words(title);
  if (!wanted.size) return null;
  let best: ImportedItem | null = null;
  let bestScore = 0;
  for (const item of items) {
    const have = words(item.title);
    let shared = 0;
    for (const w of wanted)
      if ([...have].some((h) => h.startsWith(w.slice(0, 6)) || w.startsWith(h.slice(0, 6)))) shared++;
    const score = shared / Math.max(wanted.size, have.size);
    if (score > bestScore) {
      bestScore = score;
      best = item;
    }
  }
  return bestScore >= 0.6 ? best : null;
}

function preview(lines: string[]): string {
  const text = lines.join(' ');
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
