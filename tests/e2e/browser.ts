import { chromium, type Browser, type BrowserServer } from 'playwright-core';

/** Debian's Chromium (CI installs it; CHROMIUM_PATH names another), as every browser test runs it. */
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** Where the run's one Chromium listens (tests/e2e/globalSetup.ts); the workers inherit the variable. */
export const BROWSER_ENDPOINT = 'E2E_BROWSER_WS';

/** The run's one Chromium, started by the e2e globalSetup before any file and closed by its teardown. */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(LAUNCH);
}

/**
 * The run's Chromium, connected: each file has a connection of its own and closes it when done, which
 * closes the contexts it made (one per person, each its own IndexedDB). A file run without the e2e
 * globalSetup (no endpoint) launches a Chromium of its own.
 */
export function connectBrowser(): Promise<Browser> {
  const endpoint = process.env[BROWSER_ENDPOINT];
  return endpoint ? chromium.connect(endpoint) : chromium.launch(LAUNCH);
}
