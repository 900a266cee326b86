import { loadArchive } from '../../src/app/archive';
import { loadFollowUps, updateFollowUp } from '../../src/app/followUps';
import { loadMyMeetings } from '../../src/app/myMeetings';
import { openMeeting } from '../../src/app/openMeeting';
import { saveAgenda } from '../../src/app/sendAgenda';
import { planFor } from '../../src/app/syncMeetingPermissions';
import type { AgendaItem } from '../../src/domain/agendaItem';
import type { ArchiveEntry } from '../../src/domain/archive/searchIndex';
import type { Meeting } from '../../src/domain/meeting';
import { secretariatFolderName } from '../../src/domain/meetingScopes';
import { Forbidden } from '../../src/ports/errors';
import { demoTenant, placeOfMeeting, SITE_PATH, upn, type Person, type Tenant } from './tenant';

/**
 * A meeting Birgitte plants under the key of Sofie's never hides or replaces Sofie's in a read without a
 * calendar event (issue 22; docs/security.md §9, "Secretaries and IT"). Birgitte is a second secretary
 * (Mødeleder on her own secretariat only). Invited to Sofie's meeting, she learns its key; with her own
 * token she makes, through Graph, a Meetings row of that key in her secretariat with a forged decision and
 * follow-up, and through SharePoint REST gives Sofie Read on her secretariat, so that Sofie's own reads
 * bring both. Judged by what Sofie's archive (and search, follow-ups, Mine møder) shows afterwards: Sofie's
 * meeting, with exactly her decisions, as hers; Birgitte's as Birgitte's, apart. Planted before Sofie's
 * first save (Birgitte's row is the one SharePoint numbered first) and after. Runs with the server's
 * defaults and, in the adversarial project, with every SharePoint variant on.
 */
let t: Tenant;
let birgitte: Person;
let ingrid: Person;
beforeAll(async () => {
  t = await demoTenant();
  [birgitte, ingrid] = await Promise.all([t.as('birgitte'), t.as('ingrid')]);
});
afterAll(() => t.close());

const SOFIE = 'Sofie Holm';
const BIRGITTE = 'Birgitte Skov';
const FORGED = 'Forfalsket beslutning: sagen lukkes';
const BIRGITTES = secretariatFolderName(upn('birgitte'));
const folderApi = (list: string, path: string) =>
  `/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(`${SITE_PATH}/Lists/${list}/${path}`)}')`;
const ROLE_READ = 2;

/** Through REST, with her own token: Read for Sofie on Birgitte's secretariat folder of each list. */
async function shareSecretariatWithSofie(): Promise<void> {
  const sofieId = (
    await birgitte.sp('/web/ensureuser', {
      method: 'POST',
      body: { logonName: `i:0#.f|membership|${upn('sofie')}` },
    })
  ).body.Id as number;
  const read = (await ingrid.sp(`/web/roledefinitions/getbytype(${ROLE_READ})?$select=Id`)).body.Id as number;
  for (const list of ['Meetings', 'AgendaItems', 'Decisions', 'FollowUps']) {
    const id = (await birgitte.sp(`${folderApi(list, BIRGITTES)}/listItemAllFields?$select=Id`)).body
      .Id as number;
    const granted = await birgitte.sp(
      `/web/lists/getbytitle('${list}')/items(${id})/roleassignments/addroleassignment(principalid=${sofieId},roledefid=${read})`,
      { method: 'POST' },
    );
    expect([list, granted.status]).toEqual([list, 200]);
  }
}

/**
 * Through Graph, with her own token and the add-in's own code: a meeting of `key` in her secretariat (its
 * folders, with Sofie in its circle), a forged decision and follow-up.
 */
