import { InsecureTokenProvider } from '@fluidframework/test-client-utils';
import type { Person } from '../../domain/person';
import type { LiveChannel } from '../../ports/LiveChannel';
import type { TokenProvider } from '../../ports/TokenProvider';
import { LiveShareChannel } from './liveShareChannel';
import { localLiveShareHost } from './localLiveShareHost';

/**
 * The Live Share channel as each host has it (loaded as a lazy chunk once the page is interactive: the
 * Fluid bundle is large). Teams: Live Share's service through teams-js. Locally: tinylicious, with the
 * container mapping kept by the local Graph server. Resolves null when there is no live service to reach.
 */
export async function connectLive(options: {
  host: 'teams' | 'local';
  me: Person;
  /**
   * Who a host user id is (Graph `/users/{id}`: the AAD object id in Teams, the local registry's id
   * locally). A live message counts as sent by this person, never by whom the message names.
   */
  people: (userId: string) => Promise<Person | null>;
  /** Local mode: the signed-in person's tokens, with which the page registers its client with the host. */
  tokens?: Pick<TokenProvider, 'getToken'>;
  /** Local mode: the Fluid service and the local Graph server's origin (container mapping). */
  fluidEndpoint?: string;
  registryOrigin?: string;
  probeTimeoutMs?: number;
}): Promise<LiveChannel | null> {
  if (options.host === 'teams') {
    // Already loaded in Teams (the host adapter uses it); imported here only for Teams.
    const { LiveShareHost } = await import(/* webpackChunkName: "teams-js" */ '@microsoft/teams-js');
    return new LiveShareChannel({ host: () => LiveShareHost.create(), people: options.people });
  }
  const { fluidEndpoint, registryOrigin, tokens } = options;
  if (!fluidEndpoint || !registryOrigin || !tokens) return null;
  if (!(await reachable(fluidEndpoint, options.probeTimeoutMs ?? 1500))) return null;
  return new LiveShareChannel({
    host: (meetingKey) => localLiveShareHost(registryOrigin, meetingKey, () => tokens.getToken([])),
    people: options.people,
    connection: {
      type: 'local',
      endpoint: fluidEndpoint,
      tokenProvider: insecureTokens(options.me),
    },
  });
}

async function reachable(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Local mode only: tinylicious accepts any token; Fluid's audience wants an AzureUser (id and name). */
export function insecureTokens(me: Person): InsecureTokenProvider {
  const user = { id: me.upn, name: me.name };
  return new InsecureTokenProvider('', user);
}
