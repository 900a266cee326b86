import type { Db } from '../db';

/* Sites: the SharePoint sites of the tenant, by id or by host and path. */

export interface SiteRow {
  id: string;
  hostname: string;
  path: string;
  json: string;
}

export function siteByPath(db: Db, hostname: string, path: string) {
  return db
    .prepare('SELECT * FROM sites WHERE hostname = ? AND path = ?')
    .get(hostname, path.replace(/\/+$/, '') || '/') as
    { id: string; hostname: string; path: string; json: string } | undefined;
}

export function site(db: Db, id: string) {
  return db.prepare('SELECT * FROM sites WHERE id = ?').get(id) as
    { id: string; hostname: string; path: string; json: string } | undefined;
}
