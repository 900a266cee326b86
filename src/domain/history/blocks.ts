import { committeeStart, isCommitteeDate } from './committeeAgenda';
import { isIndstillingCover } from './indstilling';
import { isReferatHeading, recogniseDecisionHeading, recogniseItemHeading } from './itemHeading';
import { recogniseHeader } from './meetingHeader';
import { skeleton } from './ocrText';
import { recogniseTableOfContents, type TocEntry } from './tableOfContents';

/** An item heading or a decision heading: the item's number, title and minutes as the heading gives them. */
interface HeadingBlock<K extends 'item' | 'decision'> {
  kind: K;
  at: number;
  body: number;
  end: number;
  number: number;
  title: string;
  minutes: number | null;
}

/**
 * An export is a sequence of blocks, each opened by a line a recogniser knows: a meeting head, a table
 * of contents, "Referat", an item heading ("Punkt N:"), a decision heading ("Beslutning for Punkt N"),
 * an indstilling's cover, a committee agenda's head. A block runs until the next one opens; what lies
 * between belongs to the block above it.
 */
export type Block =
  | { kind: 'header'; at: number; body: number; end: number }
  | { kind: 'toc'; at: number; body: number; end: number; entries: TocEntry[] }
  | { kind: 'referat'; at: number; body: number; end: number }
  | HeadingBlock<'item'>
  | HeadingBlock<'decision'>
  | { kind: 'indstilling'; at: number; body: number; end: number }
  | { kind: 'committee'; at: number; body: number; end: number };

/** A block as its recogniser opens it: where it ends is known once the next block is found. */
type Opened = Block extends infer B ? (B extends Block ? Omit<B, 'end'> & { end?: number } : never) : never;

/** The block that opens at line `i`, and the line to go on from. */
function blockAt(lines: string[], i: number): { block: Opened; next: number } | null {
  const header = recogniseHeader(lines, i);
  if (header) return { block: { kind: 'header', at: i, body: i }, next: header.after };
  const toc = recogniseTableOfContents(lines, i);
  if (toc)
    return { block: { kind: 'toc', at: i, body: i, end: toc.end, entries: toc.entries }, next: toc.end };
  if (isReferatHeading(lines[i])) return { block: { kind: 'referat', at: i, body: i + 1 }, next: i + 1 };
  for (const kind of ['decision', 'item'] as const) {
    const heading = (kind === 'decision' ? recogniseDecisionHeading : recogniseItemHeading)(lines, i);
    if (heading) {
      const { number, title, minutes, next } = heading;
      return { block: { kind, at: i, body: next, number, title, minutes }, next };
    }
  }
  if (isIndstillingCover(lines[i]))
    return { block: { kind: 'indstilling', at: i, body: i + 1 }, next: i + 1 };
  if (isCommitteeDate(lines, i)) {
    const start = committeeStart(lines, i);
    return { block: { kind: 'committee', at: start, body: start }, next: i + 1 };
  }
  return null;
}

export function findBlocks(lines: string[]): Block[] {
  const opened: Opened[] = [];
  for (let i = 0; i < lines.length;) {
    const found = lines[i] ? blockAt(lines, i) : null;
    if (!found) {
      i++;
      continue;
    }
    opened.push(found.block);
    i = Math.max(found.next, i + 1);
  }
  opened.sort((a, b) => a.at - b.at);
  const blocks = opened.map((b, k) => {
    const next = k + 1 < opened.length ? opened[k + 1].at : lines.length;
    // A table of contents ends where its last entry does; what follows it up to the next block is not read.
    return { ...b, end: b.kind === 'toc' ? Math.min(b.end ?? next, next) : next } as Block;
  });
  absorbDecisionTitleContinuations(blocks, lines);
  return blocks;
}

/** A decision heading's continuation line is part of the item title the item heading already gave. */
function absorbDecisionTitleContinuations(blocks: Block[], lines: string[]): void {
  blocks.forEach((e, k) => {
    if (e.kind !== 'decision') return;
    const item = blocks
      .slice(0, k)
      .reverse()
      .find((p) => p.kind === 'item' && p.number === e.number);
    if (!item || item.kind !== 'item' || !item.title) return;
    const whole = skeleton(item.title);
    let joined = e.title;
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
}
