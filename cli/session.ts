import { existsSync } from 'node:fs';
import { DevTokenProvider } from '../src/adapters/auth/devTokenProvider';
import { readConfig } from '../src/config';
import type { Person } from '../src/domain/person';
import { createNodeStack } from '../src/entries/nodeStack';
import type { ListStore } from '../src/ports/ListStore';
import type { MeetingPermissions } from '../src/ports/MeetingPermissions';
import type { TokenProvider } from '../src/ports/TokenProvider';
import { devSecret } from '../devServer/devSecret';
import { type GraphServer } from '../devServer/server';
import { startDemoServer } from '../demo/server';

export interface CliSession {
  me: Person;
  lists: ListStore;
  permissions: MeetingPermissions;
  /** Where the lists were reached, for messages. */
  where: string;
  /** The site's SharePoint REST root (…/_api) and a token for SharePoint itself (never a Graph token). */
  sharePoint: { api: string; token(): Promise<string> };
  close(): Promise<void>;
}

/**
 * The lists for a command-line tool, reached exactly as the add-in reaches them (Graph client chain +
 * SharePointListStore). Where: `--graph URL` / GRAPH_BASE_URL (a real tenant with GRAPH_TOKEN, or a
 * running local server), else the local server of `npm start` if it runs, else the embedded server on
 * the same database file (GRAPH_DB, default .data/graph.db) started in this process.
 */
export async function openSession(options: {
  as: string;
  graph?: string;
  /** Tokens from a device-code sign-in (cli/deviceCode.ts), instead of GRAPH_TOKEN / SHAREPOINT_TOKEN. */
  tokens?: { graph: string; sharePoint: string };
}): Promise<CliSession> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const graphToken = options.tokens?.graph ?? process.env.GRAPH_TOKEN;
  const sharePointToken = options.tokens?.sharePoint ?? process.env.SHAREPOINT_TOKEN;
  const config = readConfig(process.env);
  const explicit = options.graph ?? process.env.GRAPH_BASE_URL;
  let server: GraphServer | null = null;
  let base = explicit ?? config.graphBaseUrl;
  if (!explicit && !(await reachable(base))) {
    const db = process.env.GRAPH_DB ?? '.data/graph.db';
    server = await startDemoServer({ port: 0, db, seed: 'demo', secret: devSecret(db) });
    base = server.url;
  }
  // On a tenant, SHAREPOINT_TOKEN is a token for the SharePoint resource (permissions); GRAPH_TOKEN for Graph.
  // A Graph token is never sent to SharePoint REST: its audience is Graph, so /_api would refuse it (or, worse,
  // a step that needs it, such as breaking a list's inheritance, would be skipped).
  const tokens: TokenProvider = graphToken
    ? {
        getToken: async (scopes: string[]) => {
          if (!scopes.some((s) => s.startsWith('https://'))) return graphToken;
          if (!sharePointToken)
            throw new Error(
              `SharePoint REST kræver et token til SharePoint selv (${scopes.join(' ')}): sæt SHAREPOINT_TOKEN – et Graph-token kan ikke bruges (docs/tenant-setup.md trin 4).`,
            );
          return sharePointToken;
        },
        account: async () => ({ upn: options.as, name: options.as }),
        signOut: async () => undefined,
      }
    : new DevTokenProvider(base.replace(/\/v1\.0\/?$/, ''), options.as);
  const siteConfig = readConfig({ ...process.env, GRAPH_BASE_URL: base });
  const stack = createNodeStack({ config: siteConfig, tokens, me: { upn: options.as, name: options.as } });
  const me = (await stack.graph.client.api('/me').get()) as {
    userPrincipalName: string;
    displayName: string;
  };
  return {
    me: { upn: me.userPrincipalName, name: me.displayName },
    lists: stack.deps.lists,
    permissions: stack.deps.permissions,
    sharePoint: {
      api: `${siteConfig.sharePointUrl}/_api`,
      token: () => tokens.getToken(siteConfig.sharePointScopes),
    },
    where: server ? `den indbyggede Graph-server (${process.env.GRAPH_DB ?? '.data/graph.db'})` : base,
    close: async () => {
      await server?.close();
    },
  };
}

async function reachable(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base.replace(/\/v1\.0\/?$/, '')}/_dev/stats`, {
      signal: AbortSignal.timeout(500),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** `--name value` and `--flag` from argv; the rest are positional. */
export function parseArgs(argv: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2);
      if (inline !== undefined) flags.set(name, inline);
      else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') && VALUE_FLAGS.has(name))
        flags.set(name, argv[++i]);
      else flags.set(name, true);
    } else positional.push(a);
  }
  return { positional, flags };
}

const VALUE_FLAGS = new Set([
  'as',
  'graph',
  'series',
  'year',
  'category',
  'owner',
  'limit',
  'app-url',
  'secretary',
  // verify:tenant
  'variants',
  'config',
  'out',
]);
