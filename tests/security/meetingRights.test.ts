import { approveReferat } from '../../src/app/referat';
import { assignReferent } from '../../src/app/assignReferent';
import { importMeetings } from '../../src/app/importMeetings';
import { openMeeting } from '../../src/app/openMeeting';
import { demoTenant, itemsOf, LISTS_PATH, SITE_PATH, upn, type Tenant, placeOfMeeting } from './tenant';

/**
 * The meeting's rules as SharePoint holds them, tried as an attacker would: every request goes straight
 * to Graph or SharePoint REST with the attacker's own token. Nothing here goes through the add-in's code
 * except where a test sets a scene the way its users would (approve, pick a referent, import).
 */
let t: Tenant;
beforeAll(async () => {
  t = await demoTenant();
});
afterAll(() => t.close());

const folderUrl = (list: string, key: string, sub?: number) =>
  `${SITE_PATH}/Lists/${list}/${placeOfMeeting(key)}${sub === undefined ? '' : `/${sub}`}`;

const createInFolder = (list: string, path: string, values: Record<string, string>) => ({
  method: 'POST',
  body: {
    listItemCreateInfo: { FolderPath: { DecodedUrl: path } },
    formValues: Object.entries(values).map(([FieldName, FieldValue]) => ({ FieldName, FieldValue })),
    bNewDocumentUpdate: false,
  },
  list,
});

async function addInFolder(
  as: string,
  list: string,
  path: string,
  values: Record<string, string>,
): Promise<{ status: number; itemId?: number }> {
  const person = await t.as(as);
  const req = createInFolder(list, path, values);
  const res = await person.sp(`/web/lists/getbytitle('${list}')/AddValidateUpdateItemUsingPath()`, req);
  const id =
    res.status === 200
      ? (res.body.value as Array<{ FieldName: string; FieldValue: string }>).find((v) => v.FieldName === 'Id')
      : undefined;
  const failed =
    res.status === 200 && (res.body.value as Array<{ HasException: boolean }>).some((v) => v.HasException);
  return { status: failed ? 400 : res.status, itemId: id ? Number(id.FieldValue) : undefined };
}

describe('afbud', () => {
  test("an attendee cannot rewrite another person's afbud to his own name, nor delete it", async () => {
    const anders = await t.as('anders');
    const louiseRow = (await itemsOf(anders, 'Absences', t.past)).find(
      (r) => r.fields.PersonUpn === upn('louise'),
    );
    expect(louiseRow).toBeDefined();
    const rewrite = await anders.graph(`${LISTS_PATH}/Absences/items/${louiseRow!.id}/fields`, {
      method: 'PATCH',
      body: { PersonUpn: upn('anders'), PersonName: 'Anders Lund' },
    });
    expect(rewrite.status).toBe(403);
    const remove = await anders.graph(`${LISTS_PATH}/Absences/items/${louiseRow!.id}`, { method: 'DELETE' });
    expect(remove.status).toBe(403);
    const sofie = await t.as('sofie');
    const after = (await itemsOf(sofie, 'Absences', t.past)).find((r) => r.id === louiseRow!.id);
    expect(after?.fields.PersonUpn).toBe(upn('louise'));
  });

  test('an afbud reason is read by that person and the organizer only', async () => {
    const reasonsOf = async (name: string) =>
      (await itemsOf(await t.as(name), 'AbsenceReasons', t.past)).map((r) => r.fields.Reason);
    expect(await reasonsOf('louise')).toEqual(['Anden mødeaktivitet']);
    expect(await reasonsOf('sofie')).toEqual(['Anden mødeaktivitet']);
    for (const other of ['anders', 'erik', 'mads', 'kamilla', 'peter'])
      expect(await reasonsOf(other)).toEqual([]);
  });

  test('the circle sees who is absent, how and the substitute, but the row holds no reason', async () => {
    const erik = await t.as('erik');
    const rows = await itemsOf(erik, 'Absences', t.past);
    expect(rows.map((r) => [r.fields.PersonUpn, r.fields.Kind])).toEqual([[upn('louise'), 'Afbud']]);
    expect(rows[0].fields.Reason).toBeUndefined();
  });
});

