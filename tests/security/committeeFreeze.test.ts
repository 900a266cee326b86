import {
  addTilfoersel,
  newProtocolVersion,
  openCommittee,
  recordVote,
  saveCommitteeSettings,
  signProtocol,
} from '../../src/app/committee';
import { openMeeting } from '../../src/app/openMeeting';
import { sendReferatForApproval } from '../../src/app/referat';
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
 * A committee protocol out for signatures cannot be changed by a member or the referent (issue 22 point 2):
 * once the referent has sent it for approval and the organizer's page has set the rights, attendance
 * (Absences), votes and the committee's decisions are hers alone; signing opens only then, with an opening
 * row SharePoint numbers; a signature planted before it counts for nothing, and a statement a member writes
 * or changes after it waits for the next version, which only the organizer makes. Every attack goes straight
 * to Graph or SharePoint REST with the attacker's own token and is judged by what is stored and by what the
 * organizer's and members' pages (openCommittee) count.
 */

let t: Tenant;
/** Erik's signature row, planted before signing opened, naming the version and checksum that were then opened. */
let planted: { id: number; checksum: string };
beforeAll(async () => {
  t = await demoTenant();
  const sofie = t.deps('sofie');
  await saveCommitteeSettings(sofie, await openMeeting(sofie, t.past), DEMO_COMMITTEE);
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
  // Before signing opens, Erik plants a signature for the text as it will be opened, in his own folder.
  const early = await openCommittee(erik, await openMeeting(erik, t.past));
  expect(early.signingOpen).toBe(false);
  const id = await addRow('erik', 'CommitteeStatements', ownFolder('erik'), {
    Title: 'Underskrift',
    MeetingKey: t.past,
    Kind: 'Underskrift',
    Data: JSON.stringify({
      member: upn('erik'),
      version: 1,
      checksum: early.checksum,
      signedAt: '2000-01-01T00:00:00.000Z',
    }),
  });
  planted = { id, checksum: early.checksum };
  await sendReferatForApproval(mads, await openMeeting(mads, t.past));
  // The organizer's page sets the rights that follow ("out for signatures") and opens signing.
  const opened = await openCommittee(sofie, await openMeeting(sofie, t.past));
  expect(opened.opening).toEqual({ version: 1, checksum: planted.checksum });
  const anders = t.deps('anders');
  const andersView = await openMeeting(anders, t.past);
  await signProtocol(anders, andersView, await openCommittee(anders, andersView));
});
afterAll(() => t.close());

/** The meeting's folder in `list`, or (`below`) a folder inside it. */
const folder = (list: string, below = '') =>
  `${SITE_PATH}/Lists/${list}/${placeOfMeeting(t.past)}${below ? `/${below}` : ''}`;
/** A member's own folder (CommitteeStatements: her declarations, tilførsler and signatures). */
const ownFolder = (name: string) => personFolderName(upn(name));

async function add(as: string, list: string, values: Record<string, string>, below = '') {
  return (await t.as(as)).sp(`/web/lists/getbytitle('${list}')/AddValidateUpdateItemUsingPath()`, {
    method: 'POST',
    body: {
      listItemCreateInfo: { FolderPath: { DecodedUrl: folder(list, below) } },
      formValues: Object.entries(values).map(([FieldName, FieldValue]) => ({ FieldName, FieldValue })),
      bNewDocumentUpdate: false,
    },
  });
}

async function addInFolder(
  as: string,
  list: string,
  values: Record<string, string>,
  below = '',
): Promise<number> {
  const res = await add(as, list, values, below);
  const failed =
    res.status === 200 && (res.body.value as Array<{ HasException: boolean }>).some((v) => v.HasException);
  return failed ? 400 : res.status;
}

/** A row the person adds through SharePoint REST; its id as SharePoint stored it (the test fails if refused). */
async function addRow(
  as: string,
  list: string,
  below: string,
  values: Record<string, string>,
): Promise<number> {
  const before = new Set((await itemsOf(await t.as('sofie'), list, t.past)).map((r) => r.id));
  expect(await addInFolder(as, list, values, below)).toBe(200);
  const added = (await itemsOf(await t.as('sofie'), list, t.past)).filter((r) => !before.has(r.id));
  expect(added).toHaveLength(1);
  return Number(added[0].id);
}

/** What a person's page counts of the protocol. */
async function pageOf(name: string) {
  const deps = t.deps(name);
  const view = await openMeeting(deps, t.past);
  return { deps, view, committee: await openCommittee(deps, view) };
}

const signers = (c: { record: { signatures: Array<{ member: string }> } }) =>
  c.record.signatures.map((s) => s.member).sort();

