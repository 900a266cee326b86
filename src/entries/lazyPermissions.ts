import type { SharePointRest } from '../adapters/sharepoint/sharePointRest';
import type { MeetingPermissions } from '../ports/MeetingPermissions';

/**
 * SharePoint's permission adapter loaded at the first permission operation (the organizer sending the
 * agenda, a rights sync), never with the first screen; it shares the page's lazily created REST client.
 */
export function lazyPermissions(rest: () => Promise<SharePointRest>): MeetingPermissions {
  let permissions: Promise<MeetingPermissions> | null = null;
  const load = () => {
    if (!permissions) {
      permissions = import(
        /* webpackChunkName: "sharepoint-rest" */ '../adapters/sharepoint/sharePointPermissions'
      ).then((m) => new m.SharePointPermissions(rest));
      permissions.catch(() => (permissions = null));
    }
    return permissions;
  };
  return {
    apply: async (plan, rows) => (await load()).apply(plan, rows),
    removeFolder: async (plan, list) => (await load()).removeFolder(plan, list),
  };
}