describe('a site member who is not in the meeting', () => {
  const LISTS = [
    'Meetings',
    'MeetingProgress',
    'AgendaItems',
    'Absences',
    'AbsenceReasons',
    'Decisions',
    'FollowUps',
  ];

  test('reads nothing of it through any list, single item, delta or $batch', async () => {
    const peter = await t.as('peter');
    const sofie = await t.as('sofie');
    for (const list of LISTS) {
      expect(await itemsOf(peter, list)).toEqual([]);
      const delta = await peter.graph(`${LISTS_PATH}/${list}/items/delta?$expand=fields`);
      if (delta.status === 200)
        expect(
          (delta.body.value as Array<{ fields?: { MeetingKey?: string } }>).filter(
            (r) => r.fields?.MeetingKey,
          ),
        ).toEqual([]);
      else expect(delta.status).toBe(403);
      for (const row of await itemsOf(sofie, list, t.next)) {
        const single = await peter.graph(`${LISTS_PATH}/${list}/items/${row.id}?$expand=fields`);
        expect([403, 404]).toContain(single.status);
      }
    }
    const batch = await peter.graph('/$batch', {
      method: 'POST',
      body: {
        requests: LISTS.map((list, i) => ({
          id: String(i),
          method: 'GET',
          url: `${LISTS_PATH}/${list}/items?$expand=fields`,
        })),
      },
    });
    expect(batch.status).toBe(200);
    for (const r of batch.body.responses as Array<{ status: number; body: { value?: unknown[] } }>)
      expect(r.status === 403 || (r.status === 200 && r.body.value!.length === 0)).toBe(true);
  });

  test('reads nothing of it through SharePoint REST: items, folders, role assignments', async () => {
    const peter = await t.as('peter');
    for (const list of ['AgendaItems', 'Decisions', 'AbsenceReasons']) {
      const items = await peter.sp(`/web/lists/getbytitle('${list}')/items`);
      if (items.status === 200) expect(items.body.value).toEqual([]);
      else expect([403, 404]).toContain(items.status);
      const folder = await peter.sp(
        `/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(folderUrl(list, t.next))}')/ListItemAllFields`,
      );
      expect([403, 404]).toContain(folder.status);
    }
  });

  test("cannot read the event's attachments: he has no copy of it", async () => {
    const peter = await t.as('peter');
    const view = await peter.graph(
      `/me/calendarView?startDateTime=2000-01-01T00:00:00Z&endDateTime=2100-01-01T00:00:00Z&$filter=iCalUId eq '${t.next}'`,
    );
    expect(view.body.value ?? []).toEqual([]);
  });

  test('cannot tell whether a closed item has a decision: every write is refused alike', async () => {
    const closedNumber = 5; // "Personalesag" (LUKKET PUNKT) on the upcoming meeting
    const atRoot = await (
      await t.as('peter')
    ).graph(`${LISTS_PATH}/Decisions/items`, {
      method: 'POST',
      body: { fields: { Title: 'x', MeetingKey: t.next, ItemNumber: closedNumber } },
    });
    expect(atRoot.status).toBe(403);
    const inFolder = await addInFolder('peter', 'Decisions', folderUrl('Decisions', t.next), {
      Title: 'x',
      MeetingKey: t.next,
    });
    const inOtherFolder = await addInFolder('peter', 'Decisions', folderUrl('Decisions', t.past), {
      Title: 'x',
      MeetingKey: t.past,
    });
    expect(inFolder.status).toBeGreaterThanOrEqual(400);
    expect(inOtherFolder.status).toBe(inFolder.status);
  });
});

