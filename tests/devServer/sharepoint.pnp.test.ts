import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import { caller, devToken } from './target';

/**
 * The add-in's SharePoint client is PnPjs (@pnp/sp 4, ESM only): its exact URLs, verbs and bodies against the
 * local server, run in a child process (Jest here compiles to CommonJS) in both JSON formats PnPjs meets.
 */
let server: GraphServer;
beforeAll(async () => {
  server = await startDemoServer({ port: 0, db: ':memory:', seed: 'none' });
});
afterAll(() => server.close());

const run = async (accept: string | undefined, suffix: string) => {
  const token = await devToken(server.origin, 'ingrid@kommune.example');
  const list = `Pnp${suffix}`;
  const made = await caller(server.url, token)('/sites/kommune.sharepoint.com:/sites/moeder:/lists', {
    method: 'POST',
    body: { displayName: list, list: { template: 'genericList' } },
  });
  expect(made.status).toBe(201);
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'pnp', 'pnpClient.mjs')], {
    env: {
      ...process.env,
      SP_WEB: `${server.origin}/sites/moeder`,
      SP_TOKEN: token,
      SP_LIST: list,
      SP_SUFFIX: suffix,
      ...(accept ? { SP_ACCEPT: accept } : {}),
    },
  });
  return JSON.parse(stdout);
};

const login = (name: string) => `i:0#.f|membership|${name}@kommune.example`;

test.each([
  ['minimal metadata (PnPjs default)', undefined, 'Minimal'],
  ['nometadata', 'application/json;odata=nometadata', 'None'],
  ['verbose', 'application/json;odata=verbose', 'Verbose'],
])(
  'PnPjs: users, groups, list settings, folders, inheritance and assignments — %s',
  async (_name, accept, suffix) => {
    const out = await run(accept, suffix);
    expect(out.error).toBeUndefined();
    expect(out.web).toMatchObject({ Title: 'Møder', ServerRelativeUrl: '/sites/moeder' });
    expect(out.me).toBe(login('ingrid'));
    expect(out.ensured).toBe(login('anders'));
    expect(out.byLogin).toBe(true);
    expect([out.read, out.full]).toEqual([1073741826, 1073741829]);
    expect(out.members).toEqual([login('ingrid'), login('anders')]);
    expect(out.groupByName).toBe(true);
    expect(out.list).toMatchObject({
      EnableFolderCreation: true,
      WriteSecurity: 2,
      HasUniqueRoleAssignments: false,
    });
    const rows = accept?.includes('verbose') ? out.row.AddValidateUpdateItemUsingPath.results : out.row;
    expect(
      rows.map((v: { FieldName: string; HasException: boolean }) => [v.FieldName, v.HasException]),
    ).toEqual([
      ['Title', false],
      ['Id', false],
    ]);
    expect(out.assignments).toEqual([
      [login('ingrid'), ['Full Control']],
      [`Mødeassistent ${suffix}`, ['Read']],
    ]);
    expect(out.unique).toBe(true);
    // verbose keeps SP.BasePermissions under the method's or property's name, as SharePoint does
    const mask = (v: Record<string, unknown>) =>
      v.GetUserEffectivePermissions ?? v.EffectiveBasePermissions ?? v;
    expect(mask(out.andersOnFolder)).toMatchObject({ High: '176', Low: '138612833' });
    expect(mask(out.mine)).toMatchObject({ High: '2147483647', Low: '4294967295' });
    expect(out.rows.map((r: { FileRef: string; FSObjType: number }) => [r.FileRef, r.FSObjType])).toEqual([
      [`/sites/moeder/Lists/Pnp${suffix}/Møde 1/2_.000`, 0],
    ]);
    expect(out.rowInherits).toBe(false);
    expect(out.afterRemove).toHaveLength(1);
    expect(out.groupsLeft).toEqual(['Møder Owners', 'Møder Members', 'Møder Visitors']);
    expect(out.missingList).toBe(404);
  },
);
