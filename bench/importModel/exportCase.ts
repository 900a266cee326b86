import fc from 'fast-check';
import type { ImportedMeeting } from '../../src/domain/history/importedMeeting';
import {
  damage,
  damageOpsArb,
  lettersArb,
  scatterLetters,
  substitute,
  type DamageOp,
  type Damaged,
} from './damageExport';
import {
  committeeMeetingArb,
  raadmandMeetingArb,
  type CommitteeMeeting,
  type ModelMeeting,
  type RaadmandMeeting,
} from './meetingModel';
import {
  informationLines,
  longDate,
  renderCommittee,
  renderPreviousReferat,
  renderRaadmand,
  type CommitteeLayout,
  type Line,
  type RaadmandLayout,
} from './renderExport';

/** One generated case: a meeting, how it was laid out, and what OCR did to it. */
export interface ExportCase {
  meeting: ModelMeeting;
  layout: RaadmandLayout | CommitteeLayout;
  /**
   * A second meeting in the file, printed under one of the rådmandsmøde's items: a committee agenda,
   * or the previous meeting's head and Referat (under "Punkt 2: Referat").
   */
  attached:
    | { kind: 'committee'; meeting: CommitteeMeeting; layout: CommitteeLayout; to: number }
    | { kind: 'referat'; meeting: RaadmandMeeting; to: number }
    | null;
  ops: DamageOp[];
  letters: Record<string, string>;
  /**
   * When set, the scanner misreads each æ, ø, å on its own (seeded), as real scans do ("R&dmanden",
   * "Radmanden" and "Rådmanden" in one file); fields are then compared with those letters folded.
   */
  scatter: number | null;
}

const raadmandLayoutArb: fc.Arbitrary<RaadmandLayout> = fc.record({
  toc: fc.constantFrom('none' as const, 'commaTab' as const, 'tab' as const, 'dots' as const),
  categoriesIn: fc.constantFrom('body' as const, 'toc' as const, 'both' as const),
  decisions: fc.constantFrom('interleaved' as const, 'referat' as const),
  blankAfterHeading: fc.boolean(),
  titleInDecisionHeading: fc.boolean(),
  timeSeparator: fc.constantFrom(':' as const, '.' as const),
});

const committeeLayoutArb: fc.Arbitrary<CommitteeLayout> = fc.record({
  letterhead: fc.constantFrom('none' as const, 'top' as const, 'afterShortList' as const),
  numberedSections: fc.boolean(),
  timeSeparator: fc.constantFrom(':' as const, '.' as const),
  minutesInTime: fc.boolean(),
  weekday: fc.boolean(),
});

function pageHeaderOf(m: ModelMeeting): string {
  return m.kind === 'raadmand' ? `${m.series.split(' ')[0]} ${longDate(m.date)}` : longDate(m.date);
}

/** The previous meeting's minutes as printed under "Punkt 2: Referat": its head, "Referat", its items. */
const previousReferatArb: fc.Arbitrary<RaadmandMeeting> = raadmandMeetingArb
  .filter((m) => m.minutes && m.items.length >= 3)
  .map((m) => ({
    ...m,
    items: m.items.map((i) => ({ ...i, category: null, closed: false, indstilling: null })),
  }));

const attachedArb = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('committee' as const),
      meeting: committeeMeetingArb,
      layout: committeeLayoutArb,
      to: fc.nat(),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('referat' as const),
      meeting: previousReferatArb,
      to: fc.constant(1),
    }),
    weight: 1,
  },
);

export const exportCaseArb: fc.Arbitrary<ExportCase> = fc
  .oneof(
    fc.tuple(raadmandMeetingArb, raadmandLayoutArb, attachedArb).map(([meeting, layout, attached]) => {
      // A table of contents groups every item under its category.
      const categorised = layout.toc !== 'none' && layout.categoriesIn !== 'body';
      const to =
        attached &&
        (attached.kind === 'referat'
          ? Math.min(2, meeting.items.length)
          : (attached.to % meeting.items.length) + 1);
      return {
        meeting: {
          ...meeting,
          items: meeting.items.map((i) => ({
            ...i,
            category: categorised ? (i.category ?? ('Til orientering' as const)) : i.category,
            // The item a second meeting is printed under carries that, not an indstilling.
            indstilling: i.number === to ? null : i.indstilling,
          })),
        },
        layout,
        attached: attached && { ...attached, to: to! },
      };
    }),
    fc
      .tuple(committeeMeetingArb, committeeLayoutArb)
      .map(([meeting, layout]) => ({ meeting, layout, attached: null })),
  )
  .chain((c) =>
    fc
      .record({
        ops: damageOpsArb(pageHeaderOf(c.meeting), c.meeting.kind === 'raadmand'),
        letters: lettersArb,
        scatter: fc.option(fc.nat(), { nil: null, freq: 3 }),
      })
      .map(({ ops, letters, scatter }) => ({ ...c, ops, letters, scatter })),
  );

/** The meetings of the file, in the order the import gives them. */
export const meetingsOf = (c: ExportCase): ModelMeeting[] =>
  c.attached ? [c.meeting, c.attached.meeting] : [c.meeting];

