import {
  addTilfoersel,
  decideInhabilitet,
  declareInhabilitet,
  openCommittee,
  recordVote,
} from '../../src/app/committee';
import { openMeeting } from '../../src/app/openMeeting';
import { approveReferat } from '../../src/app/referat';
import { syncMeetingPermissions } from '../../src/app/syncMeetingPermissions';
import { personFolderName } from '../../src/domain/meetingScopes';
import {
  demoTenant,
  itemsOf,
  LISTS_PATH,
  SITE_PATH,
  upn,
  type Tenant,
  placeOfMeeting,
  DEMO_COMMITTEE,
} from './tenant';

/**
 * A committee meeting's rights as SharePoint holds them (docs/adr/007-committee-lists.md), tried with each
 * person's own token straight against Graph and SharePoint REST. The add-in's use cases only set the scene
 * (the secretary makes the past demo meeting an udvalgsmøde; the referent records a vote; a member signs;
 * Louise declares inhabilitet on item 4 and the referent records the committee's decision on it).
 */

let t: Tenant;
beforeAll(async () => {
  t = await demoTenant();
  const sofie = t.deps('sofie');
  const view = await openMeeting(sofie, t.past);
  await syncMeetingPermissions(sofie, { ...view, meeting: { ...view.meeting, committee: DEMO_COMMITTEE } });
  const mads = t.deps('mads');
  const madsView = await openMeeting(mads, t.past);
  await recordVote(mads, madsView, await openCommittee(mads, madsView), 3, {
    [upn('anders')]: 'For',
    [upn('erik')]: 'Imod',
  });
  const erik = t.deps('erik');
  const erikView = await openMeeting(erik, t.past);
  await addTilfoersel(erik, erikView, await openCommittee(erik, erikView), {
    itemNumber: 3,
    text: 'Venstre finder forslaget for dyrt.',
  });
  // Anders's own signature row, as his page writes it (whether it counts for a version is the opening's
  // rule: tests/security/committeeFreeze.test.ts); here it is a statement another member must not touch.
  const anders = t.deps('anders');
  const andersCommittee = await openCommittee(anders, await openMeeting(anders, t.past));
  await anders.lists.saveCommitteeEntry(t.past, {
    kind: 'signature',
    value: {
      member: upn('anders'),
      version: andersCommittee.record.version,
      checksum: andersCommittee.checksum,
      signedAt: '2024-02-21T08:00:00.000Z',
    },
  });
  const louise = t.deps('louise');
  await declareInhabilitet(louise, await openMeeting(louise, t.past), {
    itemNumber: 4,
    reason: 'Min søster leder projektet.',
  });
  await decideInhabilitet(mads, await openMeeting(mads, t.past), {
    itemNumber: 4,
    member: upn('louise'),
    reason: 'Søster leder projektet.',
    decision: 'Ikke inhabil',
  });
});
afterAll(() => t.close());

/** The meeting's folder in `list`, or (`below`) a folder inside it. */
const folder = (list: string, below = '') =>
  `${SITE_PATH}/Lists/${list}/${placeOfMeeting(t.past)}${below ? `/${below}` : ''}`;
/** A member's own folder (CommitteeStatements: her declarations, tilførsler and signatures). */
const ownFolder = (name: string) => personFolderName(upn(name));

async function addInFolder(
  as: string,
  list: string,
  values: Record<string, string>,
  below = '',
): Promise<number> {
  const person = await t.as(as);
  const res = await person.sp(`/web/lists/getbytitle('${list}')/AddValidateUpdateItemUsingPath()`, {
    method: 'POST',
    body: {
      listItemCreateInfo: { FolderPath: { DecodedUrl: folder(list, below) } },
      formValues: Object.entries(values).map(([FieldName, FieldValue]) => ({ FieldName, FieldValue })),
      bNewDocumentUpdate: false,
    },
  });
  const failed =
    res.status === 200 && (res.body.value as Array<{ HasException: boolean }>).some((v) => v.HasException);
  return failed ? 400 : res.status;
}

