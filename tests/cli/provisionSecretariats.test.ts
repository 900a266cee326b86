import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import { provisionMain } from '../../cli/provision';
import { LISTS } from '../../src/adapters/sharepoint/listSchema';
import { secretariatFolderName } from '../../src/domain/meetingScopes';
import { devToken } from '../devServer/target';

/**
 * IT's `npm run provision -- --secretary UPN`: the permission level Mødeleder and the secretary's own
 * secretariat folder in every list, holding exactly the site's Owners (Full Control) and her (Mødeleder).
 * Judged by what SharePoint REST reports afterwards.
 */
let server: GraphServer;
type Sp = (
  path: string,
  init?: { method?: string; body?: unknown },
) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
const restAs = async (name: string): Promise<Sp> => {
  const token = await devToken(server.origin, `${name}@kommune.example`);
  return async (path, init = {}) => {
    const res = await fetch(`${server.origin}/sites/moeder/_api/${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json;odata=nometadata',
        'Content-Type': 'application/json',
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  };
};
let sofie: Sp;
const PETER = 'peter@kommune.example';

beforeAll(async () => {
  server = await startDemoServer({ port: 0, db: ':memory:', seed: 'demo', seedRandom: 1 });
  sofie = await restAs('ingrid');
});
afterAll(() => server.close());

async function provision(...secretaries: string[]) {
  let out = '';
  let err = '';
  const code = await provisionMain(
    [
      '--as',
      'ingrid@kommune.example',
      '--graph',
      server.url,
      ...secretaries.flatMap((s) => ['--secretary', s]),
    ],
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}

/** Each list's secretariat folder of `upn`: its id and who holds which level there ("login:level"). */
async function secretariat(list: string, upn: string) {
  const at = `web/lists/getbytitle('${list}')`;
  const root = (await sofie(`${at}?$select=Id,RootFolder/ServerRelativeUrl&$expand=RootFolder`)).body
    .RootFolder.ServerRelativeUrl;
  const path = encodeURIComponent(`${root}/${secretariatFolderName(upn)}`);
  const item = await sofie(
    `web/getfolderbyserverrelativepath(decodedurl='${path}')/listItemAllFields?$select=Id,HasUniqueRoleAssignments`,
  );
  if (item.status !== 200) return null;
  const assignments = await sofie(
    `${at}/items(${item.body.Id})/roleassignments?$expand=Member,RoleDefinitionBindings`,
  );
  const held = (
    assignments.body.value as Array<{
      Member: { LoginName: string; Title: string };
      RoleDefinitionBindings: Array<{ Name: string }>;
    }>
  )
    .flatMap((a) => a.RoleDefinitionBindings.map((b) => `${a.Member.Title}:${b.Name}`))
    .sort();
  return { id: item.body.Id as number, unique: item.body.HasUniqueRoleAssignments as boolean, held, at };
}

test('provision with a secretary creates Mødeleder and her secretariat in every list, with only the Owners and her', async () => {
  expect(await secretariat('Meetings', PETER)).toBeNull();
  const { code, out, err } = await provision(PETER);
  expect(err).toBe('');
  expect(code).toBe(0);
  expect(out).toContain('Mødeleder');

  const level = await sofie(`web/roledefinitions/getbyname('${encodeURIComponent('Mødeleder')}')`);
  expect(level.status).toBe(200);
  const mask = (BigInt(level.body.BasePermissions.High) << 32n) | BigInt(level.body.BasePermissions.Low);
  const bit = (kind: number) => (mask >> BigInt(kind - 1)) & 1n;
  // PermissionKind: ViewListItems 1, AddListItems 2, EditListItems 3, DeleteListItems 4, ManagePermissions 26.
  for (const kind of [1, 2, 3, 4, 26]) expect(bit(kind)).toBe(1n);
  // ManageLists 12, CancelCheckout (Override List Behaviors) 9, CreateGroups 25, ManageWeb 31.
  for (const kind of [12, 9, 25, 31]) expect(bit(kind)).toBe(0n);

  const owners = (await sofie('web/associatedownergroup?$select=Title')).body.Title;
  for (const spec of LISTS) {
    const s = await secretariat(spec.name, PETER);
    expect({ list: spec.name, unique: s?.unique, held: s?.held }).toEqual({
      list: spec.name,
      unique: true,
      held: [`${owners}:Full Control`, 'Peter Jensen:Mødeleder'].sort(),
    });
  }
});

test('provision run again changes nothing: one Mødeleder, the same folders and assignments', async () => {
  const before = await Promise.all(LISTS.map((l) => secretariat(l.name, PETER)));
  expect((await provision(PETER)).code).toBe(0);
  const after = await Promise.all(LISTS.map((l) => secretariat(l.name, PETER)));
  expect(after).toEqual(before);
  const levels = (await sofie('web/roledefinitions')).body.value.filter(
    (r: { Name: string }) => r.Name === 'Mødeleder',
  );
  expect(levels).toHaveLength(1);
});

test('the secretary manages permissions in her secretariat, but breaking the list’s inheritance is refused', async () => {
  const peter = await restAs('peter');
  const s = (await secretariat('Decisions', PETER))!;
  const own = await peter(`${s.at}/items(${s.id})/EffectiveBasePermissions`);
  const mine = (BigInt(own.body.High) << 32n) | BigInt(own.body.Low);
  expect((mine >> 25n) & 1n).toBe(1n); // ManagePermissions
  expect((mine >> 11n) & 1n).toBe(0n); // ManageLists
  // Positive control: in her own secretariat she gives someone Read, and takes it back.
  const anders = (
    await peter('web/ensureuser', {
      method: 'POST',
      body: { logonName: 'i:0#.f|membership|anders@kommune.example' },
    })
  ).body.Id;
  const grant = `${s.at}/items(${s.id})/roleassignments/addroleassignment(principalid=${anders},roledefid=1073741826)`;
  expect((await peter(grant, { method: 'POST' })).status).toBe(200);
  expect((await secretariat('Decisions', PETER))?.held).toContain('Anders Lund:Read');
  const revoke = grant.replace('addroleassignment', 'removeroleassignment');
  expect((await peter(revoke, { method: 'POST' })).status).toBe(200);

  const attack = await peter(`${s.at}/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`, {
    method: 'POST',
  });
  expect(attack.status).toBe(403);
  expect(await secretariat('Decisions', PETER)).toEqual(s);
});
