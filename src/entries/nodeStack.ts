import { JSDOM } from 'jsdom';
import { createSanitizer } from '../adapters/browser/sanitizeHtml';
import { createGraphConnection, type GraphConnection } from '../adapters/graph/graphClient';
import { GraphCalendar } from '../adapters/graph/graphCalendar';
import { graphPeopleSearch } from '../adapters/graph/graphPeopleSearch';
import { MemoryOutbox } from '../adapters/memory/memoryOutbox';
import { createSharePointRest } from '../adapters/sharepoint/sharePointRest';
import { SharePointListStore } from '../adapters/sharepoint/sharePointListStore';
import { GraphBilagStore } from '../adapters/graph/graphBilagStore';
import { SharePointPermissions } from '../adapters/sharepoint/sharePointPermissions';
import type { AppDeps } from '../app/deps';
import { GRAPH_SCOPES, type AppConfig } from '../config';
import type { Person } from '../domain/person';
import type { Clock } from '../ports/Clock';
import { systemClock } from '../ports/Clock';
import type { TokenProvider } from '../ports/TokenProvider';

export interface NodeStack {
  deps: AppDeps;
  graph: GraphConnection;
}

/**
 * The composition root for Node tools (the CLI, the demo seed, benchmarks): the same adapters as the
 * pages — Graph client chain, SharePoint lists through Graph, permissions through SharePoint REST —
 * with an in-memory outbox and a jsdom window for the HTML sanitizer.
 */
export function createNodeStack(options: {
  config: Pick<AppConfig, 'graphBaseUrl' | 'sharePointSite' | 'sharePointUrl' | 'sharePointScopes'>;
  tokens: TokenProvider;
  me: Person;
  clock?: Clock;
}): NodeStack {
  const { config, tokens, me } = options;
  const clock = options.clock ?? systemClock;
  const graph = createGraphConnection({
    baseUrl: config.graphBaseUrl,
    tokens,
    scopes: [...GRAPH_SCOPES.base, ...GRAPH_SCOPES.lists],
  });
  const rest = createSharePointRest({
    siteUrl: config.sharePointUrl,
    tokens,
    scopes: config.sharePointScopes,
  });
  const window = new JSDOM('').window as unknown as Window & typeof globalThis;
  const deps: AppDeps = {
    me,
    calendar: new GraphCalendar(graph, createSanitizer(window), () => new Date(clock.now())),
    lists: new SharePointListStore(graph, config.sharePointSite, rest),
    bilag: new GraphBilagStore(graph, config.sharePointSite, rest),
    permissions: new SharePointPermissions(rest),
    outbox: new MemoryOutbox(),
    clock,
    people: graphPeopleSearch(graph),
  };
  return { deps, graph };
}
