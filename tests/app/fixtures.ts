import type { AppDeps } from '../../src/app/deps';
import { MemoryCalendar, type MemoryCalendarState } from '../../src/adapters/memory/memoryCalendar';
import { MemoryListStore } from '../../src/adapters/memory/memoryListStore';
import { MemoryOutbox } from '../../src/adapters/memory/memoryOutbox';
import { MemoryPermissions } from '../../src/adapters/memory/memoryPermissions';
import type { AgendaItem } from '../../src/domain/agendaItem';
import type { Person } from '../../src/domain/person';
import type { CalendarEvent } from '../../src/ports/CalendarGateway';

export const people = {
  sofie: { upn: 'sofie@kommune.example', name: 'Sofie Holm' },
  anders: { upn: 'anders@kommune.example', name: 'Anders Lund' },
  erik: { upn: 'erik@kommune.example', name: 'Erik Kaastrup-Hansen' },
  louise: { upn: 'louise@kommune.example', name: 'Louise Rohde' },
  mads: { upn: 'mads@kommune.example', name: 'Mads Nielsen' },
  kamilla: { upn: 'kamilla@kommune.example', name: 'Kamilla Uhd Hansen' },
  peter: { upn: 'peter@kommune.example', name: 'Peter Jensen' },
} satisfies Record<string, Person>;

export const KEY = 'raadmandsmoede-2024-02-20@kommune.example';

/** The 20-02-2024 rådmandsmøde of the seeds, as an event in sofie's calendar. */
export function seedEvent(): CalendarEvent {
  return {
    id: 'evt-1',
    key: KEY,
    subject: 'Rådmandsmøde',
    start: '2024-02-20T10:00:00.000Z',
    end: '2024-02-20T12:00:00.000Z',
    location: 'Rådmandens kontor, vær. 436',
    organizer: people.sofie,
    attendees: [people.anders, people.erik, people.louise, people.mads].map((p) => ({
      ...p,
      response: 'notResponded' as const,
    })),
    isOrganizer: true,
    isCancelled: false,
    myResponse: 'organizer',
    bodyHtml: '<p>Mødet holdes som sædvanlig.</p>',
  };
}

export const seedItems = (): AgendaItem[] =>
  [
    ['Dagsorden', 'Til godkendelse', 5],
    ['Referat', 'Til godkendelse', 5],
    ['Budgettemadrøftelser i Social- og Beskæftigelsesudvalget', 'Til drøftelse', 10],
    ['Opfølgning på investeringsmodeller for 2023', 'Til orientering', 15],
    ['Status på gentænkningen af det kriminalpræventive område i MSB', 'Til orientering', 30],
    ['Orientering fra Magistraten', 'Til orientering', 5],
    ['Orientering om udvalget', 'Til orientering', 5],
    ['Bordrunde', 'Til orientering', 5],
  ].map(([title, category, minutes], i) => ({
    id: `item-${i + 1}`,
    number: i + 1,
    title: title as string,
    category: category as AgendaItem['category'],
    durationMinutes: minutes as number,
    guests: i === 3 ? [{ name: people.kamilla.name, upn: people.kamilla.upn }] : [],
    closed: i === 4,
    attachments: [],
  }));

/** One shared calendar and list store; a deps object per person acting on them. */
export function world() {
  const calendarState: MemoryCalendarState = MemoryCalendar.emptyState();
  calendarState.events.push(seedEvent());
  const lists = new MemoryListStore();
  const permissions = new MemoryPermissions();
  let t = Date.parse('2024-02-20T10:00:00.000Z');
  const clock = { now: () => new Date((t += 1000)).toISOString() };
  const as = (me: Person, outbox = new MemoryOutbox()): AppDeps => ({
    me,
    calendar: new MemoryCalendar(calendarState, me.upn),
    lists,
    permissions: permissions.as(me.upn),
    outbox,
    clock,
  });
  return { calendarState, lists, permissions, as };
}
