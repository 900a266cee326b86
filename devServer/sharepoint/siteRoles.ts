import type { Db } from '../db';
import { spException } from './odataJson';
import { ROLE_DEFINITIONS, type RoleDefinition } from './roleDefinitions';

/**
 * A site's permission levels: SharePoint's built-in ones plus those created through
 * `POST _api/web/roledefinitions` (SP.RoleDefinition with BasePermissions, Name, Description, Order).
 * SharePoint numbers custom levels from 1073741924 up and gives them RoleTypeKind 0 (None).
 */
const FIRST_CUSTOM_ID = 1073741924;

interface CustomRow {
  id: number;
  name: string;
  description: string;
  ord: number;
  high: string;
  low: string;
}

const fromRow = (r: CustomRow): RoleDefinition => ({
  Id: r.id,
  Name: r.name,
  Description: r.description,
  Hidden: false,
  Order: r.ord,
  RoleTypeKind: 0,
  mask: (BigInt(r.high) << 32n) | BigInt(r.low),
});

export function siteRoles(db: Db, siteId: string): RoleDefinition[] {
  const custom = db
    .prepare(
      'SELECT id, name, description, ord, high, low FROM sp_role_definitions WHERE site_id = ? ORDER BY id',
    )
    .all(siteId) as CustomRow[];
  return [...ROLE_DEFINITIONS, ...custom.map(fromRow)];
}

export const siteRoleById = (db: Db, siteId: string, id: number) =>
  siteRoles(db, siteId).find((r) => r.Id === id);

export const siteRoleByName = (db: Db, siteId: string, name: string) =>
  siteRoles(db, siteId).find((r) => r.Name.toLowerCase() === name.toLowerCase());

/** Adds a permission level; a name already taken (case-insensitive) is refused as SharePoint does. */
export function createRoleDefinition(
  db: Db,
  siteId: string,
  def: { name: string; description: string; order: number; mask: bigint },
): RoleDefinition {
  const name = def.name.trim();
  if (!name) throw spException('The permission level name cannot be empty.');
  if (siteRoleByName(db, siteId, name))
    throw spException('A permission level with this name already exists. Please pick a different name.');
  const last = db.prepare('SELECT MAX(id) AS id FROM sp_role_definitions WHERE site_id = ?').get(siteId) as {
    id: number | null;
  };
  const id = Math.max(FIRST_CUSTOM_ID, (last.id ?? 0) + 1);
  db.prepare(
    'INSERT INTO sp_role_definitions (site_id, id, name, description, ord, high, low) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    siteId,
    id,
    name,
    def.description,
    def.order,
    String((def.mask >> 32n) & 0xffffffffn),
    String(def.mask & 0xffffffffn),
  );
  return siteRoleById(db, siteId, id)!;
}
