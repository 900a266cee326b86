/**
 * The permissions adapter against the local server's SharePoint emulation: a meeting's plan applied as its
 * organizer (Sofie, a secretary with her secretariat, no site owner), then checked through SharePoint REST as Sofie: the circle group's
 * members and every scope's role assignments are exactly the plan's.
 */
import { SharePointFolders } from '../../src/adapters/sharepoint/sharePointFolders';
import type { SharePointRest } from '../../src/adapters/sharepoint/sharePointRest';
import type { AgendaItem } from '../../src/domain/agendaItem';
import type { Meeting } from '../../src/domain/meeting';
import {
  bilagFolderName,
  personFolderName,
  planMeetingPermissions,
  secretariatFolderName,
  type Grant,
  type MeetingPermissionPlan,
  type PlanInput,
  type Scope,
} from '../../src/domain/meetingScopes';
import type { PlanRows } from '../../src/ports/MeetingPermissions';
import { meetingPlace } from '../../src/domain/trust/place';
import { localGraph, localSharePoint, provisionSite } from '../contracts/graphStack';

jest.setTimeout(60_000);

const SOFIE = 'sofie@kommune.example';
/** Sofie's meetings live inside her secretariat (docs/adr/004-permissions.md, "Secretaries"). */
const placeOf = (plan: MeetingPermissionPlan) => meetingPlace(plan.key, secretariatFolderName(SOFIE));
let server: Awaited<ReturnType<typeof localGraph>>['server'];
let sofie: ReturnType<typeof localSharePoint>;
let n = 0;

beforeAll(async () => {
  ({ server } = await localGraph({ seed: 'none' }));
  sofie = localSharePoint(server, SOFIE);
  await provisionSite(server);
});
afterAll(async () => server?.close());

const person = (name: string) => ({ upn: `${name}@kommune.example`, name });
const meetingOf = (extra: Partial<Meeting> = {}): Meeting => ({
  key: `perm-${++n}-${Math.random().toString(36).slice(2)}@kommune.example`,
  series: 'Rådmandsmøder',
  title: 'Rådmandsmøde',
  start: '2024-02-20T10:00:00.000Z',
  end: '2024-02-20T12:00:00.000Z',
  location: '',
  organizer: person('sofie'),
  attendees: [person('anders'), person('mads')],
  referent: person('mads'),
  status: 'Planlagt',
  agendaVersion: 1,
  ...extra,
});
const item = (id: string, number: number, extra: Partial<AgendaItem> = {}): AgendaItem => ({
  id,
  number,
  title: `Punkt ${number}`,
  category: 'Til orientering',
  durationMinutes: 10,
  guests: [],
  closed: false,
  attachments: [],
  ...extra,
});

/** Rows as the use case writes them before applying: the Meetings, MeetingProgress and agenda rows. */
async function setUp(meeting: Meeting, items: AgendaItem[] = []) {
  const row = await sofie.lists.saveMeeting(meeting);
  const progress = await sofie.lists.saveProgress(meeting.key, {});
  // The agenda rows need the meeting folder: a first apply creates it (agenda rows pending until written).
  const input: PlanInput = { meeting, items, approved: false, archive: false };
  await sofie.permissions.apply(planMeetingPermissions(input), {
    meetings: row.id,
    progress: progress.id,
    agenda: {},
  });
  const agenda = await sofie.lists.replaceAgenda(meeting.key, items);
  const rows: PlanRows = {
    meetings: row.id,
    progress: progress.id,
    agenda: Object.fromEntries(agenda.map((a) => [a.value.id, a.id])),
  };
  return { rows, input };
}

type Assignment = string;

