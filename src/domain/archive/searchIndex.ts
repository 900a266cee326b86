import type { Category } from '../agendaItem';
import { foldWord, tokenize } from './danishFold';

/** One searchable unit: an item of a meeting with its indstilling, decision and follow-ups. */
export interface ArchiveEntry {
  meetingKey: string;
  /**
   * The meeting's place (its folder; the key for a store without folders): a meeting read without its
   * calendar event is its place, so two meetings of one key in two secretariats are two meetings.
   */
  place: string;
  /** Who organizes the meeting, as its Meetings row (in her own secretariat) says; '' when unknown. */
  organizer: string;
  /** True when the meeting has a calendar event (opens in the meeting page), false for imported history. */
  live: boolean;
  series: string;
  /** yyyy-mm-dd (Copenhagen), '' when unknown. */
  date: string;
  itemNumber: number;
  itemTitle: string;
  category: Category | null;
  closed: boolean;
  decision: string;
  followUps: Array<{ owners: string[]; task: string }>;
  /** The indstilling's "at"-points and sections as plain text, '' when the item has none. */
  indstilling: string;
}

export type Field = 'itemTitle' | 'decision' | 'followUps' | 'indstilling';

export interface ArchiveQuery {
  text: string;
  series?: string;
  year?: number;
  category?: Category;
  /** Matches a follow-up owner ("FAS", "Kommunikation"), folded. */
  owner?: string;
  limit?: number;
}

export interface Highlight {
  field: Field;
  /** [start, end) offsets into that field's text (follow-ups: their tasks joined by "\n"). */
  ranges: Array<[number, number]>;
}

export interface ArchiveHit {
  entry: ArchiveEntry;
  score: number;
  highlights: Highlight[];
}

// The indstilling is long and argues the case: a word there says less about the item than its decision does.
const FIELD_WEIGHT: Record<Field, number> = { itemTitle: 2, decision: 1, followUps: 1, indstilling: 0.8 };

export const fieldText = (entry: ArchiveEntry, field: Field): string =>
  field === 'followUps' ? entry.followUps.map((f) => f.task).join('\n') : entry[field];

/** Words that match one query word: exact 1, a compound or inflection it starts 0.7, one OCR edit 0.6. */
type Expansion = Map<string, number>;

/**
 * An in-memory inverted index over the decision archive. Every query word must match (AND); a word
 * matches its folded form exactly, as a prefix (Danish compounds: "investering" finds
 * "investeringsmodeller") and within one edit for words of four letters or more (OCR: "følger" finds
 * "fglger"). Ranked by how well and where the words matched, then newest first.
 */
export class ArchiveIndex {
  private readonly entries: ArchiveEntry[];
  private readonly postings = new Map<string, Array<{ doc: number; field: Field }>>();
  /** Sorted vocabulary, for prefix look-ups. */
  private readonly vocabulary: string[];
  /** Each word with one letter deleted → the words it came from (one-edit look-ups). */
  private readonly deletions = new Map<string, string[]>();
  private readonly ownerWords: Array<Set<string>>;

  constructor(entries: ArchiveEntry[]) {
    this.entries = entries;
    entries.forEach((entry, doc) => {
      for (const field of Object.keys(FIELD_WEIGHT) as Field[]) {
        const seen = new Set<string>();
        for (const t of tokenize(fieldText(entry, field))) {
          if (seen.has(t.word)) continue;
          seen.add(t.word);
          let list = this.postings.get(t.word);
          if (!list) this.postings.set(t.word, (list = []));
          list.push({ doc, field });
        }
      }
    });
    this.vocabulary = [...this.postings.keys()].sort();
    for (const word of this.vocabulary) {
      if (word.length < 4) continue;
      for (const d of deletionsOf(word)) {
        const list = this.deletions.get(d);
        if (list) list.push(word);
        else this.deletions.set(d, [word]);
      }
    }
    this.ownerWords = entries.map(
      (e) =>
        new Set(e.followUps.flatMap((f) => f.owners.flatMap((o) => [foldWord(o), ...abbreviationsOf(o)]))),
    );
  }

  get size(): number {
    return this.entries.length;
  }

  /** The series and years present, for the filter menus. */
  facets(): { series: string[]; years: number[]; owners: string[] } {
    const series = new Set<string>();
    const years = new Set<number>();
    const owners: string[] = [];
    for (const e of this.entries) {
      if (e.series) series.add(e.series);
      if (e.date) years.add(Number(e.date.slice(0, 4)));
      for (const f of e.followUps) owners.push(...f.owners);
    }
    return {
      series: [...series].sort((a, b) => a.localeCompare(b, 'da')),
      years: [...years].sort((a, b) => b - a),
      owners: distinctOwners(owners).sort((a, b) => a.localeCompare(b, 'da')),
    };
  }

