/** The rules an agenda must meet before it is published, and guests as the secretary types them. */
import type { AgendaItem } from '../../src/domain/agendaItem';
import { guestsText, parseGuests, publishIssues } from '../../src/domain/agendaRules';

const item = (n: number, change: Partial<AgendaItem> = {}): AgendaItem => ({
  id: `i${n}`,
  number: n,
  title: `Punkt ${n}`,
  category: 'Til orientering',
  durationMinutes: 10,
  guests: [],
  closed: false,
  attachments: [],
  ...change,
});
const referent = { upn: 'mads@kommune.example', name: 'Mads Holm' };
const rules = (items: AgendaItem[]) => publishIssues(items, referent).map((i) => `${i.field} ${i.rule}`);

test('minutes are whole numbers from 1 to 480', () => {
  expect(rules([item(1, { durationMinutes: -5 }), item(2, { durationMinutes: 0 })])).toEqual([
    'items.0.durationMinutes minutesRange',
    'items.1.durationMinutes minutesRange',
  ]);
  expect(rules([item(1, { durationMinutes: 481 }), item(2, { durationMinutes: 2.5 })])).toHaveLength(2);
  expect(rules([item(1, { durationMinutes: 1 }), item(2, { durationMinutes: 480 })])).toEqual([]);
});

test('a guest needs a well-formed address and a name', () => {
  const bad = parseGuests('ikke-en-email, kamilla@kommune.example');
  expect(rules([item(1, { guests: bad })])).toEqual([
    'items.0.guests guestAddress',
    'items.0.guests guestName',
  ]);
  const good = parseGuests('Kamilla Berg <kamilla@kommune.example>');
  expect(good).toEqual([{ name: 'Kamilla Berg', upn: 'kamilla@kommune.example' }]);
  expect(rules([item(1, { guests: good })])).toEqual([]);
});

test('a bare address of a known person takes her name; the text form reads back the same', () => {
  const known = [{ upn: 'kamilla@kommune.example', name: 'Kamilla Berg' }];
  const guests = parseGuests('KAMILLA@kommune.example; Ole Olsen <ole@firma.dk>', known);
  expect(guests).toEqual([
    { name: 'Kamilla Berg', upn: 'kamilla@kommune.example' },
    { name: 'Ole Olsen', upn: 'ole@firma.dk' },
  ]);
  expect(parseGuests(guestsText(guests))).toEqual(guests);
});

test('a guest on a closed item is refused with its own reason', () => {
  const guests = parseGuests('Kamilla Berg <kamilla@kommune.example>');
  expect(rules([item(1, { closed: true, guests })])).toEqual(['items.0.guests guestOnClosed']);
});

test('an agenda needs an item and a referent, unless sent without one on purpose', () => {
  expect(publishIssues([], undefined).map((i) => i.rule)).toEqual(['noItems', 'noReferent']);
  expect(publishIssues([item(1)], undefined, { withoutReferent: true })).toEqual([]);
});

test('issues come in number order, whatever order the items arrive in', () => {
  const issues = publishIssues([item(2, { durationMinutes: 0 }), item(1, { durationMinutes: 0 })], referent);
  expect(issues.map((i) => i.item)).toEqual([1, 2]);
});
