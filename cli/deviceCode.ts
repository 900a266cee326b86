import { PublicClientApplication, type AccountInfo } from '@azure/msal-node';

/**
 * Sign-in for the command-line tools on a tenant: the device-code flow of the add-in's own app registration
 * (public client flows allowed, docs/tenant-setup.md step 1), tokens in memory only. One sign-in, then a
 * token per resource: Graph, and SharePoint itself (`https://TENANT.sharepoint.com/.default`) for its REST
 * API, whose audience is not Graph's.
 */
export interface DeviceCodeSignIn {
  token(scopes: string[]): Promise<string>;
}

export function deviceCodeSignIn(options: {
  clientId: string;
  tenantId: string;
  /** Where the "go to https://microsoft.com/devicelogin and enter …" message goes (stderr). */
  prompt: (message: string) => void;
}): DeviceCodeSignIn {
  const app = new PublicClientApplication({
    auth: { clientId: options.clientId, authority: `https://login.microsoftonline.com/${options.tenantId}` },
  });
  let account: AccountInfo | null = null;
  return {
    async token(scopes) {
      if (account) {
        const silent = await app.acquireTokenSilent({ account, scopes }).catch(() => null);
        if (silent?.accessToken) return silent.accessToken;
      }
      const result = await app.acquireTokenByDeviceCode({
        scopes,
        deviceCodeCallback: (r) => options.prompt(`${r.message}\n`),
      });
      if (!result?.accessToken) throw new Error('Log-ind med device code gav intet token.');
      account = result.account;
      return result.accessToken;
    },
  };
}

/** The SharePoint resource's scope for a site like `contoso.sharepoint.com:/sites/moeder`. */
export const sharePointScope = (site: string) => `https://${site.split(':')[0]}/.default`;
