import type { Absence } from './absence';
import type { AgendaItem } from './agendaItem';
import { absentDuringItem, isInhabil, itemParticipants, meetingAttendance } from './committee/attendance';
import { protocolChecksum, protocolText } from './committee/protocol';
import type { CommitteeRecord, CommitteeSettings } from './committee/types';
import { voteOn, voteResult } from './committee/votes';
import type { Decision } from './decision';
import { formatDueDate, type FollowUp } from './followUp';
import { formatDate, formatTime, formatTimeRange, type Locale } from './format';
import { composeInformationLine } from './information';
import type { Meeting } from './meeting';
import { sameUpn } from './person';
import { joinList } from './text';

export type Audience = 'public' | 'members';

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

/** What buildReferat needs for a committee meeting's beslutningsprotokol. */
export interface ReferatCommittee {
  settings: CommitteeSettings;
  record: CommitteeRecord;
  /** The afbud that decide attendance; the referat's own absences when left out. */
  absences?: Absence[];
}

const WORDS = {
  da: {
    item: 'Punkt',
    decision: 'Beslutning for Punkt',
    contents: 'Indhold',
    category: 'Kategori',
    none: 'Øvrige punkter',
    closed: 'LUKKET PUNKT',
    closedHidden: 'Lukket punkt',
    used: 'brugt',
    info: 'Information',
    for: 'For stemte',
    against: 'Imod stemte',
    abstained: 'Undlod at stemme',
    result: 'Resultat',
    Vedtaget: 'Vedtaget',
    Forkastet: 'Forkastet',
    voteCaption: (n: number) => `Afstemning om punkt ${n}`,
    voteColumns: ['Stemme', 'Navne (antal)'] as [string, string],
    inhabil: (name: string) => `${name} deltog ikke i behandlingen af punktet på grund af inhabilitet.`,
    tilfoersel: (name: string, text: string) => `${name} ønskede følgende ført til protokol: ${text}`,
    absent: 'Fraværende under punktet',
    signed: 'Underskrevet af',
    version: (v: number, sum: string) => `Protokolversion ${v}, kontrolsum ${sum}`,
    substitutes: (names: string[]) => `${joinList(names, 'da')} deltager.`,
    substituteFor: (sub: string, member: string) => `${sub} (stedfortræder for ${member})`,
    followUp: 'Opfølgning',
    due: 'frist',
    status: { Åben: 'Åben', 'I gang': 'I gang', Afsluttet: 'Afsluttet' } as Record<string, string>,
  },
  en: {
    item: 'Item',
    decision: 'Decision for Item',
    contents: 'Contents',
    category: 'Category',
    none: 'Other items',
    closed: 'CLOSED ITEM',
    closedHidden: 'Closed item',
    used: 'used',
    info: 'Information',
    for: 'Voted for',
    against: 'Voted against',
    abstained: 'Abstained',
    result: 'Result',
    Vedtaget: 'Adopted',
    Forkastet: 'Rejected',
    voteCaption: (n: number) => `Vote on item ${n}`,
    voteColumns: ['Vote', 'Names (count)'] as [string, string],
    inhabil: (name: string) => `${name} took no part in the item because of disqualification (inhabilitet).`,
    tilfoersel: (name: string, text: string) =>
      `${name} asked for the following to be entered in the minutes: ${text}`,
    absent: 'Absent during the item',
    signed: 'Signed by',
    version: (v: number, sum: string) => `Protocol version ${v}, checksum ${sum}`,
    substitutes: (names: string[]) => `${joinList(names, 'en')} attend${names.length === 1 ? 's' : ''}.`,
    substituteFor: (sub: string, member: string) => `${sub} (substitute for ${member})`,
    followUp: 'Follow-up',
    due: 'due',
    status: { Åben: 'Open', 'I gang': 'In progress', Afsluttet: 'Done' } as Record<string, string>,
  },
} as const;

type Words = (typeof WORDS)[Locale];

/** The referat's own words in a language, for the document renderers (src/adapters/documents). */
export const referatWords = (locale: Locale): Words => WORDS[locale];

