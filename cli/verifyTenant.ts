/**
 * `npm run verify:tenant -- --config verify.config.json [--json] [--out DIR]` or `-- --local [--variants all]`:
 * plays a meeting through the add-in's use cases in a test series of its own, runs the rights suite's attacks
 * as each test person, observes SharePoint's undocumented behaviours, removes everything it created and writes
 * verify-report.html and verify-report.json (docs/tenant-setup.md, "Verificér"). Exit code 0 only when no
 * check failed. On a tenant it never runs without its config; tokens stay in memory.
 */
import { existsSync } from 'node:fs';
import { describeError } from './describeError';
import { parseArgs } from './session';
import { summary, writeReport } from './verify/report';
import { runVerify, type VerifyOptions } from './verify/run';

export async function verifyMain(
  argv: string[],
  out: (s: string) => void,
  extra: Pick<VerifyOptions, 'beforeAttacks' | 'afterCleanup' | 'prompt'> = {},
): Promise<number> {
  const { flags } = parseArgs(argv);
  const str = (k: string) => (typeof flags.get(k) === 'string' ? (flags.get(k) as string) : undefined);
  const local = flags.has('local');
  const config =
    str('config') ?? (!local && existsSync('verify.config.json') ? 'verify.config.json' : undefined);
  const report = await runVerify({ local, variants: str('variants'), config, ...extra });
  const files = writeReport(report, str('out') ?? '.');
  if (flags.has('json')) out(`${JSON.stringify(summary(report))}\n`);
  else {
    for (const c of report.checks) out(c.ok ? `✓ ${c.name}\n` : `✗ ${c.name} – ${c.detail}\n`);
    for (const [k, v] of Object.entries(report.observed)) out(`  observeret: ${k} = ${JSON.stringify(v)}\n`);
    out(`${report.requests} forespørgsler i alt. Rapport: ${files.html}, ${files.json}\n`);
    out(report.failed === 0 ? 'Alt er i orden.\n' : `${report.failed} fejl.\n`);
  }
  return report.failed === 0 ? 0 : 1;
}

if (require.main === module) {
  verifyMain(process.argv.slice(2), (s) => process.stdout.write(s)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`Fejl: ${describeError(e)}\n`);
      process.exitCode = 1;
    },
  );
}
