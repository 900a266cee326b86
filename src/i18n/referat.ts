import type { Absence } from '../domain/absence';
import type { AgendaItem } from '../domain/agendaItem';
import { protocolChecksum, protocolText } from '../domain/committee/protocol';
import type { Decision } from '../domain/decision';
import { formatDueDate, type FollowUp } from '../domain/followUp';
import { formatDate, formatTime, formatTimeRange, type Locale } from '../domain/format';
import { composeInformationLine } from './information';
import type { Meeting } from '../domain/meeting';
import {
  referatContent,
  type Audience,
  type ItemProtocol,
  type ItemTitle,
  type ReferatBody,
  type ReferatCommittee,
  type ReferatContent,
} from '../domain/referat';
import { joinList } from './joinList';
import { referatWords, type ReferatWords } from './referatWords';

/**
 * The referat in words: the domain's content (src/domain/referat.ts) worded in the document's own vocabulary
 * (./referatWords), the model every document renderer (src/adapters/documents, and the plain text below)
 * lays out.
 */
export interface ReferatItem {
  number: number;
  title: string;
  closed: boolean;
  /** "Punkt 3: Budgettemadrøftelser … (10 min)" */
  heading: string;
  /** "Beslutning for Punkt 3: Budgettemadrøftelser …" */
  decisionHeading: string;
  decision: string;
  usedMinutes?: number;
  /**
   * Committee meetings: the beslutningsprotokol's lines under the item, in this order — "Fraværende under
   * punktet: …", "… deltog ikke i behandlingen af punktet på grund af inhabilitet.", "For stemte: … (n)",
   * "Imod stemte: …", "Undlod at stemme: …", "Resultat: Vedtaget|Forkastet", "… ønskede følgende ført til
   * protokol: …". Empty for other meetings.
   */
  committeeLines: string[];
  /** The vote as a table (the accessible HTML document and the PDF): one row per choice cast. */
  voteTable?: VoteTable;
  /** The item's follow-ups, one line each: "Opfølgning: FAS – FAS følger op. (frist 09.12.2026, Åben)". */
  followUps: string[];
}

/**
 * A vote for renderers that can draw tables. Its rows say the same as committeeLines[at …
 * at + rows.length - 1] ("For stemte: A og B (2)"): a row header "For stemte:" and a cell "A og B (2)".
 */
export interface VoteTable {
  caption: string;
  /** Column headers: the choice, and the names with their count. */
  columns: [string, string];
  rows: Array<{ label: string; names: string; count: number }>;
  at: number;
}

export interface Referat {
  audience: Audience;
  locale: Locale;
  series: string;
  /** "20-02-2024 11:00 - 13:00" */
  when: string;
  location: string;
  information: string;
  contentsTitle: string;
  /** "Indhold", grouped by "Kategori - …" in agenda order of the categories. */
  contents: Array<{ category: string; items: Array<{ number: number; title: string }> }>;
  items: ReferatItem[];
  /**
   * Committee meetings: the protocol's version and the checksum of its approved text (always the Danish
   * members' text, whatever this export's language and audience), and the closing lines
   * "Underskrevet af: …" (when anyone has signed) and "Protokolversion N, kontrolsum …".
   */
  protocol?: { version: number; checksum: string; lines: string[] };
}

export type { Audience, ReferatCommittee };

/** The committee lines around a vote table: those before it, the table, those after it. */
export function splitAtVoteTable(i: ReferatItem): { before: string[]; table?: VoteTable; after: string[] } {
  if (!i.voteTable) return { before: i.committeeLines, after: [] };
  const { at, rows } = i.voteTable;
  return {
    before: i.committeeLines.slice(0, at),
    table: i.voteTable,
    after: i.committeeLines.slice(at + rows.length),
  };
}

const titleOf = (w: ReferatWords, t: ItemTitle): string =>
  t.shown === 'open' ? t.title : t.shown === 'withheld' ? w.closedHidden : `${w.closed} – ${t.title}`;

/** The beslutningsprotokol's lines under one item (and its vote as a table). */
function protocolLines(
  w: ReferatWords,
  locale: Locale,
  p: ItemProtocol | undefined,
  itemNumber: number,
): Pick<ReferatItem, 'committeeLines' | 'voteTable'> {
  const lines: string[] = [];
  if (!p) return { committeeLines: lines };
  if (p.absent.length) lines.push(`${w.absent}: ${joinList(p.absent, locale)}`);
  for (const name of p.inhabil) lines.push(w.inhabil(name));
  let voteTable: VoteTable | undefined;
  if (p.vote) {
    const rows = (
      [
        [w.for, p.vote.for],
        [w.against, p.vote.imod],
        [w.abstained, p.vote.undlod],
      ] as const
    )
      .filter(([, names]) => names.length)
      .map(([label, names]) => ({ label, names: joinList([...names], locale), count: names.length }));
    voteTable = { caption: w.voteCaption(itemNumber), columns: w.voteColumns, rows, at: lines.length };
    for (const row of rows) lines.push(`${row.label}: ${row.names} (${row.count})`);
    lines.push(`${w.result}: ${w[p.vote.result]}`);
  }
  for (const t of p.tilfoersler) lines.push(w.tilfoersel(t.name, t.text));
  return { committeeLines: lines, voteTable };
}

