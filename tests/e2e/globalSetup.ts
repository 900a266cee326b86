import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Build the pages once for every browser test, exactly as `npm run build` would, into .cache/e2e-dist. */
export default function globalSetup(): void {
  if (process.env.E2E_SKIP_BUILD) return;
  const root = join(__dirname, '../..');
  execFileSync(
    process.execPath,
    [
      require.resolve('webpack-cli/bin/cli.js'),
      '--mode',
      'development',
      '--output-path',
      join(root, '.cache/e2e-dist'),
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, GRAPH_MODE: 'local' } },
  );
}
