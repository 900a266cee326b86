import type { Absence } from './absence';
import { CATEGORIES, type AgendaItem } from './agendaItem';
import type { Decision } from './decision';
import { formatTimeRange, type Locale } from './format';
import { composeInformationLine } from './information';
import type { Meeting } from './meeting';
import { escapeHtml } from './text';

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
  /** The vote as a table (the public protocol's HTML and PDF): rows with their label, names and count. */
  voteTable?: { caption: string; rows: Array<{ label: string; names: string; count: number }> };
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
}

const WORDS = {
  da: {
    item: 'Punkt',
    decision: 'Beslutning for Punkt',
    contents: 'Indhold',
    category: 'Kategori',
    none: 'Øvrige punkter',
    closed: 'LUKKET PUNKT',
    used: 'brugt',
    info: 'Information',
  },
  en: {
    item: 'Item',
    decision: 'Decision for Item',
    contents: 'Contents',
    category: 'Category',
    none: 'Other items',
    closed: 'CLOSED ITEM',
    used: 'used',
    info: 'Information',
  },
} as const;

/**
 * The referat (minutes) in the municipality's layout: header, Information line, "Indhold" by category,
 * then per item "Punkt N: Title" and "Beslutning for Punkt N: Title" with the decision. The public
 * version leaves closed items out (the other numbers stay as printed); the members' version keeps them,
 * marked LUKKET PUNKT.
 */
export function buildReferat(
  meeting: Meeting,
  items: AgendaItem[],
  decisions: Decision[],
  absences: Absence[],
  options: { audience: Audience },
  locale: Locale = 'da',
): Referat {
  const w = WORDS[locale];
  const shown = [...items]
    .sort((a, b) => a.number - b.number)
    .filter((i) => options.audience === 'members' || !i.closed);
  const decisionOf = new Map(decisions.map((d) => [d.itemNumber, d.text]));
  const used = meeting.timer?.usedSeconds ?? {};
  const title = (i: AgendaItem) => (i.closed ? `${w.closed} – ${i.title}` : i.title);
  const contents: Referat['contents'] = [];
  for (const category of [...CATEGORIES, null]) {
    const inCategory = shown.filter((i) => i.category === category);
    if (!inCategory.length) continue;
    contents.push({
      category: category ? `${w.category} - ${category}` : w.none,
      items: inCategory.map((i) => ({ number: i.number, title: title(i) })),
    });
  }
  return {
    audience: options.audience,
    locale,
    series: meeting.series,
    when: formatTimeRange(meeting.start, meeting.end, locale),
    location: meeting.location,
    information: composeInformationLine(
      {
        absences,
        referent: meeting.referent,
        items: options.audience === 'members' ? items : items.filter((i) => !i.closed),
        note: meeting.informationNote,
      },
      locale,
    ),
    contentsTitle: w.contents,
    contents,
    items: shown.map((i) => ({
      number: i.number,
      title: title(i),
      closed: i.closed,
      heading: `${w.item} ${i.number}: ${title(i)}${i.durationMinutes ? ` (${i.durationMinutes} min)` : ''}`,
      decisionHeading: `${w.decision} ${i.number}: ${title(i)}`,
      decision: (decisionOf.get(i.number) ?? '').trim(),
      usedMinutes: used[i.number] !== undefined ? Math.round(used[i.number] / 60) : undefined,
      committeeLines: [],
    })),
  };
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
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');

/** Simple semantic HTML; every text escaped. */
export function renderReferatHtml(r: Referat): string {
  const w = WORDS[r.locale];
  const toc = r.contents
    .map(
      (g) =>
        `<h3>${escapeHtml(g.category)}</h3><ul>${g.items.map((i) => `<li>${w.item} ${i.number}: ${escapeHtml(i.title)}</li>`).join('')}</ul>`,
    )
    .join('');
  const items = r.items
    .map(
      (i) =>
        `<section><h2>${escapeHtml(i.heading)}</h2>` +
        (i.usedMinutes !== undefined ? `<p>(${w.used} ${i.usedMinutes} min)</p>` : '') +
        `<h3>${escapeHtml(i.decisionHeading)}</h3>${paragraphs(i.decision)}</section>`,
    )
    .join('');
  return (
    `<article lang="${r.locale}"><header><h1>${escapeHtml(r.series)}</h1><p>${escapeHtml(r.when)}</p>` +
    `<p>${escapeHtml(r.location)}</p><p><strong>${w.info}:</strong> ${escapeHtml(r.information)}</p></header>` +
    `<nav aria-label="${r.contentsTitle}"><h2>${r.contentsTitle}</h2>${toc}</nav>${items}</article>`
  );
}