describe('guests', () => {
  test('a guest reads the meeting, her own item and nothing closed', async () => {
    const kamilla = await t.as('kamilla');
    const items = await itemsOf(kamilla, 'AgendaItems', t.next);
    expect(items.map((r) => r.fields.Title)).toEqual(['Status på Integrationshandleplanen']);
    expect(await itemsOf(kamilla, 'Meetings', t.next)).toHaveLength(1);
    expect(await itemsOf(kamilla, 'Absences', t.past)).toEqual([]);
    const write = await kamilla.graph(`${LISTS_PATH}/AgendaItems/items/${items[0].id}/fields`, {
      method: 'PATCH',
      body: { Title: 'Ændret af gæsten' },
    });
    expect(write.status).toBe(403);
  });

  test("a guest reads her item's decision on the past meeting, no other decision", async () => {
    const kamilla = await t.as('kamilla');
    const decisions = await itemsOf(kamilla, 'Decisions', t.past);
    expect(decisions.map((r) => r.fields.ItemTitle)).toEqual(['Opfølgning på investeringsmodeller for 2023']);
  });
});

describe('the referent', () => {
  test('cannot delete the Meetings row, change its attendees or its referat', async () => {
    const mads = await t.as('mads');
    const [row] = await itemsOf(mads, 'Meetings', t.next);
    for (const body of [
      { Attendees: '[]' },
      { Referat: '{"state":"Godkendt","version":1,"history":[]}' },
      { ReferentUpn: upn('peter') },
    ]) {
      const res = await mads.graph(`${LISTS_PATH}/Meetings/items/${row.id}/fields`, {
        method: 'PATCH',
        body,
      });
      expect(res.status).toBe(403);
    }
    expect((await mads.graph(`${LISTS_PATH}/Meetings/items/${row.id}`, { method: 'DELETE' })).status).toBe(
      403,
    );
  });

  test('writes the decisions and the clock of his meeting, and nothing of an agenda', async () => {
    const mads = await t.as('mads');
    const [progress] = await itemsOf(mads, 'MeetingProgress', t.next);
    const clock = await mads.graph(`${LISTS_PATH}/MeetingProgress/items/${progress.id}/fields`, {
      method: 'PATCH',
      body: { Status: 'I gang' },
    });
    expect(clock.status).toBe(200);
    const [item] = await itemsOf(mads, 'AgendaItems', t.next);
    const agenda = await mads.graph(`${LISTS_PATH}/AgendaItems/items/${item.id}/fields`, {
      method: 'PATCH',
      body: { Title: 'Ny titel' },
    });
    expect(agenda.status).toBe(403);
    const decision = await addInFolder('mads', 'Decisions', folderUrl('Decisions', t.next), {
      Title: 'Punkt 1',
      MeetingKey: t.next,
    });
    expect(decision.status).toBe(200);
  });

  test('cannot set an approved referat back to draft, nor rewrite its decisions after approval', async () => {
    const sofie = t.deps('sofie');
    await approveReferat(sofie, await openMeeting(sofie, t.past));
    const mads = await t.as('mads');
    const [meetingRow] = await itemsOf(mads, 'Meetings', t.past);
    const back = await mads.graph(`${LISTS_PATH}/Meetings/items/${meetingRow.id}/fields`, {
      method: 'PATCH',
      body: { Referat: '{"state":"Kladde","version":1,"history":[]}' },
    });
    expect(back.status).toBe(403);
    const [decision] = await itemsOf(mads, 'Decisions', t.past);
    const rewrite = await mads.graph(`${LISTS_PATH}/Decisions/items/${decision.id}/fields`, {
      method: 'PATCH',
      body: { Text: 'Omskrevet efter godkendelsen' },
    });
    expect(rewrite.status).toBe(403);
    const added = await addInFolder('mads', 'Decisions', folderUrl('Decisions', t.past, 1), {
      Title: 'Punkt 1',
      MeetingKey: t.past,
    });
    expect(added.status).toBeGreaterThanOrEqual(400);
    // The approval also erased the afbud reasons of the meeting (health data the referat does not hold).
    expect(await itemsOf(await t.as('sofie'), 'AbsenceReasons', t.past)).toEqual([]);
  });

  test("a row forged into his own meeting for another meeting's item neither blocks nor shows there", async () => {
    // Erik becomes the referent of the upcoming meeting; Mads stays the referent of the past one.
    const sofie = t.deps('sofie');
    await assignReferent(sofie, await openMeeting(sofie, t.next), { upn: upn('erik'), name: 'Erik' });
    const forged = await addInFolder('erik', 'Decisions', folderUrl('Decisions', t.next), {
      Title: 'Punkt 4',
      MeetingKey: t.past,
    });
    expect(forged.status).toBe(200);
    await (
      await t.as('erik')
    ).graph(`${LISTS_PATH}/Decisions/items/${forged.itemId}/fields`, {
      method: 'PATCH',
      body: { ItemNumber: 4, Text: 'Forfalsket beslutning', ItemTitle: 'x' },
    });
    const anders = t.deps('anders');
    const view = await openMeeting(anders, t.past);
    expect(view.decisions[4]?.value.text).not.toBe('Forfalsket beslutning');
  });
});

