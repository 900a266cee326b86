import { damage } from '../../../bench/importModel/damageExport';
import type { Line } from '../../../bench/importModel/renderExport';

/** The property can only ask for what the damage left: these check that each damage says what it took. */
const exportLines: Line[] = [
  { text: 'Rådmandsmøder (Rådmandsmøde)', role: 'series' },
  { text: '20-02-2024 11:00 - 13:00', role: 'headDate' },
  { text: 'Rådhuset', role: 'location' },
  { text: 'Information:Mads er referent.', role: 'information' },
  { text: 'Indhold', role: 'tocTitle' },
  { text: 'Kategori - Til godkendelse', role: 'category', item: 1 },
  { text: 'Punkt 1: Dagsorden,\t2', role: 'tocEntry', item: 1 },
  { text: 'Punkt 2: Budget,\t2', role: 'tocEntry', item: 2 },
  { text: '', role: 'blank' },
  { text: 'Punkt 1: Dagsorden', role: 'itemHeading', item: 1 },
  { text: 'LUKKET PUNKT', role: 'closed', item: 1 },
  { text: 'Punkt 2: Budget', role: 'itemHeading', item: 2 },
  { text: 'Beslutning for Punkt 2', role: 'decisionHeading', item: 2 },
  { text: 'Godkendt.', role: 'decision', item: 2 },
];

const ITEM_FIELDS = [
  'title',
  'category',
  'durationMinutes',
  'decision',
  'followUps',
  'closed',
  'indstilling',
];

test('losing the head destroys the fields the head carries, and nothing else', () => {
  const d = damage(exportLines, [{ kind: 'loseHeader' }], {});
  expect([...d.destroyed].sort()).toEqual(
    ['absent', 'date', 'guests', 'information', 'location', 'referent', 'series', 'times'].sort(),
  );
  expect(d.lines.some((l) => l.role === 'headDate')).toBe(false);
});

test('losing a category line of the table of contents destroys the category of every item under it', () => {
  const d = damage(exportLines, [{ kind: 'loseLine', at: 0 }], {});
  expect([...d.destroyed]).toEqual(['items.1.category', 'items.2.category']);
});

test('losing a LUKKET PUNKT line destroys that item’s closed mark', () => {
  const d = damage(exportLines, [{ kind: 'loseLine', at: 1 }], {});
  expect([...d.destroyed]).toEqual(['items.1.closed']);
});

test('a number misread but still readable destroys nothing; one beyond reading destroys what it orphans', () => {
  expect(damage(exportLines, [{ kind: 'garbleNumber', at: 0, unreadable: false }], {}).destroyed.size).toBe(
    0,
  );
  const d = damage(exportLines, [{ kind: 'garbleNumber', at: 1, unreadable: true }], {});
  expect(d.lines.filter((l) => l.text.startsWith('Punkt ?')).map((l) => l.text)).toEqual(['Punkt ?: Budget']);
  expect(d.destroyed).toEqual(
    new Set(['items', 'guests', ...[1, 2].flatMap((n) => ITEM_FIELDS.map((f) => `items.${n}.${f}`))]),
  );
});

test('breaking lines and repeating page headers destroy nothing', () => {
  const d = damage(
    exportLines,
    [
      { kind: 'breakLine', at: 0, where: 0 },
      { kind: 'pageHeaders', every: 3, text: 'Rådmandsmøde 20. februar 2024' },
    ],
    {},
  );
  expect(d.destroyed.size).toBe(0);
  expect(d.lines.filter((l) => l.text === 'Rådmandsmøde 20. februar 2024').length).toBeGreaterThan(1);
});