/** "Opfølgning: FAS – FAS følger op. (frist 09.12.2026, Åben)" */
function followUpLine(w: ReferatWords, f: FollowUp): string {
  const owner = f.owners.length ? `${f.owners.join(', ')} – ` : '';
  const due = formatDueDate(f.due);
  const details = [due && `${w.due} ${due}`, w.status[f.status] ?? f.status].filter(Boolean).join(', ');
  return `${w.followUp}: ${owner}${f.task.replace(/\s*\n\s*/g, ' ').trim()} (${details})`;
}

function wordBody(body: ReferatBody, locale: Locale): Omit<Referat, 'protocol'> {
  const w = referatWords(locale);
  const { substitutes, ...information } = body.information;
  const note = substitutes.length
    ? [w.substitutes(substitutes.map((p) => w.substituteFor(p.name, p.substituteFor))), information.note]
        .filter(Boolean)
        .join(' ')
    : information.note;
  return {
    audience: body.audience,
    locale,
    series: body.series,
    when: formatTimeRange(body.start, body.end, locale),
    location: body.location,
    information: composeInformationLine({ ...information, note }, locale),
    contentsTitle: w.contents,
    contents: body.contents.map((g) => ({
      category: g.category ? `${w.category} - ${g.category}` : w.none,
      items: g.items.map((i) => ({ number: i.number, title: titleOf(w, i) })),
    })),
    items: body.items.map((i) => {
      const title = titleOf(w, i);
      return {
        number: i.number,
        title,
        closed: i.closed,
        heading: `${w.item} ${i.number}: ${title}${i.durationMinutes ? ` (${i.durationMinutes} min)` : ''}`,
        decisionHeading: `${w.decision} ${i.number}: ${title}`,
        decision: i.decision,
        usedMinutes: i.usedMinutes,
        ...protocolLines(w, locale, i.protocol, i.number),
        followUps: i.followUps.map((f) => followUpLine(w, f)),
      };
    }),
  };
}

/**
 * The referat's content in words. A committee's protocol carries the checksum of its approved text: the
 * members' version in Danish, whatever this export's language and audience (ADR 006).
 */
export function wordReferat(content: ReferatContent, locale: Locale = 'da'): Referat {
  const body = wordBody(content, locale);
  if (!content.protocol) return body;
  const w = referatWords(locale);
  const { version, signatures, approved } = content.protocol;
  const approvedText = content.audience === 'members' && locale === 'da' ? body : wordBody(approved, 'da');
  const checksum = protocolChecksum(protocolText(approvedText));
  const lines = [
    ...(signatures.length
      ? [
          `${w.signed}: ${signatures
            .map((s) => `${s.name} (${formatDate(s.signedAt)} ${formatTime(s.signedAt)})`)
            .join(', ')}`,
        ]
      : []),
    w.version(version, checksum),
  ];
  return { ...body, protocol: { version, checksum, lines } };
}

/**
 * The referat (minutes) in the municipality's layout and words: header, Information line, "Indhold" by
 * category, then per item "Punkt N: Title" and "Beslutning for Punkt N: Title" with the decision, closed
 * items marked LUKKET PUNKT in the members' version. What it says is the domain's (referatContent); with
 * `committee` it is the beslutningsprotokol.
 */
export function buildReferat(
  meeting: Meeting,
  items: AgendaItem[],
  decisions: Decision[],
  absences: Absence[],
  options: { audience: Audience; followUps?: readonly FollowUp[] },
  locale: Locale = 'da',
  committee?: ReferatCommittee,
): Referat {
  return wordReferat(referatContent(meeting, items, decisions, absences, options, committee), locale);
}

/** The referat as plain text. */
export function renderReferatText(r: Referat): string {
  const w = referatWords(r.locale);
  const lines = [r.series, r.when, r.location, '', `${w.info}: ${r.information}`, '', r.contentsTitle];
  for (const group of r.contents) {
    lines.push(group.category);
    for (const i of group.items) lines.push(`  ${w.item} ${i.number}: ${i.title}`);
  }
  for (const i of r.items) {
    lines.push('', i.heading);
    if (i.usedMinutes !== undefined) lines.push(`(${w.used} ${i.usedMinutes} min)`);
    lines.push('', i.decisionHeading, '', i.decision);
    if (i.committeeLines.length) lines.push('', ...i.committeeLines);
    if (i.followUps.length) lines.push('', ...i.followUps);
  }
  if (r.protocol) lines.push('', ...r.protocol.lines);
  return `${lines.join('\n').trimEnd()}\n`;
}
