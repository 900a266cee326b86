/**
 * `npm run provision -- --as admin@contoso.dk [--secretary UPN]…`: create the meeting lists and their columns
 * on the site (SHAREPOINT_SITE), or add what is missing, and give each list its own permissions; with each
 * `--secretary`, the permission level "Mødeleder" and her secretariat folder in every list (ADR 004,
 * "Secretaries"). Run by IT, a site Owner. Safe to run again.
 * On a tenant (.env with GRAPH_MODE=tenant): a device-code sign-in as the add-in's app gives a token for
 * Graph and one for the SharePoint resource itself (https://TENANT.sharepoint.com/.default); or GRAPH_TOKEN
 * and SHAREPOINT_TOKEN are given. A Graph token is never sent to SharePoint REST. Afterwards every list's security is read back (the doctor's list checks) and the
 * command fails when one is not what it must be.
 */
import { existsSync } from 'node:fs';
import { LISTS } from '../src/adapters/sharepoint/listSchema';
import { readConfig } from '../src/config';
import { deviceCodeSignIn, sharePointScope } from './deviceCode';
import { describeError } from './describeError';
import { listSecurityChecks, type Getter } from './doctorChecks';
import { openSession, parseArgs } from './session';

/** The command: argv in, exit code out; messages to `out` and `err`. */
export async function provisionMain(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  const { flags } = parseArgs(argv);
  const secretaries = argv.flatMap((a, i) =>
    a === '--secretary' && argv[i + 1] && !argv[i + 1].startsWith('--')
      ? [argv[i + 1]]
      : a.startsWith('--secretary=')
        ? [a.slice('--secretary='.length)]
        : [],
  );
  const as = flags.get('as');
  if (typeof as !== 'string') {
    err('Brug: npm run provision -- --as UPN [--secretary UPN]… [--graph URL]\n');
    return 2;
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = readConfig(process.env);
  let tokens: { graph: string; sharePoint: string } | undefined;
  if (config.graphMode === 'tenant' && !process.env.GRAPH_TOKEN && config.clientId) {
    // One device-code sign-in as the add-in's app, then a token for each resource: SharePoint REST gets a
    // token for SharePoint itself, never the Graph token.
    const signIn = deviceCodeSignIn({ clientId: config.clientId, tenantId: config.tenantId, prompt: err });
    tokens = {
      graph: await signIn.token(['https://graph.microsoft.com/.default']),
      sharePoint: await signIn.token([sharePointScope(config.sharePointSite)]),
    };
  } else if (process.env.GRAPH_TOKEN && !process.env.SHAREPOINT_TOKEN) {
    err(
      'Sæt også SHAREPOINT_TOKEN: listernes rettigheder sættes med SharePoint REST, som kræver et token til SharePoint selv (ikke et Graph-token). Se docs/tenant-setup.md trin 4.\n',
    );
    return 2;
  }
  const session = await openSession({ as, graph: flags.get('graph') as string | undefined, tokens });
  try {
    await session.lists.ensureProvisioned();
    await session.lists.provisionSecretariats(secretaries);
    const token = await session.sharePoint.token();
    const sp: Getter = async (path) => {
      const res = await fetch(`${session.sharePoint.api}${path}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json;odata=nometadata' },
      });
      return { status: res.status, body: res.ok ? await res.json() : null };
    };
    const open = (await listSecurityChecks(sp)).filter((c) => !c.ok);
    if (open.length) {
      err(
        `Listerne blev oprettet på ${session.where}, men deres sikkerhed er ikke som den skal være:\n${open
          .map((c) => `✗ ${c.name} – ${c.fix}`)
          .join('\n')}\n`,
      );
      return 1;
    }
    out(`Listerne findes på ${session.where}: ${LISTS.map((l) => l.name).join(', ')}.\n`);
    if (secretaries.length)
      out(`Sekretariater med rettighedsniveauet Mødeleder: ${secretaries.join(', ')}.\n`);
    return 0;
  } finally {
    await session.close();
  }
}

if (require.main === module)
  provisionMain(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`Fejl: ${describeError(e)}\n`);
      process.exitCode = 1;
    },
  );
