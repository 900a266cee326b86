import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import { caller, devToken, type Caller } from './target';

/**
 * The local server's SharePoint security model, black-box over HTTP: SharePoint REST (…/sites/moeder/_api)
 * sets principals, groups, inheritance and role assignments as the add-in will (through PnPjs), and Graph's
 * list endpoints obey exactly those permissions.
 */
let server: GraphServer;
const SITE = '/sites/kommune.sharepoint.com:/sites/moeder:';
const upn = (name: string) => `${name}@kommune.example`;
const login = (name: string) => `i:0#.f|membership|${upn(name)}`;
const alias = (name: string) => `'${encodeURIComponent(login(name))}'`;
const READ = 1073741826;
const CONTRIBUTE = 1073741827;
const EDIT = 1073741830;
const FULL = 1073741829;
const LIMITED = 1073741825;

const graph = async (name: string) => caller(server.url, await devToken(server.origin, upn(name)));
const rest = async (name: string, accept = 'application/json;odata=nometadata'): Promise<Caller> => {
  const c = caller(`${server.origin}/sites/moeder/_api`, await devToken(server.origin, upn(name)));
  return (path, init = {}) => c(path, { ...init, headers: { Accept: accept, ...init.headers } });
};

let ingrid: Caller;
let ingridSp: Caller;

beforeAll(async () => {
  server = await startDemoServer({ port: 0, db: ':memory:', seed: 'none' });
  ingrid = await graph('ingrid');
  ingridSp = await rest('ingrid');
});
afterAll(() => server.close());

let listCount = 0;
/** A fresh list made by the site owner through Graph; its URL name is its display name. */
async function makeList(extra: Array<Record<string, unknown>> = []) {
  const name = `Test${++listCount}`;
  const made = await ingrid(`${SITE}/lists`, {
    method: 'POST',
    body: {
      displayName: name,
      list: { template: 'genericList' },
      columns: [
        { name: 'MeetingKey', text: {}, indexed: true },
        { name: 'Count', number: {} },
        { name: 'Done', boolean: {} },
        { name: 'Kind', choice: { choices: ['A', 'B'] } },
        { name: 'When', dateTime: {} },
        ...extra,
      ],
    },
  });
  expect(made.status).toBe(201);
  return {
    name,
    id: made.body.id as string,
    url: `/sites/moeder/Lists/${name}`,
    rest: `web/lists/getbytitle('${name}')`,
    items: `${SITE}/lists/${name}/items`,
  };
}
type List = Awaited<ReturnType<typeof makeList>>;

const folderItem = (url: string) =>
  `web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(url)}')/ListItemAllFields`;

async function addFolder(list: List, name: string, parent = list.url, who = ingridSp) {
  const res = await who(`${list.rest}/AddValidateUpdateItemUsingPath()`, {
    method: 'POST',
    body: {
      listItemCreateInfo: {
        FolderPath: { DecodedUrl: parent },
        UnderlyingObjectType: 1,
        LeafName: { DecodedUrl: name },
      },
      formValues: [],
      bNewDocumentUpdate: false,
    },
  });
  expect(res.status).toBe(200);
  return {
    id: Number(res.body.value.find((v: { FieldName: string }) => v.FieldName === 'Id').FieldValue),
    url: `${parent}/${name}`,
  };
}

async function addRow(who: Caller, list: List, folder: string, values: Record<string, string>) {
  return who(`${list.rest}/AddValidateUpdateItemUsingPath()`, {
    method: 'POST',
    body: {
      listItemCreateInfo: { FolderPath: { DecodedUrl: folder } },
      formValues: Object.entries(values).map(([FieldName, FieldValue]) => ({ FieldName, FieldValue })),
      bNewDocumentUpdate: false,
    },
  });
}
const newId = (res: { body: { value: Array<{ FieldName: string; FieldValue: string }> } }) =>
  Number(res.body.value.find((v) => v.FieldName === 'Id')!.FieldValue);

async function principal(name: string): Promise<number> {
  const res = await ingridSp('web/ensureuser', { method: 'POST', body: { logonName: login(name) } });
  expect(res.status).toBe(200);
  return res.body.Id;
}

async function group(name: string): Promise<number> {
  const res = await ingridSp(`web/sitegroups/getbyname('${encodeURIComponent(name)}')`);
  expect(res.status).toBe(200);
  return res.body.Id;
}

async function breakInheritance(securable: string, copy: boolean, clear = true, who = ingridSp) {
  const res = await who(
    `${securable}/breakroleinheritance(copyroleassignments=${copy}, clearsubscopes=${clear})`,
    {
      method: 'POST',
    },
  );
  expect(res.status).toBe(200);
}

async function grant(securable: string, principalId: number, role: number, who = ingridSp) {
  const res = await who(
    `${securable}/roleassignments/addroleassignment(principalid=${principalId}, roledefid=${role})`,
    {
      method: 'POST',
    },
  );
  expect(res.status).toBe(200);
}

const ids = (body: { value: Array<{ id: string }> }) =>
  body.value.map((v) => Number(v.id)).sort((a, b) => a - b);

describe('role definitions', () => {
  test('SharePoint Online’s six levels with their ids, kinds and masks, by type, name and id', async () => {
    const all = await ingridSp('web/roledefinitions');
    expect(all.status).toBe(200);
    const byName = Object.fromEntries(
      all.body.value.map(
        (r: { Name: string; Id: number; RoleTypeKind: number; BasePermissions: unknown }) => [
          r.Name,
          [r.Id, r.RoleTypeKind, r.BasePermissions],
        ],
      ),
    );
    expect(byName).toEqual({
      'Full Control': [FULL, 5, { High: '2147483647', Low: '4294967295' }],
      Design: [1073741828, 4, { High: '432', Low: '1012866047' }],
      Edit: [EDIT, 6, { High: '432', Low: '1011030767' }],
      Contribute: [CONTRIBUTE, 3, { High: '432', Low: '1011028719' }],
      Read: [READ, 2, { High: '176', Low: '138612833' }],
      'Limited Access': [LIMITED, 1, { High: '48', Low: '134287360' }],
    });
    expect((await ingridSp('web/roledefinitions/getbytype(2)')).body.Name).toBe('Read');
    expect((await ingridSp("web/roledefinitions/getbyname('Contribute')")).body.Id).toBe(CONTRIBUTE);
    expect((await ingridSp(`web/roledefinitions/getbyid(${FULL})`)).body.Name).toBe('Full Control');
    expect((await ingridSp('web/roledefinitions/getbyid(42)')).status).toBe(404);
  });
});

