/** Delegated access tokens for Microsoft Graph (MSAL in a tenant, /_dev/token locally). */
export interface TokenProvider {
  /** A valid access token for the scopes; renews silently, asks the user only when it must. */
  getToken(scopes: string[], options?: { forceRefresh?: boolean }): Promise<string>;
  /** The signed-in user's UPN, once known. */
  account(): Promise<{ upn: string; name: string } | null>;
  signOut(): Promise<void>;
}
