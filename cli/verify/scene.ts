import { randomUUID } from 'node:crypto';
import { assignReferent } from '../../src/app/assignReferent';
import { openMeeting } from '../../src/app/openMeeting';
import { approveReferat } from '../../src/app/referat';
import { registerAbsence } from '../../src/app/registerAbsence';
import { saveAgenda, sendAgenda } from '../../src/app/sendAgenda';
import type { AgendaItem } from '../../src/domain/agendaItem';
import { FOLDER_LISTS, secretariatFolderName } from '../../src/domain/meetingScopes';
import { meetingPlace } from '../../src/domain/trust/place';
import { paper, pdf } from './sceneFiles';
import type { Person, Target } from './target';

/**
 * The meeting the kit plays through the add-in's own use cases, in a series of two it creates in the
 * organizer's calendar: the first gets an agenda with an open, a closed and a guest item, the attendee's
 * afbud with a reason, the referent's decisions, and is approved; the second is the "next meeting" whose
 * folders an attacker forges into.
 */
export interface Scene {
  seriesId: string;
  /** The first (played, later approved) and the second occurrence's meeting keys. */
  first: string;
  second: string;
  openItem: AgendaItem;
  closedItem: AgendaItem;
  guestItem: AgendaItem;
  /**
   * The bilag the organizer adds through the add-in's BilagStore to the open, the closed and the guest item
   * of the first meeting once its agenda is sent (cli/verify/attacks/bilag.ts), by item.
   */
  bilag: Record<'open' | 'closed' | 'guest', { id: string; name: string }>;
  reason: string;
  /** Site groups that existed before the scene: anything new is the run's and is removed afterwards. */
  groupsBefore: number[];
  /**
   * The committee scene (cli/verify/committee.ts): a signature a member planted in her
   * own folder before signing opened, for the checksum then shown (judged once signing is open).
   */
  early?: { id: string; checksum: string };
  /** The committee meeting's event and key (cli/verify/committee.ts), once its event exists. */
  committee?: { eventId: string; key: string };
}

export const graphLists = (t: Target) => `/sites/${t.site}:/lists`;

/** Rows of a list (folders left out) as a person reads them through Graph, optionally of one meeting. */
export async function itemsOf(
  person: Person,
  t: Target,
  list: string,
  key?: string,
): Promise<Array<{ id: string; fields: Record<string, unknown> }>> {
  const filter = key ? `&$filter=fields/MeetingKey eq '${encodeURIComponent(key)}'` : '';
  const res = await person.graph(`${graphLists(t)}/${list}/items?$expand=fields${filter}&$top=500`);
  if (res.status === 403 || res.status === 404) return [];
  if (res.status !== 200) throw new Error(`${list}: HTTP ${res.status}`);
  return (res.body.value as Array<{ id: string; fields: Record<string, unknown> }>).filter(
    (r) => r.fields.ContentType !== 'Folder',
  );
}

/** A meeting's folder in a list, as SharePoint names the list's root plus the domain's folder name. */
export async function folderUrl(t: Target, list: string, key: string): Promise<string> {
  const root = await t
    .person('organizer')
    .sp(`/web/lists/getbytitle('${list}')/RootFolder?$select=ServerRelativeUrl`);
  if (root.status !== 200) throw new Error(`${list}: rodmappen kunne ikke læses (HTTP ${root.status})`);
  // Inside the organizer's secretariat when IT made one (docs/adr/004-permissions.md), else at the root.
  const base = root.body.ServerRelativeUrl as string;
  const secretariat = secretariatFolderName(t.person('organizer').upn);
  const probe = await t
    .person('organizer')
    .sp(
      `/web/GetFolderByServerRelativePath(decodedurl='${encodeURIComponent(`${base}/${secretariat}`)}')?$select=Exists`,
    );
  const inSecretariat = probe.status === 200 && probe.body.Exists !== false;
  return `${base}/${meetingPlace(key, inSecretariat ? secretariat : null)}`;
}

export const item = (number: number, title: string, extra: Partial<AgendaItem> = {}): AgendaItem => ({
  id: randomUUID(),
  number,
  title,
  category: 'Til orientering',
  durationMinutes: 10,
  guests: [],
  closed: false,
  attachments: [],
  ...extra,
});

