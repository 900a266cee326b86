import { Unauthorized } from '../../ports/errors';
import type { TokenProvider } from '../../ports/TokenProvider';

/**
 * Tokens from the embedded local Graph server (`POST /_dev/token`), for the browser dev mode
 * (`?as=<upn>`), tests and the CLI. Renews a minute before expiry, so a long meeting never sees a 401.
 */
export class DevTokenProvider implements TokenProvider {
  private token: { value: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    /** The server's origin, e.g. http://localhost:4000. */
    private readonly origin: string,
    private readonly upn: string,
    private readonly options: { fetch?: typeof fetch; now?: () => number; lifetimeSeconds?: number } = {},
  ) {}

  async getToken(_scopes: string[] = [], options: { forceRefresh?: boolean } = {}): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    if (options.forceRefresh) this.token = null;
    const margin = Math.min(60_000, ((this.options.lifetimeSeconds ?? 3600) * 1000) / 4);
    if (this.token && this.token.expiresAt - margin > now) return this.token.value;
    this.pending ??= this.fetchToken().finally(() => (this.pending = null));
    return this.pending;
  }

  async account(): Promise<{ upn: string; name: string }> {
    return { upn: this.upn, name: this.upn };
  }

  async signOut(): Promise<void> {
    this.token = null;
  }

  private async fetchToken(): Promise<string> {
    const doFetch = this.options.fetch ?? fetch;
    const response = await doFetch(`${this.origin}/_dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn: this.upn, expires_in: this.options.lifetimeSeconds }),
    });
    if (!response.ok)
      throw new Unauthorized(`Unknown dev user ${this.upn}`, {
        status: response.status,
        code: 'unknownDevUser',
      });
    const body = (await response.json()) as { access_token: string; expires_in: number };
    this.token = {
      value: body.access_token,
      expiresAt: (this.options.now ?? Date.now)() + body.expires_in * 1000,
    };
    return body.access_token;
  }
}
