import { openCommittee, recordVote, saveCommitteeSettings, signProtocol } from '../../src/app/committee';
import { openMeeting } from '../../src/app/openMeeting';
import { sendReferatForApproval } from '../../src/app/referat';
import type { CommitteeSettings } from '../../src/domain/committee/types';
import { meetingFolderName } from '../../src/domain/meetingScopes';
import { demoTenant, itemsOf, LISTS_PATH, SITE_PATH, upn, type Tenant } from './tenant';

/**
 * A committee protocol out for signatures cannot be changed by a member or the referent (issue 22 point 2):
 * once the referent has sent it for approval and the organizer's page has set the rights, attendance
 * (Absences), votes and the committee's decisions are hers alone; the members still sign. Every attack
 * goes straight to Graph or SharePoint REST with the attacker's own token and is judged by what is stored.
 */
const COMMITTEE: CommitteeSettings = {
  kind: 'Udvalgsmøde',
  committeeName: 'Social- og Beskæftigelsesudvalget',
  members: [
    { person: { upn: upn('anders'), name: 'Anders Lund' }, party: 'A' },
    { person: { upn: upn('erik'), name: 'Erik Kaastrup-Hansen' }, party: 'V' },
    { person: { upn: upn('louise'), name: 'Louise Rohde' }, party: 'Ø' },
  ],
  agendaDeadlineWorkingDays: 4,
};

let t: Tenant;
beforeAll(async () => {
  t = await demoTenant();
  const sofie = t.deps('sofie');
  await saveCommitteeSettings(sofie, await openMeeting(sofie, t.past), COMMITTEE);
  const mads = t.deps('mads');
  const madsView = await openMeeting(mads, t.past);
  await recordVote(mads, madsView, await openCommittee(mads, madsView), 3, {
    [upn('anders')]: 'For',
    [upn('erik')]: 'Imod',
  });
  await sendReferatForApproval(mads, await openMeeting(mads, t.past));
  // The organizer's page sets the rights that follow ("out for signatures").
  await openMeeting(sofie, t.past);
  const anders = t.deps('anders');
  const andersView = await openMeeting(anders, t.past);
  await signProtocol(anders, andersView, await openCommittee(anders, andersView));
});
afterAll(() => t.close());

const folder = (list: string) => `${SITE_PATH}/Lists/${list}/${meetingFolderName(t.past)}`;

async function addInFolder(as: string, list: string, values: Record<string, string>): Promise<number> {
  const res = await (
    await t.as(as)
  ).sp(`/web/lists/getbytitle('${list}')/AddValidateUpdateItemUsingPath()`, {
    method: 'POST',
    body: {
      listItemCreateInfo: { FolderPath: { DecodedUrl: folder(list) } },
      formValues: Object.entries(values).map(([FieldName, FieldValue]) => ({ FieldName, FieldValue })),
      bNewDocumentUpdate: false,
    },
  });
  const failed =
    res.status === 200 && (res.body.value as Array<{ HasException: boolean }>).some((v) => v.HasException);
  return failed ? 400 : res.status;
}

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

test('the referent records no vote or committee decision after the first signature; members still sign', async () => {
  const before = (await itemsOf(await t.as('sofie'), 'CommitteeDecisions', t.past)).length;
  const vote = await addInFolder('mads', 'CommitteeDecisions', {
    Title: 'Afstemning punkt 4',
    MeetingKey: t.past,
  });
  expect(vote).toBeGreaterThanOrEqual(400);
  expect(await itemsOf(await t.as('sofie'), 'CommitteeDecisions', t.past)).toHaveLength(before);
  // Positive control: a member signs through CommitteeStatements, which stays writable for signatures.
  const erik = t.deps('erik');
  const erikView = await openMeeting(erik, t.past);
  const signed = await signProtocol(erik, erikView, await openCommittee(erik, erikView));
  expect(signed.record.signatures.map((s) => s.member).sort()).toEqual([upn('anders'), upn('erik')]);
});
