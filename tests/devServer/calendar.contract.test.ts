import { caller, localOnly, target, type Caller, type Target } from './target';

let t: Target;
let sofie: Caller;
const hour = 3600000;
const when = (h: number) => ({
  dateTime: new Date(Date.UTC(2031, 2, 4, 10 + h)).toISOString(),
  timeZone: 'UTC',
});
const newEvent = (extra: Record<string, unknown> = {}) => ({
  subject: 'Rådmandsmøde',
  body: { contentType: 'html', content: '<p>Velkommen</p>' },
  start: when(0),
  end: when(2),
  location: { displayName: 'Rådmandens kontor, vær. 436' },
  attendees: [
    { emailAddress: { address: 'anders@kommune.example' } },
    { emailAddress: { address: 'mads@kommune.example' } },
  ],
  isOnlineMeeting: true,
  ...extra,
});

beforeAll(async () => {
  t = await target();
  sofie = await t.as('sofie@kommune.example');
});
afterAll(() => t.close());

test('every call needs a valid token: none, forged and expired all get 401 with a Graph error body', async () => {
  const none = await caller(t.base, null)('/me');
  expect(none.status).toBe(401);
  expect(none.body.error.code).toBe('InvalidAuthenticationToken');
  const forged = await caller(t.base, 'eyJhbGciOiJIUzI1NiJ9.eyJ1cG4iOiJzb2ZpZSJ9.c2lnbmF0dXJl')('/me');
  expect(forged.status).toBe(401);
});

describe('people', () => {
  test('/me and /users describe the signed-in person and the tenant', async () => {
    const me = await sofie('/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      userPrincipalName: expect.stringContaining('@'),
      displayName: expect.any(String),
    });
    const users = await sofie('/users?$select=displayName,userPrincipalName');
    expect(users.body.value.length).toBeGreaterThan(0);
  });
});

