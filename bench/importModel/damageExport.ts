import fc from 'fast-check';
import type { Line, LineRole } from './renderExport';

/**
 * OCR damage to a rendered export, each kind as a scanner does it. Every function returns the new
 * lines and records what it destroyed (field paths such as "series" or "items.3.category"), so the
 * property asks the import only for what is still in the text. Letter substitutions destroy nothing:
 * the import keeps text as written, so the expectation is the same substitution of the model's text.
 */
export interface Damaged {
  lines: Line[];
  destroyed: Set<string>;
  /** Letter substitutions applied to the whole text (a scanner confuses the same letters throughout). */
  letters: Record<string, string>;
  /** What was done, for the counterexample shrinking reports. */
  log: string[];
}

export type DamageOp =
  | { kind: 'loseHeader' }
  | { kind: 'breakLine'; at: number; where: number }
  | { kind: 'pageHeaders'; every: number; text: string }
  | { kind: 'dashes'; dash: '–' | '—' }
  | { kind: 'garbleNumber'; at: number; unreadable: boolean }
  | { kind: 'loseLine'; at: number }
  | { kind: 'keywordLetters'; variant: number }
  | { kind: 'pageMarkOnLine'; at: number }
  | { kind: 'tabsToSpaces' }
  | { kind: 'doubleSpace' };

const HEADER_ROLES: LineRole[] = ['series', 'headDate', 'location', 'information', 'informationLabelled'];
const HEADER_FIELDS = ['series', 'date', 'times', 'location', 'information', 'absent', 'referent', 'guests'];

/** Small words a title may be broken after (the format joins the next line to them). */
const LINK_WORDS = new Set(['og', 'i', 'for', 'på', 'til', 'af']);

/** Where a line may be broken so the format still says it continues; [] when it may not be broken. */
function breakPoints(line: Line): number[] {
  const t = line.text;
  const spaces = [...t.matchAll(/ /g)].map((m) => m.index);
  switch (line.role) {
    case 'itemHeading':
    case 'tocEntry':
    case 'decisionHeading': {
      if (!t.includes(':')) return [];
      const titleStart = t.indexOf(':') + 2;
      const points: number[] = [];
      const minutes = /\s\(\d+ min\)/.exec(t);
      if (minutes && line.role !== 'decisionHeading') points.push(minutes.index);
      // Not after an unreadable number: the title would stand alone (a bare "Referat" opens a section).
      if (line.role === 'itemHeading' && !/^Punkt \?/.test(t)) points.push(titleStart - 1);
      for (const s of spaces) {
        if (s <= titleStart) continue;
        const before = t.slice(0, s).split(' ').pop() ?? '';
        if (LINK_WORDS.has(before) && s < (minutes?.index ?? t.length)) points.push(s);
      }
      // Negative: hyphenate inside a long word ("budgettemad-" / "røftelser").
      for (const w of t.slice(titleStart).matchAll(/\p{Ll}{12,}/gu)) points.push(-(titleStart + w.index + 6));
      return points;
    }
    case 'indstillingPoint': {
      // Wrapped where the text wraps: after the point's "1. at" / "1) at" / "At 1)".
      const prefix = /^(?:\d+[.)] at|At \d+\)) /.exec(t)?.[0].length ?? 0;
      return spaces.filter((s) => s > prefix && s < t.length - 1);
    }
    case 'decision':
    case 'indstillingText':
    case 'information':
    case 'guestLine':
    case 'sectionTitle':
      return spaces.filter((s) => s > 0 && s < t.length - 1 && !/^\d+\.$/.test(t.slice(0, s)));
    case 'headDate':
      return [t.indexOf(' ')];
    case 'meetingDate':
      return [t.lastIndexOf(' ')];
    case 'subject':
      return spaces.filter((s) => s > 'Emne:'.length);
    default:
      return [];
  }
}

