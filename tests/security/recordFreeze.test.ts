import { openMeeting } from '../../src/app/openMeeting';
import { approveReferat, reopenReferat } from '../../src/app/referat';
import { personFolderName } from '../../src/domain/meetingScopes';
import { demoTenant, itemsOf, LISTS_PATH, SITE_PATH, upn, type Tenant, placeOfMeeting } from './tenant';

/**
 * Approval freezes the record, existence leaks nothing, afbud reasons stay with their person (issue 22
 * points 2, 3, 5), tried as the meeting's own people would: with their own token, straight to Graph and
 * SharePoint REST, judged by what is stored afterwards. Each attack has a positive control: the same path
 * works for the person who may use it.
 */
let t: Tenant;
beforeAll(async () => {
  t = await demoTenant();
});
afterAll(() => t.close());

const folderUrl = (list: string, key: string, sub?: string | number) =>
  `${SITE_PATH}/Lists/${list}/${placeOfMeeting(key)}${sub === undefined ? '' : `/${sub}`}`;

/** A row created in a folder with AddValidateUpdateItemUsingPath, as `as`; its id when SharePoint made it. */
async function addInFolder(as: string, list: string, path: string, values: Record<string, string>) {
  const person = await t.as(as);
  const res = await person.sp(`/web/lists/getbytitle('${list}')/AddValidateUpdateItemUsingPath()`, {
    method: 'POST',
    body: {
      listItemCreateInfo: { FolderPath: { DecodedUrl: path } },
      formValues: Object.entries(values).map(([FieldName, FieldValue]) => ({ FieldName, FieldValue })),
      bNewDocumentUpdate: false,
    },
  });
  const entries = res.status === 200 ? (res.body.value as Array<Record<string, unknown>>) : [];
  const failed = entries.some((v) => v.HasException);
  const id = entries.find((v) => v.FieldName === 'Id');
  return { status: failed ? 400 : res.status, itemId: id && !failed ? Number(id.FieldValue) : undefined };
}

/** Every row of a list in the meeting's folders, as the organizer reads it (ids and titles). */
const storedTitles = async (list: string, key: string) =>
  (await itemsOf(await t.as('sofie'), list, key)).map((r) => String(r.fields.Title));

