import { GraphCalendar } from '../../src/adapters/graph/graphCalendar';
import { MemoryOutbox } from '../../src/adapters/memory/memoryOutbox';
import { openMeeting } from '../../src/app/openMeeting';
import { signInAndFindMeeting } from '../../src/entries/openSequence';
import type { HostContext } from '../../src/ports/MeetingHost';
import { systemClock } from '../../src/ports/Clock';
import { localGraph, localSharePoint } from '../contracts/graphStack';

jest.setTimeout(60_000);

/**
 * The composition root's way into a meeting, counted in Graph requests (a $batch is one): a known key costs
 * one; a Teams meeting chat two (chat and join links together, then the meeting and its rows), for the
 * organizer and an attendee alike, and the meeting is then open without asking again.
 */
let server: Awaited<ReturnType<typeof localGraph>>['server'];
beforeAll(async () => {
  ({ server } = await localGraph({ seed: 'demo' }));
});
afterAll(async () => server?.close());

async function pageOf(upn: string) {
  const person = localSharePoint(server, upn);
  const calendar = new GraphCalendar(person.graph, (h) => h);
  const day = 86400000;
  const meetings = await calendar.listMeetings(
    new Date(Date.now() - day).toISOString(),
    new Date(Date.now() + 30 * day).toISOString(),
  );
  const upcoming = meetings.find((m) => m.joinUrl)!;
  const chatId = decodeURIComponent(/meetup-join\/([^/]+)/.exec(upcoming.joinUrl!)![1]);
  // A fresh page: new adapters, nothing remembered.
  const fresh = localSharePoint(server, upn);
  return { upcoming, chatId, page: { ...fresh, calendar: new GraphCalendar(fresh.graph, (h) => h) } };
}

async function openThrough(
  upn: string,
  host: HostContext['meeting'],
  urlKey: string | null,
  page: Awaited<ReturnType<typeof pageOf>>['page'],
) {
  const before = page.graph.counter.count;
  const { me, meetingKey } = await signInAndFindMeeting({
    graph: page.graph,
    calendar: page.calendar,
    lists: page.lists,
    urlKey,
    host: { meeting: host },
    fallbackUpn: upn,
    readsMeeting: true,
  });
  const view = await openMeeting(
    {
      me,
      calendar: page.calendar,
      lists: page.lists,
      permissions: page.permissions,
      outbox: new MemoryOutbox(),
      clock: systemClock,
    },
    meetingKey!,
  );
  return { meetingKey, view, requests: page.graph.counter.count - before };
}

test.each(['sofie@kommune.example', 'erik@kommune.example'])(
  'from a Teams meeting chat, %s finds the meeting and its rows in two requests',
  async (upn) => {
    const { upcoming, chatId, page } = await pageOf(upn);
    const opened = await openThrough(upn, { chatId }, null, page);
    expect(opened.meetingKey).toBe(upcoming.key);
    expect(opened.view.meeting.title).toBe(upcoming.subject);
    expect(opened.requests).toBe(2);
  },
);

test('with the key in the address it is one request', async () => {
  const { upcoming, chatId, page } = await pageOf('erik@kommune.example');
  const opened = await openThrough('erik@kommune.example', { chatId }, upcoming.key, page);
  expect(opened.meetingKey).toBe(upcoming.key);
  expect(opened.requests).toBe(1);
});

test("a chat whose meeting is not among the join links (another page of the calendar) is still found, by the chat's own lookups", async () => {
  const { upcoming, chatId, page } = await pageOf('erik@kommune.example');
  // The join links come back without this meeting, as when the calendar holds more than one page of them.
  const links = page.calendar.joinLinksRequest.bind(page.calendar);
  page.calendar.joinLinksRequest = () => ({
    ...links(),
    url: links()
      .url.replace(/startDateTime=[^&]+/, 'startDateTime=2000-01-01T00:00:00.000Z')
      .replace(/endDateTime=[^&]+/, 'endDateTime=2000-01-02T00:00:00.000Z'),
  });
  const opened = await openThrough('erik@kommune.example', { chatId }, null, page);
  expect(opened.meetingKey).toBe(upcoming.key);
  expect(opened.requests).toBeGreaterThan(2);
});
