import { readSeed, SEED_NAMES, SEEDS_MISSING, seedPath, seedsAvailable } from '../../bench/seeds';

/**
 * The real exports in ../shared/seeds, for the tests that read them. Where they are not (a clone of the
 * repository alone), those tests are skipped and tests/setup/seedsNotice.ts says once, for the whole run, why.
 * Tests that only need the meetings' content use the hand-labelled tests/fixtures/import instead and always run.
 */
export { readSeed, SEED_NAMES, SEEDS_MISSING, seedPath };

export const withSeeds = seedsAvailable();

/** `describe` when the seeds are there, `describe.skip` otherwise. */
export const describeWithSeeds: jest.Describe = withSeeds ? describe : describe.skip;

/** `test` when the seeds are there, `test.skip` otherwise. */
export const testWithSeeds: jest.It = withSeeds ? test : test.skip;