localOnly('people (local tenant)', () => {
  test('a user by UPN, an unknown one 404, and an unknown UPN cannot get a token', async () => {
    expect((await sofie('/users/mads@kommune.example')).body).toMatchObject({
      displayName: 'Mads Nielsen',
      jobTitle: 'Konsulent',
    });
    expect((await sofie('/users/nobody@kommune.example')).status).toBe(404);
    const res = await fetch(`${t.server!.origin}/_dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn: 'nobody@kommune.example' }),
    });
    expect(res.status).toBe(400);
  });

  test('an expired token is refused', async () => {
    const { devToken } = await import('./target');
    const token = await devToken(t.server!.origin, 'mads@kommune.example', 1);
    await new Promise((r) => setTimeout(r, 1100));
    const res = await caller(t.base, token)('/me');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/expired/);
  });
});

localOnly('events across mailboxes', () => {
  test('creating a meeting gives each attendee a copy with the same iCalUId, not yet answered', async () => {
    const created = await sofie('/me/events', { method: 'POST', body: newEvent() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ isOrganizer: true, responseStatus: { response: 'organizer' } });
    const anders = await t.as('anders@kommune.example');
    const copy = await anders(`/me/events?$filter=iCalUId eq '${created.body.iCalUId}'`);
    expect(copy.body.value).toHaveLength(1);
    expect(copy.body.value[0].id).not.toBe(created.body.id);
    expect(copy.body.value[0]).toMatchObject({
      isOrganizer: false,
      responseStatus: { response: 'notResponded' },
      organizer: { emailAddress: { address: 'sofie@kommune.example' } },
    });
  });

  test("the organizer's change reaches every copy; an attendee's change stays in their own", async () => {
    const created = (await sofie('/me/events', { method: 'POST', body: newEvent() })).body;
    const anders = await t.as('anders@kommune.example');
    const mads = await t.as('mads@kommune.example');
    const andersCopy = (await anders(`/me/events?$filter=iCalUId eq '${created.iCalUId}'`)).body.value[0];
    await sofie(`/me/events/${created.id}`, {
      method: 'PATCH',
      body: { subject: 'Rådmandsmøde (flyttet)', location: { displayName: 'Lokale 381' } },
    });
    expect((await anders(`/me/events/${andersCopy.id}`)).body).toMatchObject({
      subject: 'Rådmandsmøde (flyttet)',
      location: { displayName: 'Lokale 381' },
    });
    await anders(`/me/events/${andersCopy.id}`, { method: 'PATCH', body: { subject: 'Min egen titel' } });
    expect((await sofie(`/me/events/${created.id}`)).body.subject).toBe('Rådmandsmøde (flyttet)');
    const madsCopy = (await mads(`/me/events?$filter=iCalUId eq '${created.iCalUId}'`)).body.value[0];
    expect(madsCopy.subject).toBe('Rådmandsmøde (flyttet)');
  });

  test('adding and removing attendees gives and takes copies; an answer reaches the organizer', async () => {
    const created = (await sofie('/me/events', { method: 'POST', body: newEvent() })).body;
    await sofie(`/me/events/${created.id}`, {
      method: 'PATCH',
      body: {
        attendees: [
          { emailAddress: { address: 'anders@kommune.example' } },
          { emailAddress: { address: 'erik@kommune.example' } },
        ],
      },
    });
    const erik = await t.as('erik@kommune.example');
    const mads = await t.as('mads@kommune.example');
    const erikCopy = (await erik(`/me/events?$filter=iCalUId eq '${created.iCalUId}'`)).body.value[0];
    expect(erikCopy).toBeDefined();
    expect((await mads(`/me/events?$filter=iCalUId eq '${created.iCalUId}'`)).body.value[0].isCancelled).toBe(
      true,
    );
    const declined = await erik(`/me/events/${erikCopy.id}/decline`, {
      method: 'POST',
      body: { comment: 'Ferie', sendResponse: true },
    });
    expect(declined.status).toBe(202);
    const organizer = (await sofie(`/me/events/${created.id}`)).body;
    expect(
      organizer.attendees.find(
        (a: { emailAddress: { address: string } }) => a.emailAddress.address === 'erik@kommune.example',
      ).status.response,
    ).toBe('declined');
  });

  test("the organizer's delete cancels the attendees' copies", async () => {
    const created = (await sofie('/me/events', { method: 'POST', body: newEvent() })).body;
    expect((await sofie(`/me/events/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await sofie(`/me/events/${created.id}`)).status).toBe(404);
    const anders = await t.as('anders@kommune.example');
    expect(
      (await anders(`/me/events?$filter=iCalUId eq '${created.iCalUId}'`)).body.value[0].isCancelled,
    ).toBe(true);
  });

  test('a series is a master in /me/events and occurrences in /me/calendarView, paged with nextLink', async () => {
    const master = (
      await sofie('/me/events', {
        method: 'POST',
        body: newEvent({
          recurrence: {
            pattern: { type: 'weekly', interval: 2 },
            range: { type: 'numbered', numberOfOccurrences: 3 },
          },
        }),
      })
    ).body;
    expect(master.type).toBe('seriesMaster');
    const events = (await sofie(`/me/events?$filter=iCalUId eq '${master.iCalUId}'`)).body.value;
    expect(events).toHaveLength(1);
    const window = `startDateTime=2031-03-01T00:00:00Z&endDateTime=2031-05-01T00:00:00Z`;
    const first = (
      await sofie(
        `/me/calendarView?${window}&$filter=seriesMasterId eq '${master.id}'&$orderby=start/dateTime&$top=2`,
      )
    ).body;
    expect(first.value.map((o: { type: string }) => o.type)).toEqual(['occurrence', 'occurrence']);
    expect(first['@odata.nextLink']).toContain('$skip=2');
    const second = (await sofie(first['@odata.nextLink'])).body;
    expect(second.value).toHaveLength(1);
    expect(new Set([...first.value, ...second.value].map((o: { iCalUId: string }) => o.iCalUId)).size).toBe(
      3,
    );
  });

  test('calendarView needs its time window', async () => {
    const res = await sofie('/me/calendarView');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ErrorInvalidParameter');
  });
});

