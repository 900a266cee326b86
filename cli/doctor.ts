/**
 * `npm run doctor [-- --json] [--graph URL] [--as UPN] [--secretary UPN]… [--app-url URL]`: read-only check of a set-up
 * (docs/tenant-setup.md "Check the set-up"). Each check prints "✓ …" or "✗ … – what to do"; exit code 0 only
 * when all hold. `--json` prints one object `{ ok, checks: [{ name, ok, fix? }] }`.
 *
 * Where: `--graph URL` / GRAPH_BASE_URL, else `.env` (GRAPH_MODE=tenant → graph.microsoft.com), else the
 * local server of `npm start` (http://localhost:4000). On the local server the doctor signs in with a dev
 * token the server mints (POST /_dev/token) for `--as` (default ingrid@kommune.example, the site's owner from IT;
 * the secretaries checked are the demo's Sofie and Birgitte unless `--secretary` names others). On a
 * tenant it signs in as the add-in's app by device code (AAD_APP_CLIENT_ID; then it also checks the app's
 * consented scopes and, when readable, its redirect URIs), or takes GRAPH_TOKEN and SHAREPOINT_TOKEN
 * (audience https://TENANT.sharepoint.com). A Graph token is never sent to SharePoint REST (`/_api`).
 */
import { existsSync } from 'node:fs';
import { readConfig } from '../src/config';
import { deviceCodeSignIn, sharePointScope } from './deviceCode';
import { describeError } from './describeError';
import { listColumnChecks, listSecurityChecks, type Check, type Getter } from './doctorChecks';
import { parseArgs } from './session';
import { secretariatFolderName } from '../src/domain/meetingScopes';
import { LISTS } from '../src/adapters/sharepoint/listSchema';
import { MEETING_LEADER } from '../src/adapters/sharepoint/secretariats';

export interface DoctorOptions {
  env: Record<string, string | undefined>;
  /** `--graph`: the Graph endpoint (…/v1.0). */
  graph?: string;
  /** `--as`: who signs in on the local server. */
  as?: string;
  /** `--secretary` (repeatable): the secretaries whose set-up is checked (docs/tenant-setup.md step 2.3). */
  secretaries?: string[];
  fetch?: typeof fetch;
  /** On a tenant without GRAPH_TOKEN: a token per resource from one device-code sign-in (cli/deviceCode.ts). */
  signIn?: (scopes: string[]) => Promise<string>;
}

export interface DoctorReport {
  ok: boolean;
  checks: Check[];
}

