/**
 * The bad-input catalogue (issue 8): every case gets a clear Danish message, a typed error at the port,
 * and leaves nothing half-written. Use cases run on the fakes; what the server must refuse by itself is
 * asked of the local Graph server over HTTP, through the same adapters the add-in uses.
 */
import { DevTokenProvider } from '../../src/adapters/auth/devTokenProvider';
import { createGraphConnection } from '../../src/adapters/graph/graphClient';
import { openMeeting } from '../../src/app/openMeeting';
import { sendAgenda } from '../../src/app/sendAgenda';
import type { AgendaItem } from '../../src/domain/agendaItem';
import { validateAgenda, validateDecision, ValidationError } from '../../src/domain/validation';
import { PortError } from '../../src/ports/errors';
import { messageOf } from '../../src/ui/errors';
import { depsAs } from '../support/nodeDeps';
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import { KEY, people, seedItems, world } from '../app/fixtures';

const SITE = 'kommune.sharepoint.com:/sites/moeder';
const catalogue: string[] = [];
const entry = (name: string) => {
  catalogue.push(name);
  return name;
};
afterAll(() => {
  // The note reports the catalogue's size.
  console.log(`bad-input catalogue: ${catalogue.length} cases`);
});

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

const item = (over: Partial<AgendaItem>): AgendaItem => ({ ...seedItems()[2], ...over });

describe('use cases refuse bad input and write nothing', () => {
  async function sendAndExpectNothingWritten(items: AgendaItem[]) {
    const w = world();
    const sofie = w.as(people.sofie);
    const view = await openMeeting(sofie, KEY);
    const bodyBefore = w.calendarState.events[0].bodyHtml;
    const e = await refusal(sendAgenda(sofie, view, items));
    expect(e).toBeInstanceOf(ValidationError);
    expect((await w.lists.openMeeting(KEY)).items).toEqual([]);
    expect(w.calendarState.events[0].bodyHtml).toBe(bodyBefore);
    return messageOf(e);
  }

  test(entry('a title over 255 characters'), async () => {
    expect(await sendAndExpectNothingWritten([item({ title: 'x'.repeat(256) })])).toMatch(
      /må højst være 255 tegn \(er 256\)/,
    );
  });
  test(entry('duplicate item numbers'), async () => {
    expect(await sendAndExpectNothingWritten([item({ number: 3 }), item({ id: 'b', number: 3 })])).toMatch(
      /Punkt 3 findes to gange/,
    );
  });
  test(entry('an attachment of a disallowed type'), async () => {
    const msg = await sendAndExpectNothingWritten([
      item({ attachments: [{ name: 'faktura.exe', url: 'https://x/faktura.exe', size: 10 }] }),
    ]);
    expect(msg).toMatch(/filtype, der ikke kan vedhæftes/);
  });
  test(entry('an attachment too big'), async () => {
    const msg = await sendAndExpectNothingWritten([
      item({ attachments: [{ name: 'Bilag.pdf', url: 'https://x/b.pdf', size: 40 * 1024 * 1024 }] }),
    ]);
    expect(msg).toMatch(/Bilaget "Bilag.pdf" er for stort \(40 MB\); højst 25 MB/);
  });
  test(entry('an attachment link that is not https (javascript:)'), async () => {
    const msg = await sendAndExpectNothingWritten([
      item({ attachments: [{ name: 'Bilag.pdf', url: 'javascript:alert(1)', size: 1 }] }),
    ]);
    expect(msg).toMatch(/ugyldig adresse/);
  });
  test(entry('an empty title'), async () => {
    expect(await sendAndExpectNothingWritten([item({ title: '   ' })])).toMatch(/skal udfyldes/);
  });
  test(entry('a negative or absurd duration'), async () => {
    // Sending applies the publish rule (issue 24: minutes 1–480), the stricter word for the field.
    expect(await sendAndExpectNothingWritten([item({ durationMinutes: -5 })])).toMatch(
      /Minutter skal være et helt tal fra 1 til 480/,
    );
  });
  test(entry('a 100 000-character decision'), () => {
    const e = (() => {
      try {
        validateDecision({
          itemNumber: 1,
          itemTitle: 'Dagsorden',
          text: 'å'.repeat(100_000),
          status: 'Kladde',
          editorUpn: 'mads@kommune.example',
          updatedAt: '2024-02-20T10:00:00Z',
        });
      } catch (err) {
        return err;
      }
    })();
    expect(messageOf(e)).toMatch(
      /Beslutningen er for lang: højst 63\.999 tegn \(er 100\.000\)\. Teksten er ikke gemt/,
    );
  });
  test(
    entry('control characters are removed; emoji, right-to-left text and combining marks are kept'),
    () => {
      const [clean] = validateAgenda([
        item({ title: 'Bud\u0000get\u0007 🎉 مرحبا q\u0307 e\u0301 <script>x</script>' }),
      ]);
      // Unicode is normalised to NFC (é becomes one character); a mark with no precomposed form stays.
      expect(clean.title).toBe('Budget 🎉 مرحبا q\u0307 \u00e9 <script>x</script>');
    },
  );
  test(entry('an unknown meeting'), async () => {
    const w = world();
    const e = await refusal(openMeeting(w.as(people.sofie), 'findes-ikke@kommune.example'));
    expect(e).toBeInstanceOf(PortError);
    expect(messageOf(e)).toMatch(/ikke inviteret|ikke fundet/);
  });
  test(entry('an event that is not ours: an attendee sends the agenda'), async () => {
    const w = world();
    const anders = w.as(people.anders);
    const e = await refusal(async () => sendAgenda(anders, await openMeeting(anders, KEY), seedItems()));
    expect((e as PortError).kind).toBe('Forbidden');
    expect(messageOf(e)).toMatch(/[Kk]un|ikke adgang/);
    expect((await w.lists.openMeeting(KEY)).items).toEqual([]);
  });
});

