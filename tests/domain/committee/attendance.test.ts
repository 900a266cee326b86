import fc from 'fast-check';
import type { Absence } from '../../../src/domain/absence';
import {
  absentDuringItem,
  isInhabil,
  itemParticipants,
  meetingAttendance,
  presentDuringItem,
} from '../../../src/domain/committee/attendance';
import { absences, p, record, settings } from './fixtures';

const names = (ps: Array<{ name: string }>) => ps.map((x) => x.name);

test('afbud calls in the standing substitute, who sits in the member’s place; without one the seat is empty', () => {
  const present = meetingAttendance(settings, absences);
  expect(names(present)).toEqual([
    'Sune Lund',
    'Camilla Ravn',
    'Dorte Vang',
    'Erik Skov',
    'Frida Nør',
    'Gustav Eng',
    'Hanne Birk',
    'Ivan Lyng',
  ]);
  expect(present[0]).toEqual({
    upn: 'sune@kommune.example',
    name: 'Sune Lund',
    party: 'A',
    asSubstituteFor: p('Anne Kjær'),
  });
});

test('a substitute who sends afbud too leaves the seat empty', () => {
  const both: Absence[] = [
    ...absences,
    { person: p('Sune Lund'), kind: 'Afbud', items: [], registeredAt: '2022-12-07T09:00:00.000Z' },
  ];
  expect(names(meetingAttendance(settings, both))).not.toContain('Sune Lund');
  expect(meetingAttendance(settings, both)).toHaveLength(7);
});

test('a withdrawn afbud brings the member back and the substitute goes', () => {
  const withdrawn: Absence[] = [
    ...absences,
    { person: p('Anne Kjær'), kind: 'Trukket tilbage', items: [], registeredAt: '2022-12-07T09:00:00.000Z' },
  ];
  const present = names(meetingAttendance(settings, withdrawn));
  expect(present).toContain('Anne Kjær');
  expect(present).not.toContain('Sune Lund');
});

test('a late arrival is absent during the items before; the meeting’s own absences are not repeated per item', () => {
  expect(names(presentDuringItem(settings, record, absences, 1))).not.toContain('Camilla Ravn');
  expect(absentDuringItem(settings, record, absences, 1)).toEqual(['Camilla Ravn']);
  expect(absentDuringItem(settings, record, absences, 3)).toEqual([]);
  expect(names(presentDuringItem(settings, record, absences, 3))).toContain('Camilla Ravn');
});

test('“Deltager delvist” counts for the listed items only', () => {
  const partial: Absence[] = [
    ...absences,
    {
      person: p('Ivan Lyng'),
      kind: 'Deltager delvist',
      items: [3, 4],
      registeredAt: '2022-12-08T09:00:00.000Z',
    },
  ];
  expect(absentDuringItem(settings, record, partial, 4)).toEqual([]);
  expect(absentDuringItem(settings, record, partial, 6)).toEqual(['Ivan Lyng']);
  expect(absentDuringItem(settings, record, partial, 1)).toEqual(['Camilla Ravn', 'Ivan Lyng']);
});

test('an inhabil member is in the room but takes no part; a pending or rejected declaration changes nothing', () => {
  expect(isInhabil(record, 'ERIK@kommune.example', 3)).toBe(true);
  expect(names(presentDuringItem(settings, record, absences, 3))).toContain('Erik Skov');
  expect(names(itemParticipants(settings, record, absences, 3))).not.toContain('Erik Skov');
  expect(absentDuringItem(settings, record, absences, 3)).toEqual([]);
  for (const decision of ['Afventer', 'Ikke inhabil'] as const) {
    const r = { ...record, inhabilitet: [{ ...record.inhabilitet[0], decision }] };
    expect(names(itemParticipants(settings, r, absences, 3))).toContain('Erik Skov');
  }
});

test('the latest inhabilitet decision on an item counts', () => {
  const first = record.inhabilitet[0];
  const r = {
    ...record,
    inhabilitet: [
      { ...first, decision: 'Ikke inhabil' as const, declaredAt: '2022-12-12T14:40:00.000Z' },
      first,
    ],
  };
  expect(isInhabil(r, first.member, 3)).toBe(false);
});

test('a substitute recorded absent during an item is named as absent', () => {
  const r = {
    ...record,
    attendance: [{ itemNumber: 6, absent: ['sune@kommune.example'], recordedBy: 'x', recordedAt: 'x' }],
  };
  expect(absentDuringItem(settings, r, absences, 6)).toEqual(['Sune Lund']);
});

test('property: participants ⊆ present during the item ⊆ the meeting; the absent are exactly the rest', () => {
  const kinds = fc.constantFrom(
    undefined,
    'Afbud',
    'Deltager virtuelt',
    'Deltager delvist',
    'Trukket tilbage',
  );
  const everyone = settings.members.flatMap((m) => [m.person, ...(m.substitute ? [m.substitute] : [])]);
  fc.assert(
    fc.property(
      fc.array(fc.tuple(kinds, fc.subarray([1, 2, 3, 4, 5, 6, 7])), {
        minLength: everyone.length,
        maxLength: everyone.length,
      }),
      fc.subarray(everyone.map((x) => x.upn)),
      fc.subarray(everyone.map((x) => x.upn)),
      fc.integer({ min: 1, max: 7 }),
      (registrations, away, inhabil, n) => {
        const abs: Absence[] = registrations.flatMap(([kind, only], k) =>
          kind ? [{ person: everyone[k], kind, items: only, registeredAt: '2022-12-01T00:00:00.000Z' }] : [],
        );
        const r = {
          attendance: [{ itemNumber: n, absent: away, recordedBy: 'x', recordedAt: 'x' }],
          inhabilitet: inhabil.map((member) => ({
            itemNumber: n,
            member,
            reason: 'r',
            decision: 'Inhabil' as const,
            declaredBy: member,
            declaredAt: 'x',
          })),
        };
        const meeting = names(meetingAttendance(settings, abs));
        const present = names(presentDuringItem(settings, r, abs, n));
        const taking = names(itemParticipants(settings, r, abs, n));
        expect(present.every((x) => meeting.includes(x))).toBe(true);
        expect(taking.every((x) => present.includes(x))).toBe(true);
        expect(absentDuringItem(settings, r, abs, n)).toEqual(meeting.filter((x) => !present.includes(x)));
        for (const m of settings.members) {
          const afbud = abs.some((a) => a.person.upn === m.person.upn && a.kind === 'Afbud');
          expect(meeting.includes(m.person.name)).toBe(!afbud);
          if (m.substitute) {
            const subAfbud = abs.some((a) => a.person.upn === m.substitute!.upn && a.kind === 'Afbud');
            expect(meeting.includes(m.substitute.name)).toBe(afbud && !subAfbud);
          }
        }
        for (const upn of inhabil) expect(taking).not.toContain(everyone.find((x) => x.upn === upn)!.name);
      },
    ),
  );
});
