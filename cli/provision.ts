/**
 * `npm run provision -- --as admin@contoso.dk`: create the meeting lists and their columns on the site
 * (SHAREPOINT_SITE), or add what is missing. Safe to run again. With GRAPH_BASE_URL + GRAPH_TOKEN it
 * works on a real tenant (a token with Sites.Manage.All, e.g. from Graph Explorer).
 */
import { LISTS } from '../src/adapters/sharepoint/listSchema';
import { describeError } from './describeError';
import { openSession, parseArgs } from './session';

async function main(): Promise<number> {
  const { flags } = parseArgs(process.argv.slice(2));
  const as = flags.get('as');
  if (typeof as !== 'string') {
    process.stderr.write('Brug: npm run provision -- --as UPN [--graph URL]\n');
    return 2;
  }
  const session = await openSession({ as, graph: flags.get('graph') as string | undefined });
  try {
    await session.lists.ensureProvisioned();
    process.stdout.write(`Listerne findes på ${session.where}: ${LISTS.map((l) => l.name).join(', ')}.\n`);
    return 0;
  } finally {
    await session.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`Fejl: ${describeError(e)}\n`);
    process.exitCode = 1;
  },
);