const rowsOf = async (as: string, list: string, kind: string) =>
  (await itemsOf(await t.as(as), list, t.past)).filter((r) => r.fields.Kind === kind);

describe('votes, attendance and decisions on inhabilitet', () => {
  test('a member cannot record a vote, change the recorded one or remove it', async () => {
    const created = await addInFolder('anders', 'CommitteeDecisions', {
      Title: 'Afstemning punkt 3',
      MeetingKey: t.past,
      Kind: 'Afstemning',
      Data: JSON.stringify({ itemNumber: 3, choices: { [upn('anders')]: 'For', [upn('erik')]: 'For' } }),
    });
    expect(created).toBe(403);
    const [vote] = await rowsOf('anders', 'CommitteeDecisions', 'Afstemning');
    expect(vote).toBeDefined();
    const anders = await t.as('anders');
    const rewrite = await anders.graph(`${LISTS_PATH}/CommitteeDecisions/items/${vote.id}/fields`, {
      method: 'PATCH',
      body: { Data: JSON.stringify({ itemNumber: 3, choices: { [upn('erik')]: 'For' } }) },
    });
    expect(rewrite.status).toBe(403);
    const remove = await anders.graph(`${LISTS_PATH}/CommitteeDecisions/items/${vote.id}`, {
      method: 'DELETE',
    });
    expect(remove.status).toBe(403);
    const record = await t.deps('sofie').lists.readCommittee(t.past);
    expect(record.votes.map((v) => v.value.choices)).toEqual([
      { [upn('anders')]: 'For', [upn('erik')]: 'Imod' },
    ]);
  });

  test('a member cannot decide their own inhabilitet, nor record attendance', async () => {
    for (const [kind, data] of [
      ['Inhabilitet', { itemNumber: 3, member: upn('erik'), reason: 'x', decision: 'Ikke inhabil' }],
      ['Fremmøde', { itemNumber: 3, absent: [upn('anders')] }],
    ] as const)
      expect(
        await addInFolder('erik', 'CommitteeDecisions', {
          Title: kind,
          MeetingKey: t.past,
          Kind: kind,
          Data: JSON.stringify(data),
        }),
      ).toBe(403);
  });
});