/** What a scope holds, as "user:<upn>=Role" / "siteMembers=Role", sorted; null when inheriting. */
async function scopeState(
  rest: SharePointRest,
  plan: MeetingPermissionPlan,
  rows: PlanRows,
  scope: Scope,
): Promise<Assignment[] | null | 'missing'> {
  const web = rest.sp.web;
  let list: string;
  let id: number | undefined;
  if (scope.kind === 'meetingRow' || scope.kind === 'agendaRow') {
    list = scope.kind === 'meetingRow' ? scope.list : 'AgendaItems';
    const rowId =
      scope.kind === 'agendaRow'
        ? rows.agenda[scope.itemId]
        : scope.list === 'Meetings'
          ? rows.meetings
          : rows.progress;
    id = Number(rowId);
  } else {
    list = scope.kind === 'bilagFolder' ? 'Bilag' : scope.list;
    const root = (
      await web.lists.getByTitle(list).rootFolder.select('ServerRelativeUrl')<{ ServerRelativeUrl: string }>()
    ).ServerRelativeUrl;
    const path =
      scope.kind === 'meetingFolder'
        ? placeOf(plan)
        : scope.kind === 'itemFolder'
          ? `${placeOf(plan)}/${scope.itemNumber}`
          : scope.kind === 'bilagFolder'
            ? `${placeOf(plan)}/${bilagFolderName(scope.itemId)}`
            : `${placeOf(plan)}/${personFolderName(scope.upn)}`;
    try {
      id = (
        await web.getFolderByServerRelativePath(`${root}/${path}`).listItemAllFields.select('Id')<{
          Id: number;
        }>()
      ).Id;
    } catch {
      return 'missing';
    }
  }
  const item = web.lists.getByTitle(list).items.getById(id);
  const { HasUniqueRoleAssignments } = await item.select('HasUniqueRoleAssignments')<{
    HasUniqueRoleAssignments: boolean;
  }>();
  if (!HasUniqueRoleAssignments) return null;
  const members = await web.associatedMemberGroup.select('Id')<{ Id: number }>();
  const assignments = await item.roleAssignments.expand('Member', 'RoleDefinitionBindings')<
    Array<{
      PrincipalId: number;
      Member: { Id: number; LoginName: string; Title: string; PrincipalType: number };
      RoleDefinitionBindings: Array<{ RoleTypeKind: number; Hidden?: boolean }>;
    }>
  >();
  const roleName = { 2: 'Read', 3: 'Contribute', 5: 'Full Control' } as Record<number, string>;
  return assignments
    .flatMap((a) =>
      a.RoleDefinitionBindings.filter((b) => !b.Hidden && b.RoleTypeKind !== 1).map((b) => {
        const who =
          a.Member.Id === members.Id
            ? 'siteMembers'
            : `user:${a.Member.LoginName.split('|').pop()!.toLowerCase()}`;
        return `${who}=${roleName[b.RoleTypeKind] ?? b.RoleTypeKind}`;
      }),
    )
    .sort();
}

const expected = (grants: Grant[]) =>
  grants
    .map((g) => `${g.principal.kind === 'user' ? `user:${g.principal.upn}` : g.principal.kind}=${g.role}`)
    .sort();

async function expectExactly(plan: MeetingPermissionPlan, rows: PlanRows) {
  for (const { scope, grants } of plan.unique) {
    expect({ scope, holds: await scopeState(sofie.rest, plan, rows, scope) }).toEqual({
      scope,
      holds: expected(grants),
    });
  }
  for (const scope of plan.inheriting) {
    const state = await scopeState(sofie.rest, plan, rows, scope);
    expect({ scope, holds: state === 'missing' ? null : state }).toEqual({ scope, holds: null });
  }
}

async function siteGroupIds(): Promise<number[]> {
  return (await sofie.rest.sp.web.siteGroups.select('Id')<Array<{ Id: number }>>()).map((g) => g.Id).sort();
}

