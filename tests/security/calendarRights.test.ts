import { caller, devToken } from '../devServer/target';
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';

/** Calendar copies as Exchange keeps them, tried as the people themselves, straight against Graph. */
let server: GraphServer;
const upn = (n: string) => `${n}@kommune.example`;
const as = async (n: string) => caller(server.url, await devToken(server.origin, upn(n)));

beforeAll(async () => {
  server = await startDemoServer({ port: 0, db: ':memory:', seed: 'none' });
});
afterAll(() => server.close());

const attach = (name: string) => ({
  method: 'POST',
  body: {
    '@odata.type': '#microsoft.graph.fileAttachment',
    name,
    contentType: 'text/plain',
    contentBytes: Buffer.from(`indhold af ${name}`).toString('base64'),
  },
});

test('an attendee removed from the event reads none of the attachments added afterwards', async () => {
  const sofie = await as('sofie');
  const start = new Date(Date.now() + 86400000);
  const created = await sofie('/me/events', {
    method: 'POST',
    body: {
      subject: 'Rådmandsmøde',
      start: { dateTime: start.toISOString(), timeZone: 'UTC' },
      end: { dateTime: new Date(start.getTime() + 3600000).toISOString(), timeZone: 'UTC' },
      attendees: ['anders', 'louise'].map((n) => ({ emailAddress: { address: upn(n) } })),
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await sofie(`/me/events/${id}/attachments`, attach('dagsorden.txt'))).status).toBe(201);
  const removed = await sofie(`/me/events/${id}`, {
    method: 'PATCH',
    body: { attendees: [{ emailAddress: { address: upn('anders') } }] },
  });
  expect(removed.status).toBe(200);
  const later = await sofie(`/me/events/${id}/attachments`, attach('personalesag.txt'));
  expect(later.status).toBe(201);

  const louise = await as('louise');
  const copies = await louise(`/me/events?$filter=iCalUId eq '${encodeURIComponent(created.body.iCalUId)}'`);
  expect(copies.body.value).toHaveLength(1);
  const copy = copies.body.value[0];
  expect(copy.isCancelled).toBe(true);
  const list = await louise(`/me/events/${copy.id}/attachments`);
  expect(list.body.value.map((a: { name: string }) => a.name)).toEqual(['dagsorden.txt']);
  expect((await louise(`/me/events/${copy.id}/attachments/${later.body.id}`)).status).toBe(404);
  expect((await louise(`/me/events/${copy.id}/attachments/${later.body.id}/$value`)).status).toBe(404);

  const anders = await as('anders');
  const andersCopy = (
    await anders(`/me/events?$filter=iCalUId eq '${encodeURIComponent(created.body.iCalUId)}'`)
  ).body.value[0];
  const andersList = await anders(`/me/events/${andersCopy.id}/attachments`);
  expect(andersList.body.value.map((a: { name: string }) => a.name).sort()).toEqual([
    'dagsorden.txt',
    'personalesag.txt',
  ]);
});
