import type { ImportWarning } from './importWarning';
import { extractFollowUps } from '../followUp';
import type { Block } from './blocks';
import { parseCommitteeAgenda } from './committeeAgenda';
import { setDecision } from './decision';
import type { ImportedItem, ImportedMeeting } from './importedMeeting';
import { importedIndstilling, readIndstillingHead } from './indstilling';
import { newItem, readItemNotes } from './item';
import { readHeader } from './meetingHeader';
import { skeleton } from './ocrText';
import type { TocEntry } from './tableOfContents';

/**
 * Turns the blocks of an export into meetings. An export of one rådmandsmøde typically holds: the
 * meeting's head, perhaps a table of contents, the previous meeting's head and "Referat" (attached to
 * Punkt 2), the items with their indstillinger, committee agendas attached to an item, and at the end
 * the meeting's own "Referat"; older and clean exports write "Beslutning for Punkt N" under each item
 * instead. The rules:
 * - a head immediately followed by "Referat" owns that referat; other heads wait for the next agenda;
 * - a table of contents belongs to the head above it (or to the agenda that follows it); an item it
 *   lists whose heading is lost is taken from it;
 * - a "Referat" belongs to the meeting before it; item numbers that start again begin a new meeting;
 * - an earlier meeting's head and Referat printed into an agenda (under "Punkt 2: Referat") interrupt
 *   it: the agenda goes on after them;
 * - "Beslutning for Punkt N" is the decision on item N of the agenda it stands in (never of a Referat);
 * - an indstilling belongs to the item heading above it (or, without one, to the item whose title it
 *   matches), and its "20. februar 2024 - 10 min" line dates a meeting that has no head;
 * - a committee agenda is a meeting of its own.
 */

interface Draft {
  meeting: ImportedMeeting;
  byNumber: Map<number, ImportedItem>;
  toc: TocEntry[];
  /** Indstillinger found without an item heading, matched to items by title at the end. */
  looseIndstillinger: Array<{ title: string; caseNumber?: string; minutes: number | null; lines: string[] }>;
  /** The lines of each item's indstilling (its pages, each with the cover it repeats), read at the end. */
  indstillingLines: Map<ImportedItem, string[]>;
  hadReferat: boolean;
}