localOnly('extensions, attachments, chats', () => {
  test('an open extension is created, read, patched and expanded', async () => {
    const e = (await sofie('/me/events', { method: 'POST', body: newEvent() })).body;
    const made = await sofie(`/me/events/${e.id}/extensions`, {
      method: 'POST',
      body: {
        '@odata.type': 'microsoft.graph.openTypeExtension',
        extensionName: 'dk.kommune.moedeassistent',
        agendaVersion: 1,
      },
    });
    expect(made.status).toBe(201);
    expect(
      (
        await sofie(`/me/events/${e.id}/extensions`, {
          method: 'POST',
          body: {
            '@odata.type': 'microsoft.graph.openTypeExtension',
            extensionName: 'dk.kommune.moedeassistent',
          },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await sofie(`/me/events/${e.id}/extensions/dk.kommune.moedeassistent`, {
          method: 'PATCH',
          body: {
            '@odata.type': 'microsoft.graph.openTypeExtension',
            extensionName: 'dk.kommune.moedeassistent',
            agendaVersion: 2,
          },
        })
      ).status,
    ).toBe(200);
    const expanded = (
      await sofie(
        `/me/events/${e.id}?$expand=extensions($filter=id eq 'Microsoft.OutlookServices.OpenTypeExtension.dk.kommune.moedeassistent')`,
      )
    ).body;
    expect(expanded.extensions[0]).toMatchObject({
      extensionName: 'dk.kommune.moedeassistent',
      agendaVersion: 2,
    });
  });

  test('attachments: small ones inline, attendees see them, big ones need an upload session', async () => {
    const e = (await sofie('/me/events', { method: 'POST', body: newEvent() })).body;
    const bytes = Buffer.from('Dagsorden for rådmandsmødet');
    const small = await sofie(`/me/events/${e.id}/attachments`, {
      method: 'POST',
      body: {
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: 'Dagsorden.txt',
        contentType: 'text/plain',
        contentBytes: bytes.toString('base64'),
      },
    });
    expect(small.status).toBe(201);
    const anders = await t.as('anders@kommune.example');
    const copy = (await anders(`/me/events?$filter=iCalUId eq '${e.iCalUId}'`)).body.value[0];
    const listed = (await anders(`/me/events/${copy.id}/attachments`)).body.value;
    expect(listed.map((a: { name: string }) => a.name)).toEqual(['Dagsorden.txt']);
    const raw = await anders(`/me/events/${copy.id}/attachments/${listed[0].id}/$value`);
    expect(raw.status).toBe(200);
    expect(raw.body).toBe('Dagsorden for rådmandsmødet');

    const big = Buffer.alloc(3 * 1024 * 1024 + 10, 1);
    expect(
      (
        await sofie(`/me/events/${e.id}/attachments`, {
          method: 'POST',
          body: {
            '@odata.type': '#microsoft.graph.fileAttachment',
            name: 'Bilag.pdf',
            contentBytes: big.toString('base64'),
          },
        })
      ).status,
    ).toBe(413);
    const session = (
      await sofie(`/me/events/${e.id}/attachments/createUploadSession`, {
        method: 'POST',
        body: { AttachmentItem: { attachmentType: 'file', name: 'Bilag.pdf', size: big.length } },
      })
    ).body;
    const half = Math.floor(big.length / 2);
    const put = (from: number, to: number) =>
      fetch(session.uploadUrl, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Range': `bytes ${from}-${to - 1}/${big.length}`,
        },
        body: big.subarray(from, to),
      });
    expect((await put(0, half)).status).toBe(200);
    expect((await put(half, big.length)).status).toBe(201);
    const names = (await sofie(`/me/events/${e.id}/attachments`)).body.value.map(
      (a: { name: string; size: number }) => [a.name, a.size],
    );
    expect(names).toContainEqual(['Bilag.pdf', big.length]);
  });

  test("a Teams chat leads to its meeting's calendar event", async () => {
    const e = (await sofie('/me/events', { method: 'POST', body: newEvent() })).body;
    const { chatId } = (await (
      await fetch(`${t.server!.origin}/_dev/chats?meeting=${encodeURIComponent(e.iCalUId)}`)
    ).json()) as { chatId: string };
    const chat = await sofie(`/chats/${encodeURIComponent(chatId)}`);
    expect(chat.body.onlineMeetingInfo).toMatchObject({
      calendarEventId: e.id,
      joinWebUrl: e.onlineMeeting.joinUrl,
    });
    const peter = await t.as('peter@kommune.example');
    expect((await peter(`/chats/${encodeURIComponent(chatId)}`)).status).toBe(403);
  });
});

localOnly('bad requests', () => {
  test('malformed JSON → 400 and a wrong content type → 415, both with Graph error bodies', async () => {
    const bad = await sofie('/me/events', { method: 'POST', raw: '{"subject": ' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BadRequest');
    const wrong = await sofie('/me/events', {
      method: 'POST',
      raw: 'subject=x',
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(wrong.status).toBe(415);
    expect(wrong.body.error).toBeDefined();
  });

  test('an unknown resource and a bad filter are 400s', async () => {
    expect((await sofie('/me/somethingElse')).status).toBe(400);
    expect((await sofie('/me/events?$filter=subject eq')).status).toBe(400);
  });

  test('a meeting must not end before it starts', async () => {
    const res = await sofie('/me/events', { method: 'POST', body: newEvent({ end: when(-1) }) });
    expect(res.status).toBe(400);
  });
});

void hour;
