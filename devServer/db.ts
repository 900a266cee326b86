import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Numbered migrations; each runs once, in a transaction, recorded in schema_migrations. */
const MIGRATIONS: string[] = [
  `CREATE TABLE users (id TEXT PRIMARY KEY, upn TEXT NOT NULL UNIQUE COLLATE NOCASE, json TEXT NOT NULL);
   CREATE TABLE events (id TEXT PRIMARY KEY, owner TEXT NOT NULL COLLATE NOCASE, ical_uid TEXT NOT NULL, type TEXT NOT NULL,
     series_master_id TEXT, start TEXT NOT NULL, json TEXT NOT NULL);
   CREATE INDEX events_owner ON events(owner, start);
   CREATE INDEX events_ical ON events(ical_uid);
   CREATE TABLE extensions (ical_uid TEXT NOT NULL, name TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (ical_uid, name));
   CREATE TABLE attachments (id TEXT PRIMARY KEY, ical_uid TEXT NOT NULL, name TEXT NOT NULL, content_type TEXT NOT NULL,
     size INTEGER NOT NULL, content BLOB NOT NULL, created TEXT NOT NULL);
   CREATE INDEX attachments_ical ON attachments(ical_uid);
   CREATE TABLE upload_sessions (id TEXT PRIMARY KEY, ical_uid TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
     received INTEGER NOT NULL, content BLOB NOT NULL, expires TEXT NOT NULL);
   CREATE TABLE sites (id TEXT PRIMARY KEY, hostname TEXT NOT NULL, path TEXT NOT NULL, json TEXT NOT NULL);
   CREATE TABLE site_roles (site_id TEXT NOT NULL, upn TEXT NOT NULL COLLATE NOCASE, role TEXT NOT NULL, PRIMARY KEY (site_id, upn));
   CREATE TABLE lists (id TEXT PRIMARY KEY, site_id TEXT NOT NULL, display_name TEXT NOT NULL COLLATE NOCASE, json TEXT NOT NULL,
     UNIQUE (site_id, display_name));
   CREATE TABLE items (list_id TEXT NOT NULL, id INTEGER NOT NULL, guid TEXT NOT NULL, version INTEGER NOT NULL,
     fields TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL, created_by TEXT NOT NULL, modified_by TEXT NOT NULL,
     deleted INTEGER NOT NULL DEFAULT 0, change_seq INTEGER NOT NULL, meeting_key TEXT, PRIMARY KEY (list_id, id));
   CREATE INDEX items_key ON items(list_id, meeting_key);
   CREATE INDEX items_changes ON items(list_id, change_seq);
   CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
   CREATE TABLE mail (id TEXT PRIMARY KEY, sender TEXT NOT NULL, json TEXT NOT NULL, sent TEXT NOT NULL);`,
  // SharePoint's security model (devServer/sharepoint): principals (site users and groups, one id space per
  // site), securables with unique role assignments, role assignments; folders as list items. Access is
  // decided from these alone, so the old per-site role table goes.
  `CREATE TABLE sp_principals (site_id TEXT NOT NULL, id INTEGER NOT NULL, kind TEXT NOT NULL, login_name TEXT NOT NULL COLLATE NOCASE,
     title TEXT NOT NULL COLLATE NOCASE, email TEXT NOT NULL DEFAULT '', upn TEXT COLLATE NOCASE, description TEXT,
     owner_id INTEGER, only_members_view INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (site_id, id));
   CREATE UNIQUE INDEX sp_principals_login ON sp_principals(site_id, login_name);
   CREATE TABLE sp_group_members (site_id TEXT NOT NULL, group_id INTEGER NOT NULL, user_id INTEGER NOT NULL,
     PRIMARY KEY (site_id, group_id, user_id));
   CREATE INDEX sp_group_members_user ON sp_group_members(site_id, user_id);
   CREATE TABLE sp_scopes (site_id TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (site_id, key));
   CREATE TABLE sp_role_assignments (site_id TEXT NOT NULL, scope TEXT NOT NULL, principal_id INTEGER NOT NULL, role_id INTEGER NOT NULL,
     PRIMARY KEY (site_id, scope, principal_id, role_id));
   CREATE TABLE sp_webs (site_id TEXT PRIMARY KEY, owner_group INTEGER, member_group INTEGER, visitor_group INTEGER);
   ALTER TABLE items ADD COLUMN fs_obj_type INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE items ADD COLUMN dir TEXT NOT NULL DEFAULT '';
   ALTER TABLE items ADD COLUMN leaf TEXT;
   ALTER TABLE items ADD COLUMN created_seq INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE items ADD COLUMN deleted_viewers TEXT;
   CREATE INDEX items_dir ON items(list_id, dir, fs_obj_type);
   DROP TABLE site_roles;`,
  // Custom permission levels (POST _api/web/roledefinitions), per site; built-in ones stay in code.
  `CREATE TABLE sp_role_definitions (site_id TEXT NOT NULL, id INTEGER NOT NULL, name TEXT NOT NULL COLLATE NOCASE,
     description TEXT NOT NULL, ord INTEGER NOT NULL, high TEXT NOT NULL, low TEXT NOT NULL, PRIMARY KEY (site_id, id));`,
  // Document libraries (devServer/drives): a file's content per version (its row is the library's list row),
  // the drive's upload sessions, and the short-lived pre-authenticated download URLs.
  `CREATE TABLE drive_content (list_id TEXT NOT NULL, item_id INTEGER NOT NULL, version INTEGER NOT NULL,
     content BLOB NOT NULL, mime TEXT NOT NULL, modified TEXT NOT NULL, modified_by TEXT NOT NULL,
     PRIMARY KEY (list_id, item_id, version));
   CREATE TABLE drive_upload_sessions (id TEXT PRIMARY KEY, site_id TEXT NOT NULL, list_id TEXT NOT NULL, dir TEXT NOT NULL,
     name TEXT NOT NULL, conflict TEXT NOT NULL, upn TEXT NOT NULL, size INTEGER NOT NULL, content BLOB NOT NULL,
     if_match TEXT, expires TEXT NOT NULL);
   CREATE TABLE drive_downloads (token TEXT PRIMARY KEY, list_id TEXT NOT NULL, item_id INTEGER NOT NULL, version INTEGER NOT NULL,
     expires TEXT NOT NULL);`,
];

export type Db = Database.Database;

/** Opens (and migrates) the database at `path`, or an in-memory copy of `image` (a `db.serialize()`). */
export function openDb(path: string, image?: Buffer): Db {
  if (path !== ':memory:' && !image) mkdirSync(dirname(path), { recursive: true });
  const db = image ? new Database(image) : new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)',
  );
  const done = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map(
      (r) => r.version,
    ),
  );
  MIGRATIONS.forEach((sql, i) => {
    if (done.has(i + 1)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied) VALUES (?, ?)').run(
        i + 1,
        new Date().toISOString(),
      );
    })();
  });
  return db;
}

export function nextCounter(db: Db, name: string): number {
  db.prepare('INSERT INTO counters (name, value) VALUES (?, 0) ON CONFLICT(name) DO NOTHING').run(name);
  db.prepare('UPDATE counters SET value = value + 1 WHERE name = ?').run(name);
  return (db.prepare('SELECT value FROM counters WHERE name = ?').get(name) as { value: number }).value;
}

export function isEmpty(db: Db): boolean {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n === 0;
}