export function emptyMeeting(): ImportedMeeting {
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

export function assembleMeetings(
  blocks: Block[],
  lines: string[],
  warnings: ImportWarning[],
  source: string,
): ImportedMeeting[] {
  const assembler = new MeetingAssembler(lines, warnings, source);
  blocks.forEach((b, k) => assembler.read(b, blocks[k - 1]));
  return assembler.drafts
    .map((d) => finish(d, warnings, source))
    .filter((m) => m.items.length || m.date || m.series);
}

type Of<K extends Block['kind']> = Block & { kind: K };

/** Which meeting each block belongs to, one method per kind of block; the state is where the export is. */
class MeetingAssembler {
  readonly drafts: Draft[] = [];
  /** Heads (and tables of contents) read, waiting for the agenda or referat they open. */
  private pendingHeads: Draft[] = [];
  private current: Draft | null = null;
  private mode: 'none' | 'agenda' | 'referat' = 'none';
  private lastNumber = 0;
  private lastItem: ImportedItem | null = null;
  private lastIndstilling: {
    dateLine: string | null;
    lines: string[];
    attach(caseNumber?: string): void;
  } | null = null;
  /** The agenda an earlier meeting's head and Referat were printed into (under "Punkt 2: Referat"). */
  private interrupted: { draft: Draft; lastNumber: number } | null = null;

  constructor(
    private readonly lines: string[],
    private readonly warnings: ImportWarning[],
    private readonly source: string,
  ) {}

  read(b: Block, previous: Block | undefined): void {
    switch (b.kind) {
      case 'header':
        return this.header(b);
      case 'toc':
        return this.tableOfContents(b);
      case 'referat':
        return this.referat(previous);
      case 'item':
        return this.item(b);
      case 'decision':
        return this.decision(b);
      case 'indstilling':
        return this.indstilling(b, previous);
      case 'committee':
        return this.committee(b);
    }
  }

  private body(b: Block): string[] {
    return this.lines.slice(b.body, b.end);
  }

  private newDraft(): Draft {
    const d: Draft = {
      meeting: emptyMeeting(),
      byNumber: new Map(),
      toc: [],
      looseIndstillinger: [],
      indstillingLines: new Map(),
      hadReferat: false,
    };
    this.drafts.push(d);
    return d;
  }

  private startAgenda(): Draft {
    const d = this.pendingHeads.shift() ?? this.newDraft();
    this.mode = 'agenda';
    this.lastNumber = 0;
    return d;
  }

  private header(b: Of<'header'>): void {
    const d = this.newDraft();
    readHeader(d.meeting, this.lines.slice(b.at, b.end), this.warnings);
    this.pendingHeads.push(d);
  }

  private tableOfContents(b: Of<'toc'>): void {
    const owner = this.pendingHeads[this.pendingHeads.length - 1];
    if (owner) owner.toc.push(...b.entries);
    else {
      const d = this.newDraft();
      d.toc.push(...b.entries);
      this.pendingHeads.push(d);
    }
  }

  private referat(previous: Block | undefined): void {
    // The meeting's own Referat, right after an earlier meeting's referat printed into its agenda.
    const i = this.interrupted;
    const resumed =
      i && this.mode === 'referat' && previous?.kind !== 'header' && !i.draft.hadReferat ? i.draft : null;
    this.interrupted =
      previous?.kind === 'header' && this.mode === 'agenda' && this.current
        ? { draft: this.current, lastNumber: this.lastNumber }
        : null;
    const target =
      resumed ??
      (previous?.kind === 'header'
        ? this.pendingHeads.pop()
        : this.current && !this.current.hadReferat
          ? this.current
          : this.pendingHeads.shift());
    this.current = target ?? this.newDraft();
    this.current.hadReferat = true;
    this.mode = 'referat';
    this.lastNumber = 0;
    this.lastItem = null;
  }

  /**
   * After an earlier meeting's referat printed into the agenda, the agenda goes on: at the first item
   * heading the referat's numbering cannot follow (it would go back), or at a decision heading (a
   * Referat has none). Where both numberings could go on, the referat does.
   */
  private resumesAgenda(b: Of<'item'> | Of<'decision'>): boolean {
    const i = this.interrupted;
    if (!i || this.mode !== 'referat') return false;
    if (b.kind === 'decision') return b.number >= i.lastNumber;
    return b.number > i.lastNumber && b.number <= this.lastNumber;
  }

  private resumeAgenda(): void {
    const i = this.interrupted!;
    this.current = i.draft;
    this.mode = 'agenda';
    this.lastNumber = i.lastNumber;
    this.interrupted = null;
  }

  private item(b: Of<'item'>): void {
    if (this.resumesAgenda(b)) this.resumeAgenda();
    if (this.mode === 'none' || b.number <= this.lastNumber || !this.current)
      this.current = this.startAgenda();
    this.lastNumber = b.number;
    const item = upsertItem(this.current, b.number, b.title, b.minutes, this.warnings, this.source);
    this.lastItem = item;
    if (this.mode === 'referat') setDecision(item, this.body(b));
    else readItemNotes(this.current.meeting, item, this.body(b));
  }

  private decision(b: Of<'decision'>): void {
    if (this.resumesAgenda(b)) this.resumeAgenda();
    // A Referat section has no decision headings: one after it decides an item of the next agenda.
    if (!this.current || this.mode !== 'agenda') this.current = this.startAgenda();
    let item = this.current.byNumber.get(b.number);
    if (!item) {
      this.warnings.push({ kind: 'decisionWithoutItem', source: this.source, number: b.number });
      item = upsertItem(this.current, b.number, b.title, null, this.warnings, this.source);
    }
    this.lastNumber = Math.max(this.lastNumber, b.number);
    setDecision(item, this.body(b));
    this.lastItem = item;
  }

  private indstilling(b: Of<'indstilling'>, previous: Block | undefined): void {
    const head = readIndstillingHead(this.body(b));
    const pages = this.lines.slice(b.at, b.end);
    // Every page of an indstilling repeats its cover lines: a repeat continues the one before.
    if (previous?.kind === 'indstilling' && this.lastIndstilling?.dateLine === head.dateLine) {
      this.lastIndstilling.lines.push(...pages);
      this.lastIndstilling.attach(head.caseNumber);
      return;
    }
    const item = previous?.kind === 'item' && this.mode === 'agenda' && this.current ? this.lastItem : null;
    if (!item && (this.mode !== 'agenda' || !this.current)) this.current = this.startAgenda();
    const target = this.current!;
    if (head.date && !target.meeting.date) target.meeting.date = head.date;
    if (item) {
      if (item.durationMinutes === null) item.durationMinutes = head.minutes;
      const lines = target.indstillingLines.get(item) ?? [];
      target.indstillingLines.set(item, lines);
      lines.push(...pages);
      this.lastIndstilling = {
        dateLine: head.dateLine,
        lines,
        attach: (c) => void (c && !item.caseNumber && (item.caseNumber = c)),
      };
    } else {
      const loose = { title: head.title, caseNumber: head.caseNumber, minutes: head.minutes, lines: pages };
      target.looseIndstillinger.push(loose);
      this.lastIndstilling = {
        dateLine: head.dateLine,
        lines: loose.lines,
        attach: (c) => void (c && !loose.caseNumber && (loose.caseNumber = c)),
      };
    }
    this.lastIndstilling.attach(head.caseNumber);
  }

  private committee(b: Of<'committee'>): void {
    this.newDraft().meeting = parseCommitteeAgenda(this.lines.slice(b.at, b.end), this.warnings);
  }
}

function upsertItem(
  d: Draft,
  n: number,
  title: string,
  minutes: number | null,
  warnings: ImportWarning[],
  source: string,
): ImportedItem {
  const existing = d.byNumber.get(n);
  if (existing) {
    if (!existing.title && title) existing.title = title;
    if (existing.durationMinutes === null) existing.durationMinutes = minutes;
    return existing;
  }
  if (!title) warnings.push({ kind: 'itemUntitled', source, number: n });
  const item = newItem(n, title, minutes);
  d.byNumber.set(n, item);
  return item;
}

function finish(d: Draft, warnings: ImportWarning[], source: string): ImportedMeeting {
  const m = d.meeting;
  for (const entry of d.toc) {
    const item = d.byNumber.get(entry.number);
    if (!item) {
      // Its heading is lost (or unreadable): the table of contents is all that says the item was there.
      warnings.push({ kind: 'onlyInContents', source, number: entry.number, title: entry.title });
      d.byNumber.set(entry.number, {
        ...newItem(entry.number, entry.title, entry.minutes),
        category: entry.category,
      });
      continue;
    }
    if (item.category === null) item.category = entry.category;
    if (item.durationMinutes === null) item.durationMinutes = entry.minutes;
  }
  if (d.byNumber.size) m.items = [...d.byNumber.values()].sort((a, b) => a.number - b.number);
  for (const loose of d.looseIndstillinger) {
    const match = bestTitleMatch(m.items, loose.title);
    if (match) {
      if (loose.caseNumber && !match.caseNumber) match.caseNumber = loose.caseNumber;
      if (match.durationMinutes === null) match.durationMinutes = loose.minutes;
      if (!d.indstillingLines.has(match)) d.indstillingLines.set(match, loose.lines);
    } else {
      warnings.push({ kind: 'indstillingUnlinked', source, title: loose.title });
    }
  }
  for (const [item, lines] of d.indstillingLines) item.indstilling = importedIndstilling(lines);
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