test('a signature a member plants before signing opens counts for nothing, even for the opened version and checksum; signing after the opening counts', async () => {
  const stored = await itemsOf(await t.as('sofie'), 'CommitteeStatements', t.past);
  expect(stored.some((r) => Number(r.id) === planted.id && r.fields.Kind === 'Underskrift')).toBe(true);
  for (const name of ['sofie', 'erik', 'louise']) {
    const { committee } = await pageOf(name);
    expect(committee.record.version).toBe(1);
    expect(committee.checksum).toBe(planted.checksum);
    expect(signers(committee)).not.toContain(upn('erik'));
  }
  // Positive control: Erik signs through his page after the opening, and it counts for everyone.
  const erik = await pageOf('erik');
  expect(erik.committee.signingOpen).toBe(true);
  await signProtocol(erik.deps, erik.view, erik.committee);
  expect(signers((await pageOf('sofie')).committee)).toEqual([upn('anders'), upn('erik')].sort());
});

test("an opening a member writes herself counts for nothing: the version and checksum open for signatures stay the organizer's", async () => {
  const forged = {
    Title: 'Underskriftsrunde',
    MeetingKey: t.past,
    Kind: 'Underskriftsrunde',
    Data: JSON.stringify({
      version: 7,
      checksum: '000000000000',
      parts: { attendance: [], inhabilitet: [], declarations: [], votes: [], tilfoersler: [] },
      rows: [],
      openedBy: upn('sofie'),
      openedAt: '2000-01-01T00:00:00.000Z',
    }),
  };
  // The meeting's statements folder is the organizer's; her own folder takes it, and it counts for nothing.
  expect(await addInFolder('louise', 'CommitteeStatements', forged)).toBe(403);
  expect(await addInFolder('louise', 'CommitteeStatements', forged, ownFolder('louise'))).toBe(200);
  const { committee } = await pageOf('sofie');
  expect(committee.opening).toEqual({ version: 1, checksum: planted.checksum });
  expect(committee.signingOpen).toBe(true);
  expect(committee.record.votes.map((v) => v.itemNumber)).toEqual([3]);
  expect(signers(committee)).toContain(upn('anders'));
});

test('the referent records no vote or committee decision after the first signature; the organizer can', async () => {
  const before = (await itemsOf(await t.as('sofie'), 'CommitteeDecisions', t.past)).length;
  const vote = await addInFolder('mads', 'CommitteeDecisions', {
    Title: 'Afstemning punkt 4',
    MeetingKey: t.past,
  });
  expect(vote).toBeGreaterThanOrEqual(400);
  expect(await itemsOf(await t.as('sofie'), 'CommitteeDecisions', t.past)).toHaveLength(before);
  // Positive control: a member signs through CommitteeStatements, which stays writable for signatures.
  // Positive control: the organizer adds a row to the same folder through the same path.
  expect(
    await addInFolder('sofie', 'CommitteeDecisions', { Title: 'Rettelse punkt 4', MeetingKey: t.past }),
  ).toBe(200);
});

test('the referent cannot rewrite or remove a vote after the first signature; the organizer can', async () => {
  const [vote] = (await itemsOf(await t.as('sofie'), 'CommitteeDecisions', t.past)).filter(
    (r) => r.fields.Kind === 'Afstemning',
  );
  const url = `${LISTS_PATH}/CommitteeDecisions/items/${vote.id}`;
  const forged = JSON.stringify({
    itemNumber: 3,
    choices: { [upn('anders')]: 'Imod', [upn('erik')]: 'Imod' },
  });
  const mads = await t.as('mads');
  expect((await mads.graph(`${url}/fields`, { method: 'PATCH', body: { Data: forged } })).status).toBe(403);
  expect((await mads.graph(url, { method: 'DELETE' })).status).toBe(403);
  const after = (await itemsOf(await t.as('sofie'), 'CommitteeDecisions', t.past)).find(
    (r) => r.id === vote.id,
  );
  expect(after?.fields.Data).toBe(vote.fields.Data);
  expect((await pageOf('louise')).committee.record.votes[0].choices[upn('anders')]).toBe('For');
  // Positive control: the organizer may write the same row (her change waits for a new version).
  const sofie = await t.as('sofie');
  expect(
    (await sofie.graph(`${url}/fields`, { method: 'PATCH', body: { Data: vote.fields.Data } })).status,
  ).toBe(200);
});