/** Breaks line `at` (among the breakable ones) at break point `where`: "a b" → "a" / "b", "ab" → "a-" / "b". */
function breakLine(lines: Line[], at: number, where: number, d: Damaged): Line[] {
  const candidates = lines
    .map((l, i) => ({ l, i, points: l.broken ? [] : breakPoints(l) }))
    .filter((c) => c.points.length);
  if (!candidates.length) return lines;
  const c = candidates[at % candidates.length];
  const p = c.points[where % c.points.length];
  const text = c.l.text;
  const [first, second] =
    p >= 0 ? [text.slice(0, p), text.slice(p + 1)] : [`${text.slice(0, -p)}-`, text.slice(-p)];
  d.log.push(`break line ${c.i} "${first}" / "${second}"`);
  const out = [...lines];
  out.splice(c.i, 1, { ...c.l, text: first, broken: true }, { ...c.l, text: second, broken: true });
  return out;
}

/**
 * Misreads an item number: as OCR usually does, so the number can still be read (1 → l or I, 0 → O,
 * the space after "Punkt" lost; a committee section's "N." lost, which its place gives back), or beyond
 * reading ("Punkt ?:"). Then the heading is no heading: its item, and the item above (which the orphaned
 * lines now follow), are destroyed; a decision heading destroys its decision.
 */
function garbleNumber(lines: Line[], at: number, unreadable: boolean, d: Damaged): Line[] {
  const candidates = lines
    .map((l, i) => ({ l, i }))
    .filter(
      ({ l }) =>
        (/^(?:Punkt|Beslutning for Punkt) \d/.test(l.text) && l.role !== 'tocEntry') ||
        (!unreadable && l.role === 'sectionTitle' && /^\d+\. /.test(l.text)),
    );
  // A scan whose every heading is unreadable is no export of that meeting any more: keep one readable.
  const readable = (x: Line, meeting: Line['meeting']) =>
    x.meeting === meeting && /^(?:Punkt|Beslutning for Punkt)\s*[0-9lIO]/.test(x.text);
  // After an earlier meeting's referat printed into the agenda, only the two numberings tell where the
  // agenda goes on: an unreadable heading from there on would merge the meetings (not recorded, not done).
  const referatAt = lines.findIndex((x) => x.meeting === 1 && x.role === 'referat');
  const usable = unreadable
    ? candidates.filter(
        ({ l, i }) =>
          lines.some((x, k) => k !== i && readable(x, l.meeting)) &&
          !(referatAt >= 0 && i > referatAt) &&
          // With its title on the next line, the title would stand alone (a bare "Referat" opens a section).
          /:\s*\S/.test(l.text),
      )
    : candidates;
  if (!usable.length) return lines;
  const { l, i } = usable[at % usable.length];
  const misread = (n: string) =>
    unreadable ? ' ?' : at % 3 === 2 ? n : ` ${n.replace(/1/g, at % 2 ? 'l' : 'I').replace(/0/g, 'O')}`;
  const text =
    l.role === 'sectionTitle'
      ? l.text.replace(/^\d+\. /, '')
      : l.text.replace(/Punkt (\d+)/, (_m, n: string) => `Punkt${misread(n)}`);
  if (unreadable && l.item !== undefined) {
    const prefix = l.meeting ? `${l.meeting}.` : '';
    if (l.role === 'decisionHeading') {
      d.destroyed.add(`${prefix}items.${l.item}.decision`);
      d.destroyed.add(`${prefix}items.${l.item}.followUps`);
      d.destroyed.add(`${prefix}kind`);
    } else {
      d.destroyed.add(`${prefix}items`);
      for (const n of [l.item - 1, l.item])
        for (const f of [
          'title',
          'category',
          'durationMinutes',
          'decision',
          'followUps',
          'closed',
          'indstilling',
        ])
          d.destroyed.add(`${prefix}items.${n}.${f}`);
      // Guests are named by the item's title.
      d.destroyed.add(`${prefix}guests`);
    }
  }
  d.log.push(`garble number "${l.text.slice(0, 30)}" → "${text.slice(0, 30)}"`);
  const out = [...lines];
  out[i] = { ...l, text };
  return out;
}

