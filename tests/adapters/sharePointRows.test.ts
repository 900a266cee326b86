import fc from 'fast-check';
import { itemFromFields, itemToFields, parseGuests } from '../../src/adapters/sharepoint/agendaItemFields';
import { progressFromFields, progressToFields, meetingToFields } from '../../src/adapters/sharepoint/rows';

describe('rows: stored values read back safely', () => {
  test.each([
    ['[null]', []],
    ['{}', []],
    ['5', []],
    ['null', []],
    ['"text"', []],
    ['[[1,2],{"name":{"x":1}},{"upn":7},true]', []],
    [
      '[{"name":"Kamilla","upn":"kamilla@kommune.example"},null,{"upn":"erik@kommune.example"}]',
      [
        { name: 'Kamilla', upn: 'kamilla@kommune.example' },
        { name: 'erik@kommune.example', upn: 'erik@kommune.example' },
      ],
    ],
    ['a@x.dk; Bent Hansen', [{ name: 'a@x.dk', upn: 'a@x.dk' }, { name: 'Bent Hansen' }]],
    ['', []],
  ])('parseGuests(%s)', (stored, expected) => {
    expect(parseGuests(stored)).toEqual(expected);
  });

  test('parseGuests never throws and always gives guests with a name', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string(),
          fc.jsonValue(),
        ),
        (v) => {
          const guests = parseGuests(v);
          expect(Array.isArray(guests)).toBe(true);
          for (const g of guests) {
            expect(typeof g.name).toBe('string');
            expect(g.name.length).toBeGreaterThan(0);
            if (g.upn !== undefined) expect(typeof g.upn).toBe('string');
          }
        },
      ),
    );
    expect(itemFromFields({ Guests: 42, Number: 1 }, '3').guests).toEqual([]);
  });

  test("an item's planned start round-trips; a row without one (or with junk) reads without it", () => {
    const item = {
      id: 'i-3',
      number: 3,
      title: 'Status',
      category: null,
      durationMinutes: 10,
      startMinutes: 10,
      guests: [],
      closed: false,
      attachments: [],
    };
    expect(itemFromFields(itemToFields('k', item), '7')).toMatchObject({ startMinutes: 10 });
    expect(itemFromFields({ Number: 3, StartMinutes: null }, '7')).not.toHaveProperty('startMinutes');
    expect(itemFromFields({ Number: 3, StartMinutes: 'x' }, '7')).not.toHaveProperty('startMinutes');
  });

  test('progress round-trips; junk in its columns is dropped, not thrown', () => {
    const progress = {
      status: 'I gang' as const,
      timer: {
        startedAt: '2024-02-20T10:00:00Z',
        currentItem: 2,
        currentSince: '2024-02-20T10:05:00Z',
        usedSeconds: { 1: 300 },
        endedAt: null,
      },
      referatSubmitted: { version: 3, by: 'mads@kommune.example', at: '2024-02-20T12:00:00Z' },
    };
    expect(progressFromFields(progressToFields('k', progress))).toEqual(progress);
    expect(
      progressFromFields({ Status: 'Godkendt', Timer: '[1]', ReferatSubmitted: '{"version":"x"}' }),
    ).toEqual({});
  });

  test('the Meetings row no longer carries the clock, but its permissions hash', () => {
    const fields = meetingToFields({
      key: 'k',
      series: 's',
      title: 't',
      start: '',
      end: '',
      location: '',
      organizer: { upn: 'sofie@kommune.example', name: 'Sofie' },
      attendees: [],
      status: 'Planlagt',
      agendaVersion: 1,
      timer: { startedAt: null, currentItem: null, currentSince: null, usedSeconds: {}, endedAt: null },
      permissionsHash: 'abc',
    });
    expect(fields).not.toHaveProperty('Timer');
    expect(fields.PermissionsHash).toBe('abc');
  });
});
