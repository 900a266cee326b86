import type { BrowserServer } from 'playwright-core';
import runTeardown from '../setup/globalTeardown';
import { BROWSER_ENDPOINT } from './browser';

/** Closes the run's one Chromium (tests/e2e/globalSetup.ts), then what every project's teardown removes. */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { e2eBrowserServer?: BrowserServer };
  await holder.e2eBrowserServer?.close();
  delete holder.e2eBrowserServer;
  delete process.env[BROWSER_ENDPOINT];
  runTeardown();
}
