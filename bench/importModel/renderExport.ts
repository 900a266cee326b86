import type { CommitteeMeeting, ModelIndstilling, ModelItem, RaadmandMeeting } from './meetingModel';

/**
 * Renders a meeting as FirstAgenda-style text, line by line, each line tagged with what it is, so the
 * damage functions know where they may act and what a change destroys.
 */
export type LineRole =
  | 'blank'
  | 'series'
  | 'headDate'
  | 'location'
  | 'information'
  | 'informationLabelled'
  | 'tocTitle'
  | 'tocEntry'
  | 'category'
  | 'itemHeading'
  | 'decisionHeading'
  | 'closed'
  | 'decision'
  | 'table'
  | 'referat'
  | 'letterhead'
  | 'subject'
  | 'meetingDate'
  | 'meetingTime'
  | 'meetingPlace'
  | 'shortList'
  | 'sectionTitle'
  | 'sectionField'
  | 'sectionTime'
  | 'guestLine'
  | 'indstillingCover'
  | 'indstillingHead'
  | 'indstillingHeading'
  | 'indstillingPoint'
  | 'indstillingText'
  | 'indstillingTable'
  | 'bilagLine'
  | 'footer';

export interface Line {
  text: string;
  role: LineRole;
  /** The item the line belongs to. */
  item?: number;
  /** Set on a line made by breaking another: it is not broken again. */
  broken?: true;
  /** Lines of the second meeting in the file (a committee agenda attached to an item). */
  meeting?: 1;
}

export interface RaadmandLayout {
  toc: 'none' | 'commaTab' | 'tab' | 'dots';
  /** Where the categories are written: under each item heading, in the table of contents, or both. */
  categoriesIn: 'body' | 'toc' | 'both';
  /** Minutes: "Beslutning for Punkt N" under each item, or a Referat section after the agenda. */
  decisions: 'interleaved' | 'referat';
  blankAfterHeading: boolean;
  /** "Beslutning for Punkt 3: Title" or only "Beslutning for Punkt 3". */
  titleInDecisionHeading: boolean;
  timeSeparator: ':' | '.';
}

export interface CommitteeLayout {
  /** Where the letterhead and address block stand (a page break mid-letter flattens it between sections). */
  letterhead: 'none' | 'top' | 'afterShortList';
  numberedSections: boolean;
  timeSeparator: ':' | '.';
  /** "Tid: 18.15 – 18.18 (3 min.)" or only "Tid: 18.15 – 18.18". */
  minutesInTime: boolean;
  /** "Mødedato: 9. november 2022" or "Mødedato: Onsdag den 9. november 2022". */
  weekday: boolean;
}

const WEEKDAYS = ['Søndag', 'Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag'];
const weekdayOf = (iso: string) => WEEKDAYS[new Date(`${iso}T12:00:00Z`).getUTCDay()];

export const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

