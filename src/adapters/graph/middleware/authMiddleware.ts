import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../../../ports/TokenProvider';

/**
 * Bearer token on every request, whatever the host. The SDK's own AuthenticationHandler only sends
 * tokens to https Graph hosts (DESIGN §8), which would leave the local server's http:// requests
 * unauthenticated; this is the one step that differs from the SDK's default chain.
 */
export class AuthMiddleware implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly tokens: TokenProvider,
    private readonly scopes: string[],
  ) {}

  async execute(context: Context): Promise<void> {
    const token = await this.tokens.getToken(this.scopes);
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${token}`);
    context.options = { ...context.options, headers: Object.fromEntries(headers.entries()) };
    return this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
