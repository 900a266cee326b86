/**
 * The Word original as the item's first bilag (issue 25 point 1): importing an indstilling from .docx keeps
 * the indstilling and stores the document as "Indstilling.docx" among the item's bilag, once however often it
 * is imported; when the document cannot be stored the indstilling is kept and the failure said, and storing
 * it again works. With the memory store and with Graph's drive API on the local server.
 */
import { GraphBilagStore } from '../../src/adapters/graph/graphBilagStore';
import { MemoryBilagStore } from '../../src/adapters/memory/memoryBilagStore';
import { importWordIndstilling, keepWordOriginal } from '../../src/app/wordIndstilling';
import type { AgendaItem } from '../../src/domain/agendaItem';
import { WORD_ORIGINAL_NAME, wordOriginalFirst } from '../../src/domain/bilag/wordOriginal';
import { emptyIndstilling, type Indstilling } from '../../src/domain/indstilling/indstilling';
import type { Meeting } from '../../src/domain/meeting';
import { planMeetingPermissions } from '../../src/domain/meetingScopes';
import type { BilagStore } from '../../src/ports/BilagStore';
import { NotFound } from '../../src/ports/errors';
import type { GraphServer } from '../../devServer/server';
import { localGraph, localSharePoint, provisionSite, SITE } from '../contracts/graphStack';

const item = { id: 'a1', title: 'Status på Integrationshandleplanen', closed: false };
const paper: Indstilling = {
  ...emptyIndstilling(),
  title: '',
  points: ['rådmanden tager status til efterretning.'],
};
const read = async (document: Uint8Array) => {
  if (new TextDecoder().decode(document).startsWith('not word')) throw new Error('not a .docx');
  return paper;
};
const docx = (text: string) => new TextEncoder().encode(`PK ${text}`);

describe('with the memory store', () => {
  test('the indstilling is kept and the document stored once as the item’s first bilag, re-import a new version', async () => {
    const store = new MemoryBilagStore();
    await store.upload('k', 'a1', { name: 'Bilag 1 Handleplan.pdf', bytes: docx('pdf') });
    const kept: Indstilling[] = [];
    const first = await importWordIndstilling(read, { store, meeting: 'k' }, item, docx('v1'), (x) =>
      kept.push(x),
    );
    expect(kept).toEqual([{ ...paper, title: item.title, closed: false }]);
    expect(first.original).toMatchObject({ kept: true, bilag: { name: WORD_ORIGINAL_NAME } });
    const again = await importWordIndstilling(read, { store, meeting: 'k' }, item, docx('v2'), () => {});
    expect(again.original).toMatchObject({ kept: true });
    const files = wordOriginalFirst(await store.list('k', 'a1'));
    expect(files.map((f) => f.name)).toEqual([WORD_ORIGINAL_NAME, 'Bilag 1 Handleplan.pdf']);
    expect(files[0].eTag).not.toBe(first.original?.kept && first.original.bilag.eTag);
    expect(new TextDecoder().decode((await store.download('k', 'a1', WORD_ORIGINAL_NAME)).bytes)).toBe(
      'PK v2',
    );
  });

  test('an original that cannot be stored leaves the indstilling kept and says why; trying again stores it', async () => {
    const store = new MemoryBilagStore();
    let refuse = true;
    const flaky: BilagStore = {
      list: (m, i) => store.list(m, i),
      download: (m, i, n) => store.download(m, i, n),
      pdf: (m, i, n) => store.pdf(m, i, n),
      upload: (m, i, f) => (refuse ? Promise.reject(new NotFound('no folder yet')) : store.upload(m, i, f)),
    };
    const kept: Indstilling[] = [];
    const result = await importWordIndstilling(read, { store: flaky, meeting: 'k' }, item, docx('v1'), (x) =>
      kept.push(x),
    );
    expect(kept).toHaveLength(1);
    expect(result.original).toMatchObject({ kept: false, error: { kind: 'NotFound' } });
    refuse = false;
    await keepWordOriginal(flaky, 'k', 'a1', docx('v1'));
    expect((await store.list('k', 'a1')).map((f) => f.name)).toEqual([WORD_ORIGINAL_NAME]);
  });

  test('a document that is not Word changes nothing: no indstilling, no bilag', async () => {
    const store = new MemoryBilagStore();
    const kept: Indstilling[] = [];
    await expect(
      importWordIndstilling(read, { store, meeting: 'k' }, item, new TextEncoder().encode('not word'), (x) =>
        kept.push(x),
      ),
    ).rejects.toThrow('not a .docx');
    expect(kept).toEqual([]);
    expect(await store.list('k', 'a1')).toEqual([]);
  });
});

describe('with Graph’s drive API on the local server', () => {
  let server: GraphServer;
  const store = () => {
    const p = localSharePoint(server, 'sofie@kommune.example');
    return new GraphBilagStore(p.graph, SITE, p.rest);
  };
  beforeAll(async () => {
    ({ server } = await localGraph({ seed: 'none' }));
    await provisionSite(server);
  });
  afterAll(() => server.close());

  async function meeting(sent: boolean): Promise<string> {
    const sofie = localSharePoint(server, 'sofie@kommune.example');
    const key = `word-${Math.random().toString(36).slice(2)}@kommune.example`;
    const m: Meeting = {
      key,
      series: 'Rådmandsmøder',
      title: 'Rådmandsmøde',
      start: '2024-06-24T10:00:00.000Z',
      end: '2024-06-24T12:00:00.000Z',
      location: '',
      organizer: { upn: 'sofie@kommune.example', name: 'Sofie Holm' },
      attendees: [{ upn: 'anders@kommune.example', name: 'Anders' }],
      status: sent ? 'Udsendt' : 'Planlagt',
      agendaVersion: sent ? 1 : 0,
    };
    const saved = await sofie.lists.saveMeeting(m);
    const items: Pick<AgendaItem, 'id' | 'number' | 'closed' | 'guests'>[] = [
      { id: 'a1', number: 1, closed: false, guests: [] },
    ];
    if (sent)
      await sofie.permissions.apply(
        planMeetingPermissions({ meeting: m, items, approved: false, archive: false }),
        {
          meetings: saved.id,
          agenda: {},
        },
      );
    return key;
  }

  test('imported twice after "Send dagsorden": one Indstilling.docx, holding the second document', async () => {
    const key = await meeting(true);
    const bilag = { store: store(), meeting: key };
    expect((await importWordIndstilling(read, bilag, item, docx('v1'), () => {})).original).toMatchObject({
      kept: true,
    });
    expect((await importWordIndstilling(read, bilag, item, docx('v2'), () => {})).original).toMatchObject({
      kept: true,
    });
    expect((await bilag.store.list(key, 'a1')).map((f) => f.name)).toEqual([WORD_ORIGINAL_NAME]);
    const got = await bilag.store.download(key, 'a1', WORD_ORIGINAL_NAME);
    expect(new TextDecoder().decode(got.bytes)).toBe('PK v2');
  });

  test('before "Send dagsorden" the item has no folder: the indstilling is kept, the original refused as NotFound', async () => {
    const key = await meeting(false);
    const kept: Indstilling[] = [];
    const result = await importWordIndstilling(
      read,
      { store: store(), meeting: key },
      item,
      docx('v1'),
      (x) => kept.push(x),
    );
    expect(kept).toHaveLength(1);
    expect(result.original).toMatchObject({ kept: false, error: { kind: 'NotFound' } });
  });
});