/** The frame-ancestors the guide requires on every page (docs/tenant-setup.md step 3, docs/security.md). */
export const FRAME_ANCESTORS = [
  'teams.microsoft.com',
  '*.teams.microsoft.com',
  '*.office.com',
  'outlook.office.com',
  'outlook.office365.com',
  '*.cloud.microsoft',
];
const DEFAULT_AS = 'ingrid@kommune.example';
const DEMO_SECRETARIES = ['sofie@kommune.example', 'birgitte@kommune.example'];

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const http = options.fetch ?? fetch;
  const base = (options.graph || options.env.GRAPH_BASE_URL || readConfig(options.env).graphBaseUrl).replace(
    /\/+$/,
    '',
  );
  const config = readConfig({ ...options.env, GRAPH_BASE_URL: base });
  const tenant = new URL(base).hostname.endsWith('graph.microsoft.com');
  const checks: Check[] = [];
  const done = (): DoctorReport => ({ ok: checks.every((c) => c.ok), checks });

  let graphToken: string | undefined;
  let spToken: string | undefined;
  let signedIn = false;
  if (tenant) {
    graphToken = options.env.GRAPH_TOKEN;
    spToken = options.env.SHAREPOINT_TOKEN;
    const name = 'Log-ind på Microsoft Graph';
    if (!graphToken && options.signIn && config.clientId) {
      try {
        graphToken = await options.signIn(['https://graph.microsoft.com/.default']);
        spToken = await options.signIn([sharePointScope(config.sharePointSite)]);
        signedIn = true;
      } catch (e) {
        checks.push({
          name,
          ok: false,
          fix: `${describeError(e)}: tjek trin 1 (offentlige klientflows, samtykke)`,
        });
        return done();
      }
    }
    checks.push(
      graphToken
        ? { name, ok: true }
        : { name, ok: false, fix: 'sæt AAD_APP_CLIENT_ID i .env (device code) eller GRAPH_TOKEN' },
    );
    if (!graphToken) return done();
  } else {
    const upn = options.as ?? DEFAULT_AS;
    const name = `Den lokale server på ${new URL(base).origin} udsteder et token til ${upn}`;
    try {
      const res = await http(`${new URL(base).origin}/_dev/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ upn }),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      graphToken = spToken = ((await res.json()) as { access_token: string }).access_token;
      checks.push({ name, ok: true });
    } catch (e) {
      checks.push({
        name,
        ok: false,
        fix: `${describeError(e)}: start serveren med \`npm start\` eller giv --graph URL`,
      });
      return done();
    }
  }
  const getter =
    (root: string, token: string | undefined): Getter =>
    async (path) => {
      const res = await http(`${root}${path}`, {
        headers: {
          Accept: 'application/json;odata=nometadata',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      });
      const text = await res.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      return { status: res.status, body };
    };
  const graph = getter(base, graphToken);
  const sp = getter(`${config.sharePointUrl}/_api`, spToken);

  checks.push(
    ...(signedIn ? await appRegistrationChecks(graph, graphToken!, config) : appRegistrationSkipped(tenant)),
  );

  // The site.
  const site = await graph(`/sites/${config.sharePointSite}?$select=id,webUrl`);
  checks.push(
    site.status === 200
      ? { name: `Sitet ${config.sharePointSite} findes`, ok: true }
      : {
          name: `Sitet ${config.sharePointSite} findes`,
          ok: false,
          fix: `HTTP ${site.status}: opret sitet eller ret SHAREPOINT_SITE (docs/tenant-setup.md trin 2.1)`,
        },
  );
  if (site.status !== 200) return done();
  const siteId = site.body.id as string;

  checks.push(await appGrantCheck(graph, siteId, config.clientId));
  checks.push(...(await listColumnChecks(graph, siteId)));
  if (!spToken) {
    checks.push({
      name: 'Token til SharePoint',
      ok: false,
      fix: `sæt SHAREPOINT_TOKEN (et token til ${new URL(config.sharePointUrl).origin}, ikke et Graph-token)`,
    });
    return done();
  }
  checks.push(...(await listSecurityChecks(sp)));
  checks.push(...(await secretaryChecks(sp, options.secretaries ?? (tenant ? [] : DEMO_SECRETARIES))));
  checks.push(await cspCheck(http, options.env.APP_URL));
  return done();
}

/** Redirect URIs, scopes and admin consent live in Entra ID: only a tenant has them. */
function appRegistrationSkipped(tenant: boolean): Check[] {
  const why = tenant
    ? 'doctor loggede ikke ind som appen (GRAPH_TOKEN er givet); tjek trin 1 i Entra-portalen'
    : 'den lokale server har ingen app-registrering';
  return [
    {
      name: `App-registreringen (redirect-URI’er, scopes, administratorsamtykke): sprunget over – ${why}`,
      ok: true,
    },
  ];
}

/** The Graph scopes the add-in asks for (docs/tenant-setup.md step 1.5). */
export const GRAPH_SCOPES = ['User.Read', 'Calendars.ReadWrite', 'Sites.Selected', 'Mail.Send'];

/**
 * Signed in as the app by device code: its token's `scp` holds exactly what is consented, so a missing scope
 * is a missing permission or consent. The redirect URIs are read from the app registration when the person
 * may read it (Application.Read.All); otherwise that check says it was skipped.
 */
