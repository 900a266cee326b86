import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DevTokenProvider } from '../../src/adapters/auth/devTokenProvider';
import { loadArchive } from '../../src/app/archive';
import { importMeetings } from '../../src/app/importMeetings';
import { tokenize } from '../../src/domain/archive/danishFold';
import type { ImportedMeeting, ImportResult } from '../../src/domain/history/importedMeeting';
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import { depsAs } from '../support/nodeDeps';

const SITE = 'kommune.sharepoint.com:/sites/moeder';
let server: GraphServer;
let meetings: ImportedMeeting[];

const depsOf = (upn: string) => depsAs(server, upn);
const storeAs = (upn: string) => depsOf(upn).lists;

async function rowCounts(): Promise<Record<string, number>> {
  const token = await new DevTokenProvider(server.origin, 'sofie@kommune.example').getToken();
  const out: Record<string, number> = {};
  for (const list of ['Meetings', 'AgendaItems', 'Decisions', 'FollowUps']) {
    const res = await fetch(`${server.url}/sites/${SITE}:/lists/${list}/items?$top=999`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    out[list] = ((await res.json()) as { value: Array<{ contentType?: { name?: string } }> }).value.filter(
      (r) => r.contentType?.name !== 'Folder',
    ).length;
  }
  return out;
}

beforeAll(async () => {
  server = await startDemoServer({ port: 0, db: ':memory:', seed: 'demo' });
  // The seeds' meetings as hand-labelled (tests/fixtures/import): what is imported, not how it is parsed
  // (tests/domain/history does that), so this runs in a clone without ../shared/seeds too.
  meetings = ['2022-12', '2024-02', '2024-06'].flatMap(
    (s) =>
      (
        JSON.parse(
          readFileSync(join(__dirname, `../fixtures/import/raadmandsmoede-${s}.expected.json`), 'utf8'),
        ) as Pick<ImportResult, 'meetings'>
      ).meetings,
  );
});
afterAll(() => server.close());

describe('importing the seeds into SharePoint through Graph', () => {
  test('writes every meeting; a second import creates and changes nothing', async () => {
    const before = await rowCounts();
    const sofie = { upn: 'sofie@kommune.example', name: 'Sofie Holm' };
    const first = await importMeetings(depsOf(sofie.upn), sofie, meetings);
    expect(first.meetings).toBe(meetings.length);
    const after = await rowCounts();
    expect(after.Meetings - before.Meetings).toBe(meetings.length);
    expect(after.Decisions - before.Decisions).toBe(
      meetings.flatMap((m) => m.items.filter((i) => i.decision)).length,
    );

    const second = await importMeetings(depsOf(sofie.upn), sofie, meetings);
    expect(second.written).toBe(0);
    expect(await rowCounts()).toEqual(after);
  });

  test('a site member who is not an owner is refused, and nothing is half-written', async () => {
    const peter = { upn: 'peter@kommune.example', name: 'Peter' };
    const before = await rowCounts();
    // SharePoint refuses him the lists he cannot see (Forbidden) or, as Members may create lists, refuses a
    // second list of the same name (Conflict): either way nothing is written.
    await expect(
      importMeetings(depsOf(peter.upn), peter, [{ ...meetings[0], date: '2020-01-01' }]),
    ).rejects.toMatchObject({ kind: expect.stringMatching(/^(Forbidden|Conflict)$/) });
    expect(await rowCounts()).toEqual(before);
  });
});

describe('the decision archive over the imported seeds', () => {
  test('finds every decision by a word from it', async () => {
    const index = await loadArchive(storeAs('sofie@kommune.example'));
    const decisions = index
      .search({ text: '', limit: 10_000 })
      .filter((h) => h.entry.decision && h.entry.meetingKey.startsWith('import-'));
    expect(decisions.length).toBe(meetings.flatMap((m) => m.items.filter((i) => i.decision)).length);
    const missed: string[] = [];
    for (const { entry } of decisions) {
      // The longest word of the decision, as someone would remember it.
      const word = tokenize(entry.decision).sort((a, b) => b.word.length - a.word.length)[0];
      const text = entry.decision.slice(word.start, word.end);
      const hits = index.search({ text, limit: 10_000 });
      if (
        !hits.some((h) => h.entry.meetingKey === entry.meetingKey && h.entry.itemNumber === entry.itemNumber)
      )
        missed.push(`${entry.meetingKey}#${entry.itemNumber} by "${text}"`);
    }
    expect(missed).toEqual([]);
  });

  test('finds every imported indstilling by a word only its points or sections have', async () => {
    const index = await loadArchive(storeAs('sofie@kommune.example'));
    const papers = index
      .search({ text: '', limit: 10_000 })
      .filter((h) => h.entry.indstilling && h.entry.meetingKey.startsWith('import-'));
    expect(papers.length).toBe(meetings.flatMap((m) => m.items.filter((i) => i.indstilling)).length);
    const missed: string[] = [];
    for (const { entry } of papers) {
      const elsewhere = new Set(tokenize(`${entry.itemTitle} ${entry.decision}`).map((t) => t.word));
      const word = tokenize(entry.indstilling)
        .filter((t) => !elsewhere.has(t.word))
        .sort((a, b) => b.word.length - a.word.length)[0];
      const text = entry.indstilling.slice(word.start, word.end);
      const hits = index.search({ text, limit: 10_000 });
      const found = hits.find(
        (h) => h.entry.meetingKey === entry.meetingKey && h.entry.itemNumber === entry.itemNumber,
      );
      if (!found?.highlights.some((h) => h.field === 'indstilling'))
        missed.push(`${entry.meetingKey}#${entry.itemNumber} by "${text}"`);
    }
    expect(missed).toEqual([]);
  });

  test('a member of the site reads imported history but not closed items, and nothing of live meetings he is not in', async () => {
    const sofie = await loadArchive(storeAs('sofie@kommune.example'));
    const anders = await loadArchive(storeAs('anders@kommune.example'));
    const closedForSofie = sofie.search({ text: 'lukket punkt', limit: 100 }).filter((h) => h.entry.closed);
    expect(closedForSofie.length).toBeGreaterThanOrEqual(2);
    expect(anders.search({ text: 'lukket punkt', limit: 100 }).filter((h) => h.entry.closed)).toEqual([]);
    expect(anders.search({ text: 'benchmarkingopgorelse' }).length).toBeGreaterThan(0);
    const peter = await loadArchive(storeAs('peter@kommune.example'));
    const keys = new Set(peter.search({ text: '', limit: 10_000 }).map((h) => h.entry.meetingKey));
    expect([...keys].filter((k) => !k.startsWith('import-'))).toEqual([]);
    expect(peter.search({ text: 'lukket punkt', limit: 100 }).filter((h) => h.entry.closed)).toEqual([]);
  });
});
