import { assignReferent } from '../../src/app/assignReferent';
import { openMeeting } from '../../src/app/openMeeting';
import { approveReferat } from '../../src/app/referat';
import { registerAbsence } from '../../src/app/registerAbsence';
import { personFolderName } from '../../src/domain/meetingScopes';
import { demoTenant, itemsOf, LISTS_PATH, SITE_PATH, upn, type Tenant, placeOfMeeting } from './tenant';

/**
 * Issue 22, point 1: a row belongs to the meeting whose folder holds it, and which registration wins is
 * SharePoint's order. Each attack is made with the attacker's own token straight against SharePoint REST
 * and Graph; each is judged by what SharePoint then holds and what the add-in reads afterwards, beside a
 * positive control: the same path used legitimately still works.
 */
let t: Tenant;
beforeAll(async () => {
  t = await demoTenant();
});
afterAll(() => t.close());

const folderUrl = (list: string, key: string) => `${SITE_PATH}/Lists/${list}/${placeOfMeeting(key)}`;

/**
 * A row made in a folder through AddValidateUpdateItemUsingPath, then given typed values through Graph. An
 * afbud goes into the planter's own folder inside the meeting's, the only one of it she can write.
 */
async function plant(
  as: string,
  list: string,
  key: string,
  fields: Record<string, unknown>,
): Promise<string> {
  const person = await t.as(as);
  const res = await person.sp(`/web/lists/getbytitle('${list}')/AddValidateUpdateItemUsingPath()`, {
    method: 'POST',
    body: {
      listItemCreateInfo: {
        FolderPath: {
          DecodedUrl: `${folderUrl(list, key)}${list === 'Absences' ? `/${personFolderName(upn(as))}` : ''}`,
        },
      },
      formValues: [
        { FieldName: 'Title', FieldValue: String(fields.Title ?? 'x') },
        { FieldName: 'MeetingKey', FieldValue: String(fields.MeetingKey) },
      ],
      bNewDocumentUpdate: false,
    },
  });
  expect(res.status).toBe(200);
  const values = res.body.value as Array<{ FieldName: string; FieldValue: string; HasException: boolean }>;
  expect(values.some((v) => v.HasException)).toBe(false);
  const id = values.find((v) => v.FieldName === 'Id')!.FieldValue;
  const typed = await person.graph(`${LISTS_PATH}/${list}/items/${id}/fields`, {
    method: 'PATCH',
    body: fields,
  });
  expect(typed.status).toBe(200);
  return id;
}

/** What SharePoint holds under a MeetingKey, as the organizer reads the list raw. */
const storedIds = async (list: string, key: string) =>
  (await itemsOf(await t.as('sofie'), list, key)).map((r) => r.id);