export function renderCase(c: ExportCase): { text: string; damaged: Damaged } {
  const attachedLines = (a: NonNullable<ExportCase['attached']>) =>
    a.kind === 'committee'
      ? renderCommittee(a.meeting, a.layout)
      : renderPreviousReferat(a.meeting, (c.layout as RaadmandLayout).timeSeparator);
  const attached = c.attached && {
    lines: attachedLines(c.attached).map((l): Line => ({ ...l, meeting: 1 })),
    to: c.attached.to,
  };
  const lines =
    c.meeting.kind === 'raadmand'
      ? renderRaadmand(c.meeting, c.layout as RaadmandLayout, attached)
      : renderCommittee(c.meeting, c.layout as CommitteeLayout);
  const damaged = damage(lines, c.ops, c.letters);
  const text = damaged.lines
    .map((l, i) =>
      c.scatter === null ? substitute(l.text, c.letters) : scatterLetters(l.text, c.scatter + i),
    )
    .join('\n');
  return { text, damaged };
}

export const FIELD_KINDS = [
  'meetings',
  'series',
  'date',
  'times',
  'location',
  'information',
  'absent',
  'referent',
  'guests',
  'kind',
  'items',
  'titles',
  'categories',
  'durations',
  'decisions',
  'followUpOwners',
  'closed',
  'indstillingPoints',
  'indstillingSections',
  'indstillingBilag',
  'caseWorker',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface FieldCheck {
  kind: FieldKind;
  /** Field path, e.g. "items.3.category". */
  path: string;
  expected: unknown;
  actual: (m: ImportedMeeting) => unknown;
}

/**
 * What the import must give back of meeting `index` of the file: every field of the model the damage
 * did not destroy.
 */
export function requiredFields(
  c: ExportCase,
  m: ModelMeeting,
  index: number,
  damaged: Damaged,
): FieldCheck[] {
  const ocr = (s: string) => (c.scatter === null ? substitute(s, damaged.letters) : s);
  const checks: FieldCheck[] = [];
  const add = (kind: FieldKind, path: string, expected: unknown, actual: (x: ImportedMeeting) => unknown) => {
    if (!damaged.destroyed.has(index ? `${index}.${path}` : path))
      checks.push({ kind, path, expected, actual });
  };
  const item = (x: ImportedMeeting, n: number) => x.items.find((i) => i.number === n);
  if (m.kind === 'raadmand') {
    add('series', 'series', ocr(m.series), (x) => x.series);
    add('date', 'date', m.date, (x) => x.date);
    add('times', 'times', [m.start, m.end], (x) => [x.start, x.end]);
    add('location', 'location', ocr(m.location), (x) => x.location);
    add(
      'information',
      'information',
      ocr(
        informationLines(m)
          .map((l) => l.text)
          .join(' '),
      ),
      (x) => x.information,
    );
    add('absent', 'absent', m.absent.map(ocr), (x) => x.absent);
    add('referent', 'referent', m.referent.map(ocr), (x) => x.referent);
    add(
      'guests',
      'guests',
      m.guest ? [{ name: ocr(m.guest.name), item: ocr(m.items[m.guest.item - 1].title) }] : [],
      (x) => x.guests,
    );
    add('kind', 'kind', m.minutes ? 'minutes' : 'agenda', (x) => x.kind);
  } else {
    add('series', 'series', ocr(m.subject), (x) => x.series);
    add('date', 'date', m.date, (x) => x.date);
    add('times', 'times', [m.start, m.end], (x) => [x.start, x.end]);
    add('location', 'location', ocr(m.location), (x) => x.location);
    add(
      'guests',
      'guests',
      m.items.flatMap((i) => i.guests.map((g) => ({ name: ocr(g), item: ocr(i.title) }))),
      (x) => x.guests,
    );
    add('kind', 'kind', 'agenda', (x) => x.kind);
  }
  add(
    'items',
    'items',
    m.items.map((i) => i.number),
    (x) => x.items.map((i) => i.number),
  );
  for (const i of m.items) {
    const p = `items.${i.number}`;
    add('titles', `${p}.title`, ocr(i.title), (x) => item(x, i.number)?.title);
    add('categories', `${p}.category`, i.category, (x) => item(x, i.number)?.category);
    add('durations', `${p}.durationMinutes`, i.minutes, (x) => item(x, i.number)?.durationMinutes);
    add(
      'decisions',
      `${p}.decision`,
      i.decision ? ocr(i.decision.join('\n\n')) : null,
      (x) => item(x, i.number)?.decision,
    );
    add(
      'followUpOwners',
      `${p}.followUps`,
      i.followUps.map((f) => f.owners.map(ocr)),
      (x) => item(x, i.number)?.followUps.map((f) => f.owners),
    );
    add('closed', `${p}.closed`, i.closed, (x) => item(x, i.number)?.closed === true);
    const ind = i.indstilling;
    const imported = (x: ImportedMeeting) => item(x, i.number)?.indstilling ?? null;
    add(
      'indstillingPoints',
      `${p}.indstilling`,
      ind ? ind.points.map(ocr) : null,
      (x) => imported(x)?.points ?? null,
    );
    add(
      'indstillingSections',
      `${p}.indstilling`,
      ind
        ? Object.fromEntries(
            Object.entries(ind.sections).map(([k, paragraphs]) => [k, ocr(paragraphs.join('\n\n'))]),
          )
        : null,
      (x) => imported(x)?.sections ?? null,
    );
    add(
      'indstillingBilag',
      `${p}.indstilling`,
      ind ? ind.bilag.map(ocr) : null,
      (x) => imported(x)?.bilag ?? null,
    );
    add(
      'caseWorker',
      `${p}.indstilling`,
      ind
        ? {
            department: ocr(ind.caseWorker.department),
            name: ocr(ind.caseWorker.name),
            phone: ind.caseWorker.phone,
            email: ind.caseWorker.email,
            date: ind.caseWorker.date,
          }
        : null,
      (x) => imported(x)?.caseWorker ?? null,
    );
  }
  return checks;
}
