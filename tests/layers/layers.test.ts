import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The layer rules (DESIGN §6) are kept by dependency-cruiser with .dependency-cruiser.cjs; `npm test` runs it
 * on the repository (`npm run lint:layers`, a step before Jest). These tests run the same command on a fixture
 * tree where every file breaks one rule on purpose, so a rule that stopped matching would be noticed.
 */
const ROOT = join(__dirname, '../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const BIN = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

async function cruise(cwd: string, folders: string[]): Promise<Violation[]> {
  const run = promisify(execFile);
  const args = [BIN, ...folders, '--config', CONFIG, '--output-type', 'json'];
  // The command exits non-zero when it finds violations; its JSON report is on stdout either way.
  const { stdout } = await run(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }).catch(
    (e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }),
  );
  const report = JSON.parse(stdout) as { summary: { violations: Violation[] } };
  return report.summary.violations;
}

describe('the layer rules', () => {
  let wrong: Violation[];
  beforeAll(async () => {
    wrong = await cruise(join(__dirname, 'fixture'), ['src', 'devServer', 'bench', 'cli', 'demo', 'tests']);
  });
  const broken = (rule: string) =>
    wrong
      .filter((v) => v.rule.name === rule)
      .map((v) => `${v.from} -> ${v.to.replace(/^.*node_modules\//, '')}`);

  it('keep the domain free of anything but its date and hash libraries, type-only imports included', () => {
    expect(broken('domain-is-pure')).toEqual(['src/domain/impure.ts -> react/index.js']);
  });

  it('keep use cases and ports away from entries and adapters, re-exported types included', () => {
    expect(broken('app-and-ports-never-reach-adapters-ui-or-entries').sort()).toEqual([
      'src/app/useCase.ts -> src/entries/root.ts',
      'src/ports/port.ts -> src/adapters/store.ts',
    ]);
  });

  it('keep adapters away from the UI', () => {
    expect(broken('adapters-never-import-ui')).toEqual(['src/adapters/store.ts -> src/ui/words.ts']);
  });

  it('keep the UI from loading an adapter, even with a dynamic import()', () => {
    expect(broken('ui-imports-no-adapter')).toEqual(['src/ui/page.ts -> src/adapters/store.ts']);
  });

  it("keep the documents' words to the domain and themselves", () => {
    expect(broken('document-words-reach-only-the-domain')).toEqual([
      'src/i18n/wording.ts -> src/ports/port.ts',
    ]);
  });

  it('keep the local server from importing the product', () => {
    expect(broken('devserver-imports-nothing-from-src')).toEqual([
      'devServer/server.ts -> src/domain/rule.ts',
    ]);
  });

  it('keep the bench, the CLI and the demo away from test code', () => {
    expect(broken('bench-and-cli-never-import-tests').sort()).toEqual([
      'bench/run.ts -> tests/helper.ts',
      'cli/tool.ts -> tests/helper.ts',
    ]);
    expect(broken('demo-never-imports-tests')).toEqual(['demo/seed.ts -> tests/helper.ts']);
  });

  it('give every rule a reason', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(CONFIG) as { forbidden: Array<{ name: string; comment?: string }> };
    for (const rule of config.forbidden)
      expect({ [rule.name]: (rule.comment ?? '').length > 40 }).toEqual({ [rule.name]: true });
  });
});
