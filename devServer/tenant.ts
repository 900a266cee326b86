import { randomUUID } from 'node:crypto';
import type { Db } from './db';
import { createList } from './lists/lists';
import { insertUser } from './routes/users';
import {
  addMember,
  createGroup,
  ensureUser,
  setAssociatedGroups,
  setGroupOwner,
} from './sharepoint/principals';
import { ROLE } from './sharepoint/roleDefinitions';
import { WEB } from './sharepoint/scopeTree';
import { Security } from './sharepoint/scopes';

const DOMAIN = 'kommune.example';
export const DEMO_SITE = { hostname: 'kommune.sharepoint.com', path: '/sites/moeder' };

export const DEMO_PEOPLE = [
  ['sofie', 'Sofie Holm', 'Sekretær'],
  ['anders', 'Anders Lund', 'Rådmand'],
  ['erik', 'Erik Kaastrup-Hansen', 'Direktør'],
  ['louise', 'Louise Rohde', 'Stabschef'],
  ['mads', 'Mads Nielsen', 'Konsulent'],
  ['kamilla', 'Kamilla Uhd Hansen', 'Fagspecialist'],
  ['peter', 'Peter Jensen', 'Fuldmægtig'],
  // A second secretary (her own meetings, her own secretariat) and the site's owner from IT, who provisions
  // the lists and the secretariats (docs/tenant-setup.md); neither is in the demo meetings.
  ['birgitte', 'Birgitte Skov', 'Sekretær'],
  ['ingrid', 'Ingrid Thomsen', 'IT-administrator'],
] as const;

/** Social- og Beskæftigelsesudvalget (demo/committee.ts): nine members and four substitutes. */
export const COMMITTEE_PEOPLE = [
  ['henrik', 'Henrik Dalgaard', 'Udvalgsformand (A)'],
  ['mette', 'Mette Sørensen', 'Udvalgsmedlem (A)'],
  ['jonas', 'Jonas Frederiksen', 'Udvalgsmedlem (A)'],
  ['karen', 'Karen Vestergaard', 'Udvalgsmedlem (V)'],
  ['poul', 'Poul Riis', 'Udvalgsmedlem (V)'],
  ['signe', 'Signe Lykke', 'Udvalgsmedlem (F)'],
  ['ahmad', 'Ahmad Nouri', 'Udvalgsmedlem (F)'],
  ['rasmus', 'Rasmus Holt', 'Næstformand (Ø)'],
  ['nanna', 'Nanna Bering', 'Udvalgsmedlem (Ø)'],
  ['lone', 'Lone Bech', 'Stedfortræder (A)'],
  ['ib', 'Ib Mortensen', 'Stedfortræder (V)'],
  ['tine', 'Tine Krogh', 'Stedfortræder (F)'],
  ['ole', 'Ole Winther', 'Stedfortræder (Ø)'],
] as const;

const upn = (name: string) => `${name}@${DOMAIN}`;

/**
 * A site as SharePoint creates it: its associated Owners (Full Control), Members (Edit) and Visitors (Read)
 * groups, owned by the Owners group, with those role assignments on the web; the people become site users.
 */
function seedSiteSecurity(
  db: Db,
  siteId: string,
  title: string,
  people: { owners: string[]; members: string[]; visitors: string[] },
) {
  const owners = createGroup(db, siteId, { title: `${title} Owners`, ownerId: null });
  setGroupOwner(db, siteId, owners.id, owners.id);
  const members = createGroup(db, siteId, { title: `${title} Members`, ownerId: owners.id });
  const visitors = createGroup(db, siteId, { title: `${title} Visitors`, ownerId: owners.id });
  setAssociatedGroups(db, siteId, { owner: owners.id, member: members.id, visitor: visitors.id });
  const sec = new Security(db, siteId);
  sec.addAssignment(WEB, owners.id, ROLE.fullControl);
  sec.addAssignment(WEB, members.id, ROLE.edit);
  sec.addAssignment(WEB, visitors.id, ROLE.read);
  const put = (groupId: number, names: string[]) => {
    for (const name of names) addMember(db, siteId, groupId, ensureUser(db, siteId, upn(name))!.id);
  };
  put(owners.id, people.owners);
  put(members.id, people.members);
  put(visitors.id, people.visitors);
}

