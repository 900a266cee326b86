/**
 * `npm run dev:graph -- --port 4000 --db .data/graph.db --seed demo [--chaos latency=80,throttle=0.1]
 * [--seed-random N] [--sp-variants author-settable,bypass-at-list,…|all]`; `--help` lists the options.
 * The local server alone, with the demo tenant (and, with `--seed demo`, its meetings written over HTTP).
 */
import { parseChaos } from '../devServer/chaos';
import { devOriginsFromEnv } from '../devServer/routes/dev';
import { parseSpVariants, spVariantsHelp } from '../devServer/variants';
import { startDemoServer } from './server';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const HELP = `The local Microsoft Graph / SharePoint server (devServer/README.md).

  --port N               port (default GRAPH_PORT or 4000; 0 picks a free one)
  --host H               address to listen on (default 127.0.0.1)
  --db PATH              SQLite file, or :memory: (default .data/graph.db)
  --seed demo|none       the demo meetings, or only the tenant's people, site and empty lists
  --chaos SPEC           latency=80,throttle=0.1,error=0.05,drop=0.01,retryAfter=1
  --seed-random N        makes chaos deterministic
  --sp-variants LIST     readings of undocumented SharePoint behaviour other than the default,
                         comma-separated, or "all" (default: none; also SP_VARIANTS):
${spVariantsHelp()}
  --help                 this text
`;

async function main() {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  const seed = arg('seed', 'demo');
  if (seed !== 'demo' && seed !== 'none') throw new Error('--seed takes demo or none');
  const spVariants = parseSpVariants(arg('sp-variants', process.env.SP_VARIANTS));
  const server = await startDemoServer({
    port: Number(arg('port', process.env.GRAPH_PORT ?? '4000')),
    host: arg('host', '127.0.0.1'),
    db: arg('db', '.data/graph.db'),
    seed,
    chaos: parseChaos(arg('chaos')),
    seedRandom: arg('seed-random') ? Number(arg('seed-random')) : undefined,
    secret: process.env.GRAPH_DEV_SECRET,
    // The pages that may call /_dev/*: APP_URL, else http(s)://localhost:PORT (3000), plus DEV_ORIGINS.
    devOrigins: devOriginsFromEnv(process.env),
    spVariants,
  });
  console.log(`Graph ready at ${server.url}`);
  if (spVariants.size) console.log(`SharePoint variants: ${[...spVariants].join(', ')}`);
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
