import { SEEDS_MISSING, seedsAvailable } from '../../bench/seeds';

/** Once per run, before any test: say that the tests reading the real exports are skipped, and why. */
export default function seedsNotice(): void {
  if (seedsAvailable()) return;
  process.stderr.write(
    `\nThe tests that read the real meeting exports are skipped: ${SEEDS_MISSING}.\n` +
      'Every other test runs; the hand-labelled tests/fixtures/import stand in where only the content is needed.\n\n',
  );
}
