import { can, roleIn, visibleItems } from '../../src/domain/permissions';
import { item } from './helpers';

const items = [
  item(1, 'Dagsorden'),
  item(4, 'Investeringsmodeller', {
    guests: [{ name: 'Kamilla Uhd Hansen', upn: 'Kamilla@Kommune.example' }],
  }),
  item(5, 'Personalesag', { closed: true, guests: [{ name: 'Peter Jensen', upn: 'peter@kommune.example' }] }),
];
const circle = {
  organizerUpn: 'sofie@kommune.example',
  attendeeUpns: ['anders@kommune.example', 'mads@kommune.example'],
  referentUpn: 'mads@kommune.example',
  items,
};

test('roles come from the meeting: organizer, referent, member, guest, none', () => {
  expect(roleIn(circle, 'SOFIE@kommune.example')).toBe('organizer');
  expect(roleIn(circle, 'mads@kommune.example')).toBe('referent');
  expect(roleIn(circle, 'anders@kommune.example')).toBe('member');
  expect(roleIn(circle, 'kamilla@kommune.example')).toBe('guest');
  expect(roleIn(circle, 'peter@kommune.example')).toBe('none');
  expect(roleIn(circle, '')).toBe('none');
});

test('only the organizer edits the agenda and picks the referent; referent and organizer write decisions', () => {
  expect(
    ['organizer', 'referent', 'member', 'guest', 'none'].filter((r) => can(r as never, 'editAgenda')),
  ).toEqual(['organizer']);
  expect(
    ['organizer', 'referent', 'member', 'guest', 'none'].filter((r) => can(r as never, 'assignReferent')),
  ).toEqual(['organizer']);
  expect(
    ['organizer', 'referent', 'member', 'guest', 'none'].filter((r) => can(r as never, 'writeDecision')),
  ).toEqual(['organizer', 'referent']);
  expect(can('guest', 'registerOwnAbsence')).toBe(false);
});

test('closed items are for members only; a guest sees only the open item naming them', () => {
  expect(visibleItems(items, 'member', 'anders@kommune.example').map((i) => i.number)).toEqual([1, 4, 5]);
  expect(visibleItems(items, 'guest', 'kamilla@kommune.example').map((i) => i.number)).toEqual([4]);
  expect(visibleItems(items, 'none', 'peter@kommune.example')).toEqual([]);
});
