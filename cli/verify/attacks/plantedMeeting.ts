import { loadArchive } from '../../../src/app/archive';
import { planFor } from '../../../src/app/syncMeetingPermissions';
import type { Meeting } from '../../../src/domain/meeting';
import { FOLDER_LISTS, secretariatFolderName } from '../../../src/domain/meetingScopes';
import { meetingPlace } from '../../../src/domain/trust/place';
import { Judge, type Attack } from '../attack';
import { folderUrl, item } from '../scene';
import { notMeasured } from './secretariesApart';
import type { Person, Target } from '../target';

/**
 * A meeting the second secretary plants under the key of the organizer's never hides or replaces hers in a
 * read without a calendar event (tests/security/plantedArchiveMeeting.test.ts). Invited to the first
 * meeting, she knows its key: with her own token and the add-in's own code she makes a meeting of that key
 * in her secretariat with a forged decision, and gives the organizer Read on her secretariat so that the
 * organizer's archive brings both. Judged by the organizer's archive afterwards: her meeting with exactly
 * her decisions, as hers; the planted one as the second secretary's, at her place (that it shows at all is
 * the positive control: the attack reached her). Everything planted is removed again by the attack.
 */
const FORGED = 'Forfalsket beslutning: sagen lukkes (verify:tenant)';
const SHARED = ['Meetings', 'AgendaItems', 'Decisions'];

const folderApi = (path: string) =>
  `/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(path)}')`;

async function archiveOf(org: Person, key: string) {
  const index = await loadArchive(org.deps.lists);
  return index
    .search({ text: '', limit: 10_000 })
    .map((h) => h.entry)
    .filter((e) => e.meetingKey === key);
}

/** Her secretariat folder of a list (the organizer's meeting folder's sibling). */
async function secretariatOf(t: Target, list: string, sec: Person): Promise<string> {
  const organizers = await folderUrl(t, list, 'x');
  const root = organizers.slice(0, organizers.lastIndexOf('/'));
  return `${root.slice(0, root.lastIndexOf('/'))}/${secretariatFolderName(sec.upn)}`;
}

