import fc from 'fast-check';
import { CATEGORIES, type Category } from '../../src/domain/agendaItem';

/**
 * The meeting a generated export is rendered from: what the import must give back. Text is written the
 * way a secretary writes it (æ, ø, å intact); damage happens later, to the rendered text.
 */
export interface ModelFollowUp {
  owners: string[];
  /** The sentence as rendered into the decision. */
  sentence: string;
}

/**
 * An item's indstilling as the secretariat attaches it to the agenda (rådmandsmøder only): the cover
 * "Indstilling til …", its date line, the title, the "at"-points, some of the template's sections (each
 * a list of paragraphs; a table is a paragraph of tab-separated rows), the bilag and the footer.
 */
export interface ModelIndstilling {
  recipient: 'rådmanden' | 'rådmandsmødet' | 'udvalget';
  /** "20. februar 2024 - 10 min", "20.02.2024 - 10 minutter". */
  dateStyle: 'long' | 'dotted';
  title: string;
  points: string[];
  /** Point numbering: "1. at …", "1) at …", "At 1) …". */
  pointStyle: 'dot' | 'paren' | 'at';
  sections: Partial<
    Record<
      | 'indledning'
      | 'sagsfremstilling'
      | 'handlemuligheder'
      | 'oekonomi'
      | 'kommunikation'
      | 'videreProces'
      | 'koordineretMed',
      string[]
    >
  >;
  /** The cover and date line printed again inside this section, as a page break does. */
  pageBreakIn: string | null;
  bilag: string[];
  caseWorker: { department: string; name: string; phone: string; email: string; date: string };
}

export interface ModelItem {
  number: number;
  title: string;
  category: Category | null;
  minutes: number | null;
  /** Paragraphs of the decision (minutes only). */
  decision: string[] | null;
  followUps: ModelFollowUp[];
  closed: boolean;
  /**
   * Committee agendas: people who take part in this item only; one "Role Name" ("… deltager under
   * punktet."), or several "Role, Name" ("… og … deltager i forbindelse med udvalgets behandling af sagen.").
   */
  guests: string[];
  indstilling: ModelIndstilling | null;
}

export type ReferentPhrasing = 'er referent' | 'tager referat' | 'eller tager referat' | 'Referent:';

export interface RaadmandMeeting {
  kind: 'raadmand';
  series: string;
  date: string;
  start: string;
  end: string;
  location: string;
  absent: string[];
  referent: string[];
  referentPhrasing: ReferentPhrasing;
  /** A guest on one item, named in the Information line. */
  guest: { name: string; item: number } | null;
  items: ModelItem[];
  minutes: boolean;
}

export interface CommitteeMeeting {
  kind: 'committee';
  subject: string;
  date: string;
  start: string;
  end: string;
  location: string;
  items: ModelItem[];
}

export type ModelMeeting = RaadmandMeeting | CommitteeMeeting;

