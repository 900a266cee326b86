import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The real OCR'd meeting exports (`../shared/seeds`, beside the repository in CI; `SEEDS_DIR` to point
 * elsewhere). A clone of the repository alone does not have them: whatever reads them asks `seedsAvailable`
 * first and says it skipped (tests/support/seeds.ts for the tests, the bench's import step).
 */
export const SEEDS_DIR = process.env.SEEDS_DIR ?? join(__dirname, '../../shared/seeds');

/** The three rådmandsmøde exports the hand-labelled expectations in tests/fixtures/import describe. */
export const SEED_NAMES = [
  'raadmandsmoede-2022-12',
  'raadmandsmoede-2024-02',
  'raadmandsmoede-2024-06',
] as const;

export const seedsAvailable = (): boolean => SEED_NAMES.every((name) => existsSync(seedPath(name)));

export const seedPath = (name: string): string => join(SEEDS_DIR, `${name}.txt`);

export const readSeed = (name: string): string => readFileSync(seedPath(name), 'utf8');

export const SEEDS_MISSING = `${SEEDS_DIR} is not there (it sits beside the repository in CI; set SEEDS_DIR to use another copy)`;