test('a protokoltilførsel a member adds or rewrites after the first signature does not change the signed version; it comes into the next version only through the organizer', async () => {
  const before = await pageOf('sofie');
  expect(before.committee.signingOpen).toBe(true);
  const [own] = (await itemsOf(await t.as('erik'), 'CommitteeStatements', t.past)).filter(
    (r) => r.fields.Kind === 'Protokoltilførsel' && r.fields.Member === upn('erik'),
  );
  const rewrite = await (
    await t.as('erik')
  ).graph(`${LISTS_PATH}/CommitteeStatements/items/${own.id}/fields`, {
    method: 'PATCH',
    body: {
      Data: JSON.stringify({
        itemNumber: 3,
        member: upn('erik'),
        text: 'Venstre trækker sin indsigelse.',
        writtenBy: upn('erik'),
        writtenAt: '2000-01-01T00:00:00.000Z',
      }),
    },
  });
  expect(rewrite.status).toBe(200);
  // Louise abstained in nothing, but SharePoint takes her own row all the same: the rule is the page's.
  await addRow('louise', 'CommitteeStatements', ownFolder('louise'), {
    Title: 'Protokoltilførsel punkt 3',
    MeetingKey: t.past,
    Kind: 'Protokoltilførsel',
    ItemNumber: '3',
    Member: upn('louise'),
    Data: JSON.stringify({
      itemNumber: 3,
      member: upn('louise'),
      text: 'Tilføjet efter underskriften.',
      writtenBy: upn('louise'),
      writtenAt: '2000-01-01T00:00:00.000Z',
    }),
  });
  for (const name of ['sofie', 'anders', 'louise']) {
    const { committee } = await pageOf(name);
    expect(committee.checksum).toBe(before.committee.checksum);
    expect(committee.record.version).toBe(1);
    expect(committee.signingOpen).toBe(true);
    expect(committee.record.tilfoersler.map((x) => x.text)).toEqual(['Venstre finder forslaget for dyrt.']);
    expect(signers(committee)).toEqual(signers(before.committee));
    // Shown on the page as "Kommer med i næste version" (the organizer's own corrected vote is there too).
    expect(
      committee.late
        .filter((l) => l.kind === 'tilfoersler')
        .map((l) => l.member)
        .sort(),
    ).toEqual([upn('erik'), upn('louise')]);
  }
  // A member cannot make the new version; the organizer does, and the signed version becomes history.
  const erik = await pageOf('erik');
  await expect(newProtocolVersion(erik.deps, erik.view)).rejects.toThrow('onlyOrganizerVersions');
  const sofie = await pageOf('sofie');
  const v2 = await newProtocolVersion(sofie.deps, sofie.view);
  expect(v2.record.version).toBe(2);
  expect(v2.late).toEqual([]);
  expect(v2.record.tilfoersler.map((x) => x.text).sort()).toEqual([
    'Tilføjet efter underskriften.',
    'Venstre trækker sin indsigelse.',
  ]);
  expect(v2.record.signatures).toEqual([]);
  expect(v2.record.history.map((h) => [h.version, h.checksum, h.signatures.length])).toEqual([
    [1, before.committee.checksum, before.committee.record.signatures.length],
  ]);
});

test('a member cannot withdraw her afbud or add one after the first signature; the organizer can', async () => {
  const checksum = (await openCommittee(t.deps('sofie'), await openMeeting(t.deps('sofie'), t.past)))
    .checksum;
  const rowsBefore = (await itemsOf(await t.as('sofie'), 'Absences', t.past)).map((r) => r.id);
  const louiseRow = (await itemsOf(await t.as('louise'), 'Absences', t.past)).find(
    (r) => r.fields.PersonUpn === upn('louise'),
  )!;
  const withdraw = await (
    await t.as('louise')
  ).graph(`${LISTS_PATH}/Absences/items/${louiseRow.id}/fields`, {
    method: 'PATCH',
    body: { Kind: 'Trukket tilbage', RegisteredAt: '2000-01-01T00:00:00Z' },
  });
  expect(withdraw.status).toBe(403);
  const added = await addInFolder('erik', 'Absences', {
    Title: 'Erik Kaastrup-Hansen',
    MeetingKey: t.past,
    PersonUpn: upn('erik'),
    Kind: 'Trukket tilbage',
    RegisteredAt: '2000-01-01T00:00:00Z',
  });
  expect(added).toBeGreaterThanOrEqual(400);
  expect((await itemsOf(await t.as('sofie'), 'Absences', t.past)).map((r) => r.id)).toEqual(rowsBefore);
  const sofie = t.deps('sofie');
  expect((await openCommittee(sofie, await openMeeting(sofie, t.past))).checksum).toBe(checksum);
  // Positive control: the organizer corrects attendance through the same path (and so makes a new version).
  expect(
    await addInFolder('sofie', 'Absences', { Title: 'Rettelse', MeetingKey: t.past, PersonUpn: upn('erik') }),
  ).toBe(200);
});
