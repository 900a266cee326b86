import { GraphBilagStore } from '../../src/adapters/graph/graphBilagStore';
import type { AgendaItem } from '../../src/domain/agendaItem';
import type { Meeting } from '../../src/domain/meeting';
import { planMeetingPermissions } from '../../src/domain/meetingScopes';
import type { GraphServer } from '../../devServer/server';
import { PortError } from '../../src/ports/errors';
import { bilagStoreContract } from './bilagStore.contract';
import { localGraph, localSharePoint, provisionSite, SITE } from './graphStack';

jest.setTimeout(60_000);

/** Items 1 (open, Kamilla its guest), 2 (open) and 3 (closed). */
const items: Pick<AgendaItem, 'id' | 'number' | 'closed' | 'guests'>[] = [
  {
    id: 'a1',
    number: 1,
    closed: false,
    guests: [{ name: 'Kamilla Uhd Hansen', upn: 'kamilla@kommune.example' }],
  },
  { id: 'a2', number: 2, closed: false, guests: [] },
  { id: 'a3', number: 3, closed: true, guests: [] },
];

/** A meeting of Sofie's with Mads attending, its row written and its permission plan applied (as "Send dagsorden"). */
async function sentMeeting(server: GraphServer): Promise<string> {
  const sofie = localSharePoint(server, 'sofie@kommune.example');
  const key = `bilag-${Math.random().toString(36).slice(2)}@kommune.example`;
  const meeting: Meeting = {
    key,
    series: 'Rådmandsmøder',
    title: 'Rådmandsmøde',
    start: '2024-02-20T10:00:00.000Z',
    end: '2024-02-20T12:00:00.000Z',
    location: '',
    organizer: { upn: 'sofie@kommune.example', name: 'Sofie Holm' },
    attendees: [{ upn: 'mads@kommune.example', name: 'Mads Nielsen' }],
    status: 'Udsendt',
    agendaVersion: 1,
  };
  const saved = await sofie.lists.saveMeeting(meeting);
  await sofie.permissions.apply(planMeetingPermissions({ meeting, items, approved: false, archive: false }), {
    meetings: saved.id,
    agenda: {},
  });
  return key;
}

const bilagOf = (server: GraphServer, upn: string) => {
  const p = localSharePoint(server, upn);
  return new GraphBilagStore(p.graph, SITE, p.rest);
};

bilagStoreContract('Graph drive API on the local server', async () => {
  const { server } = await localGraph({ seed: 'none' });
  await provisionSite(server);
  return {
    store: bilagOf(server, 'sofie@kommune.example'),
    meeting: () => sentMeeting(server),
    done: () => server.close(),
  };
});

describe('bilag in SharePoint have exactly the item’s readers', () => {
  let server: GraphServer;
  let key: string;
  beforeAll(async () => {
    ({ server } = await localGraph({ seed: 'none' }));
    await provisionSite(server);
    key = await sentMeeting(server);
    const sofie = bilagOf(server, 'sofie@kommune.example');
    for (const n of [1, 2, 3])
      await sofie.upload(key, `a${n}`, {
        name: `Bilag til punkt ${n}.pdf`,
        bytes: new TextEncoder().encode(`%PDF ${n}`),
      });
  });
  afterAll(() => server.close());

  const names = async (upn: string, n: number) =>
    (await bilagOf(server, upn).list(key, `a${n}`)).map((b) => b.name);
  const kind = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof PortError ? e.kind : String(e)),
    );

  test('the circle reads every item’s bilag, closed included, and may not add any', async () => {
    for (const n of [1, 2, 3])
      expect(await names('mads@kommune.example', n)).toEqual([`Bilag til punkt ${n}.pdf`]);
    expect(
      await kind(
        bilagOf(server, 'mads@kommune.example').upload(key, 'a2', {
          name: 'x.pdf',
          bytes: new Uint8Array(1),
        }),
      ),
    ).toBe('Forbidden');
  });

  test('a guest reads her own item’s bilag only; a closed item’s are not there for her', async () => {
    expect(await names('kamilla@kommune.example', 1)).toEqual(['Bilag til punkt 1.pdf']);
    expect(await names('kamilla@kommune.example', 2)).toEqual([]);
    expect(await names('kamilla@kommune.example', 3)).toEqual([]);
    expect(
      await kind(bilagOf(server, 'kamilla@kommune.example').download(key, 'a3', 'Bilag til punkt 3.pdf')),
    ).toBe('NotFound');
  });

  test('renumbering the agenda moves no file under another item’s permissions (folders are by item id)', async () => {
    // The guest's item and the closed item swap numbers: a1 becomes 3, a3 becomes 1.
    const sofie = localSharePoint(server, 'sofie@kommune.example');
    const swapped = items.map((i) =>
      i.id === 'a1' ? { ...i, number: 3 } : i.id === 'a3' ? { ...i, number: 1 } : i,
    );
    const row = await sofie.lists.readMeeting(key);
    await sofie.permissions.apply(
      planMeetingPermissions({
        meeting: row.meeting!.value,
        items: swapped,
        approved: false,
        archive: false,
      }),
      { meetings: row.meeting!.id, agenda: {} },
    );
    expect(await names('kamilla@kommune.example', 1)).toEqual(['Bilag til punkt 1.pdf']);
    expect(await names('kamilla@kommune.example', 3)).toEqual([]);
    expect(await names('mads@kommune.example', 3)).toEqual(['Bilag til punkt 3.pdf']);
  });

  test('someone outside the meeting reads nothing', async () => {
    for (const n of [1, 2, 3]) expect(await names('peter@kommune.example', n)).toEqual([]);
    expect(
      await kind(bilagOf(server, 'peter@kommune.example').download(key, 'a1', 'Bilag til punkt 1.pdf')),
    ).toBe('NotFound');
  });
});
