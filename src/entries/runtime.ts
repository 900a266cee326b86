import { DevTokenProvider } from '../adapters/auth/devTokenProvider';
import { lazySanitizer } from '../adapters/browser/lazySanitizer';
import { createGraphConnection, type GraphConnection } from '../adapters/graph/graphClient';
import { graphPeople } from '../adapters/graph/graphPeople';
import { graphPeopleSearch } from '../adapters/graph/graphPeopleSearch';
import { GraphCalendar } from '../adapters/graph/graphCalendar';
import { mapGraphError } from '../adapters/graph/graphErrors';
import { GraphMailer } from '../adapters/graph/graphMailer';
import { SharePointListStore } from '../adapters/sharepoint/sharePointListStore';
import { GraphBilagStore } from '../adapters/graph/graphBilagStore';
import { lazySharePointRest } from '../adapters/sharepoint/lazySharePointRest';
import { renderReferatHtml, renderReferatHtmlDocument } from '../adapters/documents/referatHtml';
import type { AppDeps } from '../app/deps';
import { GRAPH_SCOPES, readConfig, type AppConfig } from '../config';
import type { HostContext, MeetingHost, Theme } from '../ports/MeetingHost';
import { browserHost } from '../adapters/hosts/browserHost';
import { outlookCompose, outlookHost, type OfficeApi } from '../adapters/hosts/outlookHost';
import { replaceAgendaSection } from '../domain/agendaSection';
import type { ComposeSurface } from '../ports/ComposeSurface';
import { Invalid, type ErrorCode } from '../ports/errors';
import { teamsHost } from '../adapters/hosts/teamsHost';
import type { TokenProvider } from '../ports/TokenProvider';
import type { LiveChannel, PollingChannelFactory } from '../ports/LiveChannel';
import { PollingChannel } from '../adapters/live/pollingChannel';
import { pageEnvironment } from '../adapters/live/pollingEnvironment';
import { systemClock } from '../ports/Clock';
import { PendingWrites } from '../app/pendingWrites';
import { AUTOSAVE_SPACING_MS } from '../app/autosaveSpacing';
import { lazyOutbox } from './lazyOutbox';
import { lazyPermissions } from './lazyPermissions';
import { signInAndFindMeeting } from './openSequence';

export interface Runtime {
  deps: AppDeps;
  host: HostContext;
  meetingHost: MeetingHost;
  config: AppConfig;
  graph: GraphConnection;
  meetingKey?: string;
  locale: 'da' | 'en';
  theme: Theme;
  live: {
    watchIntervalMs: number;
    /** The SharePoint-polling fallback over this page's lists (Outlook, or wherever Live Share is missing). */
    polling: PollingChannelFactory;
    /** Live Share where the host has it (Teams, or local mode with tinylicious running); else null. */
    connect: () => Promise<LiveChannel | null>;
  };
  /** Outlook compose mode: the open appointment form. */
  compose: ComposeSurface | null;
  /** Whoever is signed in on this computer, for "Log ud". */
  tokens: TokenProvider;
  /** The page's writes other than the referent's text, through the profile's outbox. */
  writes: PendingWrites;
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
    SHAREPOINT_URL: process.env.SHAREPOINT_URL,
    APP_URL: process.env.APP_URL,
    LIVE_SHARE_PORT: process.env.LIVE_SHARE_PORT,
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
    /** The page opens the meeting (meeting page, task pane): its rows come in the first $batch too. */
    readsMeeting?: boolean;
  } = {},
): Promise<Runtime> {
  const { pickHost = detectHost, tenantTokens = msalTokens, readsMeeting = false } = options;
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
  // Every write of a page has an owner that retries it (the outbox, the page's start, the person): the
  // transport retries reads only, so one refused write is one request per attempt (adapters/writeRetries.ts).
  const graph = createGraphConnection({
    baseUrl: config.graphBaseUrl,
    tokens,
    scopes: [...GRAPH_SCOPES.base, ...GRAPH_SCOPES.lists],
    writeRetries: 'owner',
  });
  // SharePoint REST for what Graph has no API for (permissions, folders): a token for the site's host,
  // PnPjs loaded at the first such request.
  const rest = lazySharePointRest({
    siteUrl: config.sharePointUrl,
    tokens,
    scopes: config.sharePointScopes,
    writeRetries: 'owner',
  });
  const sanitize = lazySanitizer(window);
  const calendar = new GraphCalendar(graph, sanitize);
  const lists = new SharePointListStore(graph, config.sharePointSite, rest);
  const bilag = new GraphBilagStore(graph, config.sharePointSite, rest);
  const { me, meetingKey } = await signInAndFindMeeting({
    graph,
    calendar,
    lists,
    urlKey: params.get('meeting'),
    host,
    fallbackUpn: upn,
    readsMeeting,
  }).catch((e: unknown) => {
    throw mapGraphError(e);
  });
  const deps: AppDeps = {
    me,
    calendar,
    lists,
    bilag,
    permissions: lazyPermissions(rest),
    outbox: lazyOutbox(me.upn),
    clock: systemClock,
    // Mail.Send is asked for only when mail is sent (incremental consent): its own connection.
    mailer: new GraphMailer(
      createGraphConnection({
        baseUrl: config.graphBaseUrl,
        tokens,
        scopes: [...GRAPH_SCOPES.base, ...GRAPH_SCOPES.mail],
        // A mail sent twice cannot be taken back: the person who sent it is told and sends again.
        writeRetries: 'owner',
      }),
      sanitize,
    ),
    renderer: {
      docx: async (r) =>
        (await import(/* webpackChunkName: "documents" */ '../adapters/documents/referatDocx')).referatDocx(
          r,
        ),
      pdf: async (r) =>
        (await import(/* webpackChunkName: "documents" */ '../adapters/documents/referatPdf')).referatPdf(r),
      html: renderReferatHtml,
      htmlDocument: renderReferatHtmlDocument,
    },
    packageRenderer: {
      pdf: async (doc) =>
        (
          await import(/* webpackChunkName: "meeting-package" */ '../adapters/documents/meetingPackagePdf')
        ).meetingPackagePdf(doc),
    },
    // The guest picker's directory search: its own connection, User.ReadBasic.All asked for when first used.
    people: graphPeopleSearch(
      createGraphConnection({
        baseUrl: config.graphBaseUrl,
        tokens,
        scopes: [...GRAPH_SCOPES.base, ...GRAPH_SCOPES.people],
      }),
    ),
  };
  const lang = params.get('lang') ?? host.locale;
  return {
    deps,
    host,
    meetingHost,
    config,
    graph,
    meetingKey,
    locale: lang.toLowerCase().startsWith('en') ? 'en' : 'da',
    theme: host.theme,
    live: {
      // One request every 15 s (docs/adr/008-budgets.md): 4 per watcher-minute, shared by the profile's tabs.
      // `?poll=MS` (development, the browser tests) sets the whole schedule: that interval, no save spacing.
      watchIntervalMs: Number(params.get('poll') ?? 15_000),
      polling: (options) =>
        new PollingChannel(
          deps.lists,
          { saveSpacingMs: params.has('poll') ? 0 : AUTOSAVE_SPACING_MS, ...options },
          pageEnvironment(window),
        ),
      connect: async () => {
        // `?live=off` (or LIVE_SHARE_PORT=off) keeps the page on polling, as Outlook and plain browsers are.
        if (params.get('live') === 'off') return null;
        const teamsLive = host.kind === 'teams';
        if (!teamsLive && (config.graphMode !== 'local' || !config.liveShareEndpoint)) return null;
        const live = await import(/* webpackChunkName: "live" */ '../adapters/live/connectLive');
        // The sender of a live message is the host's user for the sending client, looked up in the
        // directory (its own connection: User.ReadBasic.All is asked for only when the live view starts).
        const people = graphPeople(
          createGraphConnection({
            baseUrl: config.graphBaseUrl,
            tokens,
            scopes: [...GRAPH_SCOPES.base, ...GRAPH_SCOPES.people],
          }),
        );
        return live.connectLive({
          host: teamsLive ? 'teams' : 'local',
          me: deps.me,
          people,
          tokens,
          fluidEndpoint: params.get('live')
            ? `http://localhost:${Number(params.get('live'))}`
            : config.liveShareEndpoint,
          registryOrigin: new URL(config.graphBaseUrl).origin,
        });
      },
    },
    compose: host.kind === 'outlook' ? composeSurface() : null,
    tokens,
    writes: new PendingWrites(deps),
  };
}