describe('before approval', () => {
  test("a decision planted in another meeting's folder with this meeting's key and item neither blocks the referent's save nor shows", async () => {
    // Erik becomes referent of the past meeting (he may write its folder); Mads is referent of the next one.
    const sofie = t.deps('sofie');
    await assignReferent(sofie, await openMeeting(sofie, t.past), { upn: upn('erik'), name: 'Erik' });
    const planted = await plant('erik', 'Decisions', t.past, {
      Title: 'Punkt 4',
      MeetingKey: t.next,
      ItemNumber: 4,
      Text: 'Plantet beslutning',
      Status: 'Endelig',
    });
    expect(await storedIds('Decisions', t.next)).toContain(planted);

    // Positive control and judgement: Mads' own first save of item 4 lands and is what the page shows.
    const mads = t.deps('mads');
    const view = await openMeeting(mads, t.next);
    const title = view.items.find((i) => i.number === 4)!.title;
    const saved = await mads.lists.saveDecision(t.next, {
      itemNumber: 4,
      itemTitle: title,
      text: 'Referentens beslutning',
      status: 'Kladde',
      editorUpn: upn('mads'),
      updatedAt: '2026-12-07T10:00:00.000Z',
    });
    expect(saved.value.text).toBe('Referentens beslutning');
    const after = await openMeeting(sofie, t.next);
    expect(after.decisions[4]?.value.text).toBe('Referentens beslutning');
    const snapshot = await sofie.lists.openMeeting(t.next);
    expect(snapshot.decisions.map((d) => d.id)).not.toContain(planted);
    expect(snapshot.misplaced).toContainEqual({ list: 'Decisions', id: planted });
    // Nor does it count for the meeting whose folder holds it: its column names another meeting.
    expect((await sofie.lists.openMeeting(t.past)).decisions.map((d) => d.id)).not.toContain(planted);
  });

  test('an afbud row moved to another meeting by PATCHing its MeetingKey is not listed there, nor its reason', async () => {
    const anders = t.deps('anders');
    await registerAbsence(anders, await openMeeting(anders, t.next), { kind: 'Afbud', reason: 'Tandlæge' });
    // Positive control: the organizer sees his afbud and its reason in the meeting he registered for.
    const sofie = t.deps('sofie');
    const before = await openMeeting(sofie, t.next);
    const row = before.absenceRows.find((r) => r.value.person.upn === upn('anders'))!;
    expect(row.value.reason).toBe('Tandlæge');

    const raw = await t.as('anders');
    const moved = await raw.graph(`${LISTS_PATH}/Absences/items/${row.id}/fields`, {
      method: 'PATCH',
      body: { MeetingKey: t.past },
    });
    expect(moved.status).toBe(200);
    for (const reason of await itemsOf(raw, 'AbsenceReasons', t.next))
      await raw.graph(`${LISTS_PATH}/AbsenceReasons/items/${reason.id}/fields`, {
        method: 'PATCH',
        body: { MeetingKey: t.past },
      });
    expect(await storedIds('Absences', t.past)).toContain(row.id);

    const past = await openMeeting(sofie, t.past);
    expect(past.absenceRows.map((r) => r.value.person.upn)).not.toContain(upn('anders'));
    expect(past.absenceRows.map((r) => r.value.reason)).not.toContain('Tandlæge');
    expect((await sofie.lists.openMeeting(t.past)).misplaced).toContainEqual({
      list: 'Absences',
      id: row.id,
    });
    const summary = (await anders.lists.meetingSummaries([t.past], upn('anders')))[0];
    expect(summary.ownAbsences).toEqual([]);
  });

  test("a RegisteredAt of the attendee's choosing on his older row does not outrank the organizer's later registration", async () => {
    const erik = t.deps('erik');
    const sofie = t.deps('sofie');
    await registerAbsence(erik, await openMeeting(erik, t.next), { kind: 'Afbud' });
    const erikPerson = { upn: upn('erik'), name: 'Erik' };
    await registerAbsence(sofie, await openMeeting(sofie, t.next), {
      kind: 'Deltager virtuelt',
      person: erikPerson,
    });
    const current = async () =>
      (await openMeeting(sofie, t.next)).absences.find((a) => a.person.upn === upn('erik'))?.kind;
    expect(await current()).toBe('Deltager virtuelt');

    // Erik rewrites his own, older row: withdrawn, dated the day before the meeting (after Sofie's row).
    const raw = await t.as('erik');
    const own = (await itemsOf(raw, 'Absences', t.next)).filter((r) => r.fields.PersonUpn === upn('erik'));
    const mine = own.sort((a, b) => Number(a.id) - Number(b.id))[0];
    const start = (await openMeeting(sofie, t.next)).meeting.start;
    const dayBefore = new Date(Date.parse(start) - 86_400_000).toISOString();
    const rewrite = await raw.graph(`${LISTS_PATH}/Absences/items/${mine.id}/fields`, {
      method: 'PATCH',
      body: { Kind: 'Trukket tilbage', RegisteredAt: dayBefore },
    });
    expect(rewrite.status).toBe(200);
    expect((await itemsOf(raw, 'Absences', t.next)).find((r) => r.id === mine.id)?.fields.Kind).toBe(
      'Trukket tilbage',
    );
    expect(await current()).toBe('Deltager virtuelt');

    // Positive control: Erik's own new registration through the add-in is the latest, whatever its time.
    await registerAbsence(erik, await openMeeting(erik, t.next), { kind: 'Deltager delvist', items: [1] });
    expect(await current()).toBe('Deltager delvist');
  });
});

