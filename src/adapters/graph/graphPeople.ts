import type { Person } from '../../domain/person';
import type { GraphConnection } from './graphClient';
import { mapGraphError } from './graphErrors';

/**
 * Who a user id is, from the tenant's directory (`GET /users/{id}`; User.ReadBasic.All reads another
 * user's userPrincipalName and displayName). The live channel resolves the id its host reports for a
 * message's sender — the AAD object id in Teams — to the person the page compares with the referent and
 * organizer. Not a user of the tenant → null. Cached per id for the page's life.
 */
export function graphPeople(graph: GraphConnection): (userId: string) => Promise<Person | null> {
  const known = new Map<string, Promise<Person | null>>();
  return (userId) => {
    let person = known.get(userId);
    if (!person) {
      person = (async () => {
        try {
          const user = (await graph.client
            .api(`/users/${encodeURIComponent(userId)}`)
            .select('id,userPrincipalName,displayName')
            .get()) as { userPrincipalName?: string; displayName?: string };
          return user.userPrincipalName
            ? { upn: user.userPrincipalName, name: user.displayName || user.userPrincipalName }
            : null;
        } catch (e) {
          known.delete(userId);
          const error = mapGraphError(e);
          // Not a user of the tenant (or not an id at all): nobody the page would listen to.
          if (error.kind === 'NotFound' || error.kind === 'Invalid') return null;
          throw error;
        }
      })();
      known.set(userId, person);
    }
    return person;
  };
}
