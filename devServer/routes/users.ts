import type { Db } from '../db';
import { notFound } from '../errors';
import { ok, paged, select, type Route } from '../http';

export interface User {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string;
  jobTitle: string;
}

export function findUser(db: Db, idOrUpn: string): User | undefined {
  const row = db.prepare('SELECT json FROM users WHERE id = ? OR upn = ?').get(idOrUpn, idOrUpn) as
    { json: string } | undefined;
  return row ? (JSON.parse(row.json) as User) : undefined;
}

export function allUsers(db: Db): User[] {
  return (db.prepare('SELECT json FROM users ORDER BY upn').all() as Array<{ json: string }>).map(
    (r) => JSON.parse(r.json) as User,
  );
}

export function insertUser(db: Db, user: User): void {
  db.prepare(
    'INSERT INTO users (id, upn, json) VALUES (?, ?, ?) ON CONFLICT(upn) DO UPDATE SET json = excluded.json',
  ).run(user.id, user.userPrincipalName, JSON.stringify(user));
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/me$/,
    handler: (ctx) => {
      const user = findUser(ctx.db, ctx.me.upn);
      if (!user) throw notFound();
      return ok({
        '@odata.context': `${ctx.base}/$metadata#users/$entity`,
        ...select({ ...user }, ctx.query.$select),
      });
    },
  },
  {
    method: 'GET',
    pattern: /^\/users$/,
    handler: (ctx) =>
      ok(
        paged(
          ctx,
          allUsers(ctx.db).map((u) => select({ ...u }, ctx.query.$select)),
        ),
      ),
  },
  {
    method: 'GET',
    pattern: /^\/users\/([^/]+)$/,
    handler: (ctx, [id]) => {
      const user = findUser(ctx.db, id);
      if (!user)
        throw notFound(
          `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
        );
      return ok(select({ ...user }, ctx.query.$select));
    },
  },
];
