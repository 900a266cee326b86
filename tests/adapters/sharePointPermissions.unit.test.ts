/**
 * SharePointPermissions against a fake network stage (PnPjs' `send` swapped): the SharePoint behaviours
 * the local emulation may not show — Limited Access bindings SharePoint adds by itself, and a caller who
 * is not in the plan (a site collection admin applying for the organizer) losing their own Full Control
 * only as the very last call.
 */
import { createSharePointRest, type SendFn } from '../../src/adapters/sharepoint/sharePointRest';
import { SharePointPermissions } from '../../src/adapters/sharepoint/sharePointPermissions';
import type { MeetingPermissionPlan } from '../../src/domain/meetingScopes';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const ROLE = { read: 20, contribute: 30, fullControl: 50, limited: 10 };
const roleById: Record<number, { Id: number; RoleTypeKind: number; Hidden: boolean }> = {
  20: { Id: 20, RoleTypeKind: 2, Hidden: false },
  30: { Id: 30, RoleTypeKind: 3, Hidden: false },
  50: { Id: 50, RoleTypeKind: 5, Hidden: false },
  10: { Id: 10, RoleTypeKind: 1, Hidden: true },
};
const USERS: Record<string, number> = { 'sofie@kommune.example': 7, 'mads@kommune.example': 8 };
const CALLER = 99;

function fakeSharePoint() {
  const calls: string[] = [];
  let unique = false;
  let assignments: Array<[number, number]> = [];
  const send: SendFn = async (url, init) => {
    const path = decodeURIComponent(url.pathname).replace(/^\/sites\/moeder\/_api\/web/i, '');
    const method = init.method ?? 'GET';
    if (/^\/roledefinitions\/getByType\((\d)\)$/i.test(path)) {
      const kind = Number(/\((\d)\)/.exec(path)![1]);
      return json({ Id: kind * 10 });
    }
    if (/^\/ensureuser$/i.test(path)) {
      const { logonName } = JSON.parse(String(init.body)) as { logonName: string };
      return json({ Id: USERS[logonName.split('|').pop()!] });
    }
    if (/^\/currentuser$/i.test(path)) return json({ Id: CALLER });
    if (/^\/lists\/getByTitle\('Meetings'\)$/i.test(path))
      return json({ Id: 'm', RootFolder: { ServerRelativeUrl: '/sites/moeder/Lists/Meetings' } });
    const item = /^\/lists\/getByTitle\('Meetings'\)\/items\(1\)(.*)$/i.exec(path);
    if (item) {
      const rest = item[1];
      // The organizer's Meetings row, in her secretariat folder: the meeting's place is inside it.
      if (rest === '' && method === 'GET')
        return json({
          Id: 1,
          HasUniqueRoleAssignments: unique,
          FileDirRef: '/sites/moeder/Lists/Meetings/sofie_40_kommune_2e_example',
        });
      if (/^\/breakroleinheritance/i.test(rest)) {
        calls.push(`break ${rest.slice('/breakroleinheritance'.length)}`);
        unique = true;
        // SharePoint leaves the caller with Full Control and keeps Limited Access for a user below.
        assignments = [
          [CALLER, ROLE.fullControl],
          [77, ROLE.limited],
        ];
        return json({});
      }
      if (/^\/roleassignments$/i.test(rest)) {
        const byPrincipal = new Map<number, number[]>();
        for (const [p, r] of assignments) byPrincipal.set(p, [...(byPrincipal.get(p) ?? []), r]);
        return json({
          value: [...byPrincipal].map(([p, roles]) => ({
            PrincipalId: p,
            Member: { Id: p, LoginName: `p${p}` },
            RoleDefinitionBindings: roles.map((r) => roleById[r]),
          })),
        });
      }
      const change =
        /^\/roleassignments\/(add|remove)roleassignment\(principalid=(\d+), ?roledefid=(\d+)\)$/i.exec(rest);
      if (change) {
        const [, verb, p, r] = change;
        calls.push(`${verb} ${p}:${r}`);
        if (verb === 'add') assignments.push([Number(p), Number(r)]);
        else assignments = assignments.filter(([a, b]) => !(a === Number(p) && b === Number(r)));
        return json({});
      }
    }
    return json({ 'odata.error': { code: 'test', message: { value: `unexpected ${method} ${path}` } } }, 500);
  };
  return { send, calls, assignments: () => assignments };
}

const plan: MeetingPermissionPlan = {
  key: 'k@kommune.example',
  folder: 'k_40_kommune_2e_example',
  circle: ['mads@kommune.example', 'sofie@kommune.example'],
  organizerUpn: 'sofie@kommune.example',
  unique: [
    {
      scope: { kind: 'meetingRow', list: 'Meetings' },
      grants: [
        { principal: { kind: 'user', upn: 'sofie@kommune.example' }, role: 'Full Control' },
        { principal: { kind: 'user', upn: 'mads@kommune.example' }, role: 'Read' },
      ],
    },
  ],
  inheriting: [],
};

test('breaks without copying, adds the plan, leaves Limited Access alone and removes the caller last', async () => {
  const fake = fakeSharePoint();
  const rest = createSharePointRest({
    siteUrl: 'https://kommune.sharepoint.com/sites/moeder',
    tokens: { getToken: async () => 't', account: async () => null, signOut: async () => {} },
    scopes: ['s'],
    send: fake.send,
  });
  const report = await new SharePointPermissions(rest).apply(plan, { meetings: '1', agenda: {} });
  expect(fake.calls).toEqual([
    'break (copyroleassignments=false, clearsubscopes=false)',
    'add 7:50',
    'add 8:20',
    `remove ${CALLER}:50`,
  ]);
  expect(report).toMatchObject({ calls: 4, pending: [] });
  expect(fake.assignments().sort()).toEqual([
    [7, 50],
    [77, 10],
    [8, 20],
  ]);
});