describe('imported meetings', () => {
  test("a site member reads an imported meeting's open part, never its closed items, and writes nothing", async () => {
    const sofie = t.deps('sofie');
    const item = (number: number, title: string, decision: string, closed?: true) => ({
      number,
      title,
      category: null,
      durationMinutes: null,
      decision,
      followUps: [],
      ...(closed ? { closed } : {}),
    });
    await importMeetings(sofie, sofie.me, [
      {
        kind: 'minutes',
        series: 'Rådmandsmøde',
        date: '2021-03-04',
        start: '11:00',
        end: '13:00',
        location: null,
        information: null,
        absent: [],
        referent: [],
        guests: [],
        items: [item(1, 'Åbent punkt', 'Godkendt.'), item(2, 'Personalesag', 'Hemmeligt.', true)],
      },
    ]);
    const mads = await t.as('mads');
    const items = await itemsOf(mads, 'AgendaItems');
    const imported = items.filter((r) => String(r.fields.MeetingKey).startsWith('import-2021-03-04'));
    expect(imported.map((r) => r.fields.Title)).toEqual(['Åbent punkt']);
    const decisions = (await itemsOf(mads, 'Decisions')).filter((r) =>
      String(r.fields.MeetingKey).startsWith('import-2021-03-04'),
    );
    expect(decisions.map((r) => r.fields.Text)).toEqual(['Godkendt.']);
    const [row] = (await itemsOf(mads, 'Meetings')).filter((r) =>
      String(r.fields.MeetingKey).startsWith('import-2021-03-04'),
    );
    const widen = await mads.graph(`${LISTS_PATH}/Meetings/items/${row.id}/fields`, {
      method: 'PATCH',
      body: { Attendees: JSON.stringify([{ upn: upn('peter'), name: 'Peter' }]) },
    });
    expect(widen.status).toBe(403);
  });
});

describe('hostile stored values', () => {
  test('malformed JSON stored by one person never turns into a 500 for someone else', async () => {
    const sofie = await t.as('sofie');
    const [item] = await itemsOf(sofie, 'AgendaItems', t.next);
    const stored = await sofie.graph(`${LISTS_PATH}/AgendaItems/items/${item.id}/fields`, {
      method: 'PATCH',
      body: { Guests: '[null]', Attachments: '{"' },
    });
    expect(stored.status).toBe(200);
    const erik = await t.as('erik');
    for (const path of [
      '/AgendaItems/items?$expand=fields',
      '/Decisions/items/delta?$expand=fields',
      '/Meetings/items?$expand=fields',
    ])
      expect((await erik.graph(`${LISTS_PATH}${path}`)).status).toBe(200);
    const view = await openMeeting(t.deps('erik'), t.next);
    expect(view.items.length).toBeGreaterThan(0);
  });
});