/** Creates the test series; the keys are known as soon as the event exists, so cleanup can always run. */
export async function createSeries(
  t: Target,
  now: Date,
): Promise<Pick<Scene, 'seriesId' | 'first' | 'second'>> {
  const org = t.person('organizer');
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 7, 9));
  const attendees = (['referent', 'attendee', 'secretary2'] as const)
    .map((r) => t.people[r])
    .filter((p): p is Person => !!p)
    .map((p) => ({ emailAddress: { address: p.upn }, type: 'required' }));
  const made = await org.graph('/me/events', {
    method: 'POST',
    body: {
      subject: `Mødeassistent verify:tenant ${now.toISOString().slice(0, 16)}`,
      body: {
        contentType: 'text',
        content: 'Testmøde oprettet af npm run verify:tenant; slettes af samme kørsel.',
      },
      start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(start.getTime() + 3600000).toISOString().slice(0, 19), timeZone: 'UTC' },
      attendees,
      recurrence: {
        pattern: {
          type: 'weekly',
          interval: 1,
          daysOfWeek: [start.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' }).toLowerCase()],
        },
        range: { type: 'numbered', startDate: start.toISOString().slice(0, 10), numberOfOccurrences: 2 },
      },
    },
  });
  if (made.status !== 201) throw new Error(`Testserien kunne ikke oprettes (HTTP ${made.status})`);
  const seriesId = made.body.id as string;
  const end = new Date(start.getTime() + 15 * 86400000).toISOString();
  const view = await org.graph(
    `/me/calendarView?startDateTime=${start.toISOString()}&endDateTime=${end}&$select=iCalUId,start,seriesMasterId&$top=100`,
  );
  const occurrences = (
    (view.body?.value ?? []) as Array<{
      iCalUId: string;
      seriesMasterId?: string;
      start: { dateTime: string };
    }>
  )
    .filter((o) => o.seriesMasterId === seriesId)
    .sort((a, b) => a.start.dateTime.localeCompare(b.start.dateTime));
  if (occurrences.length < 2) {
    await org.graph(`/me/events/${seriesId}`, { method: 'DELETE' });
    throw new Error(`Testserien har ${occurrences.length} forekomster i kalenderen, ikke 2`);
  }
  return { seriesId, first: occurrences[0].iCalUId, second: occurrences[1].iCalUId };
}

export async function siteGroups(t: Target): Promise<number[]> {
  const res = await t.person('organizer').sp('/web/sitegroups?$select=Id');
  return res.status === 200 ? (res.body.value as Array<{ Id: number }>).map((g) => g.Id) : [];
}

/** Agenda, referent, afbud with a reason and decisions on the first meeting; a saved agenda on the second. */
export async function playMeeting(t: Target, scene: Scene): Promise<void> {
  const org = t.person('organizer').deps;
  const referent = t.person('referent');
  await org.lists.ensureProvisioned();
  const items = [scene.openItem, scene.closedItem, scene.guestItem];
  // The referent first: an agenda without one is not sent (issue 24's publish rules, kept by sendAgenda).
  let view = await openMeeting(org, scene.first);
  view = await assignReferent(org, view, { upn: referent.upn, name: referent.name });
  await sendAgenda(org, view, items);
  // The items' folders in the Bilag library exist from "Send dagsorden": one bilag on each item.
  if (!org.bilag) throw new Error('Ingen bilag-adgang i tilføjelsesprogrammets opsætning');
  for (const which of ['open', 'closed', 'guest'] as const) {
    const stored = await org.bilag.upload(scene.first, itemOf(scene, which).id, {
      name: scene.bilag[which].name,
      bytes: pdf(`${which} (verify:tenant)`),
      type: 'application/pdf',
    });
    scene.bilag[which].id = stored.id;
  }
  let next = await openMeeting(org, scene.second);
  next = await saveAgenda(org, next, [item(1, 'Godkendelse af dagsorden'), item(2, 'Bordrunde')]);
  await assignReferent(org, next, { upn: referent.upn, name: referent.name });

  const attendee = t.person('attendee').deps;
  await registerAbsence(attendee, await openMeeting(attendee, scene.first), {
    kind: 'Afbud',
    reason: scene.reason,
  });

  const mads = referent.deps;
  const written = await openMeeting(mads, scene.first);
  for (const i of written.items)
    await mads.lists.saveDecision(scene.first, {
      itemNumber: i.number,
      itemTitle: i.title,
      text: `Beslutning ${i.number} (verify:tenant)`,
      status: 'Endelig',
      editorUpn: referent.upn,
      updatedAt: new Date().toISOString(),
    });
}

