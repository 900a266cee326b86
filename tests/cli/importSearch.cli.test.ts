import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import { SEED_NAMES, seedPath, testWithSeeds } from '../support/seeds';
import { importMain } from '../../cli/import';
import { searchMain } from '../../cli/search';
import type { CliOutput } from '../../cli/output';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const seeds = SEED_NAMES.map(seedPath);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command run in this process, its output captured (what a process start would print). */
async function cli(script: 'import' | 'search', args: string[]): Promise<Ran> {
  const ran = { stdout: '', stderr: '' };
  const io: CliOutput = {
    out: (t) => void (ran.stdout += t),
    err: (t) => void (ran.stderr += t),
    outIsTTY: false,
    errIsTTY: false,
  };
  const code = await (script === 'import' ? importMain : searchMain)(args, io);
  return { code, ...ran };
}

/** The script itself, as `npm run import` starts it: a new process. */
async function script(name: 'import' | 'search', args: string[]): Promise<Ran> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'cli', `${name}.ts`), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, GRAPH_BASE_URL: '', GRAPH_TOKEN: '' },
        maxBuffer: 10 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let server: GraphServer;
beforeAll(async () => {
  server = await startDemoServer({ port: 0, db: ':memory:', seed: 'demo' });
});
afterAll(() => server.close());

testWithSeeds('import --json prints exactly one JSON document with every meeting of the files', async () => {
  const { code, stdout } = await cli('import', [...seeds, '--json']);
  expect(code).toBe(0);
  const doc = JSON.parse(stdout);
  expect(doc.meetings.map((m: { date: string | null }) => m.date)).toEqual([
    null,
    null,
    '2022-12-12',
    '2024-02-20',
    '2024-02-06',
    null,
    '2024-06-24',
    '2024-06-26',
  ]);
  expect(doc.warnings).toEqual([]);
  // Every item says whether it has an indstilling; the 20 February meeting's three come with their points.
  const items = doc.meetings.flatMap((m: { items: unknown[] }) => m.items);
  expect(items.every((i: { indstilling?: unknown }) => i.indstilling !== undefined)).toBe(true);
  const feb20 = doc.meetings[3];
  expect(feb20.items[2].indstilling).toMatchObject({
    points: [
      'radmandsmgdet godkender forslag til overordnede temaer for budgettemadrgftelserne i udvalget',
      'radmandsmgdet kommer med forslag til emner',
    ],
    sections: { koordineretMed: 'M3l, @konomi og Boliger' },
    caseWorker: { name: 'Jan Gehlert', email: 'geja@aarhus.dk' },
  });
  expect(feb20.items[0].indstilling).toBeNull();
});

testWithSeeds(
  'a file that is not a meeting export: exit code 2 and a clear message, nothing on stdout',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    writeFileSync(join(dir, 'indkob.txt'), 'Indkøbsliste\nMælk\nRugbrød\n');
    const bad = await script('import', [seeds[0], join(dir, 'indkob.txt'), '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/indkob\.txt ligner ikke en mødeeksport/);
    const missing = await cli('import', [join(dir, 'findes-ikke.txt'), '--json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/filen findes ikke/);
  },
);

testWithSeeds(
  'import --to-sharepoint twice writes once; search finds a decision with the hit marked and a link',
  async () => {
    // One export (two meetings) proves writing once and finding: importing every seed through SharePoint
    // is tests/app/importAndArchive.test.ts's job, and doing it twice here only made this test slow.
    const first = await cli('import', [
      seedPath('raadmandsmoede-2024-02'),
      '--to-sharepoint',
      '--as',
      'sofie@kommune.example',
      '--graph',
      server.url,
    ]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/2 møder, \d+ rækker skrevet, 0 uændrede/);
    const second = await cli('import', [
      seedPath('raadmandsmoede-2024-02'),
      '--to-sharepoint',
      '--as',
      'sofie@kommune.example',
      '--graph',
      server.url,
    ]);
    expect(second.stderr).toMatch(/2 møder, 0 rækker skrevet/);

    // The three searches are independent of each other: run side by side (each is a process start).
    const [found, text, badCategory] = await Promise.all([
      cli('search', ['økonomichef', '--json', '--as', 'anders@kommune.example', '--graph', server.url]),
      cli('search', ['kommunikation', '--year', '2030', '--graph', server.url]),
      cli('search', ['x', '--category', 'Til pynt', '--graph', server.url]),
    ]);
    expect(found.code).toBe(0);
    const { hits } = JSON.parse(found.stdout);
    const hit = hits.find((h: { date: string }) => h.date === '2024-02-06');
    expect(hit.item).toMatchObject({ number: 3 });
    const [s, e] = hit.highlights.find((h: { field: string }) => h.field === 'decision').ranges[0];
    expect(hit.decision.slice(s, e)).toBe('@konomichef');
    expect(hit.link).toMatch(/archive\.html\?meeting=import-2024-02-06-/);

    expect(text.stdout).toMatch(/Ingen beslutninger fundet/);
    expect(badCategory.code).toBe(2);
    expect(badCategory.stderr).toMatch(/ukendt kategori/);
  },
);

testWithSeeds('a Word document is read through mammoth and parses like its text', async () => {
  const { Document, Packer, Paragraph } = await import('docx');
  const text = readFileSync(seeds[1], 'utf8');
  const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }] });
  const dir = mkdtempSync(join(tmpdir(), 'import-'));
  writeFileSync(join(dir, 'referat.docx'), await Packer.toBuffer(doc));
  const [fromWord, fromText] = await Promise.all([
    cli('import', [join(dir, 'referat.docx'), '--json']),
    cli('import', [seeds[1], '--json']),
  ]);
  expect(fromWord.code).toBe(0);
  const strip = (out: string) => JSON.stringify(JSON.parse(out)).replace(/\\n|\s+/g, ' ');
  expect(strip(fromWord.stdout).replace(/ +/g, ' ')).toBe(strip(fromText.stdout).replace(/ +/g, ' '));
});