export const plantedMeetingApart: Attack = {
  name: 'En anden sekretær planter et møde under arrangørens mødenøgle: arrangørens arkiv viser hendes eget uændret',
  as: 'secretary2',
  phase: 'after',
  async run(t, scene) {
    const j = new Judge();
    const sec = t.people.secretary2;
    if (!sec) return notMeasured(j);
    const org = t.person('organizer');
    const key = scene.first;
    const mine = meetingPlace(key, secretariatFolderName(org.upn));
    const hers = meetingPlace(key, secretariatFolderName(sec.upn));
    const show = (e: { itemNumber: number; decision: string; organizer: string }) =>
      `${e.itemNumber}: ${e.decision} (${e.organizer})`;
    const before = (await archiveOf(org, key))
      .filter((e) => e.place === mine)
      .map(show)
      .sort();
    j.control(before.length > 0, `arrangørens arkiv viser hendes møde (${before.length} punkter)`);
    const own = await sec.sp(`${folderApi(await secretariatOf(t, 'Decisions', sec))}?$select=Exists`);
    if (!j.control(own.status === 200 && own.body.Exists !== false, 'den anden sekretærs sekretariat findes'))
      return j.verdict();

    const { lists, permissions } = sec.deps;
    const start = new Date(Date.now() - 86400000).toISOString();
    const meeting: Meeting = {
      key,
      series: 'Plantet (verify:tenant)',
      title: 'Plantet (verify:tenant)',
      start,
      end: new Date(Date.parse(start) + 3600000).toISOString(),
      location: '',
      organizer: { upn: sec.upn, name: sec.name },
      attendees: [{ upn: org.upn, name: org.name }],
      status: 'Udsendt',
      agendaVersion: 1,
    };
    const grants: string[] = [];
    const undone: string[] = [];
    try {
      const row = await lists.saveMeeting(meeting);
      const progress = await lists.saveProgress(key, {});
      const agenda = [item(1, 'Plantet punkt (verify:tenant)')];
      await permissions.apply(planFor(meeting, agenda, false), {
        meetings: row.id,
        progress: progress.id,
        agenda: {},
      });
      await lists.replaceAgenda(key, agenda);
      await lists.saveDecision(key, {
        itemNumber: 1,
        itemTitle: agenda[0].title,
        text: FORGED,
        status: 'Endelig',
        editorUpn: sec.upn,
        updatedAt: new Date().toISOString(),
      });
      // Read for the organizer on her secretariat, through REST, so the organizer's reads bring both.
      const who = await sec.sp('/web/ensureuser', {
        method: 'POST',
        body: { logonName: `i:0#.f|membership|${org.upn}` },
      });
      const read = await sec.sp('/web/roledefinitions/getbytype(2)?$select=Id');
      for (const list of SHARED) {
        const held = await sec.sp(
          `${folderApi(await secretariatOf(t, list, sec))}/ListItemAllFields?$select=Id`,
        );
        const url = `/web/lists/getbytitle('${list}')/items(${held.body?.Id})/roleassignments`;
        const args = `principalid=${who.body?.Id},roledefid=${read.body?.Id}`;
        if ((await sec.sp(`${url}/addroleassignment(${args})`, { method: 'POST' })).status === 200)
          grants.push(`${url}/removeroleassignment(${args})`);
      }
      j.control(
        grants.length === SHARED.length,
        `arrangøren får Læs på den anden sekretærs sekretariat (${grants.length})`,
      );

      const after = await archiveOf(org, key);
      const now = after
        .filter((e) => e.place === mine)
        .map(show)
        .sort();
      j.expect(JSON.stringify(now) === JSON.stringify(before), 'arrangørens møde står uændret, som hendes');
      const planted = after.filter((e) => e.place !== mine);
      j.control(
        planted.some((e) => e.decision === FORGED),
        'arrangøren ser det plantede møde (angrebet nåede hende)',
      );
      j.expect(
        planted.every((e) => e.place === hers && e.organizer === sec.name),
        `det plantede møde står som den anden sekretærs, på hendes plads (${planted.map(show).join('; ')})`,
      );
    } finally {
      for (const grant of grants)
        if ((await sec.sp(grant, { method: 'POST' })).status >= 300) undone.push(grant);
      // Her meeting's folders go with their rows; the Meetings and MeetingProgress rows of the key in her secretariat too.
      for (const list of [...FOLDER_LISTS, 'Bilag', 'Meetings', 'MeetingProgress']) {
        const path = `${await secretariatOf(t, list, sec)}/${hers.split('/').pop()}`;
        const folder = await sec.sp(`${folderApi(path)}/ListItemAllFields?$select=Id`);
        if (folder.status === 200 && folder.body?.Id !== undefined) {
          const gone = await sec.sp(`/web/lists/getbytitle('${list}')/items(${folder.body.Id})`, {
            method: 'DELETE',
            headers: { 'If-Match': '*' },
          });
          if (gone.status >= 300) undone.push(`${list}: ${path}`);
        }
      }
      for (const list of ['Meetings', 'MeetingProgress']) {
        const rows = await sec.sp(
          `/web/lists/getbytitle('${list}')/items?$select=Id,MeetingKey,FileDirRef&$top=5000`,
        );
        for (const r of (rows.body?.value ?? []) as Array<{
          Id: number;
          MeetingKey?: string;
          FileDirRef?: string;
        }>)
          if (r.MeetingKey === key && String(r.FileDirRef).includes(secretariatFolderName(sec.upn))) {
            const gone = await sec.sp(`/web/lists/getbytitle('${list}')/items(${r.Id})`, {
              method: 'DELETE',
              headers: { 'If-Match': '*' },
            });
            if (gone.status >= 300) undone.push(`${list}/${r.Id}`);
          }
      }
    }
    // Afterwards, as she reads them herself: no row of the key is left in her secretariat.
    for (const list of ['Meetings', 'AgendaItems', 'Decisions']) {
      const rows = await sec.sp(
        `/web/lists/getbytitle('${list}')/items?$select=Id,MeetingKey,FileDirRef&$top=5000`,
      );
      const left = ((rows.body?.value ?? []) as Array<{ MeetingKey?: string; FileDirRef?: string }>).filter(
        (r) => r.MeetingKey === key && String(r.FileDirRef).includes(secretariatFolderName(sec.upn)),
      );
      if (rows.status !== 200 || left.length)
        undone.push(`${list}: ${left.length} rækker (HTTP ${rows.status})`);
    }
    j.expect(
      undone.length === 0,
      `det plantede møde og tildelingerne er fjernet igen${undone.length ? `: mangler ${undone.join(', ')}` : ''}`,
    );
    return j.verdict();
  },
};
