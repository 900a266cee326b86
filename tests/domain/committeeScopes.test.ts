import { planMeetingPermissions, type PlanInput } from '../../src/domain/meetingScopes';

const meeting: PlanInput['meeting'] = {
  key: 'udvalg-2024-03-05@kommune.example',
  organizer: { upn: 'sofie@kommune.example', name: 'Sofie Holm' },
  attendees: [{ upn: 'anders@kommune.example', name: 'Anders Lund' }],
  referent: { upn: 'mads@kommune.example', name: 'Mads Nielsen' },
};
const committee: PlanInput['meeting']['committee'] = {
  kind: 'Udvalgsmøde',
  committeeName: 'Social- og Beskæftigelsesudvalget',
  agendaDeadlineWorkingDays: 4,
  members: [
    { person: { upn: 'Anders@kommune.example', name: 'Anders Lund' }, party: 'A' },
    {
      person: { upn: 'birgit@kommune.example', name: 'Birgit Holm' },
      party: 'V',
      substitute: { upn: 'carsten@kommune.example', name: 'Carsten Bo' },
    },
  ],
};
const plan = (m: PlanInput['meeting'], approved = false) =>
  planMeetingPermissions({ meeting: m, items: [], approved, archive: false });
const grantsOf = (p: ReturnType<typeof plan>, list: string) =>
  p.unique
    .find((u) => u.scope.kind === 'meetingFolder' && u.scope.list === list)
    ?.grants.map((g) => `${g.principal.kind === 'user' ? g.principal.upn : g.principal.kind}=${g.role}`)
    .sort();
/** The grants on a person's own folder (personFolder) in `list`. */
const personFolderOf = (p: ReturnType<typeof plan>, name: string, list: string) =>
  p.unique
    .find(
      (u) =>
        u.scope.kind === 'personFolder' && u.scope.list === list && u.scope.upn === `${name}@kommune.example`,
    )
    ?.grants.map((g) => `${g.principal.kind === 'user' ? g.principal.upn : g.principal.kind}=${g.role}`)
    .sort();
/** The grants on a person's own afbud folder (personFolder in Absences). */
const afbudFolderOf = (p: ReturnType<typeof plan>, name: string) => personFolderOf(p, name, 'Absences');
/** The grants on a member's own statements folder (personFolder in CommitteeStatements). */
const statementsFolderOf = (p: ReturnType<typeof plan>, name: string) =>
  personFolderOf(p, name, 'CommitteeStatements');
const statementFolders = (p: ReturnType<typeof plan>) =>
  p.unique.flatMap((u) =>
    u.scope.kind === 'personFolder' && u.scope.list === 'CommitteeStatements' ? [u.scope.upn] : [],
  );
/** The organizer's Full Control and `role` for each of `others`, person by person (no group), sorted. */
const held = (role: string, others: string[], extra: string[] = []) =>
  [
    'sofie@kommune.example=Full Control',
    ...others.map((n) => `${n}@kommune.example=${role}`),
    ...extra,
  ].sort();
const MEMBERS = ['anders', 'birgit', 'carsten', 'mads'];

test('an ordinary meeting gets no committee folders', () => {
  const p = plan(meeting);
  expect(grantsOf(p, 'CommitteeDecisions')).toBeUndefined();
  expect(grantsOf(p, 'CommitteeStatements')).toBeUndefined();
});

test("a committee's members and standing substitutes are its circle, whether or not the event invites them", () => {
  expect(plan({ ...meeting, committee }).circle).toEqual([
    'anders@kommune.example',
    'birgit@kommune.example',
    'carsten@kommune.example',
    'mads@kommune.example',
    'sofie@kommune.example',
  ]);
});

test('votes, attendance and inhabilitet decisions: organizer and referent write, the circle reads', () => {
  expect(grantsOf(plan({ ...meeting, committee }), 'CommitteeDecisions')).toEqual(
    held('Read', ['anders', 'birgit', 'carsten'], ['mads@kommune.example=Contribute']),
  );
  expect(grantsOf(plan({ ...meeting, committee }, true), 'CommitteeDecisions')).toEqual(
    held('Read', MEMBERS),
  );
});