export const itemOf = (scene: Scene, which: 'open' | 'closed' | 'guest'): AgendaItem =>
  ({ open: scene.openItem, closed: scene.closedItem, guest: scene.guestItem })[which];

export async function approve(t: Target, scene: Scene): Promise<void> {
  const org = t.person('organizer').deps;
  await approveReferat(org, await openMeeting(org, scene.first));
}

export function newScene(
  t: Target,
  series: Pick<Scene, 'seriesId' | 'first' | 'second'>,
  groupsBefore: number[],
): Scene {
  const guest = t.person('guest');
  const open = 'Godkendelse af dagsorden';
  const closed = 'Personalesag (verify:tenant)';
  const guests = 'Status med gæst (verify:tenant)';
  return {
    ...series,
    openItem: item(1, open, { category: 'Til godkendelse', indstilling: paper(open) }),
    closedItem: item(2, closed, { closed: true, category: 'Til beslutning', indstilling: paper(closed) }),
    guestItem: item(3, guests, {
      guests: [{ upn: guest.upn, name: guest.name }],
      indstilling: paper(guests),
    }),
    bilag: {
      open: { id: '', name: 'Dagsorden bilag (verify-tenant).pdf' },
      closed: { id: '', name: 'Fortrolig personalesag (verify-tenant).pdf' },
      guest: { id: '', name: 'Gæstens bilag (verify-tenant).pdf' },
    },
    reason: 'Lægebesøg (verify:tenant)',
    groupsBefore,
  };
}

/**
 * Removes everything the run created, each step on its own so one failure does not stop the rest: the
 * meetings' folders in every folder list (their rows and role assignments go with them), the Meetings and
 * MeetingProgress rows, new site groups, the committee meeting's event, the series. Returns what could not be removed.
 */
export async function cleanUp(t: Target, scene: Partial<Scene>): Promise<string[]> {
  const left: string[] = [];
  const org = t.person('organizer');
  const keys = [scene.first, scene.second, scene.committee?.key].filter((k): k is string => !!k);
  const attempt = async (what: string, run: () => Promise<number | undefined>) => {
    try {
      const status = await run();
      if (status !== undefined && status >= 300 && status !== 404) left.push(`${what} (HTTP ${status})`);
    } catch (e) {
      left.push(`${what} (${e instanceof Error ? e.message : String(e)})`);
    }
  };
  for (const key of keys) {
    // The Bilag library's meeting folder goes with its item folders and files (a library is a list).
    for (const list of [...FOLDER_LISTS, 'Bilag'])
      await attempt(`${list}-mappen for ${key}`, async () => {
        const path = await folderUrl(t, list, key);
        const folder = await org.sp(
          `/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(path)}')/ListItemAllFields?$select=Id`,
        );
        if (folder.status === 404 || (folder.status === 200 && folder.body?.Id === undefined))
          return undefined;
        if (folder.status !== 200) return folder.status;
        return (
          await org.sp(`/web/lists/getbytitle('${list}')/items(${folder.body.Id})`, {
            method: 'DELETE',
            headers: { 'If-Match': '*' },
          })
        ).status;
      });
    for (const list of ['Meetings', 'MeetingProgress', ...FOLDER_LISTS])
      for (const row of await itemsOf(org, t, list, key).catch(() => []))
        await attempt(
          `${list}-række ${row.id}`,
          async () =>
            (await org.graph(`${graphLists(t)}/${list}/items/${row.id}`, { method: 'DELETE' })).status,
        );
  }
  // A group the owner's probe made is hers to remove (a secretary may not manage groups).
  const groupsBy = t.people.owner ?? org;
  if (scene.groupsBefore)
    for (const id of (await siteGroups(t)).filter((g) => !scene.groupsBefore!.includes(g)))
      await attempt(
        `SharePoint-gruppe ${id}`,
        async () => (await groupsBy.sp(`/web/sitegroups/removebyid(${id})`, { method: 'POST' })).status,
      );
  if (scene.committee)
    await attempt(
      'udvalgsmødet i arrangørens kalender',
      async () => (await org.graph(`/me/events/${scene.committee!.eventId}`, { method: 'DELETE' })).status,
    );
  if (scene.seriesId)
    await attempt(
      'testserien i arrangørens kalender',
      async () => (await org.graph(`/me/events/${scene.seriesId}`, { method: 'DELETE' })).status,
    );
  return left;
}