function seedDemoSecurity(db: Db, rootId: string, siteId: string) {
  seedSiteSecurity(db, rootId, 'Kommune', {
    owners: [],
    members: [],
    visitors: DEMO_PEOPLE.map((p) => p[0]),
  });
  seedSiteSecurity(db, siteId, 'Møder', {
    // IT owns the site; the secretaries are members like everyone else (docs/adr/004-permissions.md,
    // "Secretaries"): what they may do with meetings comes from their secretariat folders only.
    owners: ['ingrid'],
    // peter, not invited to the meetings, is a member of the site: a member outside a meeting's circle
    // must still see nothing of it (the add-in's scopes decide that, not the server).
    members: ['sofie', 'birgitte', 'anders', 'erik', 'louise', 'mads', 'kamilla', 'peter'],
    visitors: [],
  });
}

/**
 * A database made before SharePoint's security model (migration 2) has sites but no principals, so nobody
 * could open anything: give its demo sites the groups and web assignments a new tenant gets.
 */
export function upgradeTenantSecurity(db: Db): void {
  const any = db.prepare('SELECT 1 FROM sp_webs LIMIT 1').get();
  if (any) return;
  const root = db.prepare("SELECT id FROM sites WHERE path = '/'").get() as { id: string } | undefined;
  const site = db.prepare('SELECT id FROM sites WHERE path = ?').get(DEMO_SITE.path) as
    { id: string } | undefined;
  if (root && site) db.transaction(() => seedDemoSecurity(db, root.id, site.id))();
}

/**
 * A list the tenant's site already has when the server first starts, as the body of Graph's
 * `POST /sites/{site-id}/lists` would give it. The server knows no list of the add-in's own: whoever starts it
 * (demo/server.ts) says which lists the site holds.
 */
export interface TenantList {
  displayName: string;
  columns: unknown[];
  /** `documentLibrary` for a document library (BaseTemplate 101); a generic list otherwise. */
  template?: 'genericList' | 'documentLibrary';
}

/** The fictional tenant: people, the site "moeder" with its groups and permissions, and the given lists. */
export function seedTenant(db: Db, lists: TenantList[] = []): void {
  db.transaction(() => {
    for (const [name, displayName, jobTitle] of [...DEMO_PEOPLE, ...COMMITTEE_PEOPLE]) {
      insertUser(db, {
        id: randomUUID(),
        displayName,
        userPrincipalName: upn(name),
        mail: upn(name),
        jobTitle,
      });
    }
    const rootId = `${DEMO_SITE.hostname},${randomUUID()},${randomUUID()}`;
    const siteId = `${DEMO_SITE.hostname},${randomUUID()},${randomUUID()}`;
    const site = (id: string, path: string, displayName: string) =>
      db.prepare('INSERT INTO sites (id, hostname, path, json) VALUES (?, ?, ?, ?)').run(
        id,
        DEMO_SITE.hostname,
        path,
        JSON.stringify({
          id,
          displayName,
          name: path.split('/').pop() || 'root',
          webUrl: `https://${DEMO_SITE.hostname}${path === '/' ? '' : path}`,
          createdDateTime: '2022-01-01T00:00:00Z',
        }),
      );
    site(rootId, '/', 'Kommune');
    site(siteId, DEMO_SITE.path, 'Møder');
    seedDemoSecurity(db, rootId, siteId);
    for (const list of lists) {
      createList(
        db,
        siteId,
        {
          displayName: list.displayName,
          list: { template: list.template ?? 'genericList' },
          columns: list.columns,
        },
        '2022-01-01T00:00:00Z',
      );
    }
  })();
}

export const demoUpn = upn;
export const demoName = (name: string): string =>
  [...DEMO_PEOPLE, ...COMMITTEE_PEOPLE].find((p) => p[0] === name)![1];
