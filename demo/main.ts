/**
 * `npm run dev:graph -- --port 4000 --db .data/graph.db --seed demo [--chaos latency=80,throttle=0.1] [--seed-random N]`:
 * the local server alone, with the demo tenant (and, with `--seed demo`, its meetings written over HTTP).
 */
import { parseChaos } from '../devServer/chaos';
import { devOriginsFromEnv } from '../devServer/routes/dev';
import { startDemoServer } from './server';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  const seed = arg('seed', 'demo');
  if (seed !== 'demo' && seed !== 'none') throw new Error('--seed takes demo or none');
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
  });
  console.log(`Graph ready at ${server.url}`);
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