test("each member's own statements: her own folder, which she writes until approval, the circle reads; the meeting's folder is the organizer's and (until out for signatures) the referent's", () => {
  const open = plan({ ...meeting, committee });
  // Members and standing substitutes (who may be called in and sign) each have a folder; the referent and an
  // attendee outside the committee do not.
  expect(statementFolders(open)).toEqual([
    'anders@kommune.example',
    'birgit@kommune.example',
    'carsten@kommune.example',
  ]);
  expect(grantsOf(open, 'CommitteeStatements')).toEqual(
    held('Read', ['anders', 'birgit', 'carsten'], ['mads@kommune.example=Contribute']),
  );
  for (const name of ['anders', 'birgit', 'carsten'])
    expect({ name, grants: statementsFolderOf(open, name) }).toEqual({
      name,
      grants: held(
        'Read',
        MEMBERS.filter((m) => m !== name),
        [`${name}@kommune.example=Contribute`],
      ),
    });
  // Children after their parents: the member folders come after the meeting's folder.
  const at = (kind: string) =>
    open.unique.findIndex(
      (u) => u.scope.kind === kind && 'list' in u.scope && u.scope.list === 'CommitteeStatements',
    );
  expect(at('meetingFolder')).toBeLessThan(at('personFolder'));
  // Approval freezes every one of them.
  const approved = plan({ ...meeting, committee }, true);
  expect(grantsOf(approved, 'CommitteeStatements')).toEqual(held('Read', MEMBERS));
  for (const name of ['anders', 'birgit', 'carsten'])
    expect({ name, grants: statementsFolderOf(approved, name) }).toEqual({
      name,
      grants: held('Read', MEMBERS),
    });
  // An organizer who sits on her own committee has a folder that only she writes.
  const own = plan({
    ...meeting,
    committee: { ...committee!, members: [...committee!.members, { person: meeting.organizer, party: 'C' }] },
  });
  expect(statementsFolderOf(own, 'sofie')).toEqual(held('Read', MEMBERS));
});

test('out for signatures: attendance, votes and decisions are the organizer’s alone; members still sign', () => {
  const signing = planMeetingPermissions({
    meeting: { ...meeting, committee },
    items: [],
    approved: false,
    signing: true,
    archive: false,
  });
  for (const list of ['Absences', 'CommitteeDecisions', 'Decisions', 'FollowUps'])
    expect({ list, grants: grantsOf(signing, list) }).toEqual({
      list,
      grants: held('Read', MEMBERS),
    });
  // The statements' meeting folder is hers alone too; each member keeps Contribute on her own folder to sign.
  expect(grantsOf(signing, 'CommitteeStatements')).toEqual(held('Read', MEMBERS));
  for (const name of ['anders', 'birgit', 'carsten'])
    expect({ name, grants: statementsFolderOf(signing, name) }).toEqual({
      name,
      grants: held(
        'Read',
        MEMBERS.filter((m) => m !== name),
        [`${name}@kommune.example=Contribute`],
      ),
    });
  // An ordinary meeting has no signatures: "signing" changes nothing there.
  const ordinary = planMeetingPermissions({
    meeting,
    items: [],
    approved: false,
    signing: true,
    archive: false,
  });
  expect(afbudFolderOf(ordinary, 'anders')).toEqual(
    held('Read', ['mads'], ['anders@kommune.example=Contribute']),
  );
  for (const name of MEMBERS)
    expect({ name, grants: afbudFolderOf(signing, name) }).toEqual({ name, grants: held('Read', MEMBERS) });
});

test("afbud: the circle reads the meeting's folder and writes only its own folder in it, until the record freezes", () => {
  const open = plan(meeting);
  // Nobody but the organizer writes at the meeting level: a row there is nobody's afbud.
  expect(grantsOf(open, 'Absences')).toEqual(held('Read', ['anders', 'mads']));
  // A folder per member, the organizer's own included (she registers for herself there): the person
  // contributes, the circle reads (the afbud is not private; its reason is, in AbsenceReasons).
  expect(afbudFolderOf(open, 'anders')).toEqual(
    held('Read', ['mads'], ['anders@kommune.example=Contribute']),
  );
  expect(afbudFolderOf(open, 'mads')).toEqual(held('Read', ['anders'], ['mads@kommune.example=Contribute']));
  expect(afbudFolderOf(open, 'sofie')).toEqual(held('Read', ['anders', 'mads']));
  // The plan creates the person folders after the meeting's folder (children after their parents).
  const at = (kind: string) =>
    open.unique.findIndex((u) => u.scope.kind === kind && 'list' in u.scope && u.scope.list === 'Absences');
  expect(at('meetingFolder')).toBeLessThan(at('personFolder'));
  const approved = plan(meeting, true);
  expect(grantsOf(approved, 'Absences')).toEqual(held('Read', ['anders', 'mads']));
  // Approved: every folder read-only for all but the organizer.
  for (const name of ['anders', 'mads', 'sofie'])
    expect({ name, grants: afbudFolderOf(approved, name) }).toEqual({
      name,
      grants: held('Read', ['anders', 'mads']),
    });
});
