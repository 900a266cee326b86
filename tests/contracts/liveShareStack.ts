import { DevTokenProvider } from '../../src/adapters/auth/devTokenProvider';
import { createGraphConnection } from '../../src/adapters/graph/graphClient';
import { graphPeople } from '../../src/adapters/graph/graphPeople';
import { insecureTokens } from '../../src/adapters/live/connectLive';
import { LiveShareChannel } from '../../src/adapters/live/liveShareChannel';
import { localLiveShareHost } from '../../src/adapters/live/localLiveShareHost';
import type { Person } from '../../src/domain/person';
import type { FluidService } from '../../devServer/fluidService';
import type { GraphServer } from '../../devServer/server';

/**
 * The Live Share channel exactly as a page signed in as `me` builds it in local mode (connectLive): its
 * client registers with the local server's Live Share registry with me's token, and every sender is the
 * registry's user for the sending client, looked up in the directory (`/users/{id}`) with me's token.
 * `claim` is what the client says about itself to Fluid (its insecure token); it decides nothing.
 */
export function liveChannelAs(
  graph: GraphServer,
  fluid: FluidService,
  me: Person,
  claim: Person = me,
): LiveShareChannel {
  const tokens = new DevTokenProvider(graph.origin, me.upn);
  return new LiveShareChannel({
    host: (key) => localLiveShareHost(graph.origin, key, () => tokens.getToken([])),
    people: graphPeople(createGraphConnection({ baseUrl: graph.url, tokens, scopes: [] })),
    connection: { type: 'local', endpoint: fluid.endpoint, tokenProvider: insecureTokens(claim) },
  });
}
