import type { User as GraphUser } from '@microsoft/microsoft-graph-types';
import type { Db } from '../db';
import { directoryNotFound, GraphHttpError } from '../errors';
import {
  collection,
  entity,
  ok,
  pagedStrict,
  selectExact,
  type Ctx,
  type PageRules,
  type Route,
} from '../http';

/** A person of the tenant, as stored. */
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

/** The directory's user resource (the default properties Graph returns for a user). */
export function toGraphUser(u: User): GraphUser {
  return {
    id: u.id,
    displayName: u.displayName,
    userPrincipalName: u.userPrincipalName,
    mail: u.mail,
    jobTitle: u.jobTitle,
    businessPhones: [],
    givenName: null,
    surname: null,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
  };
}

/** The directory pages users by $top from 1 to 999 ("Paging Microsoft Graph data in your app"). */
export const USER_PAGES: PageRules = {
  defaultTop: 100,
  maxTop: 999,
  invalid: (param, value) =>
    param === '$top'
      ? new GraphHttpError(
          400,
          'Request_UnsupportedQuery',
          `Invalid page size specified: '${value}'. Must be between 1 and 999 inclusive.`,
        )
      : new GraphHttpError(
          400,
          'Request_BadRequest',
          `Invalid value '${value}' for query option '${param}'.`,
        ),
};

const SEARCHABLE: Record<string, (u: User) => string> = {
  displayName: (u) => u.displayName,
  mail: (u) => u.mail,
  userPrincipalName: (u) => u.userPrincipalName,
  jobTitle: (u) => u.jobTitle,
};

/**
 * `$search` on users as the directory documents it ("Advanced query capabilities on Azure AD directory
 * objects", "Use the $search query parameter"): only with the header `ConsistencyLevel: eventual`, else
 * 400 Request_UnsupportedQuery; clauses `"property:text"` joined by OR or AND; a clause matches when the
 * text starts a word of the property (tokenized prefix search, case-insensitive).
 */
function searched(ctx: Ctx, users: User[]): User[] {
  const search = ctx.query.$search;
  if (search === undefined) return users;
  if ((ctx.headers['consistencylevel'] ?? '').toLowerCase() !== 'eventual')
    throw new GraphHttpError(
      400,
      'Request_UnsupportedQuery',
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  const parts = search.trim().split(/\s+(OR|AND)\s+(?=")/);
  const clauses: Array<(u: User) => boolean> = [];
  const joins: string[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) return void joins.push(part);
    const m = /^"([A-Za-z]+):([^"]*)"$/.exec(part);
    const field = m && SEARCHABLE[m[1]];
    if (!m || !field)
      throw new GraphHttpError(400, 'Request_UnsupportedQuery', `Invalid $search clause: '${part}'.`);
    const text = m[2].trim().toLowerCase();
    clauses.push((u) =>
      field(u)
        .toLowerCase()
        .split(/[\s.@_-]+/)
        .some((word) => word.startsWith(text)),
    );
  });
  return users.filter((u) =>
    clauses
      .slice(1)
      .reduce((hit, clause, i) => (joins[i] === 'AND' ? hit && clause(u) : hit || clause(u)), clauses[0](u)),
  );
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/me$/,
    handler: (ctx) => {
      const user = findUser(ctx.db, ctx.me.upn);
      if (!user) throw directoryNotFound(ctx.me.oid || ctx.me.upn);
      return ok(entity(ctx, 'users', selectExact(toGraphUser(user), ctx.query.$select)));
    },
  },
  {
    method: 'GET',
    pattern: /^\/users$/,
    handler: (ctx) =>
      ok(
        collection(
          ctx,
          'users',
          pagedStrict(
            ctx,
            searched(ctx, allUsers(ctx.db)).map((u) => selectExact(toGraphUser(u), ctx.query.$select)),
            USER_PAGES,
          ),
        ),
      ),
  },
  {
    method: 'GET',
    pattern: /^\/users\/([^/]+)$/,
    handler: (ctx, [id]) => {
      const user = findUser(ctx.db, id);
      if (!user) throw directoryNotFound(id);
      return ok(entity(ctx, 'users', selectExact(toGraphUser(user), ctx.query.$select)));
    },
  },
];