async function appRegistrationChecks(
  graph: Getter,
  token: string,
  config: { clientId: string; appUrl: string },
): Promise<Check[]> {
  const checks: Check[] = [];
  let scp: string[] = [];
  try {
    scp = String(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).scp ?? '').split(' ');
  } catch {
    scp = [];
  }
  const missing = GRAPH_SCOPES.filter((s) => !scp.includes(s));
  checks.push(
    missing.length
      ? {
          name: 'Appens Graph-tilladelser har samtykke',
          ok: false,
          fix: `mangler ${missing.join(', ')}: tilføj dem og giv administratorsamtykke (trin 1.5)`,
        }
      : { name: 'Appens Graph-tilladelser har samtykke', ok: true },
  );
  const app = await graph(`/applications(appId='${config.clientId}')?$select=spa`);
  if (app.status !== 200) {
    checks.push({
      name: `App-registreringens redirect-URI’er: sprunget over – kan ikke læses (HTTP ${app.status}; kræver Application.Read.All)`,
      ok: true,
    });
    return checks;
  }
  const uris = (app.body.spa?.redirectUris ?? []) as string[];
  const host = new URL(config.appUrl).host;
  const wanted = [`${config.appUrl.replace(/\/+$/, '')}/auth-redirect.html`, `brk-multihub://${host}`];
  const absent = wanted.filter((u) => !uris.includes(u));
  checks.push(
    absent.length
      ? {
          name: 'App-registreringens redirect-URI’er',
          ok: false,
          fix: `tilføj ${absent.join(', ')} (trin 1.1 og 1.3)`,
        }
      : { name: 'App-registreringens redirect-URI’er', ok: true },
  );
  return checks;
}

async function appGrantCheck(graph: Getter, siteId: string, clientId: string): Promise<Check> {
  const name = 'Appens Sites.Selected-tildeling på sitet er fullcontrol';
  const res = await graph(`/sites/${siteId}/permissions`);
  if (res.status === 403)
    return {
      name: `${name}: sprunget over – kan kun læses med Sites.FullControl.All (IT: kør doctor med en administrators GRAPH_TOKEN)`,
      ok: true,
    };
  if (res.status !== 200)
    return { name, ok: false, fix: `tildelingen kunne ikke læses (HTTP ${res.status}): tjek trin 2.2` };
  const grants = (res.body.value ?? []) as Array<{
    roles?: string[];
    grantedToIdentitiesV2?: Array<{ application?: { id?: string } }>;
  }>;
  const ours = grants.filter(
    (g) => !clientId || (g.grantedToIdentitiesV2 ?? []).some((i) => i.application?.id === clientId),
  );
  if (!ours.length) return { name, ok: false, fix: 'appen har ingen tildeling på sitet: følg trin 2.2' };
  if (!ours.some((g) => g.roles?.includes('fullcontrol')))
    return {
      name,
      ok: false,
      fix: `tildelingen er ${ours.flatMap((g) => g.roles ?? []).join(', ') || 'tom'}: hæv den til fullcontrol (trin 2.2), ellers fejler rettighedskald`,
    };
  return { name, ok: true };
}

/**
 * docs/tenant-setup.md step 2.3 (docs/adr/004-permissions.md, "Secretaries"): each secretary is no site
 * owner, and has her secretariat folder in every list with exactly the Mødeleder level for her.
 */
async function secretaryChecks(sp: Getter, secretaries: string[]): Promise<Check[]> {
  if (!secretaries.length)
    return [
      {
        name: 'Sekretærernes opsætning: sprunget over – angiv dem med --secretary UPN',
        ok: true,
      },
    ];
  const owners = await sp('/web/associatedownergroup/users?$select=Id,UserPrincipalName,Email,LoginName');
  const ownerNames =
    owners.status === 200
      ? ((owners.body.value ?? []) as Array<Record<string, string>>).flatMap((u) =>
          [u.UserPrincipalName, u.Email, u.LoginName?.split('|').pop()].map((v) => (v ?? '').toLowerCase()),
        )
      : null;
  const checks: Check[] = [];
  for (const upn of secretaries.map((u) => u.trim().toLowerCase())) {
    const notOwner = `${upn} er ikke ejer af sitet (en sekretær har kun sit sekretariat)`;
    checks.push(
      ownerNames === null
        ? { name: notOwner, ok: false, fix: `Ejere-gruppen kunne ikke læses (HTTP ${owners.status})` }
        : ownerNames.includes(upn)
          ? {
              name: notOwner,
              ok: false,
              fix: 'fjern personen fra sitets Ejere-gruppe (docs/tenant-setup.md trin 2.3)',
            }
          : { name: notOwner, ok: true },
    );
    const name = `${upn} har sin sekretariatsmappe med rettighedsniveauet ${MEETING_LEADER} i hver liste`;
    const missing: string[] = [];
    for (const spec of LISTS) {
      const root = await sp(`/web/lists/getbytitle('${spec.name}')/RootFolder?$select=ServerRelativeUrl`);
      const path = `${root.body?.ServerRelativeUrl ?? ''}/${secretariatFolderName(upn)}`;
      const assignments = await sp(
        `/web/GetFolderByServerRelativePath(decodedurl='${encodeURIComponent(path)}')/ListItemAllFields/roleassignments?$expand=Member,RoleDefinitionBindings`,
      );
      const holds =
        assignments.status === 200 &&
        (
          (assignments.body.value ?? []) as Array<{
            Member?: { LoginName?: string; Email?: string };
            RoleDefinitionBindings?: Array<{ Name?: string }>;
          }>
        ).some(
          (a) =>
            [a.Member?.Email, a.Member?.LoginName?.split('|').pop()].some(
              (v) => (v ?? '').toLowerCase() === upn,
            ) && (a.RoleDefinitionBindings ?? []).some((b) => b.Name === MEETING_LEADER),
        );
      if (!holds) missing.push(spec.name);
    }
    checks.push(
      missing.length
        ? {
            name,
            ok: false,
            fix: `mangler i ${missing.join(', ')}: kør npm run provision -- --secretary ${upn} (docs/tenant-setup.md trin 2.3)`,
          }
        : { name, ok: true },
    );
  }
  return checks;
}

