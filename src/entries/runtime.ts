import { DevTokenProvider } from '../adapters/auth/devTokenProvider';
import { IndexedDbOutbox } from '../adapters/browser/indexedDbOutbox';
import { createSanitizer } from '../adapters/browser/sanitizeHtml';
import { createGraphConnection, type GraphConnection } from '../adapters/graph/graphClient';
import { GraphCalendar } from '../adapters/graph/graphCalendar';
import { SharePointListStore } from '../adapters/sharepoint/sharePointListStore';
import type { AppDeps } from '../app/deps';
import { GRAPH_SCOPES, readConfig, type AppConfig } from '../config';
import type { HostContext, MeetingHost, Theme } from '../ports/MeetingHost';
import type { TokenProvider } from '../ports/TokenProvider';
import { systemClock } from '../ports/Clock';

export interface Runtime {
  deps: AppDeps;
  host: HostContext;
  meetingHost: MeetingHost;
  config: AppConfig;
  graph: GraphConnection;
  meetingKey?: string;
  locale: 'da' | 'en';
  theme: Theme;
  live: { watchIntervalMs: number };
}

/** Build-time environment (webpack DefinePlugin replaces each `process.env.X`). */
function buildEnv(): Record<string, string | undefined> {
  return {
    GRAPH_MODE: process.env.GRAPH_MODE,
    GRAPH_PORT: process.env.GRAPH_PORT,
    GRAPH_BASE_URL: process.env.GRAPH_BASE_URL,
    AAD_APP_CLIENT_ID: process.env.AAD_APP_CLIENT_ID,
    AAD_TENANT_ID: process.env.AAD_TENANT_ID,
    SHAREPOINT_SITE: process.env.SHAREPOINT_SITE,
    APP_URL: process.env.APP_URL,
  };
}

export const DEMO_DEFAULT_USER = 'sofie@kommune.example';

/**
 * The composition root shared by every page: configuration, host, token provider, Graph connection and
 * the adapters behind the ports. Local mode and a tenant differ only in the token provider and base URL.
 */
export async function createRuntime(
  options: {
    pickHost?: () => Promise<MeetingHost>;
    tenantTokens?: (config: AppConfig, host: HostContext) => Promise<TokenProvider>;
  } = {},
): Promise<Runtime> {
  const { pickHost = plainBrowserHost, tenantTokens } = options;
  const params = new URLSearchParams(window.location.search);
  const env = buildEnv();
  // Local mode only: the browser tests point a page at their own server instance.
  if (env.GRAPH_MODE !== 'tenant' && params.get('graphPort')) env.GRAPH_PORT = params.get('graphPort')!;
  const config = readConfig(env);
  const meetingHost = await pickHost();
  const host = await meetingHost.context();

  let tokens: TokenProvider;
  let upn: string;
  if (config.graphMode === 'local') {
    upn = params.get('as') || host.user?.upn || DEMO_DEFAULT_USER;
    tokens = new DevTokenProvider(new URL(config.graphBaseUrl).origin, upn);
  } else {
    if (!tenantTokens) throw new Error('Tenant mode needs a token provider');
    tokens = await tenantTokens(config, host);
    upn = (await tokens.account())?.upn ?? host.user?.upn ?? '';
  }
  const graph = createGraphConnection({
    baseUrl: config.graphBaseUrl,
    tokens,
    scopes: [...GRAPH_SCOPES.base, ...GRAPH_SCOPES.lists],
  });
  const me = (await graph.client.api('/me').select('displayName,userPrincipalName').get()) as {
    displayName: string;
    userPrincipalName: string;
  };
  const deps: AppDeps = {
    me: { upn: me.userPrincipalName || upn, name: me.displayName || upn },
    calendar: new GraphCalendar(graph, createSanitizer(window)),
    lists: new SharePointListStore(graph, config.sharePointSite),
    outbox: new IndexedDbOutbox(me.userPrincipalName || upn),
    clock: systemClock,
  };
  const lang = params.get('lang') ?? host.locale;
  return {
    deps,
    host,
    meetingHost,
    config,
    graph,
    meetingKey: params.get('meeting') ?? host.meeting?.iCalUId ?? undefined,
    locale: lang.toLowerCase().startsWith('en') ? 'en' : 'da',
    theme: host.theme,
    live: { watchIntervalMs: Number(params.get('poll') ?? 2500) },
  };
}

/** Until the host adapters are wired: the page's query string is the host. */
async function plainBrowserHost(): Promise<MeetingHost> {
  const params = new URLSearchParams(window.location.search);
  const theme = (params.get('theme') as Theme | null) ?? 'default';
  return {
    context: async () => ({
      kind: 'browser',
      theme,
      locale: params.get('lang') === 'en' ? 'en-US' : 'da-DK',
      frameContext: 'browser',
      user: params.get('as') ? { upn: params.get('as')! } : undefined,
      meeting: params.get('meeting') ? { iCalUId: params.get('meeting')! } : null,
    }),
    onThemeChange: () => () => undefined,
  };
}