/** The beslutningsprotokol's lines under one item (and its vote as a table). */
function committeeItem(
  w: Words,
  locale: Locale,
  c: Required<ReferatCommittee>,
  itemNumber: number,
): Pick<ReferatItem, 'committeeLines' | 'voteTable'> {
  const { settings, record, absences } = c;
  const lines: string[] = [];
  const away = absentDuringItem(settings, record, absences, itemNumber);
  if (away.length) lines.push(`${w.absent}: ${joinList(away, locale)}`);
  const attending = meetingAttendance(settings, absences);
  const nameOf = (upn: string) =>
    attending.find((p) => sameUpn(p.upn, upn))?.name ??
    settings.members.find((m) => sameUpn(m.person.upn, upn))?.person.name ??
    upn;
  const inhabil = attending.filter((p) => isInhabil(record, p.upn, itemNumber));
  for (const p of inhabil) lines.push(w.inhabil(p.name));
  const vote = voteOn(record, itemNumber);
  let voteTable: VoteTable | undefined;
  if (vote) {
    const result = voteResult(vote, itemParticipants(settings, record, absences, itemNumber));
    const rows = (
      [
        [w.for, result.for],
        [w.against, result.imod],
        [w.abstained, result.undlod],
      ] as const
    )
      .filter(([, names]) => names.length)
      .map(([label, names]) => ({ label, names: joinList([...names], locale), count: names.length }));
    voteTable = { caption: w.voteCaption(itemNumber), columns: w.voteColumns, rows, at: lines.length };
    for (const row of rows) lines.push(`${row.label}: ${row.names} (${row.count})`);
    lines.push(`${w.result}: ${w[result.result]}`);
  }
  // A member may change her tilførsel until she signs: her latest text is the one entered.
  const latest = new Map<string, CommitteeRecord['tilfoersler'][number]>();
  for (const t of [...record.tilfoersler]
    .filter((t) => t.itemNumber === itemNumber)
    .sort((a, b) => a.writtenAt.localeCompare(b.writtenAt)))
    latest.set(t.member.trim().toLowerCase(), t);
  for (const t of latest.values())
    lines.push(w.tilfoersel(nameOf(t.member), t.text.replace(/\s*\n\s*/g, ' ').trim()));
  return { committeeLines: lines, voteTable };
}

/** "Opfølgning: FAS – FAS følger op. (frist 09.12.2026, Åben)" */
function followUpLine(w: Words, f: FollowUp): string {
  const owner = f.owners.length ? `${f.owners.join(', ')} – ` : '';
  const due = formatDueDate(f.due);
  const details = [due && `${w.due} ${due}`, w.status[f.status] ?? f.status].filter(Boolean).join(', ');
  return `${w.followUp}: ${owner}${f.task.replace(/\s*\n\s*/g, ' ').trim()} (${details})`;
}

