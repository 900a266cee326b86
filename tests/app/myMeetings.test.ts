import { loadMyMeetings } from '../../src/app/myMeetings';
import type { Meeting } from '../../src/domain/meeting';
import type { CalendarEvent } from '../../src/ports/CalendarGateway';
import { people, seedEvent, world } from './fixtures';

const NOW = '2024-02-20T10:00:00.000Z';
const SERIES = 'Rådmandsmøder 2022-2025 (Rådmandsmøde)';

/** An occurrence `days` from NOW (negative: in the past), organized by Sofie, Mads and Louise invited. */
function occurrence(id: string, days: number): CalendarEvent {
  const start = new Date(Date.parse(NOW) + days * 86_400_000);
  return {
    ...seedEvent(),
    id,
    key: `${id}@kommune.example`,
    subject: `Rådmandsmøde ${id}`,
    start: start.toISOString(),
    end: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
  };
}

const rowOf = (e: CalendarEvent, extra: Partial<Meeting> = {}): Meeting => ({
  key: e.key,
  eventId: e.id,
  series: SERIES,
  title: e.subject,
  start: e.start,
  end: e.end,
  location: e.location,
  organizer: people.sofie,
  attendees: e.attendees.map(({ upn, name }) => ({ upn, name })),
  status: 'Udsendt',
  agendaVersion: 1,
  ...extra,
});

/** Sofie's series: two past meetings, one running now, one next week, and one whose agenda was never sent. */
async function setUp() {
  const w = world();
  const [older, last, running, next, unsent] = [
    occurrence('older', -28),
    occurrence('last', -14),
    occurrence('running', -1 / 24),
    occurrence('next', 7),
    occurrence('unsent', 14),
  ];
  w.calendarState.events.splice(0, w.calendarState.events.length, older, last, running, next, unsent);
  await w.lists.saveMeeting(rowOf(older, { status: 'Godkendt' }));
  await w.lists.saveMeeting(rowOf(last, { referent: people.mads }));
  await w.lists.saveMeeting(rowOf(running));
  await w.lists.saveProgress(running.key, { status: 'I gang' });
  await w.lists.saveMeeting(rowOf(next, { referent: people.louise }));
  const clock = { now: () => NOW };
  const as = (p: (typeof people)[keyof typeof people]) => ({ ...w.as(p), clock });
  return { w, as, older, last, running, next, unsent };
}

