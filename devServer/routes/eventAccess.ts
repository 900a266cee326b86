import { exchangeAccessDenied, invalidIdMalformed, invalidUser, itemNotFound } from '../errors';
import { odataKey, type Ctx } from '../http';
import { findUser } from './users';
import { isExchangeId, type StoredEvent } from './eventStore';

/* Which mailbox a calendar request is for, and the caller's own event in it (Exchange answers for no other). */

/** `/me` or `/users/{id|upn}`, the mailbox captured. */
const USER = '(?:\\/me|\\/users\\/([^/]+))';
export const re = (s: string) => new RegExp(`^${USER}${s}$`);

/** The mailbox asked for, which must be the caller's own. */
export function ownerOf(ctx: Ctx, userSegment: string | undefined): string {
  if (!userSegment) return ctx.me.upn.toLowerCase();
  const user = findUser(ctx.db, userSegment);
  if (!user) throw invalidUser(userSegment);
  if (user.userPrincipalName.toLowerCase() !== ctx.me.upn.toLowerCase()) throw exchangeAccessDenied();
  return user.userPrincipalName.toLowerCase();
}

/** `users('…')` as Graph writes the mailbox in `@odata.context`: the signed-in user's id for /me. */
export const mailboxContext = (ctx: Ctx, userSegment: string | undefined) =>
  `users(${odataKey(userSegment ?? (ctx.me.oid || ctx.me.upn))})`;

/** The caller's copy of event `id` in `owner`'s mailbox (a malformed id: 400; another's: 404). */
export function ownEvent(ctx: Ctx, owner: string, id: string): StoredEvent {
  if (!isExchangeId(id)) throw invalidIdMalformed();
  const row = ctx.db.prepare('SELECT json FROM events WHERE id = ? AND owner = ?').get(id, owner) as
    { json: string } | undefined;
  if (!row) throw itemNotFound();
  return JSON.parse(row.json) as StoredEvent;
}
