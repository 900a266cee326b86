import { formatLongDate, formatMeetingWhen, localDate, type Locale } from '../domain/format';
import {
  BILAG_HEADING,
  indstillingText,
  POINTS_HEADING,
  SECTION_HEADINGS,
  coverHeading,
  RECIPIENTS,
} from '../domain/indstilling/indstilling';
import type { Meeting } from '../domain/meeting';
import type { PackageKind, PackagePlan, PlannedItem } from '../domain/meetingPackage';

/** Why a bilag is named in the package instead of being in it. */
export type LeftOutReason = 'notConvertible' | 'unreadable' | 'unavailable';

/**
 * The package's own words (the document's; the buttons' are in src/ui/i18n). The indstilling itself is
 * printed in the template's Danish whatever the language, as the case worker wrote it.
 */
const WORDS = {
  da: {
    fileName: (kind: PackageKind, day: string) =>
      kind === 'public' ? `Offentlig mødemappe ${day}.pdf` : `Mødemappe ${day}.pdf`,
    edition: { reader: 'Mødemappe', public: 'Mødemappe – offentlig udgave' } as Record<PackageKind, string>,
    information: 'Information',
    contents: 'Indhold',
    item: 'Punkt',
    closed: 'LUKKET PUNKT',
    withheld: 'Lukket punkt',
    withheldNote: 'Punktet er lukket og er ikke med i den offentlige udgave.',
    noIndstilling: 'Punktet har ingen indstilling.',
    indstillingUnreadable: 'Indstillingen kunne ikke læses og er ikke med.',
    bilagHeading: 'Bilag i mødemappen',
    bilagEntry: (name: string) => `Bilag: ${name}`,
    noItems: 'Der er ingen punkter i mødemappen.',
    leftOut: (name: string) => `${name} – ikke med i mødemappen`,
    leftOutNote: {
      notConvertible: 'Filen kan ikke laves om til PDF. Hent den fra punktet på mødesiden.',
      unreadable: 'Filen kunne ikke læses som PDF. Hent den fra punktet på mødesiden.',
      unavailable: 'Filen kunne ikke hentes, da mødemappen blev lavet. Hent den fra punktet på mødesiden.',
    } as Record<LeftOutReason, string>,
    page: (n: number, of: number) => `Side ${n} af ${of}`,
  },
  en: {
    fileName: (kind: PackageKind, day: string) =>
      kind === 'public' ? `Public meeting pack ${day}.pdf` : `Meeting pack ${day}.pdf`,
    edition: { reader: 'Meeting pack', public: 'Meeting pack – public version' } as Record<
      PackageKind,
      string
    >,
    information: 'Information',
    contents: 'Contents',
    item: 'Item',
    closed: 'CLOSED ITEM',
    withheld: 'Closed item',
    withheldNote: 'The item is closed and is not part of the public version.',
    noIndstilling: 'The item has no recommendation.',
    indstillingUnreadable: 'The recommendation could not be read and is left out.',
    bilagHeading: 'Attachments in this pack',
    bilagEntry: (name: string) => `Attachment: ${name}`,
    noItems: 'The meeting pack has no items.',
    leftOut: (name: string) => `${name} – not in the meeting pack`,
    leftOutNote: {
      notConvertible: 'The file cannot be turned into PDF. Download it from the item on the meeting page.',
      unreadable: 'The file could not be read as PDF. Download it from the item on the meeting page.',
      unavailable:
        'The file could not be fetched when the pack was made. Download it from the item on the meeting page.',
    } as Record<LeftOutReason, string>,
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} as const;

export type PackageWords = (typeof WORDS)[Locale];
export const packageWords = (locale: Locale): PackageWords => WORDS[locale];

/** A block of the indstilling's text: a heading of the template or a paragraph. */
export interface PackageBlock {
  kind: 'heading' | 'paragraph';
  text: string;
}

/** A bilag as the renderer gets it: its pages (a PDF or an image) or its name and why it is not there. */
export type PackageBilag =
  | { name: string; pdf: Uint8Array }
  | { name: string; image: Uint8Array; type: 'png' | 'jpg' }
  | { name: string; leftOut: LeftOutReason };

export interface PackageSection {
  number: number;
  /** "Punkt 3: Budget (10 min)", "Punkt 4: LUKKET PUNKT – Personalesag", "Punkt 4: Lukket punkt". */
  heading: string;
  /** The indstilling's blocks, or one paragraph saying why there is none. */
  blocks: PackageBlock[];
  bilag: PackageBilag[];
}

/** The package in words, for a renderer (src/adapters/documents/meetingPackagePdf.ts) to lay out. */
export interface PackageDocument {
  locale: Locale;
  kind: PackageKind;
  fileName: string;
  /** Document title (metadata and window title). */
  title: string;
  cover: { series: string; edition: string; when: string; location: string; information: string };
  sections: PackageSection[];
  words: PackageWords;
}

const TEMPLATE_HEADINGS = new Set<string>([
  ...Object.values(SECTION_HEADINGS),
  POINTS_HEADING,
  BILAG_HEADING,
  ...RECIPIENTS.map((r) => coverHeading(r)),
  coverHeading(null),
]);

/** The indstilling's printed text (the template's order) as headings and paragraphs. */
export function indstillingBlocks(text: string): PackageBlock[] {
  const blocks: PackageBlock[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    if (TEMPLATE_HEADINGS.has(lines[0].trim())) {
      blocks.push({ kind: 'heading', text: lines[0].trim() });
      lines.shift();
    }
    for (const line of lines) blocks.push({ kind: 'paragraph', text: line });
  }
  return blocks;
}

function headingOf(w: PackageWords, i: PlannedItem): string {
  if (i.withheld) return `${w.item} ${i.number}: ${w.withheld}`;
  const title = i.closed ? `${w.closed} – ${i.title}` : i.title;
  return `${w.item} ${i.number}: ${title}${i.durationMinutes ? ` (${i.durationMinutes} min)` : ''}`;
}

function blocksOf(w: PackageWords, i: PlannedItem, locale: Locale): PackageBlock[] {
  if (i.withheld) return [{ kind: 'paragraph', text: w.withheldNote }];
  if (i.indstilling)
    return indstillingBlocks(indstillingText(i.indstilling, (iso) => formatLongDate(iso, locale)));
  return [{ kind: 'paragraph', text: i.indstillingUnreadable ? w.indstillingUnreadable : w.noIndstilling }];
}

/**
 * The package's words for a plan: cover (series, edition, time, place, the Information line as the reader's
 * page shows it), and per item its heading and indstilling. The bilag are the use case's to fetch.
 */
export function wordPackage(
  plan: PackagePlan,
  meeting: Pick<Meeting, 'series' | 'title' | 'start' | 'end' | 'location'>,
  information: string,
  locale: Locale = 'da',
): Omit<PackageDocument, 'sections'> & { sections: Array<Omit<PackageSection, 'bilag'>> } {
  const w = packageWords(locale);
  const series = meeting.series || meeting.title;
  return {
    locale,
    kind: plan.kind,
    fileName: w.fileName(plan.kind, localDate(meeting.start)),
    title: `${w.edition[plan.kind]} – ${series} ${formatLongDate(meeting.start, locale)}`,
    cover: {
      series,
      edition: w.edition[plan.kind],
      when: formatMeetingWhen(meeting.start, meeting.end, locale),
      location: meeting.location,
      information,
    },
    sections: plan.items.map((i) => ({
      number: i.number,
      heading: headingOf(w, i),
      blocks: blocksOf(w, i, locale),
    })),
    words: w,
  };
}