const FIRST = [
  'Mads',
  'Sofie',
  'Anders',
  'Louise',
  'Erik',
  'Kamilla',
  'Søren',
  'Åse',
  'Bjørn',
  'Mette',
  'Ærle',
  'Jørgen',
];
const LAST = [
  'Holm',
  'Dalsgaard',
  'Rohde',
  'Kaastrup-Hansen',
  'Sørensen',
  'Lund',
  'Kragh',
  'Bæk',
  'Ågård',
  'Justesen',
];
const ROLES = ['Stabschef', 'Driftschef', 'Konsulent', 'Økonomichef', 'Centerchef'];
const UNITS = ['Kommunikation', 'Fagligt Sekretariat', 'FAS', 'Økonomi', 'Jobcentret', 'Ældreplejen'];
const STANDING = [
  'Dagsorden',
  'Referat',
  'Orientering fra Magistraten',
  'Orientering om udvalget',
  'Bordrunde',
];
/** Words of titles and decisions; none is a keyword of the format, none ends a title. */
const NOUNS = [
  'budget',
  'budgettemadrøftelser',
  'investeringsmodeller',
  'beskæftigelsesindsatsen',
  'udsatte',
  'ældreboliger',
  'integrationshandleplan',
  'kriminalpræventive',
  'området',
  'fællesskaber',
  'nøgletal',
  'årsrapport',
  'socialtilsynet',
  'plejehjem',
  'borgerbudgetter',
  'ungdomsuddannelse',
  'værestedet',
  'fleksjob',
];
const TITLE_HEADS = [
  'Status på',
  'Opfølgning på',
  'Orientering om',
  'Godkendelse af',
  'Drøftelse af',
  'Evaluering af',
];
const LINKS = ['og', 'i', 'for', 'på', 'til'];
const VERBS = ['drøftede', 'godkendte', 'tog', 'noterede', 'bakkede op om', 'ønskede'];
const SUBJECTS = ['Kredsen', 'Rådmanden', 'Udvalget', 'Direktionen', 'Forvaltningen'];
const TAILS = [
  'til efterretning',
  'med bemærkninger',
  'uden bemærkninger',
  'på et kommende møde',
  'i næste kvartal',
];
const PLACES = ['Rådmandens kontor, vær. 436', 'Rådhuset, lokale 398', 'Jægergården, mødelokale 2', 'Teams'];
const SERIES = [
  'Rådmandsmøder 2022-2025 (Rådmandsmøde)',
  'Udvalgsmøder 2025 (Udvalgsmøde)',
  'Direktionsmøder (Direktionsmøde)',
];
const SUBJECT_LINES = [
  'Social- og Beskæftigelsesudvalgets møde',
  'Fleksibel mødedag for Social- og Beskæftigelsesudvalget',
  'Møde i Børn- og Ungeudvalget',
];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const pad = (n: number) => String(n).padStart(2, '0');

const personArb = fc.tuple(pick(FIRST), pick(LAST)).map(([f, l]) => `${f} ${l}`);
const titledPersonArb = fc.tuple(pick(ROLES), personArb).map(([r, p]) => `${r} ${p}`);

const titleArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(pick(TITLE_HEADS), fc.array(pick(NOUNS), { minLength: 1, maxLength: 4 }), pick(LINKS), pick(NOUNS))
    .map(([head, words, link, last]) => `${head} ${words.join(' ')} ${link} ${last}`),
  fc
    .tuple(pick(TITLE_HEADS), pick(NOUNS), fc.integer({ min: 2015, max: 2026 }))
    .map(([head, noun, year]) => `${head} ${noun} ${year}`),
  fc
    .tuple(fc.constantFrom('Budget', 'Samarbejdsaftale', 'Udtalelse'), pick(NOUNS))
    .map(([a, b]) => `${a} ${b}`),
);

const sentenceArb = fc
  .tuple(pick(SUBJECTS), pick(VERBS), fc.array(pick(NOUNS), { minLength: 1, maxLength: 5 }), pick(TAILS))
  .map(([s, v, words, tail]) => `${s} ${v} ${words.join(' ')} ${tail}.`);

const tableRowArb = fc
  .array(fc.integer({ min: 0, max: 99999 }), { minLength: 2, maxLength: 4 })
  .chain((cells) => pick(NOUNS).map((noun) => [noun, ...cells.map(String)].join('\t')));

const followUpArb: fc.Arbitrary<ModelFollowUp> = fc.oneof(
  fc.tuple(fc.oneof(pick(UNITS), personArb, titledPersonArb), pick(NOUNS)).map(([owner, noun]) => ({
    owners: [owner],
    sentence: `${owner} følger op på ${noun}.`,
  })),
  fc
    .tuple(pick(UNITS), fc.constantFrom('afdelingslederne', 'driftscheferne', 'Jobcentret'), pick(NOUNS))
    .map(([owner, other, noun]) => ({
      owners: [owner, other],
      sentence: `${owner} følger op med ${other} på ${noun}.`,
    })),
  fc.tuple(fc.constantFrom(...FIRST), pick(NOUNS)).map(([owner, noun]) => ({
    owners: [owner],
    sentence: `${owner} vil følge op på ${noun}.`,
  })),
);

