import type { Person } from '../../domain/person';
import type { PeopleDirectory } from '../../ports/PeopleDirectory';
import type { GraphConnection } from './graphClient';
import { mapGraphError } from './graphErrors';

/**
 * The directory's people search: `GET /users?$search="displayName:…" OR "mail:…"` with the header
 * `ConsistencyLevel: eventual`, which Graph requires for $search on directory objects (without it: 400
 * Request_UnsupportedQuery). User.ReadBasic.All reads another user's name and addresses.
 */
export function graphPeopleSearch(graph: GraphConnection): PeopleDirectory {
  return {
    async searchPeople(text, limit = 8) {
      // A double quote or backslash would end the clause: the search text is words only.
      const words = text.replace(/["\\]/g, ' ').trim();
      if (words.length < 2) return [];
      try {
        const page = (await graph.client
          .api('/users')
          .header('ConsistencyLevel', 'eventual')
          .query({ $search: `"displayName:${words}" OR "mail:${words}"` })
          .select('displayName,userPrincipalName,mail')
          .top(limit)
          .get()) as { value?: Array<{ displayName?: string; userPrincipalName?: string; mail?: string }> };
        return (page.value ?? []).flatMap((u): Person[] => {
          const upn = u.mail || u.userPrincipalName;
          return upn ? [{ upn, name: u.displayName || upn }] : [];
        });
      } catch (e) {
        throw mapGraphError(e);
      }
    },
  };
}
