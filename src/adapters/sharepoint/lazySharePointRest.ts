import type { SharePointRest, SharePointRestOptions } from './sharePointRest';

/**
 * The site's SharePoint REST client created on first use: PnPjs is only needed for folders, rows in
 * folders and permissions, so the pages load it when one of those is first asked for, not with the first
 * screen. A failed load (the page went offline) is tried again at the next use.
 */
export function lazySharePointRest(options: SharePointRestOptions): () => Promise<SharePointRest> {
  let rest: Promise<SharePointRest> | null = null;
  return () => {
    if (!rest) {
      rest = import(/* webpackChunkName: "sharepoint-rest" */ './sharePointRest').then((m) =>
        m.createSharePointRest(options),
      );
      rest.catch(() => (rest = null));
    }
    return rest;
  };
}
