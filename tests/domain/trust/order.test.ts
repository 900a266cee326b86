import { currentAbsences } from '../../../src/domain/absence';
import { inSharePointOrder, latestRegistration, newestRow, oldestRow } from '../../../src/domain/trust/order';
import { absence } from '../helpers';

describe('which write wins is what SharePoint assigns', () => {
  test('rows are ordered by their item id as numbers, not as text', () => {
    expect(inSharePointOrder([{ id: '10' }, { id: '9' }, { id: '100' }]).map((r) => r.id)).toEqual([
      '9',
      '10',
      '100',
    ]);
    expect(oldestRow([{ id: '12' }, { id: '3' }])?.id).toBe('3');
    expect(newestRow([{ id: '12' }, { id: '3' }])?.id).toBe('12');
    expect(oldestRow([])).toBeUndefined();
  });

  test('a forward-dated RegisteredAt on an older row does not win, nor a backdated one on a later row lose', () => {
    const organizers = { ...absence('Anders Lund', 'Afbud', '2024-02-18T08:00:00Z'), order: 12 };
    // Anders rewrites his own older row (id 5) to a withdrawal dated after the organizer's registration.
    const rewritten = { ...absence('Anders Lund', 'Trukket tilbage', '2024-02-19T08:00:00Z'), order: 5 };
    expect(currentAbsences([rewritten, organizers]).map((a) => a.kind)).toEqual(['Afbud']);
    // A row SharePoint made later wins, whatever time its writer typed.
    const later = { ...absence('Anders Lund', 'Trukket tilbage', '2020-01-01T00:00:00Z'), order: 13 };
    expect(currentAbsences([organizers, later])).toEqual([]);
  });

  test('a registration no store has read yet is newer than every stored one', () => {
    const stored = { ...absence('Anders Lund', 'Afbud', '2030-01-01T00:00:00Z'), order: 40 };
    const planned = absence('Anders Lund', 'Deltager virtuelt', '2024-02-19T08:00:00Z');
    expect(currentAbsences([planned, stored]).map((a) => a.kind)).toEqual(['Deltager virtuelt']);
  });

  test("the caller's current registration is the row SharePoint created last, without the order", () => {
    const rows = [
      { id: '4', value: { ...absence('Anders Lund', 'Afbud', '2024-02-19T08:00:00Z'), order: 4 } },
      {
        id: '11',
        value: { ...absence('Anders Lund', 'Deltager virtuelt', '2024-01-01T00:00:00Z'), order: 11 },
      },
    ];
    expect(latestRegistration(rows)).toEqual([
      absence('Anders Lund', 'Deltager virtuelt', '2024-01-01T00:00:00Z'),
    ]);
    expect(latestRegistration([])).toEqual([]);
  });
});
