import { openMeeting } from '../../src/app/openMeeting';
import { saveAgenda } from '../../src/app/sendAgenda';
import type { AgendaItem } from '../../src/domain/agendaItem';
import { secretariatFolderName } from '../../src/domain/meetingScopes';
import { LISTS } from '../../src/adapters/sharepoint/listSchema';
import {
  demoTenant,
  itemsOf,
  LISTS_PATH,
  placeOfMeeting,
  SITE_PATH,
  upn,
  type Person,
  type Tenant,
} from './tenant';

/**
 * Two secretaries keep apart (issue 22 point 4; docs/adr/004-permissions.md, "Secretaries"). Birgitte is a
 * secretary exactly as docs/tenant-setup.md makes one: no site owner, the Mødeleder level on her own
 * secretariat folder only. She is in none of Sofie's meetings. With her own token, straight against Graph
 * and SharePoint REST, she tries to read Sofie's meetings, to give herself a role on them, to change the
 * lists' security, to join a group, and to plant a meeting of the same key in her own secretariat. Each
 * attack is judged by what is stored or read afterwards, with a positive control by the person who may.
 * Runs with the server's defaults and, in the adversarial project, with every SharePoint variant on.
 */
let t: Tenant;
let birgitte: Person;
let sofie: Person;
let ingrid: Person;
beforeAll(async () => {
  t = await demoTenant();
  [birgitte, sofie, ingrid] = await Promise.all([t.as('birgitte'), t.as('sofie'), t.as('ingrid')]);
});
afterAll(() => t.close());

const folderPath = (list: string, path: string) => `${SITE_PATH}/Lists/${list}/${path}`;
const folderApi = (list: string, path: string) =>
  `/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(folderPath(list, path))}')`;
const SOFIES = secretariatFolderName(upn('sofie'));
const BIRGITTES = secretariatFolderName(upn('birgitte'));
/** Keys of Sofie's demo meetings in a list's rows as a person reads them through Graph. */
const sofiesRows = async (who: Person, list: string) =>
  (await itemsOf(who, list)).filter((r) => r.fields.MeetingKey === t.past || r.fields.MeetingKey === t.next);
const itemIdOf = async (who: Person, list: string, path: string) =>
  (await who.sp(`${folderApi(list, path)}/listItemAllFields?$select=Id`)).body?.Id as number | undefined;
const ROLE_READ = 2;

describe('Birgitte reads nothing of a meeting she is not in', () => {
  test('through Graph: no row of any list, no single row by its id', async () => {
    // Positive control: the organizer reads her meeting's agenda and decisions.
    expect((await sofiesRows(sofie, 'AgendaItems')).length).toBeGreaterThan(0);
    expect((await sofiesRows(sofie, 'Decisions')).length).toBeGreaterThan(0);
    for (const spec of LISTS)
      expect([spec.name, await sofiesRows(birgitte, spec.name)]).toEqual([spec.name, []]);
    const agendaRow = (await sofiesRows(sofie, 'AgendaItems'))[0];
    const single = await birgitte.graph(`${LISTS_PATH}/AgendaItems/items/${agendaRow.id}?$expand=fields`);
    expect([403, 404]).toContain(single.status);
    expect(JSON.stringify(single.body)).not.toContain(String(agendaRow.fields.Title));
  });

  test("through SharePoint REST: no item, and Sofie's meeting folder answers as a folder that does not exist", async () => {
    const items = await birgitte.sp(`/web/lists/getbytitle('Decisions')/items?$select=Id,MeetingKey`);
    const keys =
      items.status === 200
        ? (items.body.value as Array<{ MeetingKey: string }>).map((r) => r.MeetingKey)
        : [];
    expect(keys.filter((k) => k === t.past || k === t.next)).toEqual([]);
    const probe = async (path: string) =>
      (await birgitte.sp(`${folderApi('Decisions', path)}?$select=ItemCount`)).status;
    // Positive control: Sofie reads her meeting folder.
    expect(
      (await sofie.sp(`${folderApi('Decisions', placeOfMeeting(t.past))}?$select=ItemCount`)).status,
    ).toBe(200);
    expect(await probe(placeOfMeeting(t.past))).toBe(await probe(`${SOFIES}/no-such-meeting`));
    expect(await probe(`${SOFIES}`)).toBe(await probe('no-such-secretariat'));
  });
});

