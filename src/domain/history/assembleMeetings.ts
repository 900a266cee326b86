import { extractFollowUps } from '../followUp';
import type { Block } from './blocks';
import { parseCommitteeAgenda } from './committeeAgenda';
import { setDecision } from './decision';
import type { ImportedItem, ImportedMeeting } from './importedMeeting';
import { readIndstillingHead } from './indstilling';
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
 * - "Beslutning for Punkt N" is the decision on item N of the meeting it stands in;
 * - an indstilling belongs to the item heading above it (or, without one, to the item whose title it
 *   matches), and its "20. februar 2024 - 10 min" line dates a meeting that has no head;
 * - a committee agenda is a meeting of its own.
 */

interface Draft {
  meeting: ImportedMeeting;
  byNumber: Map<number, ImportedItem>;
  toc: TocEntry[];
  /** Indstillinger found without an item heading, matched to items by title at the end. */
  looseIndstillinger: Array<{ title: string; caseNumber?: string; minutes: number | null }>;
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
  warnings: string[],
  source: string,
): ImportedMeeting[] {
  const drafts: Draft[] = [];
  const newDraft = (): Draft => {
    const d: Draft = {
      meeting: emptyMeeting(),
      byNumber: new Map(),
      toc: [],
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
  const body = (b: Block) => lines.slice(b.body, b.end);

  blocks.forEach((b, k) => {
    const previous = blocks[k - 1];
    switch (b.kind) {
      case 'header': {
        const d = newDraft();
        readHeader(d.meeting, lines.slice(b.at, b.end), warnings);
        pendingHeads.push(d);
        break;
      }
      case 'toc': {
        const owner = pendingHeads[pendingHeads.length - 1] ?? null;
        if (owner) owner.toc.push(...b.entries);
        else {
          const d = newDraft();
          d.toc.push(...b.entries);
          pendingHeads.push(d);
        }
        break;
      }
      case 'referat': {
        const target: Draft | null =
          previous?.kind === 'header'
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
      case 'item': {
        if (mode === 'none' || b.number <= lastNumber || !current) current = startAgenda();
        lastNumber = b.number;
        const item = upsertItem(current, b.number, b.title, b.minutes, warnings, source);
        lastItem = item;
        if (mode === 'referat') setDecision(item, body(b));
        else readItemNotes(current.meeting, item, body(b));
        break;
      }
      case 'decision': {
        if (!current || mode === 'none') current = startAgenda();
        let item = current.byNumber.get(b.number);
        if (!item) {
          warnings.push(
            `${source}: "Beslutning for Punkt ${b.number}" uden et punkt ${b.number} foran; punktet er oprettet ud fra beslutningen.`,
          );
          item = upsertItem(current, b.number, b.title, null, warnings, source);
        }
        lastNumber = Math.max(lastNumber, b.number);
        setDecision(item, body(b));
        lastItem = item;
        break;
      }
      case 'indstilling': {
        const head = readIndstillingHead(body(b));
        // Every page of an indstilling repeats its cover lines: a repeat continues the one before.
        if (
          previous?.kind === 'indstilling' &&
          lastIndstilling &&
          lastIndstilling.dateLine === head.dateLine
        ) {
          lastIndstilling.attach(head.caseNumber);
          break;
        }
        const underHeading = previous?.kind === 'item' && mode === 'agenda' && current && lastItem;
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
        d.meeting = parseCommitteeAgenda(lines.slice(b.at, b.end), warnings);
        break;
      }
    }
  });

  return drafts.map((d) => finish(d, warnings, source)).filter((m) => m.items.length || m.date || m.series);
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
  const item = newItem(n, title, minutes);
  d.byNumber.set(n, item);
  return item;
}

function finish(d: Draft, warnings: string[], source: string): ImportedMeeting {
  const m = d.meeting;
  for (const entry of d.toc) {
    const item = d.byNumber.get(entry.number);
    if (!item) {
      // Its heading is lost (or unreadable): the table of contents is all that says the item was there.
      warnings.push(`${source}: Punkt ${entry.number} "${entry.title}" står kun i indholdsfortegnelsen.`);
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
