import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../../demo/server';
import seedsNotice from './seedsNotice';

/**
 * Once per run, before any test file: say whether the real exports are there (seedsNotice), and write the
 * demo once through the use cases into a folder of the run's own, which every test's in-memory demo server
 * then copies (demo/server.ts): a few milliseconds instead of a few hundred requests per file, and no test
 * file waits on the seeding. The workers inherit the variable; a new run never sees an older run's copy.
 */
export default async function globalSetup(): Promise<void> {
  // Both projects' setups call this; the second finds the folder and does nothing.
  if (process.env.DEMO_TEMPLATE_DIR) return;
  seedsNotice();
  process.env.DEMO_TEMPLATE_DIR = mkdtempSync(join(tmpdir(), 'moede-demo-'));
  process.env.DEMO_TEMPLATE_OWNED = '1';
  const server = await startDemoServer({ port: 0, db: ':memory:', seed: 'demo' });
  await server.close();
}