describe("Birgitte changes no one's rights but her own meetings'", () => {
  test("she cannot break a list's inheritance (clearSubscopes would wipe every meeting's scopes)", async () => {
    const tried = await birgitte.sp(
      `/web/lists/getbytitle('Decisions')/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true)`,
      { method: 'POST' },
    );
    expect(tried.status).toBe(403);
    // Sofie's meeting folder keeps its own scope: anders (in the meeting) reads, peter (not) reads nothing.
    const folder = await sofie.sp(
      `${folderApi('Decisions', placeOfMeeting(t.past))}/listItemAllFields?$select=HasUniqueRoleAssignments`,
    );
    expect(folder.body.HasUniqueRoleAssignments).toBe(true);
    expect(await sofiesRows(await t.as('peter'), 'Decisions')).toEqual([]);
    expect((await sofiesRows(await t.as('anders'), 'Decisions')).length).toBeGreaterThan(0);
  });

  test("she cannot change a list's ReadSecurity or WriteSecurity", async () => {
    const tried = await birgitte.sp(`/web/lists/getbytitle('AbsenceReasons')`, {
      method: 'POST',
      headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
      body: { ReadSecurity: 1, WriteSecurity: 1 },
    });
    expect(tried.status).toBe(403);
    const list = await ingrid.sp(
      `/web/lists/getbytitle('AbsenceReasons')?$select=ReadSecurity,WriteSecurity`,
    );
    expect(list.body).toMatchObject({ ReadSecurity: 2, WriteSecurity: 2 });
  });

  test("she cannot give herself a role on Sofie's meeting folder, nor on Sofie's secretariat", async () => {
    const me = (await birgitte.sp('/web/currentuser?$select=Id')).body.Id as number;
    const read = (await ingrid.sp(`/web/roledefinitions/getbytype(${ROLE_READ})?$select=Id`)).body
      .Id as number;
    for (const path of [placeOfMeeting(t.past), SOFIES]) {
      const id = await itemIdOf(path === SOFIES ? ingrid : sofie, 'Decisions', path);
      expect(id).toEqual(expect.any(Number));
      for (const call of [
        `roleassignments/addroleassignment(principalid=${me},roledefid=${read})`,
        'breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true)',
        'resetroleinheritance',
      ]) {
        const tried = await birgitte.sp(`/web/lists/getbytitle('Decisions')/items(${id})/${call}`, {
          method: 'POST',
        });
        expect([path, call, [403, 404].includes(tried.status)]).toEqual([path, call, true]);
      }
    }
    expect(await sofiesRows(birgitte, 'Decisions')).toEqual([]);
    const secretariat = await ingrid.sp(
      `${folderApi('Decisions', SOFIES)}/listItemAllFields?$select=HasUniqueRoleAssignments`,
    );
    expect(secretariat.body.HasUniqueRoleAssignments).toBe(true);
    // Positive control: in her own secretariat she manages permissions (what Mødeleder is for).
    const own = await itemIdOf(birgitte, 'Decisions', BIRGITTES);
    const mine = await birgitte.sp(
      `/web/lists/getbytitle('Decisions')/items(${own})/EffectiveBasePermissions`,
    );
    expect(mine.status).toBe(200);
    expect((((BigInt(mine.body.High) << 32n) | BigInt(mine.body.Low)) >> 25n) & 1n).toBe(1n);
  });

  test('she cannot join a group, create one, or make a permission level', async () => {
    const me = (await birgitte.sp('/web/currentuser?$select=LoginName')).body.LoginName as string;
    const owners = (await ingrid.sp('/web/associatedownergroup?$select=Id')).body.Id as number;
    const join = await birgitte.sp(`/web/sitegroups(${owners})/users`, {
      method: 'POST',
      body: { LoginName: me },
    });
    expect(join.status).toBe(403);
    const members = await ingrid.sp(`/web/sitegroups(${owners})/users?$select=LoginName`);
    expect((members.body.value as Array<{ LoginName: string }>).map((u) => u.LoginName)).not.toContain(me);
    expect(
      (await birgitte.sp('/web/sitegroups', { method: 'POST', body: { Title: 'Birgittes kreds' } })).status,
    ).toBe(403);
    const level = await birgitte.sp('/web/roledefinitions', {
      method: 'POST',
      body: { Name: 'Alt', BasePermissions: { High: 2147483647, Low: 4294967295 }, Order: 1 },
    });
    expect(level.status).toBe(403);
  });

  test("she cannot write a row into Sofie's meeting folder, nor at a list's root", async () => {
    const before = (await sofiesRows(sofie, 'Decisions')).length;
    const planted = await birgitte.sp(`/web/lists/getbytitle('Decisions')/AddValidateUpdateItemUsingPath()`, {
      method: 'POST',
      body: {
        listItemCreateInfo: {
          FolderPath: { DecodedUrl: folderPath('Decisions', `${placeOfMeeting(t.past)}/1`) },
        },
        formValues: [
          { FieldName: 'Title', FieldValue: 'Forfalsket' },
          { FieldName: 'MeetingKey', FieldValue: t.past },
        ],
        bNewDocumentUpdate: false,
      },
    });
    const refused =
      planted.status !== 200 ||
      (planted.body.value as Array<{ HasException: boolean }>).some((v) => v.HasException);
    expect(refused).toBe(true);
    const atRoot = await birgitte.graph(`${LISTS_PATH}/Meetings/items`, {
      method: 'POST',
      body: { fields: { Title: 'Forfalsket', MeetingKey: t.past, OrganizerUpn: upn('birgitte') } },
    });
    expect(atRoot.status).toBe(403);
    expect((await sofiesRows(sofie, 'Decisions')).length).toBe(before);
    expect((await sofiesRows(sofie, 'Meetings')).length).toBe(2);
  });
});

