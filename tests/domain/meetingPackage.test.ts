import { emptyIndstilling, type Indstilling } from '../../src/domain/indstilling/indstilling';
import { packagePlan, type PackagePlan, type PlannedItem } from '../../src/domain/meetingPackage';
import { indstillingBlocks, wordPackage } from '../../src/i18n/meetingPackage';
import { indstillingText } from '../../src/domain/indstilling/indstilling';
import { item, person } from './helpers';

const paper = (title: string): Indstilling => ({
  ...emptyIndstilling(),
  recipient: 'rådmanden',
  title,
  points: ['rådmanden godkender planen.'],
  sections: { oekonomi: 'Ingen udgifter.' },
});
const meeting = {
  organizer: person('Sofie Holm'),
  attendees: [person('Anders Lund'), person('Mads Berg')],
  referent: person('Mads Berg'),
};
const kamilla = { name: 'Kamilla Uhd Hansen', upn: 'kamilla@kommune.example' };
const items = [
  item(2, 'Personalesag', { closed: true, indstilling: paper('Fortrolig sag') }),
  item(1, 'Budget 2027', { indstilling: paper('Budget') }),
  item(3, 'Integrationshandleplanen', { guests: [kamilla], indstilling: paper('Handleplan') }),
  item(4, 'Eventuelt', { indstilling: null }),
];
const at = (upn: string) => ({ upn });
const planOf = (p: ReturnType<typeof packagePlan>): PackagePlan => {
  if ('refused' in p) throw new Error(`refused: ${p.refused}`);
  return p;
};
const numbers = (p: PackagePlan) => p.items.map((i) => i.number);
const full = (p: PackagePlan, n: number) =>
  p.items.find((i): i is Extract<PlannedItem, { withheld: false }> => i.number === n && !i.withheld);

test('a member gets every item in agenda order, the closed one with its indstilling', () => {
  const plan = planOf(packagePlan({ meeting, items }, at('anders@kommune.example')));
  expect(plan.role).toBe('member');
  expect(numbers(plan)).toEqual([1, 2, 3, 4]);
  expect(full(plan, 2)).toMatchObject({ closed: true, indstilling: { title: 'Fortrolig sag' } });
  expect(full(plan, 4)?.indstilling).toBeNull();
});

test('a guest gets her own open item only, even when rows of other items reached her page', () => {
  const plan = planOf(packagePlan({ meeting, items }, at('Kamilla@Kommune.example')));
  expect(plan.role).toBe('guest');
  expect(numbers(plan)).toEqual([3]);
  expect(JSON.stringify(plan)).not.toContain('Fortrolig');
});

test('an outsider gets no package; a member asking for the public one is refused', () => {
  expect(packagePlan({ meeting, items }, at('peter@kommune.example'))).toEqual({ refused: 'notInvited' });
  expect(packagePlan({ meeting, items }, at('anders@kommune.example'), 'public')).toEqual({
    refused: 'onlyOrganizerPublicPackage',
  });
  expect(packagePlan({ meeting, items }, at('kamilla@kommune.example'), 'public')).toEqual({
    refused: 'onlyOrganizerPublicPackage',
  });
});

test('the public package shows a closed item by its number only: no title, indstilling or bilag', () => {
  const plan = planOf(packagePlan({ meeting, items }, at('sofie@kommune.example'), 'public'));
  expect(numbers(plan)).toEqual([1, 2, 3, 4]);
  expect(plan.items[1]).toEqual({ withheld: true, number: 2 });
  expect(JSON.stringify(plan)).not.toContain('Personalesag');
  expect(JSON.stringify(plan)).not.toContain('Fortrolig');
});

test('an unreadable indstilling is said, not dropped silently', () => {
  const plan = planOf(
    packagePlan(
      { meeting, items: [item(1, 'Budget', { indstillingUnreadable: true })] },
      at('sofie@kommune.example'),
    ),
  );
  expect(full(plan, 1)).toMatchObject({ indstilling: null, indstillingUnreadable: true });
  const words = wordPackage(plan, { ...meetingTimes, series: 'Rådmandsmøder' }, 'Mads er referent.');
  expect(words.sections[0].blocks).toEqual([
    { kind: 'paragraph', text: 'Indstillingen kunne ikke læses og er ikke med.' },
  ]);
});

const meetingTimes = {
  title: 'Rådmandsmøde',
  start: '2026-12-09T10:00:00',
  end: '2026-12-09T12:00:00',
  location: 'Rådhuset, mødelokale 2',
};

test('the package in words: file name by the meeting day, cover, headings with LUKKET PUNKT and Lukket punkt', () => {
  const own = wordPackage(
    planOf(packagePlan({ meeting, items }, at('sofie@kommune.example'))),
    { ...meetingTimes, series: 'Rådmandsmøder 2022-2025 (Rådmandsmøde)' },
    'Mads er referent.',
  );
  expect(own.fileName).toBe('Mødemappe 2026-12-09.pdf');
  expect(own.cover).toMatchObject({
    series: 'Rådmandsmøder 2022-2025 (Rådmandsmøde)',
    when: 'onsdag 9. december 2026, kl. 11.00–13.00',
    location: 'Rådhuset, mødelokale 2',
    information: 'Mads er referent.',
  });
  expect(own.sections.map((s) => s.heading)).toEqual([
    'Punkt 1: Budget 2027 (10 min)',
    'Punkt 2: LUKKET PUNKT – Personalesag (10 min)',
    'Punkt 3: Integrationshandleplanen (10 min)',
    'Punkt 4: Eventuelt (10 min)',
  ]);
  expect(own.sections[3].blocks).toEqual([{ kind: 'paragraph', text: 'Punktet har ingen indstilling.' }]);
  const open = wordPackage(
    planOf(packagePlan({ meeting, items }, at('sofie@kommune.example'), 'public')),
    { ...meetingTimes, series: 'Rådmandsmøder' },
    '',
  );
  expect(open.fileName).toBe('Offentlig mødemappe 2026-12-09.pdf');
  expect(open.sections[1]).toEqual({
    number: 2,
    heading: 'Punkt 2: Lukket punkt',
    blocks: [{ kind: 'paragraph', text: 'Punktet er lukket og er ikke med i den offentlige udgave.' }],
  });
});

test("the indstilling's text becomes the template's headings and paragraphs, nothing lost", () => {
  const text = indstillingText(paper('Budget'), (iso) => iso);
  const blocks = indstillingBlocks(text);
  expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
    'Indstilling til rådmanden',
    'INDSTILLING',
    'ØKONOMI',
  ]);
  expect(blocks.map((b) => b.text).join('\n')).toBe(
    text
      .split('\n')
      .filter((l) => l.trim())
      .join('\n'),
  );
});
