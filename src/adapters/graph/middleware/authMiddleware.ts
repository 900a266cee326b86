import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../../../ports/TokenProvider';

/**
 * Bearer token on every request, whatever the host. The SDK's own AuthenticationHandler only sends
 * tokens to https Graph hosts (DESIGN §8), which would leave the local server's http:// requests
 * unauthenticated; this is the one step that differs from the SDK's default chain. A 401 gets one
 * resend with a freshly acquired token (silent renewal mid-meeting).
 */
export class AuthMiddleware implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly tokens: TokenProvider,
    private readonly scopes: string[],
  ) {}

  async execute(context: Context): Promise<void> {
    await this.send(context, false);
    // A token can expire (or be revoked) between our clock and the server's: renew once and resend.
    if (context.response?.status === 401) await this.send(context, true);
  }

  private async send(context: Context, forceRefresh: boolean): Promise<void> {
    const token = await this.tokens.getToken(this.scopes, { forceRefresh });
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${token}`);
    context.options = { ...context.options, headers: Object.fromEntries(headers.entries()) };
    return this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