describe('a meeting Birgitte plants in her own secretariat under the key of Sofie’s is not Sofie’s meeting', () => {
  const item = (number: number, title: string): AgendaItem => ({
    id: `item-${number}`,
    number,
    title,
    category: 'Til orientering',
    durationMinutes: 10,
    guests: [],
    closed: false,
    attachments: [],
  });

  test('planted before Sofie’s first save: attendees and Sofie see only what Sofie writes, in her secretariat', async () => {
    // Sofie invites Anders and Birgitte to a new meeting in Outlook.
    const start = new Date(Date.now() + 20 * 86400000);
    const event = await sofie.graph('/me/events', {
      method: 'POST',
      body: {
        subject: 'Rådmandsmøde (ekstra)',
        start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
        end: { dateTime: new Date(start.getTime() + 3600000).toISOString().slice(0, 19), timeZone: 'UTC' },
        attendees: ['anders', 'birgitte'].map((n) => ({
          emailAddress: { address: upn(n), name: n },
          type: 'required',
        })),
      },
    });
    expect(event.status).toBe(201);
    const key = event.body.iCalUId as string;
    // Birgitte, who now knows the key, makes that meeting in her own secretariat first: a Meetings row naming
    // herself, an agenda item, and Read for Anders and Sofie (she manages permissions there).
    const birgitteDeps = t.deps('birgitte');
    const planted = await birgitteDeps.lists.saveMeeting({
      key,
      series: 'Rådmandsmøder',
      title: 'Rådmandsmøde (ekstra)',
      start: start.toISOString(),
      end: new Date(start.getTime() + 3600000).toISOString(),
      location: '',
      organizer: { upn: upn('birgitte'), name: 'Birgitte Skov' },
      attendees: [
        { upn: upn('anders'), name: 'Anders Lund' },
        { upn: upn('sofie'), name: 'Sofie Holm' },
      ],
      status: 'Udsendt',
      agendaVersion: 1,
    });
    const meetingsRoot = `${SITE_PATH}/Lists/Meetings`;
    const dir = (
      await birgitte.sp(`/web/lists/getbytitle('Meetings')/items(${planted.id})?$select=FileDirRef`)
    ).body.FileDirRef as string;
    expect(dir.toLowerCase()).toBe(`${meetingsRoot}/${BIRGITTES}`.toLowerCase());
    const read = (await ingrid.sp(`/web/roledefinitions/getbytype(${ROLE_READ})?$select=Id`)).body
      .Id as number;
    const row = (await birgitte.sp(`/web/lists/getbytitle('Meetings')/items(${planted.id})`)).status;
    expect(row).toBe(200);
    await birgitte.sp(
      `/web/lists/getbytitle('Meetings')/items(${planted.id})/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true)`,
      { method: 'POST' },
    );
    for (const who of ['anders', 'sofie']) {
      const id = (
        await birgitte.sp('/web/ensureuser', {
          method: 'POST',
          body: { logonName: `i:0#.f|membership|${upn(who)}` },
        })
      ).body.Id as number;
      const granted = await birgitte.sp(
        `/web/lists/getbytitle('Meetings')/items(${planted.id})/roleassignments/addroleassignment(principalid=${id},roledefid=${read})`,
        { method: 'POST' },
      );
      expect(granted.status).toBe(200);
    }
    // Anders reads Birgitte's row through Graph (she did give him Read) ...
    expect((await itemsOf(await t.as('anders'), 'Meetings', key)).map((r) => r.id)).toContain(planted.id);
    // ... but his page does not take it for Sofie's meeting: the event says Sofie organizes it.
    const andersView = await openMeeting(t.deps('anders'), key);
    expect(andersView.meeting.organizer.upn).toBe(upn('sofie'));
    expect(andersView.meetingETag).toBeUndefined();
    // Sofie's page neither: she saves her agenda, and it goes into her own secretariat.
    const sofieDeps = t.deps('sofie');
    const sofieView = await openMeeting(sofieDeps, key);
    expect(sofieView.meetingETag).toBeUndefined();
    const saved = await saveAgenda(sofieDeps, sofieView, [item(1, 'Sofies punkt')]);
    const ownRow = (
      await sofie.sp(`/web/lists/getbytitle('Meetings')/items(${saved.rows.meetings})?$select=FileDirRef`)
    ).body.FileDirRef as string;
    expect(ownRow.toLowerCase()).toBe(`${meetingsRoot}/${SOFIES}`.toLowerCase());
    // Anders now reads Sofie's agenda; Birgitte reads none of it.
    const after = await openMeeting(t.deps('anders'), key);
    expect(after.items.map((i) => i.title)).toEqual(['Sofies punkt']);
    expect(after.meeting.organizer.upn).toBe(upn('sofie'));
    // Birgitte's own row is still there, in her secretariat, counting for nothing.
    expect((await itemsOf(birgitte, 'Meetings', key)).map((r) => r.id)).toContain(planted.id);
  });
});