async function plant(key: string, start: string, series: string): Promise<void> {
  const { lists, permissions } = t.deps('birgitte');
  const meeting: Meeting = {
    key,
    series,
    title: series,
    start,
    end: new Date(Date.parse(start) + 3600000).toISOString(),
    location: '',
    organizer: { upn: upn('birgitte'), name: BIRGITTE },
    attendees: [{ upn: upn('sofie'), name: SOFIE }],
    status: 'Udsendt',
    agendaVersion: 1,
  };
  const row = await lists.saveMeeting(meeting);
  const progress = await lists.saveProgress(key, {});
  const agenda = [item(1, 'Birgittes punkt')];
  const report = await permissions.apply(planFor(meeting, agenda, false), {
    meetings: row.id,
    progress: progress.id,
    agenda: {},
  });
  expect(report.pending).toEqual([]);
  await lists.replaceAgenda(key, agenda);
  await lists.saveDecision(key, {
    itemNumber: 1,
    itemTitle: 'Birgittes punkt',
    text: FORGED,
    status: 'Endelig',
    editorUpn: upn('birgitte'),
    updatedAt: new Date().toISOString(),
  });
  await lists.saveFollowUp(key, {
    id: 'planted',
    itemNumber: 1,
    owners: ['Sofie'],
    task: 'Forfalsket opfølgning',
    status: 'Åben',
  });
}

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

/** What Sofie's archive shows of a meeting key, per place: organizer and each item's decision. */
async function sofiesArchive(key: string) {
  const index = await loadArchive(t.deps('sofie').lists);
  const entries = index.search({ text: '', limit: 10_000 }).map((h) => h.entry);
  const of = (e: ArchiveEntry) => `${e.itemNumber}: ${e.decision}`;
  const byPlace = (place: string) =>
    entries
      .filter((e) => e.meetingKey === key && e.place === place)
      .map(of)
      .sort();
  return { entries: entries.filter((e) => e.meetingKey === key), byPlace };
}