const decisionArb = fc
  .tuple(
    fc.array(fc.array(sentenceArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    fc.option(followUpArb, { nil: null }),
    fc.option(fc.array(tableRowArb, { minLength: 2, maxLength: 3 }), { nil: null }),
  )
  .map(([paragraphs, followUp, table]) => {
    const text = paragraphs.map((p) => p.join(' '));
    if (table) text.push(table.join('\n'));
    if (followUp) text.push(followUp.sentence);
    return { decision: text, followUps: followUp ? [followUp] : [] };
  });

const POINT_SUBJECTS = ['rådmanden', 'kredsen', 'udvalget', 'rådmandsmødet'];
const POINT_VERBS = ['godkender', 'tager', 'drøfter', 'orienteres om', 'beslutter'];
const pointArb = fc
  .tuple(
    pick(POINT_SUBJECTS),
    pick(POINT_VERBS),
    fc.array(pick(NOUNS), { minLength: 1, maxLength: 6 }),
    pick(TAILS),
  )
  .map(([s, v, words, tail]) => `${s} ${v} ${words.join(' ')} ${tail}.`);

const paragraphArb = fc.array(sentenceArb, { minLength: 1, maxLength: 4 }).map((p) => p.join(' '));
const sectionArb = fc.option(fc.array(paragraphArb, { minLength: 1, maxLength: 3 }), {
  nil: undefined,
  freq: 2,
});
const emailOf = (name: string) =>
  `${name
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .slice(0, 4)}@aarhus.dk`;

const indstillingArb = (date: fc.Arbitrary<string>): fc.Arbitrary<Omit<ModelIndstilling, 'title'>> =>
  fc
    .record({
      recipient: fc.constantFrom('rådmanden' as const, 'rådmandsmødet' as const, 'udvalget' as const),
      dateStyle: fc.constantFrom('long' as const, 'dotted' as const),
      points: fc.array(pointArb, { minLength: 1, maxLength: 4 }),
      pointStyle: fc.constantFrom('dot' as const, 'paren' as const, 'at' as const),
      indledning: sectionArb,
      sagsfremstilling: sectionArb,
      handlemuligheder: fc.option(
        fc.tuple(
          fc.array(paragraphArb, { minLength: 1, maxLength: 2 }),
          fc.array(tableRowArb, { minLength: 2, maxLength: 4 }),
        ),
        { nil: undefined, freq: 2 },
      ),
      oekonomi: sectionArb,
      kommunikation: sectionArb,
      videreProces: sectionArb,
      koordineretMed: fc.option(
        pick(UNITS).map((u) => [u]),
        { nil: undefined, freq: 2 },
      ),
      pageBreak: fc.nat(),
      bilag: fc.array(titleArb, { maxLength: 3 }),
      department: pick(UNITS),
      name: personArb,
      phone: fc
        .integer({ min: 10000000, max: 99999999 })
        .map((n) => String(n).replace(/(\d\d)(?=\d)/g, '$1 ')),
      date,
    })
    .map((r) => {
      // In the template's order, which is also the order the import gives them in.
      const sections: ModelIndstilling['sections'] = {};
      for (const key of [
        'indledning',
        'sagsfremstilling',
        'handlemuligheder',
        'oekonomi',
        'kommunikation',
        'videreProces',
        'koordineretMed',
      ] as const) {
        if (key === 'handlemuligheder') {
          if (r.handlemuligheder)
            sections.handlemuligheder = [...r.handlemuligheder[0], r.handlemuligheder[1].join('\n')];
        } else if (r[key]) sections[key] = r[key];
      }
      const keys = Object.keys(sections);
      return {
        recipient: r.recipient,
        dateStyle: r.dateStyle,
        points: r.points,
        pointStyle: r.pointStyle,
        sections,
        pageBreakIn: keys.length ? keys[r.pageBreak % keys.length] : null,
        bilag: r.bilag,
        caseWorker: {
          department: r.department,
          name: r.name,
          phone: r.phone,
          email: emailOf(r.name),
          date: r.date,
        },
      };
    });

const dateArb = fc
  .record({
    year: fc.integer({ min: 2016, max: 2026 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => `${year}-${pad(month)}-${pad(day)}`);

const startArb = fc
  .record({ h: fc.integer({ min: 8, max: 18 }), m: fc.constantFrom(0, 15, 30, 45, 50) })
  .map(({ h, m }) => h * 60 + m);

const clockOf = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

function numbered(items: Array<Omit<ModelItem, 'number'>>): ModelItem[] {
  return items.map((item, k) => ({ ...item, number: k + 1 }));
}

export const raadmandMeetingArb: fc.Arbitrary<RaadmandMeeting> = fc
  .record({
    series: pick(SERIES),
    date: dateArb,
    start: startArb,
    location: pick(PLACES),
    absent: fc.uniqueArray(personArb, { maxLength: 3 }),
    referent: fc.uniqueArray(fc.oneof(fc.constantFrom(...FIRST), personArb), { minLength: 1, maxLength: 2 }),
    referentPhrasing: fc.constantFrom<ReferentPhrasing>(
      'er referent',
      'tager referat',
      'eller tager referat',
      'Referent:',
    ),
    guest: fc.option(fc.record({ name: personArb, item: fc.nat() }), { nil: null }),
    minutes: fc.boolean(),
    items: fc.array(
      fc.record({
        title: fc.oneof(pick(STANDING), titleArb),
        category: fc.option(pick(CATEGORIES), { nil: null }),
        minutes: fc.option(fc.constantFrom(5, 10, 15, 20, 30, 45), { nil: null }),
        decision: decisionArb,
        closed: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
        indstilling: fc.option(indstillingArb(dateArb), { nil: null, freq: 2 }),
      }),
      { minLength: 1, maxLength: 9 },
    ),
  })
  .map((r) => {
    const items = numbered(
      r.items.map((i) => {
        // Standing items (Dagsorden, Referat, Bordrunde …) have no paper; a case has one now and then.
        const indstilling =
          i.indstilling && !STANDING.includes(i.title) ? { ...i.indstilling, title: i.title } : null;
        return {
          title: i.title,
          category: i.category,
          // An indstilling's date line always gives the item's length.
          minutes: indstilling ? (i.minutes ?? 10) : i.minutes,
          decision: r.minutes ? i.decision.decision : null,
          followUps: r.minutes ? i.decision.followUps : [],
          closed: i.closed,
          guests: [],
          indstilling,
        };
      }),
    );
    const referent = r.referentPhrasing === 'eller tager referat' ? r.referent : r.referent.slice(0, 1);
    const total = items.reduce((sum, i) => sum + (i.minutes ?? 10), 0);
    return {
      kind: 'raadmand' as const,
      series: r.series,
      date: r.date,
      start: clockOf(r.start),
      end: clockOf(Math.min(r.start + Math.max(total, 60), 23 * 60 + 59)),
      location: r.location,
      absent: r.absent,
      referent:
        r.referentPhrasing === 'eller tager referat' && referent.length < 2
          ? [...referent, 'Mads']
          : referent,
      referentPhrasing: r.referentPhrasing,
      guest: r.guest ? { name: r.guest.name, item: (r.guest.item % items.length) + 1 } : null,
      items,
      minutes: r.minutes,
    };
  })
  .filter((m) => new Set(m.referent).size === m.referent.length);

export const committeeMeetingArb: fc.Arbitrary<CommitteeMeeting> = fc
  .record({
    subject: pick(SUBJECT_LINES),
    date: dateArb,
    start: fc
      .record({ h: fc.integer({ min: 8, max: 13 }), m: fc.constantFrom(0, 15, 30, 50) })
      .map(({ h, m }) => h * 60 + m),
    location: pick(PLACES),
    items: fc.array(
      fc.record({
        title: fc.oneof(fc.constantFrom('Godkendelse af dagsorden', 'Pause', 'Evt.'), titleArb),
        minutes: fc.integer({ min: 0, max: 55 }),
        closed: fc.boolean(),
        guests: fc.oneof(
          fc.constant<string[]>([]),
          titledPersonArb.map((p) => [p]),
          fc
            .uniqueArray(fc.tuple(pick(ROLES), personArb), {
              minLength: 2,
              maxLength: 2,
              selector: ([, p]) => p,
            })
            .map((pair) => pair.map(([role, p]) => `${role}, ${p}`)),
        ),
      }),
      { minLength: 1, maxLength: 10 },
    ),
  })
  .map((r) => {
    const items = numbered(
      r.items.map((i) => ({
        title: i.closed ? 'LUKKET PUNKT' : i.title,
        category: null,
        minutes: i.minutes,
        decision: null,
        followUps: [],
        closed: i.closed,
        guests: i.guests,
        indstilling: null,
      })),
    );
    const total = items.reduce((sum, i) => sum + (i.minutes ?? 0), 0);
    return {
      kind: 'committee' as const,
      subject: r.subject,
      date: r.date,
      start: clockOf(r.start),
      end: clockOf(r.start + total),
      location: r.location,
      items,
    };
  });