describe('principals', () => {
  test('ensureuser makes a person a site user once; an unknown person is SharePoint’s error', async () => {
    const first = await ingridSp('web/ensureuser', { method: 'POST', body: { logonName: login('kamilla') } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      LoginName: login('kamilla'),
      Title: 'Kamilla Uhd Hansen',
      Email: upn('kamilla'),
      UserPrincipalName: upn('kamilla'),
      PrincipalType: 1,
      IsSiteAdmin: false,
    });
    expect(Number.isInteger(first.body.Id)).toBe(true);
    const again = await ingridSp('web/ensureuser', { method: 'POST', body: { logonName: login('kamilla') } });
    expect(again.body.Id).toBe(first.body.Id);
    expect((await ingridSp(`web/siteusers/getbyloginname(@v)?@v=${alias('kamilla')}`)).body.Id).toBe(
      first.body.Id,
    );
    expect((await ingridSp(`web/siteusers/getbyid(${first.body.Id})`)).body.Title).toBe('Kamilla Uhd Hansen');
    expect((await ingridSp(`web/siteusers(@v)?@v=${alias('kamilla')}`)).body.Id).toBe(first.body.Id);
    const unknown = await ingridSp('web/ensureuser', {
      method: 'POST',
      body: { logonName: 'i:0#.f|membership|nobody@kommune.example' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body['odata.error'].code).toBe('-2146232832, Microsoft.SharePoint.SPException');
    expect(unknown.body['odata.error'].message.value).toContain('could not be found');
    const me = await (await rest('erik'))('web/currentuser');
    expect(me.body.LoginName).toBe(login('erik'));
  });

  test('the demo site’s associated groups: owners ingrid (IT), members the secretaries and the six others, visitors empty', async () => {
    const owners = await ingridSp('web/associatedownergroup');
    expect(owners.body.Title).toBe('Møder Owners');
    const members = await ingridSp('web/associatedmembergroup/users');
    expect(members.body.value.map((u: { UserPrincipalName: string }) => u.UserPrincipalName).sort()).toEqual(
      ['anders', 'birgitte', 'erik', 'kamilla', 'louise', 'mads', 'peter', 'sofie'].map(upn),
    );
    expect(
      (await ingridSp(`web/sitegroups(${owners.body.Id})/users`)).body.value.map(
        (u: { Title: string }) => u.Title,
      ),
    ).toEqual(['Ingrid Thomsen']);
    expect((await ingridSp('web/associatedvisitorgroup/users')).body.value).toEqual([]);
    const web = await ingridSp('web/roleassignments?$expand=Member,RoleDefinitionBindings');
    expect(
      web.body.value.map(
        (a: { Member: { Title: string }; RoleDefinitionBindings: Array<{ Name: string }> }) => [
          a.Member.Title,
          a.RoleDefinitionBindings.map((b) => b.Name),
        ],
      ),
    ).toEqual([
      ['Møder Owners', ['Full Control']],
      ['Møder Members', ['Edit']],
      ['Møder Visitors', ['Read']],
    ]);
  });

  test('groups: created with CreateGroups, owned by the creator; members added and removed by the owner only', async () => {
    const created = await ingridSp('web/sitegroups', {
      method: 'POST',
      body: { Title: 'Mødeassistent Kreds 1', Description: 'Mødets kreds' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      Title: 'Mødeassistent Kreds 1',
      LoginName: 'Mødeassistent Kreds 1',
      PrincipalType: 8,
      OwnerTitle: 'Ingrid Thomsen',
      Description: 'Mødets kreds',
    });
    const gid = created.body.Id;
    const duplicate = await ingridSp('web/sitegroups', {
      method: 'POST',
      body: { Title: 'Mødeassistent Kreds 1' },
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body['odata.error'].message.value).toBe('The specified name is already in use.');
    // Members (Edit) may not create groups (no CreateGroups) nor change somebody else's group.
    const anders = await rest('anders');
    expect((await anders('web/sitegroups', { method: 'POST', body: { Title: 'Anders' } })).status).toBe(403);
    const added = await ingridSp(`web/sitegroups(${gid})/users`, {
      method: 'POST',
      body: { LoginName: login('anders') },
    });
    expect(added.status).toBe(201);
    expect(added.body.LoginName).toBe(login('anders'));
    await ingridSp(`web/sitegroups/getbyid(${gid})/users`, {
      method: 'POST',
      body: { LoginName: login('erik') },
    });
    const refused = await anders(`web/sitegroups(${gid})/users`, {
      method: 'POST',
      body: { LoginName: login('peter') },
    });
    expect(refused.status).toBe(403);
    expect(refused.body['odata.error'].code).toBe('-2147024891, System.UnauthorizedAccessException');
    const members = async () =>
      (await ingridSp(`web/sitegroups(${gid})/users`)).body.value.map(
        (u: { UserPrincipalName: string }) => u.UserPrincipalName,
      );
    expect(await members()).toEqual([upn('ingrid'), upn('anders'), upn('erik')]);
    const erikId = await principal('erik');
    expect(
      (await ingridSp(`web/sitegroups(${gid})/users/removebyid(${erikId})`, { method: 'POST' })).status,
    ).toBe(200);
    expect(
      (
        await ingridSp(`web/sitegroups(${gid})/users/removebyloginname(@v)?@v=${alias('anders')}`, {
          method: 'POST',
        })
      ).status,
    ).toBe(200);
    expect(await members()).toEqual([upn('ingrid')]);
    expect((await anders(`web/sitegroups/removebyid('${gid}')`, { method: 'POST' })).status).toBe(403);
    expect((await ingridSp(`web/sitegroups/removebyid('${gid}')`, { method: 'POST' })).status).toBe(200);
    expect((await ingridSp(`web/sitegroups(${gid})`)).status).toBe(404);
  });
});

describe('inheritance and role assignments', () => {
  let list: List;
  beforeAll(async () => {
    list = await makeList();
  });

  test('break with copy=true copies the parent’s assignments; reset inherits again', async () => {
    expect((await ingridSp(`${list.rest}/HasUniqueRoleAssignments`)).body).toEqual({ value: false });
    await breakInheritance(list.rest, true);
    expect(
      (await ingridSp(`${list.rest}?$select=HasUniqueRoleAssignments`)).body.HasUniqueRoleAssignments,
    ).toBe(true);
    const copied = await ingridSp(`${list.rest}/roleassignments?$expand=RoleDefinitionBindings`);
    expect(copied.body.value.map((a: { PrincipalId: number }) => a.PrincipalId)).toEqual([
      await group('Møder Owners'),
      await group('Møder Members'),
      await group('Møder Visitors'),
    ]);
    expect((await ingridSp(`${list.rest}/resetroleinheritance`, { method: 'POST' })).status).toBe(200);
    expect((await ingridSp(`${list.rest}/HasUniqueRoleAssignments`)).body.value).toBe(false);
  });

  test('break with copy=false leaves only the caller, with Full Control; clearSubscopes resets unique children', async () => {
    const folder = await addFolder(list, 'Alene');
    await breakInheritance(folderItem(folder.url), true);
    await breakInheritance(list.rest, false, true);
    const left = await ingridSp(`${list.rest}/roleassignments?$expand=Member,RoleDefinitionBindings`);
    expect(
      left.body.value.map(
        (a: { Member: { LoginName: string }; RoleDefinitionBindings: Array<{ Id: number }> }) => [
          a.Member.LoginName,
          a.RoleDefinitionBindings.map((b) => b.Id),
        ],
      ),
    ).toEqual([[login('ingrid'), [FULL]]]);
    expect(
      (await ingridSp(`${folderItem(folder.url)}?$select=HasUniqueRoleAssignments`)).body
        .HasUniqueRoleAssignments,
    ).toBe(false);
    // The members lost the list: Graph answers 403 for a list with no permission at all.
    const anders = await graph('anders');
    expect((await anders(`${SITE}/lists/${list.name}`)).status).toBe(403);
    expect((await anders(`${list.items}`)).body.error.code).toBe('accessDenied');
    await ingridSp(`${list.rest}/resetroleinheritance`, { method: 'POST' });
  });

  test('break with copy=true below a unique folder copies that folder’s assignments, Limited Access included, and adds no caller; clearSubscopes=false leaves a unique sibling unique', async () => {
    const own = await makeList();
    const [visitors, birgitte, ingridId] = [
      await group('Møder Visitors'),
      await principal('birgitte'),
      await principal('ingrid'),
    ];
    const a = await addFolder(own, 'Kopi');
    const c = await addFolder(own, 'Egen', a.url);
    const d = await addFolder(own, 'Kopieret', a.url);
    await breakInheritance(folderItem(a.url), false, false);
    await grant(folderItem(a.url), visitors, READ);
    // Birgitte gets Read on a folder below: SharePoint gives her Limited Access on the scopes above.
    await breakInheritance(folderItem(c.url), false, false);
    await grant(folderItem(c.url), birgitte, READ);
    await breakInheritance(folderItem(d.url), true, false);
    const held = async (url: string) =>
      (await ingridSp(`${folderItem(url)}/roleassignments?$expand=RoleDefinitionBindings`)).body.value
        .map(
          (x: { PrincipalId: number; RoleDefinitionBindings: Array<{ Id: number }> }) =>
            `${x.PrincipalId}:${x.RoleDefinitionBindings.map((r) => r.Id).join(',')}`,
        )
        .sort();
    const expected = [`${ingridId}:${FULL}`, `${visitors}:${READ}`, `${birgitte}:${LIMITED}`].sort();
    expect(await held(a.url)).toEqual(expected);
    expect(await held(d.url)).toEqual(expected);
    const unique = async (url: string) =>
      (await ingridSp(`${folderItem(url)}?$select=HasUniqueRoleAssignments`)).body.HasUniqueRoleAssignments;
    expect(await unique(c.url)).toBe(true);
    // On a securable that is already unique, breaking again changes only the subscopes.
    await breakInheritance(folderItem(a.url), false, true);
    expect(await held(a.url)).toEqual(expected);
    expect([await unique(c.url), await unique(d.url)]).toEqual([false, false]);
    // Birgitte's Limited Access on the web would open every inheriting list to her: gone again.
    const removed = await ingridSp(
      `web/roleassignments/removeroleassignment(principalid=${birgitte},roledefid=${LIMITED})`,
      { method: 'POST' },
    );
    expect(removed.status).toBe(200);
  });

  test('add and remove bindings; the last removed binding removes the assignment; an inheriting scope refuses', async () => {
    const erik = await principal('erik');
    const inherits = await ingridSp(
      `${list.rest}/roleassignments/addroleassignment(principalid=${erik},roledefid=${READ})`,
      {
        method: 'POST',
      },
    );
    expect(inherits.status).toBe(400);
    expect(inherits.body['odata.error'].message.value).toBe(
      'This operation is not allowed on an object that inherits permissions.',
    );
    await breakInheritance(list.rest, true);
    await grant(list.rest, erik, READ);
    await grant(list.rest, erik, CONTRIBUTE);
    const bindings = async () =>
      (
        await ingridSp(`${list.rest}/roleassignments/getbyprincipalid(${erik})/roledefinitionbindings`)
      ).body.value?.map((b: { Name: string }) => b.Name);
    expect(await bindings()).toEqual(['Read', 'Contribute']);
    const removed = await ingridSp(
      `${list.rest}/roleassignments/removeroleassignment(principalid=${erik}, roledefid=${READ})`,
      { method: 'POST' },
    );
    expect(removed.status).toBe(200);
    expect(await bindings()).toEqual(['Contribute']);
    await ingridSp(
      `${list.rest}/roleassignments/removeroleassignment(principalid=${erik},roledefid=${CONTRIBUTE})`,
      {
        method: 'POST',
      },
    );
    expect((await ingridSp(`${list.rest}/roleassignments/getbyprincipalid(${erik})`)).status).toBe(404);
    await grant(list.rest, erik, READ);
    expect(
      (
        await ingridSp(`${list.rest}/roleassignments/getbyprincipalid(${erik})/deleteobject()`, {
          method: 'POST',
        })
      ).status,
    ).toBe(200);
    expect((await ingridSp(`${list.rest}/roleassignments/getbyprincipalid(${erik})`)).status).toBe(404);
    // Without ManagePermissions (Edit through Members) nobody changes assignments or reads them.
    const anders = await rest('anders');
    expect((await anders(`${list.rest}/roleassignments`)).status).toBe(403);
    expect(
      (
        await anders(
          `${list.rest}/roleassignments/addroleassignment(principalid=${erik},roledefid=${READ})`,
          { method: 'POST' },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await anders(`${list.rest}/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`, {
          method: 'POST',
        })
      ).status,
    ).toBe(403);
    await ingridSp(`${list.rest}/resetroleinheritance`, { method: 'POST' });
  });

  test('effective permissions come through a group; getusereffectivepermissions and EffectiveBasePermissions', async () => {
    const circle = await ingridSp('web/sitegroups', { method: 'POST', body: { Title: 'Kreds effektiv' } });
    await ingridSp(`web/sitegroups(${circle.body.Id})/users`, {
      method: 'POST',
      body: { LoginName: login('louise') },
    });
    const folder = await addFolder(list, 'Effektiv');
    await breakInheritance(folderItem(folder.url), false);
    const louise = `${folderItem(folder.url)}/getusereffectivepermissions(@user)?@user=${alias('louise')}`;
    expect((await ingridSp(louise)).body).toEqual({ High: '0', Low: '0' });
    await grant(folderItem(folder.url), circle.body.Id, CONTRIBUTE);
    expect((await ingridSp(louise)).body).toEqual({ High: '432', Low: '1011028719' });
    const own = await (await rest('louise'))(`${list.rest}/items(${folder.id})/EffectiveBasePermissions`);
    expect(own.body).toEqual({ High: '432', Low: '1011028719' });
    expect((await ingridSp(`${list.rest}/items(${folder.id})/EffectiveBasePermissions`)).body).toEqual({
      High: '2147483647',
      Low: '4294967295',
    });
    // Removed from the group: nothing left on the folder.
    await ingridSp(`web/sitegroups(${circle.body.Id})/users/removebyloginname(@v)?@v=${alias('louise')}`, {
      method: 'POST',
    });
    expect((await ingridSp(louise)).body).toEqual({ High: '0', Low: '0' });
  });
});

describe('folders and what a member may see', () => {
  let list: List;
  let a: { id: number; url: string };
  let b: { id: number; url: string };
  let inA: number;
  let inB: number;
  let atRoot: number;
  let peterDelta: string;
  let peter: Caller;

  beforeAll(async () => {
    list = await makeList();
    a = await addFolder(list, 'Møde A');
    b = await addFolder(list, 'Møde B');
    inA = newId(await addRow(ingridSp, list, a.url, { Title: 'Punkt A', MeetingKey: 'a', Count: '1.5' }));
    inB = newId(await addRow(ingridSp, list, b.url, { Title: 'Punkt B', MeetingKey: 'b' }));
    atRoot = newId(await addRow(ingridSp, list, list.url, { Title: 'Roden', MeetingKey: 'root' }));
    // As the add-in provisions: the list keeps only the owners; a meeting folder gets its own scope.
    await breakInheritance(list.rest, true);
    await ingridSp(
      `${list.rest}/roleassignments/getbyprincipalid(${await group('Møder Members')})/deleteobject()`,
      {
        method: 'POST',
      },
    );
    await ingridSp(
      `${list.rest}/roleassignments/getbyprincipalid(${await group('Møder Visitors')})/deleteobject()`,
      {
        method: 'POST',
      },
    );
    await breakInheritance(folderItem(a.url), false);
    await grant(folderItem(a.url), await principal('peter'), READ);
    peter = await graph('peter');
    peterDelta = (await peter(`${list.items}/delta?token=latest`)).body['@odata.deltaLink'];
  });

  test('rows in a folder: FileRef below the folder, folder rows with FSObjType 1 and the Folder content type', async () => {
    const items = await ingridSp(
      `${list.rest}/items?$select=Id,FileRef,FileDirRef,FSObjType,FileLeafRef,Title&$filter=FSObjType eq 0`,
    );
    expect(items.body.value).toEqual([
      {
        Id: inA,
        ID: inA,
        Title: 'Punkt A',
        FileRef: `${a.url}/${inA}_.000`,
        FileDirRef: a.url,
        FileLeafRef: `${inA}_.000`,
        FSObjType: 0,
      },
      {
        Id: inB,
        ID: inB,
        Title: 'Punkt B',
        FileRef: `${b.url}/${inB}_.000`,
        FileDirRef: b.url,
        FileLeafRef: `${inB}_.000`,
        FSObjType: 0,
      },
      {
        Id: atRoot,
        ID: atRoot,
        Title: 'Roden',
        FileRef: `${list.url}/${atRoot}_.000`,
        FileDirRef: list.url,
        FileLeafRef: `${atRoot}_.000`,
        FSObjType: 0,
      },
    ]);
    const folder = await ingridSp(
      `${folderItem(a.url)}?$select=Id,FSObjType,FileRef,HasUniqueRoleAssignments`,
    );
    expect(folder.body).toEqual({
      Id: a.id,
      ID: a.id,
      FileRef: a.url,
      FSObjType: 1,
      HasUniqueRoleAssignments: true,
    });
    const graphFolder = (await ingrid(`${list.items}/${a.id}?$expand=fields`)).body;
    expect(graphFolder.contentType).toEqual({ id: '0x0120', name: 'Folder' });
    expect(graphFolder.fields).toMatchObject({
      ContentType: 'Folder',
      FileLeafRef: 'Møde A',
      Title: 'Møde A',
    });
    expect(graphFolder.fields.MeetingKey).toBeUndefined();
    const byKey = await ingrid(`${list.items}?$expand=fields&$filter=fields/MeetingKey eq 'a'`);
    expect(ids(byKey.body)).toEqual([inA]);
    expect((await ingrid(`${list.items}/${inA}?$expand=fields`)).body.fields.Count).toBe(1.5);
    expect(
      (await ingridSp(`web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(a.url)}')`)).body,
    ).toMatchObject({ Name: 'Møde A', ServerRelativeUrl: a.url, ItemCount: 1 });
  });

  test('a member with Read on one folder sees only it and its rows: items, items/{id}, delta; the list opens (Limited Access)', async () => {
    expect((await peter(`${SITE}/lists/${list.name}`)).status).toBe(200);
    expect(ids((await peter(`${list.items}`)).body)).toEqual([a.id, inA]);
    expect((await peter(`${list.items}/${inA}`)).status).toBe(200);
    for (const hidden of [b.id, inB, atRoot]) {
      const res = await peter(`${list.items}/${hidden}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('itemNotFound');
    }
    expect(ids((await peter(`${list.items}/delta`)).body)).toEqual([a.id, inA]);
    // Limited Access on the list is what SharePoint gave him, not Read.
    const onList = await ingridSp(
      `${list.rest}/roleassignments/getbyprincipalid(${await principal('peter')})/roledefinitionbindings`,
    );
    expect(onList.body.value.map((r: { Id: number }) => r.Id)).toEqual([LIMITED]);
    const viaRest = await (await rest('peter'))(`${list.rest}/items?$select=Id`);
    expect(viaRest.body.value.map((r: { Id: number }) => r.Id)).toEqual([a.id, inA]);
    expect(
      (await (await rest('peter'))(`${list.rest}/items(${inB})`)).body['odata.error'].message.value,
    ).toBe('Item does not exist. It may have been deleted by another user.');
  });

  test('another member without any permission in the list gets 403 accessDenied', async () => {
    // (mads: nobody gave him anything anywhere, so no Limited Access on the web was copied into the list.)
    const mads = await graph('mads');
    const res = await mads(`${list.items}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('accessDenied');
    expect(
      (await mads(`${SITE}/lists`)).body.value.map((l: { displayName: string }) => l.displayName),
    ).not.toContain(list.name);
    expect((await (await rest('mads'))(list.rest)).status).toBe(404);
  });

  test('Read only: Graph PATCH and DELETE are 403 accessDenied, REST create in the folder and Graph create are 403', async () => {
    const patch = await peter(`${list.items}/${inA}/fields`, { method: 'PATCH', body: { Title: 'nej' } });
    expect(patch.status).toBe(403);
    expect(patch.body.error.code).toBe('accessDenied');
    expect((await peter(`${list.items}/${inA}`, { method: 'DELETE' })).status).toBe(403);
    const create = await addRow(await rest('peter'), list, a.url, { Title: 'nej' });
    expect(create.status).toBe(403);
    expect(create.body['odata.error'].code).toBe('-2147024891, System.UnauthorizedAccessException');
    expect((await peter(list.items, { method: 'POST', body: { fields: { Title: 'nej' } } })).status).toBe(
      403,
    );
  });

  test('delta tells a member of deletions of rows he could see, not of others', async () => {
    await ingrid(`${list.items}/${inB}`, { method: 'DELETE' });
    await ingrid(`${list.items}/${inA}`, { method: 'DELETE' });
    const changes = (await peter(peterDelta)).body;
    expect(changes.value).toEqual([{ id: String(inA), deleted: { state: 'deleted' } }]);
    const owner = (await ingrid(`${list.items}/delta?token=latest`)).body['@odata.deltaLink'];
    const made = (await ingrid(list.items, { method: 'POST', body: { fields: { Title: 'kort liv' } } })).body
      .id;
    await ingrid(`${list.items}/${made}`, { method: 'DELETE' });
    expect((await ingrid(owner)).body.value).toEqual([]);
  });
});

describe('AddValidateUpdateItemUsingPath', () => {
  let list: List;
  beforeAll(async () => {
    list = await makeList();
  });

  test('values parsed per column type; a bad value is HasException with no row; a second folder of a name and a missing folder are errors', async () => {
    const good = await addRow(ingridSp, list, list.url, {
      Title: 'Række',
      Count: '2.25',
      Done: 'Yes',
      Kind: 'B',
      When: '2026-03-01T10:00:00Z',
    });
    expect(good.status).toBe(200);
    expect(
      good.body.value.every(
        (v: { HasException: boolean; ErrorCode: number }) => !v.HasException && v.ErrorCode === 0,
      ),
    ).toBe(true);
    const id = newId(good);
    expect(good.body.value.at(-1)).toEqual({
      ErrorCode: 0,
      ErrorMessage: null,
      FieldName: 'Id',
      FieldValue: String(id),
      HasException: false,
      ItemId: id,
    });
    expect((await ingrid(`${list.items}/${id}?$expand=fields`)).body.fields).toMatchObject({
      Title: 'Række',
      Count: 2.25,
      Done: true,
      Kind: 'B',
      When: '2026-03-01T10:00:00Z',
    });
    const before = (await ingrid(list.items)).body.value.length;
    const bad = await addRow(ingridSp, list, list.url, { Title: 'Dårlig', Count: 'to' });
    expect(bad.status).toBe(200);
    const count = bad.body.value.find((v: { FieldName: string }) => v.FieldName === 'Count');
    expect(count.HasException).toBe(true);
    expect(count.ErrorMessage).toBeTruthy();
    expect(bad.body.value.some((v: { FieldName: string }) => v.FieldName === 'Id')).toBe(false);
    expect((await ingrid(list.items)).body.value.length).toBe(before);
    await addFolder(list, 'Dobbelt');
    const twice = await ingridSp(`${list.rest}/AddValidateUpdateItemUsingPath()`, {
      method: 'POST',
      body: {
        listItemCreateInfo: {
          FolderPath: { DecodedUrl: list.url },
          UnderlyingObjectType: 1,
          LeafName: { DecodedUrl: 'Dobbelt' },
        },
        formValues: [],
      },
    });
    expect(twice.status).toBe(400);
    expect(twice.body['odata.error'].message.value).toContain('already exists');
    const missing = await addRow(ingridSp, list, `${list.url}/Findes ikke`, { Title: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body['odata.error'].code).toBe('-2147024894, System.IO.FileNotFoundException');
    const sub = await addFolder(list, 'Under', `${list.url}/Dobbelt`);
    expect(sub.url).toBe(`${list.url}/Dobbelt/Under`);
    const deep = await addRow(ingridSp, list, sub.url, { Title: 'dybt' });
    expect((await ingridSp(`${list.rest}/items(${newId(deep)})?$select=FileDirRef`)).body.FileDirRef).toBe(
      sub.url,
    );
  });
});

describe('list settings: WriteSecurity and ReadSecurity', () => {
  let list: List;
  let andersRow: number;
  beforeAll(async () => {
    list = await makeList();
    // Members contribute (Edit through the site's Members group); only own rows may be edited.
    const merge = await ingridSp(list.rest, {
      method: 'POST',
      headers: { 'X-HTTP-Method': 'MERGE' },
      body: { WriteSecurity: 2, EnableFolderCreation: true },
    });
    expect(merge.status).toBe(204);
    andersRow = Number(
      (
        await (
          await graph('anders')
        )(list.items, { method: 'POST', body: { fields: { Title: 'Anders’ afbud' } } })
      ).body.id,
    );
  });

  test('settings are read back; members may not change them (ManageLists on the list is needed; Edit has it, Read not)', async () => {
    expect(
      (await ingridSp(`${list.rest}?$select=ReadSecurity,WriteSecurity,EnableFolderCreation`)).body,
    ).toEqual({
      ReadSecurity: 1,
      WriteSecurity: 2,
      EnableFolderCreation: true,
    });
    const other = await makeList();
    const kamillaRead = await breakAndGiveRead(other, 'kamilla');
    expect((await kamillaRead(`${other.rest}?$select=Title`)).status).toBe(200);
    expect(
      (
        await kamillaRead(other.rest, {
          method: 'POST',
          headers: { 'X-HTTP-Method': 'MERGE' },
          body: { ReadSecurity: 2 },
        })
      ).status,
    ).toBe(403);
  });

  test('WriteSecurity 2: another person’s row is 403 on PATCH and DELETE; one’s own row is fine; Full Control is exempt', async () => {
    const erik = await graph('erik');
    expect(
      (await erik(`${list.items}/${andersRow}/fields`, { method: 'PATCH', body: { Title: 'Erik' } })).status,
    ).toBe(403);
    expect((await erik(`${list.items}/${andersRow}`, { method: 'DELETE' })).status).toBe(403);
    const anders = await graph('anders');
    expect(
      (await anders(`${list.items}/${andersRow}/fields`, { method: 'PATCH', body: { Title: 'Rettet' } }))
        .status,
    ).toBe(200);
    expect(
      (await ingrid(`${list.items}/${andersRow}/fields`, { method: 'PATCH', body: { Title: 'Af Ingrid' } }))
        .status,
    ).toBe(200);
    // The same through REST (PnPjs item.update: POST + X-HTTP-Method MERGE, IF-Match).
    const erikSp = await rest('erik');
    const merge = (who: Caller, id: number, body: unknown, etag = '*') =>
      who(`${list.rest}/items(${id})`, {
        method: 'POST',
        headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': etag },
        body,
      });
    expect((await merge(erikSp, andersRow, { Title: 'Erik' })).status).toBe(403);
    expect((await merge(await rest('anders'), andersRow, { Title: 'Via REST' }, '"3"')).status).toBe(204);
    const stale = await merge(await rest('anders'), andersRow, { Title: 'For sent' }, '"3"');
    expect(stale.status).toBe(412);
    expect(stale.body['odata.error'].message.value).toBe('Version conflict.');
    const erikRow = (await erik(list.items, { method: 'POST', body: { fields: { Title: 'Erik' } } })).body.id;
    expect((await erik(`${list.items}/${erikRow}`, { method: 'DELETE' })).status).toBe(204);
  });

  test('ReadSecurity 2: a person reads only rows they created; Full Control (Override List Behaviors) reads all', async () => {
    await ingridSp(list.rest, {
      method: 'POST',
      headers: { 'X-HTTP-Method': 'MERGE' },
      body: { ReadSecurity: 2 },
    });
    const louise = await graph('louise');
    const own = (await louise(list.items, { method: 'POST', body: { fields: { Title: 'Louises' } } })).body
      .id;
    expect(ids((await louise(list.items)).body)).toEqual([Number(own)]);
    expect((await louise(`${list.items}/${andersRow}`)).status).toBe(404);
    expect(ids((await ingrid(list.items)).body)).toContain(andersRow);
  });
});

describe('a reasons list as the ADR plans it (ReadSecurity 2, WriteSecurity 2, circle Contribute on the meeting folder)', () => {
  test('each member writes and reads only their own row in the folder; the organizer reads and edits all; outsiders nothing', async () => {
    const list = await makeList();
    await ingridSp(list.rest, {
      method: 'POST',
      headers: { 'X-HTTP-Method': 'MERGE' },
      body: { ReadSecurity: 2, WriteSecurity: 2 },
    });
    await breakInheritance(list.rest, true);
    for (const g of ['Møder Members', 'Møder Visitors'])
      await ingridSp(`${list.rest}/roleassignments/getbyprincipalid(${await group(g)})/deleteobject()`, {
        method: 'POST',
      });
    const circle = (await ingridSp('web/sitegroups', { method: 'POST', body: { Title: 'Kreds grunde' } }))
      .body.Id;
    for (const who of ['anders', 'louise'])
      await ingridSp(`web/sitegroups(${circle})/users`, { method: 'POST', body: { LoginName: login(who) } });
    const folder = await addFolder(list, 'Møde R');
    await breakInheritance(folderItem(folder.url), false);
    await grant(folderItem(folder.url), circle, CONTRIBUTE);
    const andersSp = await rest('anders');
    const louiseSp = await rest('louise');
    // The members cannot see the folder row (the organizer made it), yet they may add rows inside it.
    expect((await andersSp(`${list.rest}/items(${folder.id})`)).status).toBe(404);
    const own = await addRow(andersSp, list, folder.url, { Title: 'Anders’ grund', MeetingKey: 'r' });
    expect(own.status).toBe(200);
    const andersRow = newId(own);
    const louiseRow = newId(
      await addRow(louiseSp, list, folder.url, { Title: 'Louises grund', MeetingKey: 'r' }),
    );
    const anders = await graph('anders');
    expect(ids((await anders(`${list.items}?$expand=fields&$filter=fields/MeetingKey eq 'r'`)).body)).toEqual(
      [andersRow],
    );
    expect((await anders(`${list.items}/${louiseRow}`)).status).toBe(404);
    expect(
      (await anders(`${list.items}/${andersRow}/fields`, { method: 'PATCH', body: { Title: 'Rettet' } }))
        .status,
    ).toBe(200);
    const viaRest = await andersSp(`${list.rest}/items?$select=Id,Title&$filter=MeetingKey eq 'r'`);
    expect(viaRest.body.value).toEqual([{ Id: andersRow, ID: andersRow, Title: 'Rettet' }]);
    expect(ids((await ingrid(`${list.items}?$expand=fields&$filter=fields/MeetingKey eq 'r'`)).body)).toEqual(
      [andersRow, louiseRow],
    );
    expect(
      (await ingrid(`${list.items}/${louiseRow}/fields`, { method: 'PATCH', body: { Title: 'Af Ingrid' } }))
        .status,
    ).toBe(200);
    const outsider = await graph('mads');
    expect((await outsider(list.items)).status).toBe(403);
    expect((await addRow(await rest('mads'), list, folder.url, { Title: 'nej' })).status).toBe(404);
  });
});

/** Breaks a list's inheritance (copying) and gives one person Read there; returns their REST caller. */
async function breakAndGiveRead(list: List, name: string): Promise<Caller> {
  await breakInheritance(list.rest, true, false);
  // The person is a site member (Edit via Members): take Members off this list, give the person Read.
  await ingridSp(
    `${list.rest}/roleassignments/getbyprincipalid(${await group('Møder Members')})/deleteobject()`,
    {
      method: 'POST',
    },
  );
  await grant(list.rest, await principal(name), READ);
  return rest(name);
}

describe('Graph query options on list items', () => {
  let list: List;
  beforeAll(async () => {
    list = await makeList();
    for (let i = 0; i < 5; i++)
      await ingrid(list.items, { method: 'POST', body: { fields: { Title: `p${i}`, Count: i } } });
  });

  test('$top and $skip outside their range are 400 invalidRequest; 5000 is the largest page', async () => {
    expect((await ingrid(`${list.items}?$top=5000`)).status).toBe(200);
    for (const q of ['$top=-1', '$skip=-3', '$top=0', '$top=abc', '$skip=x', '$top=5001'])
      expect([q, (await ingrid(`${list.items}?${q}`)).body.error?.code]).toEqual([q, 'invalidRequest']);
  });

  test('nextLink is an opaque $skiptoken that keeps $expand=fields($select=…)', async () => {
    const first = (await ingrid(`${list.items}?$expand=fields($select=Title)&$top=2`)).body;
    expect(first.value).toHaveLength(2);
    const next: string = first['@odata.nextLink'];
    expect(next).toMatch(/\?\$skiptoken=[A-Za-z0-9_-]+$/);
    expect(next).not.toContain('$skip=');
    const second = (await ingrid(next)).body;
    expect(second.value).toHaveLength(2);
    expect(Object.keys(second.value[0].fields).sort()).toEqual(['@odata.etag', 'Title', 'id']);
    const third = (await ingrid(second['@odata.nextLink'])).body;
    expect(third.value.map((v: { fields: { Title: string } }) => v.fields.Title)).toEqual(['p4']);
    expect(third['@odata.nextLink']).toBeUndefined();
  });

  test('a delta link keeps the request’s $expand=fields($select=…)', async () => {
    const start = (await ingrid(`${list.items}/delta?token=latest&$expand=fields($select=Title)`)).body;
    await ingrid(list.items, { method: 'POST', body: { fields: { Title: 'ny', Count: 9 } } });
    const changes = (await ingrid(start['@odata.deltaLink'])).body;
    expect(changes.value).toHaveLength(1);
    expect(Object.keys(changes.value[0].fields).sort()).toEqual(['@odata.etag', 'Title', 'id']);
    expect(changes['@odata.deltaLink']).toMatch(/delta\?token=[A-Za-z0-9_-]+$/);
  });

  test('a malformed JSON text stored by one person is only text: another person’s read works', async () => {
    const anders = await graph('anders');
    const made = await anders(list.items, { method: 'POST', body: { fields: { Title: '{"broken": [' } } });
    expect(made.status).toBe(201);
    const read = await ingrid(`${list.items}?$expand=fields`);
    expect(read.status).toBe(200);
    expect(
      read.body.value.some((v: { fields: { Title: string } }) => v.fields.Title === '{"broken": ['),
    ).toBe(true);
  });
});

describe('SharePoint REST formats and errors', () => {
  test('nometadata, minimalmetadata and verbose', async () => {
    const plain = await ingridSp('web');
    expect(plain.body).toMatchObject({ Title: 'Møder', ServerRelativeUrl: '/sites/moeder' });
    expect(plain.body['odata.metadata']).toBeUndefined();
    const minimal = await (await rest('ingrid', 'application/json'))('web/sitegroups');
    expect(minimal.body['odata.metadata']).toMatch(/\/_api\/\$metadata#/);
    expect(minimal.body.value[0]['odata.type']).toBe('SP.Group');
    const verbose = await (await rest('ingrid', 'application/json;odata=verbose'))('web/sitegroups');
    expect(verbose.body.d.results[0].__metadata.type).toBe('SP.Group');
    const verboseWeb = await (await rest('ingrid', 'application/json;odata=verbose'))('web');
    expect(verboseWeb.body.d).toMatchObject({ Title: 'Møder', __metadata: { type: 'SP.Web' } });
    const perms = await (
      await rest('ingrid', 'application/json;odata=verbose')
    )('web/EffectiveBasePermissions');
    expect(perms.body.d.EffectiveBasePermissions).toMatchObject({ High: '2147483647', Low: '4294967295' });
    const digest = await ingridSp('contextinfo', { method: 'POST' });
    expect(digest.body).toMatchObject({
      FormDigestTimeoutSeconds: 1800,
      WebFullUrl: `${server.origin}/sites/moeder`,
    });
  });

  test('error bodies: 403, 404 list, 404 item, verbose error, 401 without a token, $batch not implemented', async () => {
    const denied = await (await rest('anders'))('web/roleassignments');
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({
      'odata.error': {
        code: '-2147024891, System.UnauthorizedAccessException',
        message: { lang: 'en-US', value: 'Access denied.' },
      },
    });
    const noList = await ingridSp("web/lists/getbytitle('Findes ikke')");
    expect(noList.status).toBe(404);
    expect(noList.body['odata.error']).toEqual({
      code: '-1, System.ArgumentException',
      message: {
        lang: 'en-US',
        value: `List 'Findes ikke' does not exist at site with URL '${server.origin}/sites/moeder'.`,
      },
    });
    const noItem = await ingridSp("web/lists/getbytitle('Meetings')/items(9999)");
    expect(noItem.status).toBe(404);
    expect(noItem.body['odata.error'].code).toBe('-2147024809, System.ArgumentException');
    const verbose = await (await rest('anders', 'application/json;odata=verbose'))('web/roleassignments');
    expect(verbose.body.error.message.value).toBe('Access denied.');
    const anonymous = await fetch(`${server.origin}/sites/moeder/_api/web`, {
      headers: { Accept: 'application/json;odata=nometadata' },
    });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as Record<string, unknown>)['odata.error']).toBeDefined();
    expect((await ingridSp('$batch', { method: 'POST', body: {} })).status).toBe(501);
  });

  test('the root site answers at /_api', async () => {
    const res = await fetch(`${server.origin}/_api/web`, {
      headers: {
        Accept: 'application/json;odata=nometadata',
        Authorization: `Bearer ${await devToken(server.origin, upn('peter'))}`,
      },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ServerRelativeUrl: string }).ServerRelativeUrl).toBe('/');
  });
});

describe('custom permission levels', () => {
  test('a custom level is created only with Manage Permissions on the web, listed, found by name and effective when bound', async () => {
    const level = {
      Name: 'Kun læse og slette',
      Description: 'Test',
      Order: 200,
      BasePermissions: { High: '0', Low: String(1 + 8 + 65536) },
    };
    const refused = await (await rest('louise'))('web/roledefinitions', { method: 'POST', body: level });
    expect(refused.status).toBe(403);
    expect((await ingridSp("web/roledefinitions/getbyname('Kun læse og slette')")).status).toBe(404);

    const made = await ingridSp('web/roledefinitions', { method: 'POST', body: level });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ Name: 'Kun læse og slette', RoleTypeKind: 0, Hidden: false });
    expect(made.body.Id).toBeGreaterThanOrEqual(1073741924);
    expect(made.body.BasePermissions).toEqual({ High: '0', Low: '65545' });
    const again = await ingridSp('web/roledefinitions', { method: 'POST', body: level });
    expect(again.status).toBe(400);
    const names = (await ingridSp('web/roledefinitions')).body.value.map((r: { Name: string }) => r.Name);
    expect(names.filter((n: string) => n === 'Kun læse og slette')).toHaveLength(1);
    expect(
      (await ingridSp(`web/roledefinitions/getbyname('${encodeURIComponent('Kun læse og slette')}')`)).body
        .Id,
    ).toBe(made.body.Id);

    const custom = await makeList();
    const folder = await addFolder(custom, 'Eget niveau');
    await breakInheritance(folderItem(folder.url), false);
    await grant(folderItem(folder.url), await principal('louise'), made.body.Id);
    const own = await (await rest('louise'))(`${custom.rest}/items(${folder.id})/EffectiveBasePermissions`);
    expect(own.body).toEqual({ High: '0', Low: '65545' });
  });
});
