import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** `npm run build` into a fresh directory; its path. */
export function buildPages(): string {
  const out = mkdtempSync(join(tmpdir(), 'moede-bundle-'));
  execFileSync(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', out],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, GRAPH_MODE: 'local' },
    },
  );
  return out;
}

/** Per page of a production build, the gzip size of the scripts its HTML loads before anything is lazy-loaded. */
export function benchBundleSize(out: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const html of readdirSync(out).filter((f) => f.endsWith('.html'))) {
    const page = readFileSync(join(out, html), 'utf8');
    const scripts = [...page.matchAll(/<script[^>]+src=["']?([^"'\s>]+)/g)]
      .map((m) => m[1])
      .filter((src) => !/^https?:/.test(src));
    const bytes = scripts.reduce(
      (sum, src) => sum + gzipSync(readFileSync(join(out, src.replace(/^\//, '')))).length,
      0,
    );
    sizes[html.replace('.html', '')] = Math.round(bytes / 102.4) / 10;
  }
  return sizes;
}
