/**
 * Deployment configuration: the only thing that differs between the embedded local Graph server and a
 * real tenant. Values come from build-time environment (webpack DefinePlugin reads the same names from
 * the environment / .env) and, in the browser dev mode, may be overridden by query parameters.
 */
export type GraphMode = 'local' | 'tenant';

export interface AppConfig {
  graphMode: GraphMode;
  /** e.g. http://localhost:4000/v1.0 (local) or https://graph.microsoft.com/v1.0 (tenant). */
  graphBaseUrl: string;
  /** Azure AD (Entra ID) app registration. Unused in local mode. */
  clientId: string;
  tenantId: string;
  /** "hostname:/sites/path", e.g. "kommune.sharepoint.com:/sites/moeder". */
  sharePointSite: string;
  /**
   * The site's own URL for SharePoint REST (permissions, folders): https://hostname/sites/path on a
   * tenant; on the local server the same path on its origin (http://localhost:4000/sites/moeder).
   */
  sharePointUrl: string;
  /** The delegated scope for SharePoint REST tokens (the SharePoint resource, not Graph). */
  sharePointScopes: string[];
  /** Where the pages are served, e.g. https://localhost:3000. */
  appUrl: string;
  /**
   * Local mode: the Fluid service Live Share talks to (tinylicious, started by `npm start`); empty turns
   * the live channel off. In Teams, Live Share's own service is used and this is ignored.
   */
  liveShareEndpoint: string;
}

export const GRAPH_SCOPES = {
  base: ['User.Read', 'Calendars.ReadWrite'],
  lists: ['Sites.Selected'],
  provisioning: ['Sites.Manage.All'],
  mail: ['Mail.Send'],
  /** Who sent a live message: the host gives the sender's user id, the directory says who that is. */
  people: ['User.ReadBasic.All'],
} as const;

export function readConfig(env: Record<string, string | undefined>): AppConfig {
  const graphMode: GraphMode = env.GRAPH_MODE === 'tenant' ? 'tenant' : 'local';
  const graphPort = env.GRAPH_PORT || '4000';
  const graphBaseUrl =
    env.GRAPH_BASE_URL ||
    (graphMode === 'tenant' ? 'https://graph.microsoft.com/v1.0' : `http://localhost:${graphPort}/v1.0`);
  const sharePointSite = env.SHAREPOINT_SITE || 'kommune.sharepoint.com:/sites/moeder';
  const [spHost, spPath = '/'] = sharePointSite.split(':');
  return {
    graphMode,
    graphBaseUrl,
    sharePointUrl: (
      env.SHAREPOINT_URL ||
      (graphMode === 'tenant' || new URL(graphBaseUrl).hostname.endsWith('graph.microsoft.com')
        ? `https://${spHost}${spPath}`
        : `${new URL(graphBaseUrl).origin}${spPath}`)
    ).replace(/\/+$/, ''),
    sharePointScopes: [`https://${spHost}/Sites.Selected`],
    clientId: env.AAD_APP_CLIENT_ID || '',
    tenantId: env.AAD_TENANT_ID || 'organizations',
    sharePointSite,
    appUrl: env.APP_URL || `http://localhost:${env.PORT || '3000'}`,
    liveShareEndpoint:
      env.LIVE_SHARE_PORT === 'off' ? '' : `http://localhost:${env.LIVE_SHARE_PORT || '7070'}`,
  };
}
