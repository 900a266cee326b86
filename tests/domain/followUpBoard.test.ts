import type { FollowUp } from '../../src/domain/followUp';
import { carryOverItem, isMine, sortForOverview, type FollowUpRow } from '../../src/domain/followUpBoard';
import { carryOverText } from '../../src/i18n/carryOver';

const fu = (over: Partial<FollowUp>): FollowUp => ({
  id: 'f',
  itemNumber: 3,
  owners: ['FAS'],
  task: 'FAS følger op.',
  status: 'Åben',
  ...over,
});
const row = (over: Partial<FollowUp>, meetingStart = '2024-02-06T10:00:00.000Z'): FollowUpRow => ({
  followUp: fu(over),
  meetingKey: 'm',
  series: 'Rådmandsmøder',
  meetingStart,
  itemTitle: 'Opfølgning på budgetforlig',
  organizerUpn: 'sofie@kommune.example',
});

test('mine: by full name, first name or mail alias, however the decision spelled it', () => {
  const mads = { upn: 'mads.n@kommune.example', name: 'Mads Nielsen' };
  expect(isMine(fu({ owners: ['Mads'] }), mads)).toBe(true);
  expect(isMine(fu({ owners: ['Mads Nielsen'] }), mads)).toBe(true);
  expect(isMine(fu({ owners: ['mads.n'] }), mads)).toBe(true);
  expect(isMine(fu({ owners: ['FAS'] }), mads)).toBe(false);
  expect(isMine(fu({ owners: ['FAS'] }), mads, ['FAS'])).toBe(true);
  expect(
    isMine(fu({ owners: ['@konomichef Michael Justesen'] }), {
      upn: 'michael@kommune.example',
      name: 'Michael Justesen',
    }),
  ).toBe(false);
});

test('the overview puts open work first, then the earliest due date, then the newest meeting', () => {
  const sorted = sortForOverview([
    row({ id: 'done', status: 'Afsluttet' }),
    row({ id: 'late', due: '2024-03-01' }),
    row({ id: 'soon', due: '2024-02-15' }),
    row({ id: 'nodue' }, '2024-02-20T10:00:00.000Z'),
    row({ id: 'going', status: 'I gang' }),
  ]);
  expect(sorted.map((r) => r.followUp.id)).toEqual(['soon', 'late', 'nodue', 'going', 'done']);
});

test('carried to the next agenda: a titled item that says where it came from and who owns it', () => {
  const carried = row({ owners: ['@konomichef Michael Justesen'], task: 'Afklaring af boligomdannelsen.' });
  const item = carryOverItem(carried, 'new-id', carryOverText(carried));
  expect(item).toMatchObject({
    id: 'new-id',
    title: 'Opfølgning: Afklaring af boligomdannelsen.',
    category: 'Til orientering',
    presenter: '@konomichef Michael Justesen',
    description:
      'Fra mødet 06-02-2024, punkt 3 (Opfølgning på budgetforlig). Ansvarlig: @konomichef Michael Justesen.',
  });
  const long = row({ task: 'x'.repeat(400) });
  expect(carryOverItem(long, 'i', carryOverText(long)).title.length).toBe(255);
});