/** OCR drops a line: a category line or a LUKKET PUNKT line (what it said is gone). */
function loseLine(lines: Line[], at: number, d: Damaged): Line[] {
  const candidates = lines
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.role === 'category' || l.role === 'closed');
  if (!candidates.length) return lines;
  const { l, i } = candidates[at % candidates.length];
  // A category line in the table of contents names the category of the items under it.
  const inToc = lines.slice(i + 1).find((x) => x.role !== 'blank')?.role === 'tocEntry';
  if (l.role === 'closed') d.destroyed.add(`items.${l.item}.closed`);
  else if (inToc) {
    for (let k = i + 1; k < lines.length && (lines[k].role === 'tocEntry' || lines[k].role === 'blank'); k++)
      if (lines[k].item) d.destroyed.add(`items.${lines[k].item}.category`);
  } else d.destroyed.add(`items.${l.item}.category`);
  d.log.push(`lose line ${i} "${l.text}"`);
  return lines.filter((_x, k) => k !== i);
}

function insertPageHeaders(lines: Line[], every: number, text: string, d: Damaged): Line[] {
  const out: Line[] = [];
  let page = 1;
  lines.forEach((l, i) => {
    if (i > 0 && i % every === 0) {
      page++;
      out.push({ text, role: 'blank' }, { text: `Side ${page} af 9`, role: 'blank' });
    }
    out.push(l);
  });
  if (page < 3) out.push({ text, role: 'blank' }, { text, role: 'blank' });
  d.log.push(`page headers "${text}" every ${every} lines`);
  return out;
}

const DASHED: LineRole[] = ['headDate', 'category', 'meetingTime', 'sectionTime'];

/** Scanners misread the format's own words too, and not always as they misread the rest. */
const KEYWORD_MISREADINGS: Array<Array<[RegExp, string]>> = [
  [
    [/^Mødedato:/, 'Mgdedato:'],
    [/^Mødetid: Kl\./, 'M@detid: KI.'],
    [/^Mødested:/, 'Modested:'],
    [/^Baggrund\/formål:/, 'Baggrund/formal:'],
    [/drøftelse$/, 'drgftelse'],
  ],
  [
    [/^Mødedato:/, 'M@dedato:'],
    [/^Mødetid: Kl\./, 'Mgdetid: Kl'],
    [/^Baggrund\/formål:/, 'Baggrund/form8l:'],
    [/drøftelse$/, 'dr@ftelse'],
    [/^Beslutning for/, 'Beslutning for'],
  ],
];

/** Lines a page mark may be flattened onto ("Tid: 17.53 - 17.55 (2 min.) Side 2 af 5"). */
const MARKABLE: LineRole[] = ['sectionTime', 'sectionField', 'decision', 'location', 'category'];

export function damage(lines: Line[], ops: DamageOp[], letters: Record<string, string>): Damaged {
  const d: Damaged = { lines, destroyed: new Set(), letters, log: [] };
  for (const op of ops) {
    switch (op.kind) {
      case 'loseHeader':
        // The first page is lost: the file's own head, not the head of a meeting printed inside it.
        if (d.lines.some((l) => HEADER_ROLES.includes(l.role) && !l.meeting)) {
          d.lines = d.lines.filter((l) => !HEADER_ROLES.includes(l.role) || l.meeting);
          HEADER_FIELDS.forEach((f) => d.destroyed.add(f));
          d.log.push('lose header');
        }
        break;
      case 'breakLine':
        d.lines = breakLine(d.lines, op.at, op.where, d);
        break;
      case 'pageHeaders':
        d.lines = insertPageHeaders(d.lines, op.every, op.text, d);
        break;
      case 'dashes':
        d.lines = d.lines.map((l) =>
          DASHED.includes(l.role) ? { ...l, text: l.text.replace(/ - /g, ` ${op.dash} `) } : l,
        );
        d.log.push(`dashes ${op.dash}`);
        break;
      case 'garbleNumber':
        d.lines = garbleNumber(d.lines, op.at, op.unreadable, d);
        break;
      case 'loseLine':
        d.lines = loseLine(d.lines, op.at, d);
        break;
      case 'keywordLetters': {
        const rules = KEYWORD_MISREADINGS[op.variant % KEYWORD_MISREADINGS.length];
        d.lines = d.lines.map((l) => ({
          ...l,
          text: rules.reduce((t, [from, to]) => t.replace(from, to), l.text),
        }));
        d.log.push(`keyword letters ${op.variant % KEYWORD_MISREADINGS.length}`);
        break;
      }
      case 'pageMarkOnLine': {
        const candidates = d.lines.map((l, i) => ({ l, i })).filter(({ l }) => MARKABLE.includes(l.role));
        if (!candidates.length) break;
        const { l, i } = candidates[op.at % candidates.length];
        d.lines = d.lines.map((x, k) =>
          k === i ? { ...l, text: `${l.text} Side ${(op.at % 5) + 1} af 5` } : x,
        );
        d.log.push(`page mark on line ${i}`);
        break;
      }
      case 'tabsToSpaces':
        d.lines = d.lines.map((l) => ({ ...l, text: l.text.replace(/\t/g, ' ') }));
        d.log.push('tabs to spaces');
        break;
      case 'doubleSpace':
        d.lines = d.lines.flatMap((l) => [l, { text: '', role: 'blank' as const }]);
        d.log.push('double-spaced (Word)');
        break;
    }
  }
  return d;
}