describe('SharePointPermissions on the local SharePoint', () => {
  test('a plan applied: the meeting folders and rows hold exactly the plan, each person directly and no group; twice makes no call', async () => {
    const meeting = meetingOf();
    const { rows, input } = await setUp(meeting, [item('a', 1), item('b', 2)]);
    const plan = planMeetingPermissions(input);
    const groups = await siteGroupIds();
    const before = sofie.rest.counter.permissionChanges;
    const report = await sofie.permissions.apply(plan, rows);
    expect(report.pending).toEqual([]);
    // The bench's request counter sees exactly the calls the report counts.
    expect(sofie.rest.counter.permissionChanges - before).toBe(report.calls);
    await expectExactly(plan, rows);
    expect(plan.circle).toEqual(['anders@kommune.example', 'mads@kommune.example', 'sofie@kommune.example']);
    expect(await scopeState(sofie.rest, plan, rows, { kind: 'meetingFolder', list: 'AgendaItems' })).toEqual([
      'user:anders@kommune.example=Read',
      'user:mads@kommune.example=Read',
      'user:sofie@kommune.example=Full Control',
    ]);
    // No SharePoint group: nobody needs Create Groups, and no membership exists for anyone to change.
    expect(await siteGroupIds()).toEqual(groups);

    const again = await sofie.permissions.apply(plan, rows);
    expect(again).toMatchObject({ calls: 0, pending: [] });
    // A fresh adapter (a new page) finds everything in place too, by path or by the recorded ids.
    expect(await localSharePoint(server, SOFIE).permissions.apply(plan, rows)).toMatchObject({
      calls: 0,
      pending: [],
    });
    expect(
      await localSharePoint(server, SOFIE).permissions.apply(plan, { ...rows, folders: again.folders }),
    ).toEqual({ calls: 0, pending: [], folders: again.folders });
  });

  test('a row not written yet is pending, not an error', async () => {
    const meeting = meetingOf();
    const row = await sofie.lists.saveMeeting(meeting);
    const plan = planMeetingPermissions({ meeting, items: [item('x', 1)], approved: false, archive: false });
    const report = await sofie.permissions.apply(plan, { meetings: row.id, agenda: {} });
    expect(report.pending).toEqual([{ kind: 'meetingRow', list: 'MeetingProgress' }]);
  });

  test('changing the referent moves Contribute, and the circle changes by one member each way', async () => {
    const meeting = meetingOf();
    const { rows, input } = await setUp(meeting, [item('a', 1)]);
    await sofie.permissions.apply(planMeetingPermissions(input), rows);
    const changed = { ...meeting, attendees: [person('anders'), person('erik')], referent: person('erik') };
    const plan = planMeetingPermissions({ ...input, meeting: changed });
    const report = await sofie.permissions.apply(plan, rows);
    await expectExactly(plan, rows);
    expect(plan.circle).toEqual(['anders@kommune.example', 'erik@kommune.example', 'sofie@kommune.example']);
    // The Meetings and MeetingProgress rows, the AgendaItems, Decisions, FollowUps, Absences and Bilag
    // folders: +erik −mads each; erik's own folder of afbud reasons: created, broken, +erik (mads keeps his,
    // with his own reasons). Afbud folders: anders' and sofie's +erik −mads (Read) each; erik's created,
    // broken, +erik (Contribute), +anders (Read).
    expect(report.calls).toBe(7 * 2 + 3 + 2 * 2 + 4);
    const decisions = await scopeState(sofie.rest, plan, rows, { kind: 'meetingFolder', list: 'Decisions' });
    expect(decisions).toContain('user:erik@kommune.example=Contribute');
    expect(decisions).not.toContain('user:mads@kommune.example=Contribute');
  });

  test('approval freezes the record: only the organizer writes any scope of the meeting; reopening gives back exactly that', async () => {
    const meeting = meetingOf();
    const { rows, input } = await setUp(meeting, [item('a', 1)]);
    await sofie.permissions.apply(planMeetingPermissions(input), rows);
    const approved = planMeetingPermissions({ ...input, approved: true });
    const report = await sofie.permissions.apply(approved, rows);
    // mads (the referent) Contribute → Read on Decisions, FollowUps and MeetingProgress; their own afbud
    // folders: anders and mads Contribute → Read. Each change is an add and a remove.
    expect(report.calls).toBe(2 * 3 + 2 * 2);
    await expectExactly(approved, rows);
    for (const scope of [
      { kind: 'meetingFolder', list: 'Decisions' },
      { kind: 'meetingFolder', list: 'FollowUps' },
      { kind: 'meetingFolder', list: 'Absences' },
      { kind: 'personFolder', list: 'Absences', upn: 'anders@kommune.example' },
      { kind: 'meetingRow', list: 'MeetingProgress' },
    ] as const) {
      const held = await scopeState(sofie.rest, approved, rows, scope);
      expect({ scope, writers: (held as string[]).filter((g) => !g.endsWith('=Read')) }).toEqual({
        scope,
        writers: ['user:sofie@kommune.example=Full Control'],
      });
    }
    const reopened = planMeetingPermissions(input);
    expect((await sofie.permissions.apply(reopened, rows)).calls).toBe(2 * 3 + 2 * 2);
    await expectExactly(reopened, rows);
  });

  test('folders are found by their recorded id, not by path (a renamed folder is still the one approval freezes)', async () => {
    const meeting = meetingOf();
    const { rows, input } = await setUp(meeting, [item('a', 1)]);
    const plan = planMeetingPermissions(input);
    const first = await sofie.permissions.apply(plan, rows);
    const key = `Decisions/${placeOf(plan)}`;
    expect(first.folders![key]).toEqual(expect.any(Number));
    // The meeting's Decisions folder now lives elsewhere (as after a rename): its recorded id leads to it.
    const moved = await new SharePointFolders(sofie.rest).create(
      'Decisions',
      `${secretariatFolderName(SOFIE)}/moved-${plan.folder}`,
    );
    const approved = planMeetingPermissions({ ...input, approved: true });
    const report = await sofie.permissions.apply(approved, {
      ...rows,
      folders: { ...first.folders, [key]: moved.Id },
    });
    expect(report.folders![key]).toBe(moved.Id);
    const folder = sofie.rest.sp.web.lists.getByTitle('Decisions').items.getById(moved.Id);
    const held = await folder.roleAssignments.expand('Member', 'RoleDefinitionBindings')<
      Array<{
        Member: { LoginName?: string; Title?: string };
        RoleDefinitionBindings: Array<{ Name: string }>;
      }>
    >();
    const writers = held
      .flatMap((a) =>
        a.RoleDefinitionBindings.map((b) => `${a.Member.LoginName ?? a.Member.Title}=${b.Name}`),
      )
      .filter((g) => !/=(Read|Limited Access)$/.test(g));
    expect(writers).toEqual(['i:0#.f|membership|sofie@kommune.example=Full Control']);
  });

  test("a guest's item gets its own scopes (agenda row, both item folders); without the guest they inherit again", async () => {
    const meeting = meetingOf();
    const guest = { name: 'Kamilla Uhd Hansen', upn: 'kamilla@kommune.example' };
    const items = [item('a', 1), item('b', 2, { guests: [guest] })];
    const { rows, input } = await setUp(meeting, items);
    const plan = planMeetingPermissions(input);
    await sofie.permissions.apply(plan, rows);
    await expectExactly(plan, rows);
    expect(await scopeState(sofie.rest, plan, rows, { kind: 'agendaRow', itemId: 'b' })).toContain(
      'user:kamilla@kommune.example=Read',
    );
    expect(
      await scopeState(sofie.rest, plan, rows, { kind: 'itemFolder', list: 'Decisions', itemNumber: 2 }),
    ).toContain('user:kamilla@kommune.example=Read');
    expect(await scopeState(sofie.rest, plan, rows, { kind: 'agendaRow', itemId: 'a' })).toBeNull();
    expect(await scopeState(sofie.rest, plan, rows, { kind: 'meetingRow', list: 'Meetings' })).toContain(
      'user:kamilla@kommune.example=Read',
    );

    const without = planMeetingPermissions({ ...input, items: [item('a', 1), item('b', 2)] });
    await sofie.permissions.apply(without, rows);
    await expectExactly(without, rows);
    expect(
      await scopeState(sofie.rest, without, rows, { kind: 'itemFolder', list: 'Decisions', itemNumber: 2 }),
    ).toBeNull();
  });

  test("person folders copy their meeting folder's assignments; a member who leaves the committee after her folders exist keeps nothing the copies gave her", async () => {
    const seat = (name: string, substitute?: string) => ({
      person: person(name),
      party: 'A',
      ...(substitute ? { substitute: person(substitute) } : {}),
    });
    const committee = (members: ReturnType<typeof seat>[]): Meeting['committee'] => ({
      kind: 'Udvalgsmøde',
      committeeName: 'Social- og Beskæftigelsesudvalget',
      agendaDeadlineWorkingDays: 4,
      members,
    });
    const meeting = meetingOf({ committee: committee([seat('henrik'), seat('mette'), seat('karen', 'ib')]) });
    const { rows, input } = await setUp(meeting, [item('a', 1)]);
    const before = planMeetingPermissions(input);
    await sofie.permissions.apply(before, rows);
    await expectExactly(before, rows);
    const henrik = {
      kind: 'personFolder',
      list: 'CommitteeStatements',
      upn: 'henrik@kommune.example',
    } as const;
    // The copy from the meeting's CommitteeStatements folder brought the referent's Contribute: taken away.
    expect(await scopeState(sofie.rest, before, rows, henrik)).toContain('user:mette@kommune.example=Read');
    expect(await scopeState(sofie.rest, before, rows, henrik)).not.toContain(
      'user:mads@kommune.example=Contribute',
    );

    // Mette leaves the committee, Signe joins: every folder copied while Mette was in the circle loses her.
    const changed = {
      ...meeting,
      committee: committee([seat('henrik'), seat('signe'), seat('karen', 'ib')]),
    };
    const after = planMeetingPermissions({ ...input, meeting: changed });
    expect(after.circle).not.toContain('mette@kommune.example');
    await sofie.permissions.apply(after, rows);
    await expectExactly(after, rows);
    for (const { scope } of after.unique) {
      const held = (await scopeState(sofie.rest, after, rows, scope)) as string[];
      expect({ scope, mette: held.filter((g) => g.startsWith('user:mette@')) }).toEqual({ scope, mette: [] });
    }
    // Signe's new folders were copied from meeting folders that already name her: she writes only her own.
    const signe = {
      kind: 'personFolder',
      list: 'CommitteeStatements',
      upn: 'signe@kommune.example',
    } as const;
    expect(await scopeState(sofie.rest, after, rows, signe)).toContain(
      'user:signe@kommune.example=Contribute',
    );
    expect(await scopeState(sofie.rest, after, rows, henrik)).toContain('user:signe@kommune.example=Read');
    // Converged: applying the same plan again changes nothing, from this page or a new one.
    expect(await sofie.permissions.apply(after, rows)).toMatchObject({ calls: 0, pending: [] });
    expect(await localSharePoint(server, SOFIE).permissions.apply(after, rows)).toMatchObject({ calls: 0 });
  });

  test('only the organizer may apply: the referent gets Forbidden', async () => {
    const meeting = meetingOf();
    const { rows, input } = await setUp(meeting);
    const mads = localSharePoint(server, 'mads@kommune.example');
    await expect(mads.permissions.apply(planMeetingPermissions(input), rows)).rejects.toMatchObject({
      kind: 'Forbidden',
    });
  });

  test("removeFolder deletes the meeting's AbsenceReasons folder with the reasons in it", async () => {
    const meeting = meetingOf();
    const { rows, input } = await setUp(meeting);
    const plan = planMeetingPermissions(input);
    await sofie.permissions.apply(plan, rows);
    await sofie.lists.saveAbsence(meeting.key, {
      person: person('sofie'),
      kind: 'Afbud',
      items: [],
      reason: 'Tandlæge',
      registeredAt: '2024-02-19T08:00:00.000Z',
    });
    await sofie.permissions.removeFolder(plan, 'AbsenceReasons');
    expect(await scopeState(sofie.rest, plan, rows, { kind: 'meetingFolder', list: 'AbsenceReasons' })).toBe(
      'missing',
    );
    const snapshot = await sofie.lists.openMeeting(meeting.key);
    expect(snapshot.absences.map((a) => a.value.reason)).toEqual([undefined]);
    await sofie.permissions.removeFolder(plan, 'AbsenceReasons'); // already gone: nothing to do
  });
});