/** The pages' host sends the CSP frame-ancestors header the guide requires (step 3). */
async function cspCheck(http: typeof fetch, appUrl: string | undefined): Promise<Check> {
  if (!appUrl)
    return { name: 'Siderne (APP_URL) sender CSP-headeren: sprunget over – APP_URL er ikke sat', ok: true };
  const name = `Siderne på ${appUrl} sender CSP-headeren frame-ancestors`;
  try {
    const res = await http(appUrl, { redirect: 'follow' });
    const csp = res.headers.get('content-security-policy') ?? '';
    const directive = csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find((d) => d[0]?.toLowerCase() === 'frame-ancestors');
    const missing = FRAME_ANCESTORS.filter((s) => !directive?.includes(s));
    return missing.length
      ? {
          name,
          ok: false,
          fix: `${directive ? `frame-ancestors mangler ${missing.join(' ')}` : 'ingen frame-ancestors i Content-Security-Policy'}: sæt headeren som i docs/tenant-setup.md trin 3`,
        }
      : { name, ok: true };
  } catch (e) {
    return { name, ok: false, fix: `${describeError(e)}: siderne svarer ikke på APP_URL (trin 3)` };
  }
}

export function printReport(report: DoctorReport, json: boolean, out: (s: string) => void): void {
  if (json) {
    out(`${JSON.stringify(report)}\n`);
    return;
  }
  for (const c of report.checks) out(c.ok ? `✓ ${c.name}\n` : `✗ ${c.name} – ${c.fix}\n`);
  out(report.ok ? 'Alt er i orden.\n' : `${report.checks.filter((c) => !c.ok).length} fejl.\n`);
}

/** The command: argv and environment in, exit code out. */
export async function doctorMain(
  argv: string[],
  env: Record<string, string | undefined>,
  out: (s: string) => void,
  http?: typeof fetch,
): Promise<number> {
  const { flags } = parseArgs(argv);
  const str = (k: string) => (typeof flags.get(k) === 'string' ? (flags.get(k) as string) : undefined);
  const config = readConfig(env);
  const report = await runDoctor({
    env: { ...env, ...(str('app-url') ? { APP_URL: str('app-url') } : {}) },
    graph: str('graph'),
    as: str('as'),
    ...(argv.some((a) => a === '--secretary' || a.startsWith('--secretary='))
      ? {
          secretaries: argv.flatMap((a, i) =>
            a === '--secretary' && argv[i + 1] && !argv[i + 1].startsWith('--')
              ? [argv[i + 1]]
              : a.startsWith('--secretary=')
                ? [a.slice('--secretary='.length)]
                : [],
          ),
        }
      : {}),
    fetch: http,
    signIn: config.clientId
      ? deviceCodeSignIn({
          clientId: config.clientId,
          tenantId: config.tenantId,
          prompt: (m) => process.stderr.write(m),
        }).token
      : undefined,
  });
  printReport(report, flags.has('json'), out);
  return report.ok ? 0 : 1;
}

if (require.main === module) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  doctorMain(process.argv.slice(2), process.env, (s) => process.stdout.write(s)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`Fejl: ${describeError(e)}\n`);
      process.exitCode = 1;
    },
  );
}
