import {
  BrowserAuthError,
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  InteractionRequiredAuthError,
  type AccountInfo,
  type Configuration,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { Unauthorized } from '../../ports/errors';
import type { TokenProvider } from '../../ports/TokenProvider';

export interface MsalOptions {
  clientId: string;
  tenantId: string;
  /** Teams and Outlook: nested app authentication (the host brokers tokens); a plain browser: popup. */
  nested: boolean;
  /** Where popups return (an empty page of the app). */
  redirectUri?: string;
}

const POPUP_BLOCKED = new Set(['popup_window_error', 'empty_window_error', 'block_nested_popups']);

/**
 * Tokens through MSAL, as its docs intend: silent first (cache, refresh token, or the host's broker),
 * interactive only when MSAL says interaction is required, scopes asked for when a feature needs them
 * (incremental consent), one cache per app. Failures come out as Unauthorized with a Danish message.
 */
export class MsalTokenProvider implements TokenProvider {
  private current: AccountInfo | null = null;

  constructor(private readonly pca: IPublicClientApplication) {}

  static async create(options: MsalOptions): Promise<MsalTokenProvider> {
    const config: Configuration = {
      auth: {
        clientId: options.clientId,
        authority: `https://login.microsoftonline.com/${options.tenantId || 'organizations'}`,
        redirectUri: options.redirectUri,
      },
      cache: { cacheLocation: 'localStorage' },
    };
    const pca = options.nested
      ? await createNestablePublicClientApplication(config)
      : await createStandardPublicClientApplication(config);
    return new MsalTokenProvider(pca);
  }

  async getToken(scopes: string[], options: { forceRefresh?: boolean } = {}): Promise<string> {
    const account = this.current ?? this.pca.getActiveAccount() ?? this.pca.getAllAccounts()[0] ?? null;
    try {
      const result = await this.pca.acquireTokenSilent({
        scopes,
        account: account ?? undefined,
        forceRefresh: options.forceRefresh,
      });
      this.remember(result.account);
      return result.accessToken;
    } catch (e) {
      if (!(e instanceof InteractionRequiredAuthError) && !isNoAccount(e)) throw friendly(e);
    }
    try {
      const result = await this.pca.acquireTokenPopup({ scopes, account: account ?? undefined });
      this.remember(result.account);
      return result.accessToken;
    } catch (e) {
      throw friendly(e);
    }
  }

  async account(): Promise<{ upn: string; name: string } | null> {
    const a = this.current ?? this.pca.getActiveAccount() ?? this.pca.getAllAccounts()[0];
    return a ? { upn: a.username, name: a.name ?? a.username } : null;
  }

  async signOut(): Promise<void> {
    const account = this.current ?? this.pca.getActiveAccount() ?? undefined;
    this.current = null;
    await this.pca.clearCache({ account });
  }

  private remember(account: AccountInfo | null | undefined) {
    if (!account) return;
    this.current = account;
    this.pca.setActiveAccount(account);
  }
}

function isNoAccount(e: unknown): boolean {
  return (
    e instanceof Error &&
    /no_account|no_tokens_found|user_login_error/i.test(
      `${(e as { errorCode?: string }).errorCode ?? ''} ${e.message}`,
    )
  );
}

function friendly(e: unknown): Unauthorized {
  const code = (e as { errorCode?: string }).errorCode ?? '';
  const text = e instanceof Error ? e.message : String(e);
  if (e instanceof BrowserAuthError && POPUP_BLOCKED.has(code))
    return new Unauthorized(`Sign-in popup blocked (${code})`, { code: 'signInBlocked' });
  if (code === 'user_cancelled')
    return new Unauthorized('Sign-in window closed by the user', { code: 'signInCancelled' });
  if (/consent|AADSTS65001|AADSTS90094/i.test(`${code} ${text}`))
    return new Unauthorized(`No admin consent (see docs/tenant-setup.md): ${text}`, {
      code: 'signInConsent',
    });
  return new Unauthorized(`Sign-in failed: ${text}`, { code: codeOf(e) });
}

function codeOf(e: unknown): string | undefined {
  return (e as { errorCode?: string }).errorCode || undefined;
}
