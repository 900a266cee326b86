import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import runSetup from '../setup/globalSetup';
import { BROWSER_ENDPOINT, launchBrowserServer } from './browser';

const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, '.cache/e2e-dist');
const STAMP = join(DIST, '.build-hash');
/** What the pages are built from: every byte of these, besides the environment webpack reads. */
const INPUTS = ['src', 'webpack.config.js', 'package-lock.json', 'tsconfig.json', 'appPackage', 'manifest'];
const BUILD_ENV = { GRAPH_MODE: 'local' };

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? files(join(path, e.name)) : [join(path, e.name)]));
}

/** The variables webpack.config.js inlines into the pages (its `ENV` list), with the values this build gets. */
function webpackEnv(env: NodeJS.ProcessEnv): string {
  const config = readFileSync(join(ROOT, 'webpack.config.js'), 'utf8');
  const list = /const ENV = \[([^\]]*)\]/.exec(config)?.[1] ?? '';
  const names = [...list.matchAll(/'([A-Z_0-9]+)'/g)].map((m) => m[1]);
  return JSON.stringify(names.map((n) => [n, env[n] ?? '']));
}

/** A content hash of the build's inputs: the same hash means the same pages. */
export function buildHash(env: NodeJS.ProcessEnv): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((p) => files(join(ROOT, p)))) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.update(webpackEnv(env)).digest('hex');
}

/** Before any browser test: the demo template, the pages, and the run's one Chromium. */
export default async function globalSetup(): Promise<void> {
  await runSetup();
  await buildPages();
  // One Chromium for the whole run: each file connects to it (tests/e2e/browser.ts) instead of launching
  // its own; globalTeardown closes it. Kept on globalThis, which only the teardown reads.
  const server = await launchBrowserServer();
  (globalThis as { e2eBrowserServer?: typeof server }).e2eBrowserServer = server;
  process.env[BROWSER_ENDPOINT] = server.wsEndpoint();
}

/**
 * Build the pages once for every browser test, exactly as `npm run build` would, into .cache/e2e-dist, and
 * only when their inputs changed: the last build's content hash is kept beside it (inside this checkout, not
 * in node_modules, which worktrees may share). `E2E_SKIP_BUILD=1` uses whatever is there.
 */
async function buildPages(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD) return;
  const env = { ...process.env, ...BUILD_ENV };
  const wanted = buildHash(env);
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted) return;
  rmSync(DIST, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'development', '--output-path', DIST],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env },
  );
  writeFileSync(STAMP, wanted);
}
