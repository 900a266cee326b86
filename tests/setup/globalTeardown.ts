import { rmSync } from 'node:fs';

/** Removes the run's demo copy folder (tests/setup/globalSetup.ts), unless the caller gave one. */
export default function globalTeardown(): void {
  if (process.env.DEMO_TEMPLATE_OWNED && process.env.DEMO_TEMPLATE_DIR)
    rmSync(process.env.DEMO_TEMPLATE_DIR, { recursive: true, force: true });
}