describe('declarations of inhabilitet', () => {
  test("a member cannot change or remove another member's declaration, nor the committee's decision on it", async () => {
    const [declaration] = await rowsOf('anders', 'CommitteeStatements', 'Inhabilitetserklæring');
    const [decision] = await rowsOf('anders', 'CommitteeDecisions', 'Inhabilitet');
    expect(JSON.parse(declaration.fields.Data as string)).toMatchObject({ member: upn('louise') });
    expect(JSON.parse(decision.fields.Data as string)).toMatchObject({ decision: 'Ikke inhabil' });
    for (const [list, row] of [
      ['CommitteeStatements', declaration],
      ['CommitteeDecisions', decision],
    ] as const) {
      const url = `${LISTS_PATH}/${list}/items/${row.id}`;
      for (const who of ['anders', 'erik']) {
        const member = await t.as(who);
        const patch = await member.graph(`${url}/fields`, {
          method: 'PATCH',
          body: {
            Data: JSON.stringify({ itemNumber: 4, member: upn('louise'), reason: 'Trukket tilbage.' }),
          },
        });
        expect(patch.status).toBe(403);
        expect((await member.graph(url, { method: 'DELETE' })).status).toBe(403);
      }
    }
    // Louise herself may not write the committee's decision on her declaration either.
    expect(
      await addInFolder('louise', 'CommitteeDecisions', {
        Title: 'Inhabilitet punkt 4',
        MeetingKey: t.past,
        Kind: 'Inhabilitet',
        Data: JSON.stringify({ itemNumber: 4, member: upn('louise'), reason: 'x', decision: 'Inhabil' }),
      }),
    ).toBe(403);
  });

  test('a declaration written as another member counts for nothing, and none goes into the decisions list', async () => {
    const forged = {
      Title: 'Inhabilitetserklæring punkt 3',
      MeetingKey: t.past,
      Kind: 'Inhabilitetserklæring',
      Data: JSON.stringify({ itemNumber: 3, member: upn('erik'), reason: 'Erik er inhabil.' }),
    };
    // The meeting's statements folder is the organizer's and the referent's; Erik's folder is his.
    expect(await addInFolder('anders', 'CommitteeStatements', forged)).toBe(403);
    expect(await addInFolder('anders', 'CommitteeStatements', forged, ownFolder('erik'))).toBe(403);
    // SharePoint takes it in Anders's own folder (the row's author is Anders): it is not Erik's.
    expect(await addInFolder('anders', 'CommitteeStatements', forged, ownFolder('anders'))).toBe(200);
    expect(
      await addInFolder('anders', 'CommitteeDecisions', {
        Title: 'Inhabilitetserklæring punkt 3',
        MeetingKey: t.past,
        Kind: 'Inhabilitetserklæring',
        Data: JSON.stringify({ itemNumber: 3, member: upn('anders'), reason: 'x' }),
      }),
    ).toBe(403);
    const record = await t.deps('sofie').lists.readCommittee(t.past);
    expect(record.declarations.map((d) => [d.value.itemNumber, d.value.member])).toEqual([
      [4, upn('louise')],
    ]);
    const committee = await openCommittee(t.deps('sofie'), await openMeeting(t.deps('sofie'), t.past));
    expect(
      committee.record.inhabilitet.map((i) => [i.itemNumber, i.member, i.decision, i.declaration?.reason]),
    ).toEqual([[4, upn('louise'), 'Ikke inhabil', 'Min søster leder projektet.']]);
  });

  test('a member cannot set what the public protocol shows of a closed item', async () => {
    expect(
      await addInFolder('erik', 'CommitteeDecisions', {
        Title: 'Offentliggørelse punkt 5',
        MeetingKey: t.past,
        Kind: 'Offentliggørelse',
        Data: JSON.stringify({ itemNumber: 5, publishTitle: true, publishDecision: true }),
      }),
    ).toBe(403);
    expect((await t.deps('sofie').lists.readCommittee(t.past)).publication).toEqual([]);
  });

  test("a publication choice the referent writes (SharePoint allows it) counts for nothing: it is the organizer's", async () => {
    expect(
      await addInFolder('mads', 'CommitteeDecisions', {
        Title: 'Offentliggørelse punkt 5',
        MeetingKey: t.past,
        Kind: 'Offentliggørelse',
        Data: JSON.stringify({ itemNumber: 5, publishTitle: true, publishDecision: true }),
      }),
    ).toBe(200);
    // SharePoint keeps the row; the record does not count it.
    expect(await rowsOf('sofie', 'CommitteeDecisions', 'Offentliggørelse')).toHaveLength(1);
    expect((await t.deps('sofie').lists.readCommittee(t.past)).publication).toEqual([]);
    const committee = await openCommittee(t.deps('sofie'), await openMeeting(t.deps('sofie'), t.past));
    expect(committee.record.publication).toEqual([]);
  });
});