describe('the local Graph server refuses by itself, as SharePoint and Exchange do', () => {
  let server: GraphServer;
  const as = (upn: string) =>
    createGraphConnection({
      baseUrl: server.url,
      tokens: new DevTokenProvider(server.origin, upn),
      scopes: [],
    });
  const lists = (upn: string) => depsAs(server, upn).lists;
  let key: string;
  let eventId: string;
  beforeAll(async () => {
    server = await startDemoServer({ port: 0, db: ':memory:', seed: 'demo' });
    const events = await as('sofie@kommune.example')
      .client.api('/me/calendarView')
      .query({
        startDateTime: new Date().toISOString(),
        endDateTime: new Date(Date.now() + 40 * 86400000).toISOString(),
      })
      .orderby('start/dateTime')
      .get();
    key = events.value[0].iCalUId;
    eventId = events.value[0].id;
  });
  afterAll(() => server.close());
  const raw = async (path: string, init: RequestInit & { upn?: string } = {}) => {
    const token = await new DevTokenProvider(server.origin, init.upn ?? 'sofie@kommune.example').getToken();
    const res = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });
    return {
      status: res.status,
      body: (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null,
    };
  };

  test(entry('an attendee writes a decision: 403 at the server, Forbidden at the port'), async () => {
    const e = await refusal(
      lists('anders@kommune.example').saveDecision(key, {
        itemNumber: 1,
        itemTitle: 'Dagsorden',
        text: 'Godkendt.',
        status: 'Kladde',
        editorUpn: 'anders@kommune.example',
        updatedAt: new Date().toISOString(),
      }),
    );
    expect((e as PortError).kind).toBe('Forbidden');
    expect(messageOf(e)).toBe('Du har ikke adgang til dette.');
    expect((await lists('sofie@kommune.example').openMeeting(key)).decisions).toEqual([]);
  });
  test(entry('a guest reads a closed item: not returned'), async () => {
    const snapshot = await lists('kamilla@kommune.example').openMeeting(key);
    expect(snapshot.items.length).toBe(1);
    expect(snapshot.items.some((i) => i.value.closed)).toBe(false);
  });
  test(entry('someone not invited reads anything: nothing'), async () => {
    const snapshot = await lists('peter@kommune.example').openMeeting(key);
    expect([snapshot.meeting, snapshot.items, snapshot.absences, snapshot.decisions]).toEqual([
      null,
      [],
      [],
      [],
    ]);
  });
  test(
    entry('a 100 000-character text at the server: 400, Invalid at the port, nothing stored'),
    async () => {
      const e = await refusal(
        lists('sofie@kommune.example').saveDecision(key, {
          itemNumber: 2,
          itemTitle: 'Referat',
          text: 'x'.repeat(100_000),
          status: 'Kladde',
          editorUpn: 'sofie@kommune.example',
          updatedAt: new Date().toISOString(),
        }),
      );
      expect((e as PortError).kind).toBe('Invalid');
      expect((await lists('sofie@kommune.example').openMeeting(key)).decisions).toEqual([]);
    },
  );
  test(entry('malformed JSON'), async () => {
    const res = await raw(`/sites/${SITE}:/lists/Decisions/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"fields": {',
    });
    expect(res.status).toBe(400);
    expect(res.body?.error?.code).toBeTruthy();
  });
  test(entry('a wrong content type'), async () => {
    const res = await raw(`/sites/${SITE}:/lists/Decisions/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'fields=1',
    });
    expect([400, 415]).toContain(res.status);
    expect(res.body?.error?.code).toBeTruthy();
  });
  test(entry('a forged token'), async () => {
    const res = await fetch(`${server.url}/me`, {
      headers: { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJ1cG4iOiJzb2ZpZUBrb21tdW5lLmV4YW1wbGUifQ.' },
    });
    expect(res.status).toBe(401);
  });
  test(entry('an expired token'), async () => {
    const expired = await new DevTokenProvider(server.origin, 'sofie@kommune.example', {
      lifetimeSeconds: 1,
    }).getToken();
    expect(
      (await fetch(`${server.url}/me`, { headers: { Authorization: `Bearer ${expired}` } })).status,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 2100));
    const res = await fetch(`${server.url}/me`, { headers: { Authorization: `Bearer ${expired}` } });
    expect(res.status).toBe(401);
  });
  test(entry('an attachment over 3 MB posted inline: 413'), async () => {
    const res = await raw(`/me/events/${eventId}/attachments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: 'Bilag.pdf',
        contentBytes: Buffer.alloc(3 * 1024 * 1024 + 1).toString('base64'),
      }),
    });
    expect(res.status).toBe(413);
  });
  test(entry('an unknown field or a value outside a choice column'), async () => {
    const e = await refusal(
      lists('sofie@kommune.example').saveDecision(key, {
        itemNumber: 3,
        itemTitle: 'x',
        text: 'y',
        status: 'Vedtaget' as never,
        editorUpn: 'sofie@kommune.example',
        updatedAt: new Date().toISOString(),
      }),
    );
    expect((e as PortError).kind).toBe('Invalid');
  });
});