  search(query: ArchiveQuery): ArchiveHit[] {
    const words = [...new Set(tokenize(query.text).map((t) => t.word))];
    const filter = this.filterOf(query);
    const scores = new Map<number, number>();
    const matched = new Set<string>();
    if (words.length === 0) {
      // Filters alone: list what they select, newest first.
      this.entries.forEach((e, doc) => filter(e, doc) && scores.set(doc, 0));
    }
    words.forEach((word, k) => {
      const expansion = this.expand(word);
      const docScores = new Map<number, number>();
      for (const [term, quality] of expansion) {
        matched.add(term);
        for (const { doc, field } of this.postings.get(term) ?? []) {
          if (k > 0 && !scores.has(doc)) continue;
          const s = quality * FIELD_WEIGHT[field];
          docScores.set(doc, Math.max(docScores.get(doc) ?? 0, s));
        }
      }
      if (k === 0) {
        for (const [doc, s] of docScores) if (filter(this.entries[doc], doc)) scores.set(doc, s);
      } else {
        for (const doc of [...scores.keys()]) {
          const s = docScores.get(doc);
          if (s === undefined) scores.delete(doc);
          else scores.set(doc, scores.get(doc)! + s);
        }
      }
    });
    const hits = [...scores.entries()]
      .map(([doc, score]) => ({ doc, score }))
      .sort(
        (a, b) =>
          b.score - a.score ||
          this.entries[b.doc].date.localeCompare(this.entries[a.doc].date) ||
          // A meeting's items stay together, in the meeting's one order: their numbers.
          this.entries[a.doc].meetingKey.localeCompare(this.entries[b.doc].meetingKey) ||
          this.entries[a.doc].itemNumber - this.entries[b.doc].itemNumber,
      )
      .slice(0, query.limit ?? 50);
    return hits.map(({ doc, score }) => ({
      entry: this.entries[doc],
      score,
      highlights: this.highlight(this.entries[doc], matched),
    }));
  }

  private filterOf(query: ArchiveQuery): (e: ArchiveEntry, doc: number) => boolean {
    const owner = query.owner ? foldWord(query.owner) : '';
    // The menu shows a full name; follow-ups may write it abbreviated ("FAS følger op").
    const aliases = new Set(query.owner ? abbreviationsOf(query.owner) : []);
    return (e, doc) =>
      (!query.series || e.series === query.series) &&
      (!query.year || e.date.startsWith(String(query.year))) &&
      (!query.category || e.category === query.category) &&
      (!owner || [...this.ownerWords[doc]].some((w) => w.startsWith(owner) || aliases.has(w)));
  }

  private expand(word: string): Expansion {
    const out: Expansion = new Map();
    if (this.postings.has(word)) out.set(word, 1);
    if (word.length >= 3) {
      let i = lowerBound(this.vocabulary, word);
      while (i < this.vocabulary.length && this.vocabulary[i].startsWith(word)) {
        const term = this.vocabulary[i++];
        if (!out.has(term)) out.set(term, 0.7);
      }
    }
    if (word.length >= 4) {
      const candidates = new Set<string>([
        ...(this.deletions.get(word) ?? []),
        ...deletionsOf(word).flatMap((d) => [
          ...(this.deletions.get(d) ?? []),
          ...(this.postings.has(d) ? [d] : []),
        ]),
      ]);
      for (const term of candidates) {
        if (!out.has(term) && withinOneEdit(word, term)) out.set(term, 0.6);
      }
    }
    return out;
  }

  private highlight(entry: ArchiveEntry, matched: Set<string>): Highlight[] {
    const out: Highlight[] = [];
    for (const field of Object.keys(FIELD_WEIGHT) as Field[]) {
      const ranges = tokenize(fieldText(entry, field))
        .filter((t) => matched.has(t.word))
        .map((t) => [t.start, t.end] as [number, number]);
      if (ranges.length) out.push({ field, ranges });
    }
    return out;
  }
}

/** Small words a name's initials skip ("Styrelsen for Arbejdsmarked og Rekruttering" → SAR). */
const SKIPPED_IN_INITIALS = new Set(['og', 'for', 'i', 'af', 'på', 'pa', 'til', 'med', 'the', 'of', 'and']);

/**
 * The folded abbreviations a name of two words or more is written as: its words' initials ("Fagligt
 * Administrativt Sekretariat" → "fas"), with and without the small words. A one-word name has none.
 */
export function abbreviationsOf(name: string): string[] {
  const words = name.split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2) return [];
  const initials = (ws: string[]) =>
    foldWord(ws.map((w) => [...w.replace(/^[^\p{L}@]+/u, '')][0] ?? '').join(''));
  const out = new Set([
    initials(words),
    initials(words.filter((w) => !SKIPPED_IN_INITIALS.has(w.toLowerCase()))),
  ]);
  return [...out].filter((a) => a.length >= 2);
}

/** An abbreviation as people write one: a single word in capitals ("FAS", "UJU", "STAR"). */
const isAbbreviation = (owner: string) => /^\p{Lu}{2,6}$/u.test(owner.trim());

/**
 * Owners named once each: the same name however spelled (case, æ/ø/å, OCR), and an abbreviation together
 * with the full name it abbreviates ("FAS" and "Fagligt Administrativt Sekretariat" are one owner, shown
 * by the full name). Order of first appearance.
 */
export function distinctOwners(owners: readonly string[]): string[] {
  const full = owners.filter((o) => !isAbbreviation(o));
  const abbreviated = new Set(full.flatMap(abbreviationsOf));
  const out = new Map<string, string>();
  for (const o of owners) {
    const key = foldWord(o);
    if (!key || out.has(key)) continue;
    if (isAbbreviation(o) && abbreviated.has(key)) continue;
    out.set(key, o.trim());
  }
  return [...out.values()];
}

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Levenshtein distance ≤ 1 (one substitution, insertion or deletion). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Text split into plain and highlighted parts, for rendering as React elements or in a terminal. */
export function markParts(
  text: string,
  ranges: Array<[number, number]>,
): Array<{ text: string; hit: boolean }> {
  const parts: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    if (s > at) parts.push({ text: text.slice(at, s), hit: false });
    parts.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}