/** Applies the scanner's letter substitutions to text (the export's, or the model's for expectations). */
export function substitute(text: string, letters: Record<string, string>): string {
  return text.replace(/[æøåÆØÅ]/g, (ch) => letters[ch] ?? ch);
}

export const lettersArb: fc.Arbitrary<Record<string, string>> = fc.record({
  å: fc.constantFrom('å', 'a', '&', '8'),
  ø: fc.constantFrom('ø', 'g', '@', 'o'),
  æ: fc.constantFrom('æ', 'ze', 'z', 'a'),
  Å: fc.constantFrom('Å', 'A'),
  Ø: fc.constantFrom('Ø', '@', 'O'),
  Æ: fc.constantFrom('Æ', 'AE'),
});

export const damageOpsArb = (pageHeader: string, header: boolean): fc.Arbitrary<DamageOp[]> =>
  fc.array(
    fc.oneof(
      {
        arbitrary: fc.record({ kind: fc.constant('breakLine' as const), at: fc.nat(), where: fc.nat() }),
        weight: 5,
      },
      {
        arbitrary: fc.record({
          kind: fc.constant('garbleNumber' as const),
          at: fc.nat(),
          unreadable: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
        }),
        weight: 1,
      },
      { arbitrary: fc.record({ kind: fc.constant('loseLine' as const), at: fc.nat() }), weight: 1 },
      {
        arbitrary: fc.record({
          kind: fc.constant('pageHeaders' as const),
          every: fc.integer({ min: 7, max: 40 }),
          text: fc.constant(pageHeader),
        }),
        weight: 1,
      },
      {
        arbitrary: fc.record({
          kind: fc.constant('dashes' as const),
          dash: fc.constantFrom('–' as const, '—' as const),
        }),
        weight: 1,
      },
      ...(header ? [{ arbitrary: fc.constant({ kind: 'loseHeader' as const }), weight: 1 }] : []),
    ),
    { maxLength: 8 },
  );

const STAND_INS: Record<string, string[]> = {
  å: ['å', 'a', '&', '8'],
  ø: ['ø', 'g', '@', 'o'],
  æ: ['æ', 'ze', 'z', 'a'],
  Å: ['Å', 'A'],
  Ø: ['Ø', '@', 'O'],
  Æ: ['Æ', 'AE'],
};

/** Each æ, ø, å of the line misread on its own, chosen by `seed` and the letter's place. */
export function scatterLetters(text: string, seed: number): string {
  return text.replace(/[æøåÆØÅ]/g, (ch, at: number) => {
    const options = STAND_INS[ch];
    return options[Math.abs((seed * 31 + at * 17) ^ (seed >>> 3)) % options.length];
  });
}

/** Text with æ, ø, å and every stand-in for them folded to one mark: the comparison for scattered misreadings. */
export function foldLetters(text: string): string {
  return text.replace(/ze|AE|[æøåÆØÅ@&8agozeAO]/g, '*');
}