function buildBody(
  meeting: Meeting,
  items: AgendaItem[],
  decisions: Decision[],
  absences: Absence[],
  audience: Audience,
  locale: Locale,
  committee: Required<ReferatCommittee> | undefined,
  followUps: readonly FollowUp[] = [],
): Omit<Referat, 'protocol'> {
  const w = WORDS[locale];
  const publication = (i: AgendaItem) =>
    committee?.record.publication?.find((p) => p.itemNumber === i.number) ?? {
      publishTitle: false,
      publishDecision: false,
    };
  // Committees publish closed items as far as confidentiality allows; other meetings leave them out.
  const shown = [...items]
    .sort((a, b) => a.number - b.number)
    .filter((i) => audience === 'members' || !i.closed || committee);
  const hidden = (i: AgendaItem) => audience === 'public' && i.closed;
  const decisionOf = new Map(decisions.map((d) => [d.itemNumber, d.text]));
  const used = meeting.timer?.usedSeconds ?? {};
  const title = (i: AgendaItem) =>
    !i.closed
      ? i.title
      : hidden(i) && !publication(i).publishTitle
        ? w.closedHidden
        : `${w.closed} – ${i.title}`;
  // One order everywhere: the contents follow the numbers; a category heading starts where it changes.
  const contents: Referat['contents'] = [];
  for (const i of shown) {
    const category = i.category ? `${w.category} - ${i.category}` : w.none;
    const last = contents[contents.length - 1];
    if (last?.category === category) last.items.push({ number: i.number, title: title(i) });
    else contents.push({ category, items: [{ number: i.number, title: title(i) }] });
  }
  let note = meeting.informationNote;
  let informationAbsences = absences;
  if (committee) {
    const subs = meetingAttendance(committee.settings, committee.absences).filter((p) => p.asSubstituteFor);
    if (subs.length)
      note = [w.substitutes(subs.map((p) => w.substituteFor(p.name, p.asSubstituteFor!.name))), note]
        .filter(Boolean)
        .join(' ');
    // The standing substitute is named in the sentence above, not again after the afbud.
    informationAbsences = absences.map((a) =>
      subs.some((p) => sameUpn(p.asSubstituteFor!.upn, a.person.upn)) ? { ...a, substitute: undefined } : a,
    );
  }
  return {
    audience,
    locale,
    series: meeting.series,
    when: formatTimeRange(meeting.start, meeting.end, locale),
    location: meeting.location,
    information: composeInformationLine(
      {
        absences: informationAbsences,
        referent: meeting.referent,
        items: audience === 'members' ? items : items.filter((i) => !i.closed),
        note,
      },
      locale,
    ),
    contentsTitle: w.contents,
    contents,
    items: shown.map((i) => {
      const withheld = hidden(i) && !publication(i).publishDecision;
      return {
        number: i.number,
        title: title(i),
        closed: i.closed,
        heading: `${w.item} ${i.number}: ${title(i)}${i.durationMinutes ? ` (${i.durationMinutes} min)` : ''}`,
        decisionHeading: `${w.decision} ${i.number}: ${title(i)}`,
        decision: withheld ? '' : (decisionOf.get(i.number) ?? '').trim(),
        usedMinutes: used[i.number] !== undefined ? Math.round(used[i.number] / 60) : undefined,
        ...(committee && !withheld ? committeeItem(w, locale, committee, i.number) : { committeeLines: [] }),
        followUps: withheld
          ? []
          : followUps.filter((f) => f.itemNumber === i.number).map((f) => followUpLine(w, f)),
      };
    }),
  };
}

/**
 * The referat (minutes) in the municipality's layout: header, Information line, "Indhold" by category,
 * then per item "Punkt N: Title" and "Beslutning for Punkt N: Title" with the decision. The public
 * version leaves closed items out (the other numbers stay as printed); the members' version keeps them,
 * marked LUKKET PUNKT.
 *
 * With `committee` it is the beslutningsprotokol: under each item the absences during it, inhabilitet,
 * the vote by name and its result, and the protokoltilførsler; substitutes in the Information line; at the
 * end the signatures and the protocol's version and checksum. Its public version shows closed items too,
 * as "Lukket punkt" or by title, with the decision only where the organizer marked it publishable
 * (CommitteeRecord.publication).
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
  const c = committee && { ...committee, absences: committee.absences ?? absences };
  const body = buildBody(meeting, items, decisions, absences, options.audience, locale, c, options.followUps);
  if (!c) return body;
  const w = WORDS[locale];
  const approved =
    options.audience === 'members' && locale === 'da'
      ? body
      : buildBody(meeting, items, decisions, absences, 'members', 'da', c);
  const checksum = protocolChecksum(protocolText(approved));
  const signatures = [...c.record.signatures]
    .filter((s) => s.version === c.record.version)
    .sort((a, b) => a.signedAt.localeCompare(b.signedAt));
  const attending = meetingAttendance(c.settings, c.absences);
  const nameOf = (upn: string) => attending.find((p) => sameUpn(p.upn, upn))?.name ?? upn;
  const lines = [
    ...(signatures.length
      ? [
          `${w.signed}: ${signatures
            .map((s) => `${nameOf(s.member)} (${formatDate(s.signedAt)} ${formatTime(s.signedAt)})`)
            .join(', ')}`,
        ]
      : []),
    w.version(c.record.version, checksum),
  ];
  return { ...body, protocol: { version: c.record.version, checksum, lines } };
}

export function renderReferatText(r: Referat): string {
  const w = WORDS[r.locale];
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