describe('Mine møder (loadMyMeetings)', () => {
  test('splits by end time: upcoming soonest first (the running one too), past newest first', async () => {
    const { as } = await setUp();
    const mine = await loadMyMeetings(as(people.mads));
    expect(mine.upcoming.map((m) => m.event.subject)).toEqual([
      'Rådmandsmøde running',
      'Rådmandsmøde next',
      'Rådmandsmøde unsent',
    ]);
    expect(mine.past.map((m) => m.event.subject)).toEqual(['Rådmandsmøde last', 'Rådmandsmøde older']);
  });

  test('the role: organizer from the event, referent from the row, attendee otherwise', async () => {
    const { as } = await setUp();
    const roles = async (p: (typeof people)[keyof typeof people]) => {
      const mine = await loadMyMeetings(as(p));
      return Object.fromEntries([...mine.upcoming, ...mine.past].map((m) => [m.event.subject, m.role]));
    };
    expect(await roles(people.sofie)).toEqual({
      'Rådmandsmøde older': 'organizer',
      'Rådmandsmøde last': 'organizer',
      'Rådmandsmøde running': 'organizer',
      'Rådmandsmøde next': 'organizer',
      'Rådmandsmøde unsent': 'organizer',
    });
    expect(await roles(people.mads)).toEqual({
      'Rådmandsmøde older': 'attendee',
      'Rådmandsmøde last': 'referent',
      'Rådmandsmøde running': 'attendee',
      'Rådmandsmøde next': 'attendee',
      'Rådmandsmøde unsent': 'attendee',
    });
    expect((await roles(people.louise))['Rådmandsmøde next']).toBe('referent');
  });

  test('series and status come from the row (progress included); a meeting without a row is listed from the calendar', async () => {
    const { as } = await setUp();
    const mine = await loadMyMeetings(as(people.louise));
    const by = Object.fromEntries([...mine.upcoming, ...mine.past].map((m) => [m.event.subject, m]));
    expect(by['Rådmandsmøde older']).toMatchObject({ series: SERIES, status: 'Godkendt' });
    expect(by['Rådmandsmøde running']).toMatchObject({ series: SERIES, status: 'I gang' });
    expect(by['Rådmandsmøde next']).toMatchObject({ series: SERIES, status: 'Udsendt' });
    expect(by['Rådmandsmøde unsent']).toEqual({
      event: expect.objectContaining({ key: 'unsent@kommune.example' }),
      series: 'Rådmandsmøde unsent',
      role: 'attendee',
      openFollowUps: 0,
      status: 'Planlagt',
    });
  });

  test("the person's own current afbud shows; a withdrawn one and other people's do not", async () => {
    const { w, as, next, last, running } = await setUp();
    await w.lists.as(people.louise.upn).saveAbsence(next.key, {
      person: people.louise,
      kind: 'Afbud',
      items: [],
      reason: 'Ferie',
      registeredAt: '2024-02-19T08:00:00.000Z',
    });
    await w.lists.as(people.louise.upn).saveAbsence(last.key, {
      person: people.louise,
      kind: 'Afbud',
      items: [],
      registeredAt: '2024-02-01T08:00:00.000Z',
    });
    await w.lists.as(people.louise.upn).saveAbsence(last.key, {
      person: people.louise,
      kind: 'Trukket tilbage',
      items: [],
      registeredAt: '2024-02-02T08:00:00.000Z',
    });
    await w.lists.as(people.mads.upn).saveAbsence(running.key, {
      person: people.mads,
      kind: 'Deltager virtuelt',
      items: [],
      registeredAt: '2024-02-19T08:00:00.000Z',
    });
    const louise = await loadMyMeetings(as(people.louise));
    const absence = Object.fromEntries(
      [...louise.upcoming, ...louise.past].map((m) => [m.event.subject, m.ownAbsence ?? null]),
    );
    expect(absence).toEqual({
      'Rådmandsmøde older': null,
      'Rådmandsmøde last': null,
      'Rådmandsmøde running': null,
      'Rådmandsmøde next': 'Afbud',
      'Rådmandsmøde unsent': null,
    });
    const mads = await loadMyMeetings(as(people.mads));
    expect(mads.upcoming.find((m) => m.event.key === running.key)?.ownAbsence).toBe('Deltager virtuelt');
  });

  test('open follow-ups: those the person owns (by name or first name) that are not Afsluttet', async () => {
    const { w, as, last, older } = await setUp();
    const followUp = (id: string, owners: string[], status: 'Åben' | 'I gang' | 'Afsluttet') => ({
      id,
      itemNumber: 3,
      owners,
      task: `Opgave ${id}`,
      status,
    });
    await w.lists.saveFollowUp(last.key, followUp('a', ['Mads'], 'Åben'));
    await w.lists.saveFollowUp(last.key, followUp('b', ['Mads Nielsen', 'FAS'], 'I gang'));
    await w.lists.saveFollowUp(last.key, followUp('c', ['Mads'], 'Afsluttet'));
    await w.lists.saveFollowUp(last.key, followUp('d', ['Louise'], 'Åben'));
    await w.lists.saveFollowUp(older.key, followUp('e', ['Louise Rohde'], 'Åben'));
    const count = async (p: (typeof people)[keyof typeof people]) =>
      Object.fromEntries((await loadMyMeetings(as(p))).past.map((m) => [m.event.subject, m.openFollowUps]));
    expect(await count(people.mads)).toEqual({ 'Rådmandsmøde last': 2, 'Rådmandsmøde older': 0 });
    expect(await count(people.louise)).toEqual({ 'Rådmandsmøde last': 1, 'Rådmandsmøde older': 1 });
  });

  test('reads the lists once for all meetings, and only the last and next 60 days', async () => {
    const { w, as } = await setUp();
    w.calendarState.events.push(occurrence('long-ago', -90), occurrence('far-ahead', 90));
    const deps = as(people.mads);
    const calls: string[][] = [];
    const summaries = deps.lists.meetingSummaries.bind(deps.lists);
    deps.lists = Object.assign(Object.create(deps.lists) as typeof deps.lists, {
      meetingSummaries: (keys: string[], upn: string) => {
        calls.push(keys);
        return summaries(keys, upn);
      },
    });
    const mine = await loadMyMeetings(deps);
    expect(calls).toHaveLength(1);
    expect(calls[0].sort()).toEqual(
      ['last', 'next', 'older', 'running', 'unsent'].map((id) => `${id}@kommune.example`),
    );
    expect(mine.upcoming.length + mine.past.length).toBe(5);
  });
});