/**
 * Which host the page is in: Outlook when Office.js is on the page (taskpane.html loads it), Teams when
 * the page is framed (teams-js answers, or times out and falls back), else a plain browser tab.
 */
async function detectHost(): Promise<MeetingHost> {
  const office = await officeScript();
  if (office) return outlookHost(office);
  const framed =
    window.parent !== window || new URLSearchParams(window.location.search).get('host') === 'teams';
  if (framed) {
    const teams = await import(/* webpackChunkName: "teams-js" */ '@microsoft/teams-js');
    return teamsHost(teams);
  }
  return browserHost(window);
}

/** Office.js is loaded async by the page; wait for it to load or fail (never hang on a closed network). */
function composeSurface(): ComposeSurface | null {
  const office = (window as unknown as { Office?: OfficeApi }).Office;
  return office ? outlookCompose(office, replaceAgendaSection, lazySanitizer(window)) : null;
}

async function officeScript(): Promise<OfficeApi | undefined> {
  const w = window as unknown as { Office?: OfficeApi };
  if (w.Office) return w.Office;
  const tag = document.querySelector<HTMLScriptElement>('script[data-office-js]');
  if (!tag) return undefined;
  await new Promise<void>((resolve) => {
    const done = () => resolve();
    tag.addEventListener('load', done, { once: true });
    tag.addEventListener('error', done, { once: true });
    setTimeout(done, 3000);
  });
  return w.Office;
}

/** Tenant mode without the app registration's client id (the page says so in words, src/ui/i18n). */
export const TENANT_NOT_CONFIGURED: ErrorCode = 'tenantNotConfigured';

async function msalTokens(config: AppConfig, host: HostContext): Promise<TokenProvider> {
  if (!config.clientId)
    throw new Invalid('AAD_APP_CLIENT_ID is not set: tenant mode needs an app registration', {
      code: TENANT_NOT_CONFIGURED,
    });
  const { MsalTokenProvider } = await import(
    /* webpackChunkName: "msal" */ '../adapters/auth/msalTokenProvider'
  );
  return MsalTokenProvider.create({
    clientId: config.clientId,
    tenantId: config.tenantId,
    nested: host.kind !== 'browser',
    redirectUri: `${config.appUrl}/auth-redirect.html`,
  });
}