describe('an approved referat is frozen for everyone but the organizer', () => {
  beforeAll(async () => {
    const sofie = t.deps('sofie');
    await approveReferat(sofie, await openMeeting(sofie, t.past));
  });

  test.each([
    ['Decisions', 1],
    ['FollowUps', 1],
  ] as const)(
    'the referent adds no row to %s of the approved meeting; the organizer still can',
    async (list, itemNumber) => {
      const forged = await addInFolder('mads', list, folderUrl(list, t.past, itemNumber), {
        Title: 'Tilføjet efter godkendelsen',
        MeetingKey: t.past,
      });
      expect(forged.status).toBeGreaterThanOrEqual(400);
      expect(await storedTitles(list, t.past)).not.toContain('Tilføjet efter godkendelsen');
      // Positive control: the organizer writes through the same path (a correction by addition).
      const own = await addInFolder('sofie', list, folderUrl(list, t.past, itemNumber), {
        Title: 'Rettelse fra sekretæren',
        MeetingKey: t.past,
      });
      expect(own.status).toBe(200);
      expect(await storedTitles(list, t.past)).toContain('Rettelse fra sekretæren');
    },
  );

  test('an attendee adds no afbud to the approved meeting, nor changes his own; in the next meeting he can', async () => {
    // In his own afbud folder of the meeting, the only one he could write while it was open.
    const ownFolder = (key: string) => `${folderUrl('Absences', key)}/${personFolderName(upn('anders'))}`;
    const forged = await addInFolder('anders', 'Absences', ownFolder(t.past), {
      Title: 'Anders Lund',
      MeetingKey: t.past,
      PersonUpn: upn('anders'),
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    const rows = await itemsOf(await t.as('sofie'), 'Absences', t.past);
    expect(rows.map((r) => r.fields.PersonUpn)).not.toContain(upn('anders'));
    // Louise's own afbud of the approved meeting is frozen too (WriteSecurity alone would let her edit it).
    const louiseRow = rows.find((r) => r.fields.PersonUpn === upn('louise'))!;
    const edit = await (
      await t.as('louise')
    ).graph(`${LISTS_PATH}/Absences/items/${louiseRow.id}/fields`, {
      method: 'PATCH',
      body: { Kind: 'Trukket tilbage' },
    });
    expect(edit.status).toBe(403);
    const after = (await itemsOf(await t.as('sofie'), 'Absences', t.past)).find((r) => r.id === louiseRow.id);
    expect(after?.fields.Kind).toBe('Afbud');
    // Positive control: the same call into his folder of the next meeting is his to make.
    const next = await addInFolder('anders', 'Absences', ownFolder(t.next), {
      Title: 'Anders Lund',
      MeetingKey: t.next,
      PersonUpn: upn('anders'),
    });
    expect(next.status).toBe(200);
  });

  test("the referent cannot change the approved meeting's progress row (clock, sent for approval)", async () => {
    const mads = await t.as('mads');
    const [row] = await itemsOf(mads, 'MeetingProgress', t.past);
    const write = await mads.graph(`${LISTS_PATH}/MeetingProgress/items/${row.id}/fields`, {
      method: 'PATCH',
      body: { Status: 'I gang' },
    });
    expect(write.status).toBe(403);
    const [stored] = await itemsOf(await t.as('sofie'), 'MeetingProgress', t.past);
    expect(stored.fields.Status).toBe(row.fields.Status);
    // Positive control: the next meeting's progress row is still his.
    const [next] = await itemsOf(mads, 'MeetingProgress', t.next);
    const own = await mads.graph(`${LISTS_PATH}/MeetingProgress/items/${next.id}/fields`, {
      method: 'PATCH',
      body: { Status: 'I gang' },
    });
    expect(own.status).toBe(200);
  });

  test('reopening gives the referent back exactly what approval took, and the history keeps both steps', async () => {
    const sofie = t.deps('sofie');
    const reopened = await reopenReferat(sofie, await openMeeting(sofie, t.past));
    expect(reopened.meeting.referat?.history.map((h) => h.state)).toEqual(
      expect.arrayContaining(['Godkendt', 'Kladde']),
    );
    const added = await addInFolder('mads', 'Decisions', folderUrl('Decisions', t.past, 2), {
      Title: 'Efter genåbning',
      MeetingKey: t.past,
    });
    expect(added.status).toBe(200);
    expect(await storedTitles('Decisions', t.past)).toContain('Efter genåbning');
    // Approving again freezes again.
    await approveReferat(sofie, await openMeeting(sofie, t.past));
    const refused = await addInFolder('mads', 'Decisions', folderUrl('Decisions', t.past, 2), {
      Title: 'Efter ny godkendelse',
      MeetingKey: t.past,
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
  });
});

describe('existence leaks nothing to a guest', () => {
  const CLOSED = 5; // "Personalesag" (LUKKET PUNKT) on the upcoming meeting
  const UNUSED = 42;

  const probe = async (as: string, sub: number) => {
    const person = await t.as(as);
    const res = await person.sp(
      `/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(folderUrl('Decisions', t.next, sub))}')`,
    );
    return { status: res.status, itemCount: (res.body as { ItemCount?: number } | undefined)?.ItemCount };
  };

  test('probing a closed item folder answers as an unused number does, decision or not', async () => {
    const before = await probe('kamilla', CLOSED);
    expect(before).toEqual(await probe('kamilla', UNUSED));
    // The referent records a decision on the closed item: the guest's probe still cannot tell.
    const decision = await addInFolder('mads', 'Decisions', folderUrl('Decisions', t.next, CLOSED), {
      Title: 'Punkt 5',
      MeetingKey: t.next,
    });
    expect(decision.status).toBe(200);
    expect(await probe('kamilla', CLOSED)).toEqual(before);
    expect(before.status).toBe(404);
    // Positive control: the circle sees the folder, and that it holds the decision.
    expect(await probe('anders', CLOSED)).toEqual({ status: 200, itemCount: 1 });
  });

  test("every item's folder exists from Send dagsorden: the meeting folder's count does not move with a decision", async () => {
    const meetingFolder = async (as: string) =>
      (
        await (
          await t.as(as)
        ).sp(
          `/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(folderUrl('FollowUps', t.next))}')`,
        )
      ).body as { ItemCount?: number };
    const items = await itemsOf(await t.as('sofie'), 'AgendaItems', t.next);
    const before = await meetingFolder('sofie');
    expect(before.ItemCount).toBe(items.length);
    const followUp = await addInFolder('mads', 'FollowUps', folderUrl('FollowUps', t.next, CLOSED), {
      Title: 'Opfølgning på personalesagen',
      MeetingKey: t.next,
    });
    expect(followUp.status).toBe(200);
    expect((await meetingFolder('sofie')).ItemCount).toBe(before.ItemCount);
  });
});

describe('afbud reasons stay with their person, whatever ReadSecurity does', () => {
  const reasonFolder = (key: string, who: string) =>
    `${folderUrl('AbsenceReasons', key)}/${personFolderName(upn(who))}`;

  test("another attendee can neither see into nor write into a person's reasons folder", async () => {
    const anders = await t.as('anders');
    const probe = (path: string) =>
      anders.sp(`/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(path)}')`);
    const louise = await probe(reasonFolder(t.next, 'louise'));
    const nobody = await probe(reasonFolder(t.next, 'nobody'));
    expect(louise.status).toBe(nobody.status);
    expect(louise.status).toBe(404);
    const planted = await addInFolder('anders', 'AbsenceReasons', reasonFolder(t.next, 'louise'), {
      Title: 'x',
      MeetingKey: t.next,
      PersonUpn: upn('louise'),
    });
    expect(planted.status).toBeGreaterThanOrEqual(400);
    // Positive control: his own folder takes his reason, which the organizer reads and Louise does not.
    const own = await addInFolder('anders', 'AbsenceReasons', reasonFolder(t.next, 'anders'), {
      Title: upn('anders'),
      MeetingKey: t.next,
      PersonUpn: upn('anders'),
    });
    expect(own.status).toBe(200);
    expect((await itemsOf(await t.as('sofie'), 'AbsenceReasons', t.next)).map((r) => r.id)).toContain(
      String(own.itemId),
    );
    expect((await itemsOf(await t.as('louise'), 'AbsenceReasons', t.next)).map((r) => r.id)).not.toContain(
      String(own.itemId),
    );
  });

  test('the reasons list is kept out of search (NoCrawl)', async () => {
    const list = await (await t.as('sofie')).sp(`/web/lists/getbytitle('AbsenceReasons')?$select=NoCrawl`);
    expect(list.status).toBe(200);
    expect(list.body.NoCrawl).toBe(true);
  });
});