describe('after approval', () => {
  beforeAll(async () => {
    const sofie = t.deps('sofie');
    // Mads is referent of both meetings again, as in the issue, then the past meeting is approved.
    await assignReferent(sofie, await openMeeting(sofie, t.past), { upn: upn('mads'), name: 'Mads' });
    await approveReferat(sofie, await openMeeting(sofie, t.past));
  });

  const pageOf = async (key: string) => {
    const view = await openMeeting(t.deps('sofie'), key);
    return {
      decisions: Object.values(view.decisions).map((d) => [d.value.itemNumber, d.value.text]),
      followUps: view.followUps.map((f) => f.value.id),
      absences: view.absenceRows.map((r) => [r.value.person.upn, r.value.kind]),
    };
  };

  test("the referent's decision for the approved meeting, written into the next meeting's folder, leaves the approved page unchanged", async () => {
    const before = await pageOf(t.past);
    const forged = await plant('mads', 'Decisions', t.next, {
      Title: 'Punkt 1',
      MeetingKey: t.past,
      ItemNumber: 1,
      Text: 'Omskrevet efter godkendelsen',
      Status: 'Endelig',
    });
    expect(await storedIds('Decisions', t.past)).toContain(forged);
    expect(await pageOf(t.past)).toEqual(before);
    const archive = await t.deps('sofie').lists.readArchive();
    expect(archive.decisions.filter((d) => d.text === 'Omskrevet efter godkendelsen')).toEqual([]);
    expect((await t.deps('sofie').lists.openMeeting(t.past)).misplaced).toContainEqual({
      list: 'Decisions',
      id: forged,
    });

    // Positive control: the same path, naming the meeting whose folder it is, is that meeting's decision.
    const own = await plant('mads', 'Decisions', t.next, {
      Title: 'Punkt 2',
      MeetingKey: t.next,
      ItemNumber: 2,
      Text: 'Referentens egen beslutning',
      Status: 'Kladde',
    });
    const next = await t.deps('sofie').lists.openMeeting(t.next);
    expect(next.decisions.find((d) => d.id === own)?.value.text).toBe('Referentens egen beslutning');
  });

  test("the same for a follow-up: written into the next meeting's folder it is not the approved meeting's", async () => {
    const before = await pageOf(t.past);
    const forged = await plant('mads', 'FollowUps', t.next, {
      Title: 'Forfalsket opfølgning',
      MeetingKey: t.past,
      ItemNumber: 1,
      FollowUpId: 'forged-follow-up',
      Task: 'Forfalsket opfølgning',
      Status: 'Åben',
    });
    expect(await storedIds('FollowUps', t.past)).toContain(forged);
    expect(await pageOf(t.past)).toEqual(before);
    const archive = await t.deps('sofie').lists.readArchive();
    expect(archive.followUps.map((f) => f.id)).not.toContain('forged-follow-up');

    const own = await plant('mads', 'FollowUps', t.next, {
      Title: 'Egen opfølgning',
      MeetingKey: t.next,
      ItemNumber: 1,
      FollowUpId: 'own-follow-up',
      Task: 'Egen opfølgning',
      Status: 'Åben',
    });
    const next = await t.deps('sofie').lists.openMeeting(t.next);
    expect(next.followUps.find((f) => f.id === own)?.value.id).toBe('own-follow-up');
  });

  test("an attendee's afbud row in another folder naming the approved meeting counts for nothing there", async () => {
    const before = await pageOf(t.past);
    const forged = await plant('louise', 'Absences', t.next, {
      Title: 'Louise',
      MeetingKey: t.past,
      PersonUpn: upn('louise'),
      PersonName: 'Louise',
      Kind: 'Trukket tilbage',
      RegisteredAt: '2020-01-01T00:00:00Z',
    });
    expect(await storedIds('Absences', t.past)).toContain(forged);
    expect(await pageOf(t.past)).toEqual(before);

    // Positive control: the same row naming the meeting whose folder it is counts there.
    await plant('louise', 'Absences', t.next, {
      Title: 'Louise',
      MeetingKey: t.next,
      PersonUpn: upn('louise'),
      PersonName: 'Louise',
      Kind: 'Deltager virtuelt',
      RegisteredAt: '2020-01-01T00:00:00Z',
    });
    const next = await openMeeting(t.deps('sofie'), t.next);
    expect(next.absences.find((a) => a.person.upn === upn('louise'))?.kind).toBe('Deltager virtuelt');
  });
});