describe("a meeting Birgitte plants under the key of Sofie's is hers, shown apart, in every read without an event", () => {
  test("planted after Sofie's meeting has its decisions: Sofie's archive still shows them, as Sofie's", async () => {
    const sofies = placeOfMeeting(t.past);
    // Positive control: Sofie's archive shows her past meeting with its decisions, as hers.
    const before = await sofiesArchive(t.past);
    expect(before.byPlace(sofies).filter((d) => !d.endsWith(': ')).length).toBeGreaterThan(0);
    expect(new Set(before.entries.map((e) => e.organizer))).toEqual(new Set([SOFIE]));

    const past = before.entries[0];
    await plant(t.past, `${past.date}T08:00:00.000Z`, past.series);
    await shareSecretariatWithSofie();

    const after = await sofiesArchive(t.past);
    expect(after.byPlace(sofies)).toEqual(before.byPlace(sofies));
    for (const e of after.entries.filter((x) => x.place === sofies)) expect(e.organizer).toBe(SOFIE);
    // Sofie does read Birgitte's meeting (the attack reached her), as Birgitte's, at Birgitte's place.
    const hers = after.entries.filter((e) => e.place !== sofies);
    expect(hers.map((e) => [e.place, e.organizer, e.decision])).toEqual([
      [placeOfMeeting(t.past, 'birgitte'), BIRGITTE, FORGED],
    ]);
    // Search finds the forged words only in Birgitte's meeting.
    const index = await loadArchive(t.deps('sofie').lists);
    expect(index.search({ text: 'forfalsket' }).map((h) => h.entry.organizer)).toEqual([BIRGITTE]);
  });

  test("planted before Sofie's first save: archive, follow-ups and Mine møder show Sofie's meeting as she saved it", async () => {
    // Sofie invites Birgitte to a new meeting in Outlook.
    const sofie = await t.as('sofie');
    const start = new Date(Date.now() - 2 * 86400000);
    const event = await sofie.graph('/me/events', {
      method: 'POST',
      body: {
        subject: 'Rådmandsmøde (ekstra)',
        start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
        end: { dateTime: new Date(start.getTime() + 3600000).toISOString().slice(0, 19), timeZone: 'UTC' },
        attendees: [{ emailAddress: { address: upn('birgitte'), name: BIRGITTE }, type: 'required' }],
      },
    });
    expect(event.status).toBe(201);
    const key = event.body.iCalUId as string;
    // Birgitte, who now knows the key, is first: her row is the one SharePoint numbers first.
    await plant(key, start.toISOString(), 'Rådmandsmøde (ekstra)');
    await shareSecretariatWithSofie();

    // Sofie saves her agenda, a decision and a follow-up through her own page's code.
    const sofieDeps = t.deps('sofie');
    const view = await openMeeting(sofieDeps, key);
    expect(view.meeting.organizer.upn).toBe(upn('sofie'));
    await saveAgenda(sofieDeps, view, [item(1, 'Sofies punkt')]);
    await sofieDeps.lists.saveDecision(key, {
      itemNumber: 1,
      itemTitle: 'Sofies punkt',
      text: 'Sofies beslutning',
      status: 'Endelig',
      editorUpn: upn('sofie'),
      updatedAt: new Date().toISOString(),
    });
    await sofieDeps.lists.saveFollowUp(key, {
      id: 'real',
      itemNumber: 1,
      owners: ['Sofie'],
      task: 'Sofies opfølgning',
      status: 'Åben',
    });

    // The archive (a fresh page, no event read): Sofie's meeting with her decision, Birgitte's apart.
    const { entries, byPlace } = await sofiesArchive(key);
    expect(byPlace(placeOfMeeting(key))).toEqual(['1: Sofies beslutning']);
    expect(byPlace(placeOfMeeting(key, 'birgitte'))).toEqual([`1: ${FORGED}`]);
    expect(entries.map((e) => [e.itemTitle, e.organizer]).sort()).toEqual([
      ['Birgittes punkt', BIRGITTE],
      ['Sofies punkt', SOFIE],
    ]);

    // Follow-ups: each under its own meeting; Sofie changes hers, not Birgitte's.
    const rows = (await loadFollowUps(t.deps('sofie'))).filter((r) => r.meetingKey === key);
    expect(rows.map((r) => [r.followUp.task, r.itemTitle, r.organizerUpn]).sort()).toEqual([
      ['Forfalsket opfølgning', 'Birgittes punkt', upn('birgitte')],
      ['Sofies opfølgning', 'Sofies punkt', upn('sofie')],
    ]);
    const real = rows.find((r) => r.followUp.task === 'Sofies opfølgning')!;
    const updated = await updateFollowUp(t.deps('sofie'), real, { status: 'I gang' });
    expect(updated.followUp.status).toBe('I gang');
    const planted = rows.find((r) => r.followUp.task === 'Forfalsket opfølgning')!;
    await expect(updateFollowUp(t.deps('sofie'), planted, { status: 'Afsluttet' })).rejects.toBeInstanceOf(
      Forbidden,
    );
    const again = (await loadFollowUps(t.deps('sofie'))).filter((r) => r.meetingKey === key);
    expect(again.map((r) => [r.followUp.task, r.followUp.status]).sort()).toEqual([
      ['Forfalsket opfølgning', 'Åben'],
      ['Sofies opfølgning', 'I gang'],
    ]);

    // Mine møder (keys from the calendar): Sofie's own row, not Birgitte's "Udsendt".
    const mine = await loadMyMeetings(t.deps('sofie'));
    const listed = [...mine.upcoming, ...mine.past].find((m) => m.event.key === key)!;
    expect(listed.role).toBe('organizer');
    const own = (await sofieDeps.lists.readMeeting(key)).meeting?.value as Meeting;
    expect(own.organizer.upn).toBe(upn('sofie'));
    expect(listed.status).toBe(own.status);
    expect(listed.status).not.toBe('Udsendt');
  });
});
