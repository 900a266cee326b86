/* global process */
// Runs the add-in's permission calls through the real PnPjs client (@pnp/sp, ESM) against the local server.
// Started by sharepoint.pnp.test.ts with SP_WEB (…/sites/moeder) and SP_TOKEN; prints one JSON object.
import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import { BrowserFetch, DefaultParse, InjectHeaders } from '@pnp/queryable';
import '@pnp/sp/webs/index.js';
import '@pnp/sp/lists/index.js';
import '@pnp/sp/items/index.js';
import '@pnp/sp/site-users/web.js';
import '@pnp/sp/site-groups/web.js';
import '@pnp/sp/security/index.js';
import '@pnp/sp/folders/index.js';

const accept = process.env.SP_ACCEPT;
const sp = spfi(process.env.SP_WEB).using(
  DefaultHeaders(),
  DefaultInit(),
  BrowserFetch(),
  DefaultParse(),
  InjectHeaders({ Authorization: `Bearer ${process.env.SP_TOKEN}`, ...(accept ? { Accept: accept } : {}) }),
);
const login = (name) => `i:0#.f|membership|${name}@kommune.example`;
const out = {};
try {
  const listTitle = process.env.SP_LIST;
  const listUrl = `/sites/moeder/Lists/${listTitle}`;
  out.web = await sp.web.select('Title', 'ServerRelativeUrl')();
  out.me = (await sp.web.currentUser()).LoginName;
  const anders = await sp.web.ensureUser(login('anders'));
  out.ensured = anders.LoginName;
  out.byLogin = (await sp.web.siteUsers.getByLoginName(login('anders'))()).Id === anders.Id;
  out.read = (await sp.web.roleDefinitions.getByType(2)()).Id;
  out.full = (await sp.web.roleDefinitions.getByName('Full Control')()).Id;
  const group = await sp.web.siteGroups.add({ Title: `Mødeassistent ${process.env.SP_SUFFIX}`, Description: 'kreds' });
  await sp.web.siteGroups.getById(group.Id).users.add(login('anders'));
  await sp.web.siteGroups.getById(group.Id).users.add(login('erik'));
  await sp.web.siteGroups.getById(group.Id).users.removeByLoginName(login('erik'));
  out.members = (await sp.web.siteGroups.getById(group.Id).users()).map((u) => u.LoginName);
  out.groupByName = (await sp.web.siteGroups.getByName(group.Title)()).Id === group.Id;
  const list = sp.web.lists.getByTitle(listTitle);
  await list.update({ EnableFolderCreation: true, WriteSecurity: 2 });
  out.list = await list.select('Title', 'EnableFolderCreation', 'WriteSecurity', 'HasUniqueRoleAssignments')();
  out.folder = await list.addValidateUpdateItemUsingPath([], listUrl, false, undefined, { leafName: 'Møde 1', objectType: 1 });
  out.row = await list.addValidateUpdateItemUsingPath([{ FieldName: 'Title', FieldValue: 'Punkt 1' }], `${listUrl}/Møde 1`);
  // Folder.getItem() builds the item's URL from odata.id / __metadata, which nometadata does not carry (as on a
  // tenant); with nometadata the folder's item is addressed by its id.
  const values = (r) => r.AddValidateUpdateItemUsingPath?.results ?? r;
  const folderId = Number(values(out.folder).find((v) => v.FieldName === 'Id').FieldValue);
  const folderItem = accept?.includes('nometadata')
    ? list.items.getById(folderId)
    : await sp.web.getFolderByServerRelativePath(`${listUrl}/Møde 1`).getItem();
  await folderItem.breakRoleInheritance(false, true);
  await folderItem.roleAssignments.add(group.Id, out.read);
  out.assignments = (await folderItem.roleAssignments.expand('Member', 'RoleDefinitionBindings')()).map((a) => [
    a.Member.LoginName,
    // verbose nests expanded collections as {results: […]}
    (a.RoleDefinitionBindings.results ?? a.RoleDefinitionBindings).map((b) => b.Name),
  ]);
  out.unique = (await folderItem.select('HasUniqueRoleAssignments')()).HasUniqueRoleAssignments;
  out.andersOnFolder = await folderItem.getUserEffectivePermissions(login('anders'));
  out.mine = await folderItem.getCurrentUserEffectivePermissions();
  const rowId = Number(values(out.row).find((v) => v.FieldName === 'Id').FieldValue);
  out.rows = await list.items.select('Id', 'FileRef', 'FSObjType').filter('FSObjType eq 0')();
  out.rowInherits = (await list.items.getById(rowId).select('HasUniqueRoleAssignments')()).HasUniqueRoleAssignments;
  await folderItem.roleAssignments.remove(group.Id, out.read);
  out.afterRemove = (await folderItem.roleAssignments()).map((a) => a.PrincipalId);
  await list.items.getById(rowId).delete();
  await folderItem.resetRoleInheritance();
  await sp.web.siteGroups.removeById(group.Id);
  out.groupsLeft = (await sp.web.siteGroups()).map((g) => g.Title);
  try {
    await sp.web.lists.getByTitle('Findes ikke')();
  } catch (e) {
    out.missingList = e.status;
  }
} catch (e) {
  out.error = String(e);
}
process.stdout.write(JSON.stringify(out));
