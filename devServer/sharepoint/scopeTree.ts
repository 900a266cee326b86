import type { Db } from '../db';

/**
 * Securables (the web, each list, each folder and each list item) and their inheritance, as SharePoint has
 * them. A securable either inherits from its parent (item → its folder → … → list → web) or has unique role
 * assignments (a row in sp_scopes); the assignments and the permissions they give are ./scopes.ts.
 * Keys: "web", "list:<listId>", "item:<listId>:<itemId>" (folders are items).
 */
export type ScopeKey = string;
export const WEB: ScopeKey = 'web';
export const listKey = (listId: string): ScopeKey => `list:${listId}`;
export const itemKey = (listId: string, id: number): ScopeKey => `item:${listId}:${id}`;

export interface SecuredItem {
  id: number;
  created_by: string;
  /** The folder the row is in, list-relative ("" at the root); saves a lookup when known. */
  dir?: string;
}

/**
 * Which securable inherits from which, read from the tenant: the parent of each, which have unique role
 * assignments, and the first of those up the chain. One request's view, with caches (every change clears them).
 */
export class ScopeTree {
  private unique: Set<string> | null = null;
  private parents = new Map<ScopeKey, ScopeKey | null>();
  private folders = new Map<string, ScopeKey>();

  constructor(
    readonly db: Db,
    readonly siteId: string,
  ) {}

  invalidate() {
    this.unique = null;
    this.parents.clear();
    this.folders.clear();
  }

  isUnique(key: ScopeKey): boolean {
    if (key === WEB) return true;
    if (!this.unique)
      this.unique = new Set(
        (
          this.db.prepare('SELECT key FROM sp_scopes WHERE site_id = ?').all(this.siteId) as Array<{
            key: string;
          }>
        ).map((r) => r.key),
      );
    return this.unique.has(key);
  }

  /** The securable this one inherits from: item → folder (by its path) or list; list → web. */
  parentOf(key: ScopeKey): ScopeKey | null {
    if (key === WEB) return null;
    if (key.startsWith('list:')) return WEB;
    const cached = this.parents.get(key);
    if (cached !== undefined) return cached;
    const [, listId, id] = key.split(':');
    const row = this.db
      .prepare('SELECT dir FROM items WHERE list_id = ? AND id = ?')
      .get(listId, Number(id)) as { dir: string } | undefined;
    const parent = row?.dir ? this.folderKey(listId, row.dir) : listKey(listId);
    this.parents.set(key, parent);
    return parent;
  }

  /** The folder at a list-relative path ("A" or "A/B"), as a scope key; the list when there is none. */
  folderKey(listId: string, dir: string): ScopeKey {
    const cacheKey = `${listId}/${dir}`;
    const cached = this.folders.get(cacheKey);
    if (cached) return cached;
    const at = dir.lastIndexOf('/');
    const folder = this.db
      .prepare(
        'SELECT id FROM items WHERE list_id = ? AND fs_obj_type = 1 AND dir = ? AND leaf = ? AND deleted = 0',
      )
      .get(listId, at < 0 ? '' : dir.slice(0, at), at < 0 ? dir : dir.slice(at + 1)) as
      { id: number } | undefined;
    const key = folder ? itemKey(listId, folder.id) : listKey(listId);
    this.folders.set(cacheKey, key);
    return key;
  }

  protected keyOfItem(listId: string, item: SecuredItem): ScopeKey {
    const key = itemKey(listId, item.id);
    if (item.dir !== undefined && !this.parents.has(key))
      this.parents.set(key, item.dir ? this.folderKey(listId, item.dir) : listKey(listId));
    return key;
  }

  /** The first securable up the chain with unique role assignments (the web always has them). */
  effectiveScope(key: ScopeKey): ScopeKey {
    let k: ScopeKey | null = key;
    while (k && !this.isUnique(k)) k = this.parentOf(k);
    return k ?? WEB;
  }

  ancestors(key: ScopeKey): ScopeKey[] {
    const out: ScopeKey[] = [];
    for (let k = this.parentOf(key); k; k = this.parentOf(k)) out.push(k);
    return out;
  }

  /** Unique securables below this one. */
  uniqueBelow(key: ScopeKey): ScopeKey[] {
    const all = (
      this.db.prepare('SELECT key FROM sp_scopes WHERE site_id = ?').all(this.siteId) as Array<{
        key: string;
      }>
    ).map((r) => r.key);
    if (key === WEB) return all;
    if (key.startsWith('list:')) {
      const prefix = `item:${key.slice(5)}:`;
      return all.filter((k) => k.startsWith(prefix));
    }
    return all.filter((k) => k !== key && k.startsWith('item:') && this.ancestors(k).includes(key));
  }

  /** Forgets that a securable had unique role assignments (its scope was dropped). */
  protected forgetUnique(key: ScopeKey) {
    this.unique?.delete(key);
  }
}
