import type { Outbox } from '../ports/Outbox';
import type { TokenProvider } from '../ports/TokenProvider';

export type SignOutResult = { kind: 'pending'; count: number } | { kind: 'signedOut'; discarded: number };

/**
 * Sign out on this computer: the outbox (text typed but not yet in SharePoint) is emptied and the tokens
 * dropped. Text still waiting is never thrown away silently: without `discardPending` the answer is
 * "pending" with the count, and the page asks the person first.
 */
export async function signOut(
  outbox: Outbox,
  tokens: TokenProvider,
  options: { discardPending?: boolean } = {},
): Promise<SignOutResult> {
  const pending = await outbox.list();
  if (pending.length && !options.discardPending) return { kind: 'pending', count: pending.length };
  await outbox.clear();
  await tokens.signOut();
  return { kind: 'signedOut', discarded: pending.length };
}