const [y, m, d] = [0, 1, 2];
export function longDate(iso: string): string {
  const p = iso.split('-').map(Number);
  return `${p[d]}. ${MONTHS[p[m] - 1]} ${p[y]}`;
}
const dmy = (iso: string) => iso.split('-').reverse().join('-');
const clock = (hhmm: string, sep: string) => hhmm.replace(':', sep);
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function listOf(names: string[], last = 'og'): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} ${last} ${names[names.length - 1]}`;
}

/** The Information line's sentences, each on its own line (as secretaries write it). */
export function informationLines(m: RaadmandMeeting): Line[] {
  const out: Line[] = [];
  if (m.absent.length) out.push({ text: `Afbud fra ${listOf(m.absent)}.`, role: 'information' });
  const referent =
    m.referentPhrasing === 'er referent'
      ? { text: `${listOf(m.referent)} er referent.`, role: 'information' as const }
      : m.referentPhrasing === 'tager referat'
        ? { text: `${listOf(m.referent)} tager referat.`, role: 'information' as const }
        : m.referentPhrasing === 'eller tager referat'
          ? { text: `${listOf(m.referent, 'eller')} tager referat.`, role: 'information' as const }
          : { text: `Referent: ${listOf(m.referent)}`, role: 'informationLabelled' as const };
  out.push(referent);
  if (m.guest) {
    const title = m.items[m.guest.item - 1].title;
    out.push({ text: `${m.guest.name} deltager under punktet "${title}".`, role: 'information' });
  }
  return out;
}

const SECTION_TITLES: Record<keyof ModelIndstilling['sections'], string> = {
  indledning: 'INDLEDNING',
  sagsfremstilling: 'SAGSFREMSTILLING',
  handlemuligheder: 'HANDLEMULIGHEDER/LØSNINGER',
  oekonomi: 'ØKONOMI',
  kommunikation: 'KOMMUNIKATION',
  videreProces: 'VIDERE PROCES',
  koordineretMed: 'KOORDINERET MED',
};

/**
 * An indstilling as the seeds print it after its item's heading: cover and date line (printed again at
 * a page break inside a section), title, INDSTILLING with "Det indstilles," and the numbered "at"-points,
 * the sections (a table flattened into one line per row), BILAG, and the footer's two columns flattened
 * into lines ("Afdeling Sagsbehandler: Navn" / "dato Tlf.: …" / "E-post: …").
 */
export function renderIndstilling(
  x: ModelIndstilling,
  date: string,
  minutes: number | null,
  item: number,
): Line[] {
  const mins = minutes ?? 10;
  const head: Line[] = [
    { text: `Indstilling til ${x.recipient}`, role: 'indstillingCover', item },
    {
      text:
        x.dateStyle === 'long'
          ? `${longDate(date)} - ${mins} min`
          : `${date.split('-').reverse().join('.')} - ${mins} minutter`,
      role: 'indstillingHead',
      item,
    },
  ];
  const lines: Line[] = [...head, blank(), { text: x.title, role: 'indstillingHead', item }, blank()];
  const section = (key: keyof ModelIndstilling['sections']) => {
    const paragraphs = x.sections[key];
    if (!paragraphs) return;
    lines.push({ text: SECTION_TITLES[key], role: 'indstillingHeading', item }, blank());
    paragraphs.forEach((p, k) => {
      for (const row of p.split('\n'))
        lines.push({ text: row, role: row.includes('\t') ? 'indstillingTable' : 'indstillingText', item });
      lines.push(blank());
      if (x.pageBreakIn === key && k === 0) lines.push(...head, blank());
    });
  };
  section('indledning');
  lines.push({ text: 'INDSTILLING', role: 'indstillingHeading', item }, blank(), {
    text: 'Det indstilles,',
    role: 'indstillingHeading',
    item,
  });
  x.points.forEach((point, k) => {
    const n = k + 1;
    const text =
      x.pointStyle === 'dot'
        ? `${n}. at ${point}`
        : x.pointStyle === 'paren'
          ? `${n}) at ${point}`
          : `At ${n}) ${point}`;
    lines.push({ text, role: 'indstillingPoint', item }, blank());
  });
  for (const key of [
    'sagsfremstilling',
    'handlemuligheder',
    'oekonomi',
    'kommunikation',
    'videreProces',
    'koordineretMed',
  ] as const)
    section(key);
  lines.push({ text: 'BILAG', role: 'indstillingHeading', item });
  x.bilag.forEach((b, k) => lines.push({ text: `Bilag ${k + 1}: ${b}`, role: 'bilagLine', item }));
  const c = x.caseWorker;
  lines.push(
    blank(),
    { text: `${c.department} Sagsbehandler: ${c.name}`, role: 'footer', item },
    { text: `${longDate(c.date)} Tlf.: ${c.phone}`, role: 'footer', item },
    blank(),
    { text: `E-post: ${c.email}`, role: 'footer', item },
  );
  return lines;
}

const withMinutes = (i: ModelItem) => (i.minutes === null ? i.title : `${i.title} (${i.minutes} min)`);
const blank = (): Line => ({ text: '', role: 'blank' });

/**
 * A rådmandsmøde; `attached` (a committee agenda, as the secretariat attaches the committee's letter to
 * "Orientering om udvalget") is printed under the heading of item `attachedTo`.
 */
export function renderRaadmand(
  m: RaadmandMeeting,
  layout: RaadmandLayout,
  attached: { lines: Line[]; to: number } | null = null,
): Line[] {
  const sep = layout.timeSeparator;
  const info = informationLines(m);
  const lines: Line[] = [
    { text: m.series, role: 'series' },
    blank(),
    { text: `${dmy(m.date)} ${clock(m.start, sep)} - ${clock(m.end, sep)}`, role: 'headDate' },
    { text: m.location, role: 'location' },
    blank(),
    { ...info[0], text: `Information:${info[0].text}` },
    ...info.slice(1),
    blank(),
  ];
  if (layout.toc !== 'none') {
    lines.push({ text: 'Indhold', role: 'tocTitle' }, blank());
    let category: string | null = null;
    m.items.forEach((item, k) => {
      if (layout.categoriesIn !== 'body' && item.category && item.category !== category) {
        lines.push({ text: `Kategori - ${item.category}`, role: 'category', item: item.number });
        category = item.category;
      }
      const page = 2 + Math.floor(k / 3);
      const entry = `Punkt ${item.number}: ${withMinutes(item)}`;
      const text =
        layout.toc === 'commaTab'
          ? `${entry},\t${page}`
          : layout.toc === 'tab'
            ? `${entry}\t${page}`
            : `${entry} ${'.'.repeat(12)} ${page}`;
      lines.push({ text, role: 'tocEntry', item: item.number });
      // A clean export lists each item's decision too, as a line of its own.
      if (m.minutes && layout.decisions === 'interleaved') {
        const decision = `Beslutning for Punkt ${item.number}: ${item.title}`;
        lines.push({
          text: layout.toc === 'dots' ? `${decision} ${'.'.repeat(12)} ${page}` : `${decision},\t${page}`,
          role: 'tocEntry',
          item: item.number,
        });
      }
    });
    lines.push(blank());
  }
  const categoriesInBody = layout.toc === 'none' || layout.categoriesIn !== 'toc';
  const heading = (item: ModelItem) => {
    lines.push({
      text: `Punkt ${item.number}: ${withMinutes(item)}`,
      role: 'itemHeading',
      item: item.number,
    });
    if (layout.blankAfterHeading) lines.push(blank());
  };
  const notes = (item: ModelItem) => {
    if (categoriesInBody && item.category)
      lines.push({ text: `Kategori - ${item.category}`, role: 'category', item: item.number });
    if (item.closed) lines.push({ text: 'LUKKET PUNKT', role: 'closed', item: item.number });
    lines.push(blank());
    if (attached && attached.to === item.number) lines.push(...attached.lines, blank());
    else if (item.indstilling)
      lines.push(...renderIndstilling(item.indstilling, m.date, item.minutes, item.number), blank());
  };
  const decision = (item: ModelItem) => {
    for (const paragraph of item.decision ?? []) {
      for (const row of paragraph.split('\n'))
        lines.push({ text: row, role: row.includes('\t') ? 'table' : 'decision', item: item.number });
      lines.push(blank());
    }
  };
  if (m.minutes && layout.decisions === 'interleaved') {
    for (const item of m.items) {
      heading(item);
      notes(item);
      lines.push({
        text: layout.titleInDecisionHeading
          ? `Beslutning for Punkt ${item.number}: ${item.title}`
          : `Beslutning for Punkt ${item.number}`,
        role: 'decisionHeading',
        item: item.number,
      });
      if (layout.blankAfterHeading) lines.push(blank());
      decision(item);
    }
  } else {
    for (const item of m.items) {
      heading(item);
      notes(item);
    }
    if (m.minutes) {
      lines.push({ text: 'Referat', role: 'referat' }, blank());
      for (const item of m.items) {
        heading(item);
        decision(item);
      }
    }
  }
  return lines;
}

/** An earlier meeting's head and minutes, as printed under "Punkt 2: Referat" of the next agenda. */
export function renderPreviousReferat(m: RaadmandMeeting, sep: ':' | '.'): Line[] {
  const info = informationLines(m);
  const lines: Line[] = [
    { text: m.series, role: 'series' },
    { text: `${dmy(m.date)} ${clock(m.start, sep)} - ${clock(m.end, sep)}`, role: 'headDate' },
    { text: m.location, role: 'location' },
    blank(),
    { ...info[0], text: `Information:${info[0].text}` },
    ...info.slice(1),
    { text: 'Referat', role: 'referat' },
  ];
  for (const item of m.items) {
    lines.push({
      text: `Punkt ${item.number}: ${withMinutes(item)}`,
      role: 'itemHeading',
      item: item.number,
    });
    for (const paragraph of item.decision ?? []) {
      for (const row of paragraph.split('\n'))
        lines.push({ text: row, role: row.includes('\t') ? 'table' : 'decision', item: item.number });
      lines.push(blank());
    }
  }
  return lines;
}

const LETTERHEAD = [
  'SOCIALE FORHOLD OG',
  'BESKÆFTIGELSE',
  '',
  'Aarhus Kommune',
  '',
  'Telefon: 89 40 20 00',
  'Direkte e-mail:',
  'sobrj@aarhus.dk',
  '',
  'Sag: EMN-2024-027961',
  'Sagsbehandler:',
  '',
];

export function renderCommittee(m: CommitteeMeeting, layout: CommitteeLayout): Line[] {
  const sep = layout.timeSeparator;
  const lines: Line[] = [];
  const letterhead = () => {
    for (const text of LETTERHEAD) lines.push(text ? { text, role: 'letterhead' } : blank());
  };
  if (layout.letterhead === 'top') letterhead();
  lines.push(
    { text: `Emne: ${m.subject}`, role: 'subject' },
    blank(),
    {
      text: `Mødedato: ${layout.weekday ? `${weekdayOf(m.date)} den ` : ''}${longDate(m.date)}`,
      role: 'meetingDate',
    },
    blank(),
    { text: `Mødetid: Kl. ${clock(m.start, sep)} - ${clock(m.end, sep)}`, role: 'meetingTime' },
    blank(),
    { text: `Mødested: ${m.location}`, role: 'meetingPlace' },
    blank(),
    { text: 'Dagsorden kort:', role: 'shortList' },
  );
  for (const item of m.items)
    lines.push({ text: `${item.number}. ${item.title}`, role: 'shortList', item: item.number });
  lines.push(blank());
  let at = minutesOf(m.start);
  for (const item of m.items) {
    const n = item.number;
    const title = layout.numberedSections ? `${n}. ${item.title}` : item.title;
    lines.push({ text: title, role: 'sectionTitle', item: n }, blank());
    lines.push({ text: `Baggrund/formål: Udvalget orienteres om punktet.`, role: 'sectionField', item: n });
    if (item.guests.length === 1)
      lines.push({ text: `${item.guests[0]} deltager under punktet.`, role: 'guestLine', item: n });
    else if (item.guests.length > 1)
      lines.push(blank(), {
        text: `${listOf(item.guests)} deltager i forbindelse med udvalgets behandling af sagen.`,
        role: 'guestLine',
        item: n,
      });
    lines.push(
      blank(),
      { text: 'Ansvarlig: Eva Borchorst Mejnertz', role: 'sectionField', item: n },
      blank(),
    );
    const from = at;
    at += item.minutes ?? 0;
    lines.push(
      {
        text: `Tid: ${clock(hhmm(from), sep)} - ${clock(hhmm(at), sep)}${layout.minutesInTime ? ` (${item.minutes} min.)` : ''}`,
        role: 'sectionTime',
        item: n,
      },
      blank(),
      { text: 'Bilag:', role: 'sectionField', item: n },
      { text: '- Indstilling', role: 'sectionField', item: n },
      blank(),
    );
  }
  return lines;
}
