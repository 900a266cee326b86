/**
 * The calendar adapter against the local Graph server, which answers as Graph v1.0 does: an open-extension
 * PATCH replaces the extension ("Update open extension"), so the adapter must always send it whole; and
 * event times may come in any zone ("dateTimeTimeZone resource type", "Prefer: outlook.timezone").
 */
import type { Event } from '@microsoft/microsoft-graph-types';
import { AGENDA_END, AGENDA_START } from '../../src/domain/agendaSection';
import { GraphCalendar } from '../../src/adapters/graph/graphCalendar';
import { toCalendarEvent } from '../../src/adapters/graph/graphEvent';
import { EXTENSION_NAME, extensionBody } from '../../src/adapters/graph/meetingExtension';
import { toIsoUtc } from '../../src/adapters/graph/graphTime';
import type { GraphConnection } from '../../src/adapters/graph/graphClient';
import { localGraph } from '../contracts/graphStack';
import type { GraphServer } from '../../devServer/server';
import { devToken } from '../devServer/target';

let server: GraphServer;
let connection: GraphConnection;
let token: string;
const sent: Array<{ method: string; path: string; body: unknown }> = [];

beforeAll(async () => {
  const local = await localGraph();
  server = local.server;
  connection = local.connect('sofie@kommune.example');
  token = await devToken(server.origin, 'sofie@kommune.example');
  // Record what the adapter writes, then let it through to the server.
  const api = connection.client.api.bind(connection.client);
  jest.spyOn(connection.client, 'api').mockImplementation((path: string) => {
    const request = api(path);
    for (const method of ['patch', 'post'] as const) {
      const original = request[method].bind(request);
      request[method] = (body: unknown) => {
        sent.push({ method, path, body });
        return original(body);
      };
    }
    return request;
  });
});
afterAll(() => server.close());

async function graph(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return {
    status: res.status,
    body: (await res.json().catch(() => undefined)) as Record<string, unknown> & Event,
  };
}

const publication = (agendaVersion: number, key: string) => ({
  sectionHtml: `${AGENDA_START}<p>Dagsorden v${agendaVersion}</p>${AGENDA_END}`,
  extension: { meetingKey: key, siteId: 'kommune.sharepoint.com,site,web', agendaVersion },
});

test('publishing twice keeps meetingKey and siteId: every extension write is the whole extension', async () => {
  const calendar = new GraphCalendar(connection, (html) => html);
  const e = (
    await graph('/me/events', {
      method: 'POST',
      body: {
        subject: 'Rådmandsmøde',
        start: { dateTime: '2031-03-04T11:00:00', timeZone: 'Romance Standard Time' },
        end: { dateTime: '2031-03-04T13:00:00', timeZone: 'Romance Standard Time' },
      },
    })
  ).body;
  await calendar.publishAgenda(e.id!, publication(1, e.iCalUId!));
  await calendar.publishAgenda(e.id!, publication(2, e.iCalUId!));
  const stored = (await graph(`/me/events/${e.id}/extensions/${EXTENSION_NAME}`)).body;
  expect(stored).toMatchObject({
    extensionName: EXTENSION_NAME,
    meetingKey: e.iCalUId,
    siteId: 'kommune.sharepoint.com,site,web',
    agendaVersion: 2,
  });
  const writes = sent.filter((s) => s.path.includes('/extensions'));
  expect(writes.map((w) => w.method)).toEqual(['patch', 'post', 'patch']);
  for (const w of writes)
    expect(w.body).toEqual({
      '@odata.type': 'microsoft.graph.openTypeExtension',
      extensionName: EXTENSION_NAME,
      meetingKey: e.iCalUId,
      siteId: 'kommune.sharepoint.com,site,web',
      agendaVersion: expect.any(Number),
    });
});

test('the server replaces on PATCH, so a partial write would lose fields (why the adapter never sends one)', async () => {
  const e = (
    await graph('/me/events', {
      method: 'POST',
      body: {
        subject: 'x',
        start: { dateTime: '2031-03-05T10:00:00', timeZone: 'UTC' },
        end: { dateTime: '2031-03-05T11:00:00', timeZone: 'UTC' },
      },
    })
  ).body;
  await graph(`/me/events/${e.id}/extensions`, {
    method: 'POST',
    body: extensionBody({ meetingKey: e.iCalUId!, siteId: 's', agendaVersion: 1 }),
  });
  const { siteId: _dropped, ...partial } = extensionBody({
    meetingKey: e.iCalUId!,
    siteId: 's',
    agendaVersion: 2,
  });
  await graph(`/me/events/${e.id}/extensions/${EXTENSION_NAME}`, { method: 'PATCH', body: partial });
  expect((await graph(`/me/events/${e.id}/extensions/${EXTENSION_NAME}`)).body.siteId).toBeUndefined();
});

test('an event Outlook stored in Romance Standard Time is read as the right instant, whatever zone Graph answers in', async () => {
  const calendar = new GraphCalendar(
    connection,
    (html) => html,
    () => new Date('2031-03-01T00:00:00Z'),
  );
  const e = (
    await graph('/me/events', {
      method: 'POST',
      body: {
        subject: 'Fra Outlook',
        start: { dateTime: '2031-03-06T11:00:00', timeZone: 'Romance Standard Time' },
        end: { dateTime: '2031-03-06T12:00:00', timeZone: 'Romance Standard Time' },
      },
    })
  ).body;
  const read = await calendar.findByEventId(e.id!);
  expect(read.start).toBe('2031-03-06T10:00:00.000Z');
  expect(read.end).toBe('2031-03-06T11:00:00.000Z');
  const inCopenhagen = (
    await graph(`/me/events/${e.id}`, { headers: { Prefer: 'outlook.timezone="Romance Standard Time"' } })
  ).body;
  expect(inCopenhagen.start).toEqual({
    dateTime: '2031-03-06T11:00:00.0000000',
    timeZone: 'Romance Standard Time',
  });
  expect(toCalendarEvent(inCopenhagen).start).toBe('2031-03-06T10:00:00.000Z');
});

test.each([
  [{ dateTime: '2024-02-20T10:00:00.0000000', timeZone: 'UTC' }, '2024-02-20T10:00:00.000Z'],
  [
    { dateTime: '2024-02-20T11:00:00.0000000', timeZone: 'Romance Standard Time' },
    '2024-02-20T10:00:00.000Z',
  ],
  [{ dateTime: '2024-07-01T11:00:00', timeZone: 'W. Europe Standard Time' }, '2024-07-01T09:00:00.000Z'],
  [{ dateTime: '2024-07-01T11:00:00.1234567', timeZone: 'Europe/Copenhagen' }, '2024-07-01T09:00:00.123Z'],
  [{ dateTime: '2024-07-01T10:00:00', timeZone: 'GMT Standard Time' }, '2024-07-01T09:00:00.000Z'],
  [{ dateTime: '2024-07-01T10:00:00Z', timeZone: 'Romance Standard Time' }, '2024-07-01T10:00:00.000Z'],
  [{ dateTime: '2024-07-01T12:00:00+02:00', timeZone: 'UTC' }, '2024-07-01T10:00:00.000Z'],
  [{ dateTime: '2024-01-01T00:30:00.5-0130', timeZone: 'UTC' }, '2024-01-01T02:00:00.500Z'],
])('toIsoUtc(%j) = %s (7 digits, no milliseconds needed, any zone)', (t, expected) => {
  expect(toIsoUtc(t)).toBe(expected);
});