describe("a member's own statements", () => {
  test("a member cannot change or remove another member's signature or tilførsel", async () => {
    const erik = await t.as('erik');
    const anders = await t.as('anders');
    const [signature] = await rowsOf('erik', 'CommitteeStatements', 'Underskrift');
    const [tilfoersel] = await rowsOf('anders', 'CommitteeStatements', 'Protokoltilførsel');
    for (const [who, row] of [
      [erik, signature],
      [anders, tilfoersel],
    ] as const) {
      expect(row).toBeDefined();
      const url = `${LISTS_PATH}/CommitteeStatements/items/${row.id}`;
      expect((await who.graph(`${url}/fields`, { method: 'PATCH', body: { Data: '{}' } })).status).toBe(403);
      expect((await who.graph(url, { method: 'DELETE' })).status).toBe(403);
    }
  });

  test('a signature or tilførsel one member writes in the name of another counts for nothing', async () => {
    const signedAt = '2024-02-21T09:00:00.000Z';
    const signature = {
      Title: 'Underskrift',
      MeetingKey: t.past,
      Kind: 'Underskrift',
      Data: JSON.stringify({ member: upn('louise'), version: 1, checksum: '000000000000', signedAt }),
    };
    const tilfoersel = {
      Title: 'Protokoltilførsel',
      MeetingKey: t.past,
      Kind: 'Protokoltilførsel',
      Data: JSON.stringify({ itemNumber: 3, member: upn('erik'), text: 'Erik trækker sin indsigelse.' }),
    };
    // Neither the meeting's folder nor the named member's folder takes it.
    expect(await addInFolder('erik', 'CommitteeStatements', signature)).toBe(403);
    expect(await addInFolder('erik', 'CommitteeStatements', signature, ownFolder('louise'))).toBe(403);
    expect(await addInFolder('anders', 'CommitteeStatements', tilfoersel, ownFolder('erik'))).toBe(403);
    // Each writer's own folder does; the rows name someone else and so count for nothing.
    expect(await addInFolder('erik', 'CommitteeStatements', signature, ownFolder('erik'))).toBe(200);
    expect(await addInFolder('anders', 'CommitteeStatements', tilfoersel, ownFolder('anders'))).toBe(200);
    const record = await t.deps('sofie').lists.readCommittee(t.past);
    expect(record.signatures.map((s) => s.value.member)).toEqual([upn('anders')]);
    expect(record.tilfoersler.map((s) => [s.value.member, s.value.text])).toEqual([
      [upn('erik'), 'Venstre finder forslaget for dyrt.'],
    ]);
  });
});

test("someone outside the committee's meeting reads nothing of its record", async () => {
  const rows = [
    ...(await itemsOf(await t.as('sofie'), 'CommitteeDecisions', t.past)),
    ...(await itemsOf(await t.as('sofie'), 'CommitteeStatements', t.past)),
  ];
  expect(rows.length).toBeGreaterThan(0);
  for (const name of ['peter', 'kamilla']) {
    const outsider = await t.as(name);
    for (const list of ['CommitteeDecisions', 'CommitteeStatements'])
      expect(await itemsOf(outsider, list)).toEqual([]);
    for (const row of (await itemsOf(await t.as('sofie'), 'CommitteeDecisions', t.past)).slice(0, 1)) {
      const single = await outsider.graph(`${LISTS_PATH}/CommitteeDecisions/items/${row.id}?$expand=fields`);
      expect([403, 404]).toContain(single.status);
    }
    expect(await t.deps(name).lists.readCommittee(t.past)).toEqual({
      attendance: [],
      inhabilitet: [],
      declarations: [],
      publication: [],
      votes: [],
      tilfoersler: [],
      signatures: [],
      openings: [],
    });
  }
});

test('after approval the referent can record no vote, attendance or inhabilitet', async () => {
  const sofie = t.deps('sofie');
  await approveReferat(sofie, await openMeeting(sofie, t.past));
  const mads = await t.as('mads');
  const [vote] = await rowsOf('mads', 'CommitteeDecisions', 'Afstemning');
  const rewrite = await mads.graph(`${LISTS_PATH}/CommitteeDecisions/items/${vote.id}/fields`, {
    method: 'PATCH',
    body: { Data: JSON.stringify({ itemNumber: 3, choices: { [upn('anders')]: 'Imod' } }) },
  });
  expect(rewrite.status).toBe(403);
  expect(
    await addInFolder('mads', 'CommitteeDecisions', {
      Title: 'Fremmøde',
      MeetingKey: t.past,
      Kind: 'Fremmøde',
      Data: JSON.stringify({ itemNumber: 4, absent: [upn('erik')] }),
    }),
  ).toBe(403);
});
