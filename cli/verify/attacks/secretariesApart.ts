import { secretariatFolderName } from '../../../src/domain/meetingScopes';
import { addInFolder, Judge, type Attack } from '../attack';
import { committeeKey } from '../committee';
import { folderUrl, graphLists, itemsOf } from '../scene';
import type { Person, Target } from '../target';

/**
 * Two secretaries keep apart (tests/security/secretariesApart.test.ts; docs/adr/004-permissions.md): the
 * second secretary, Mødeleder on her own secretariat only, is in none of the committee meeting (the first
 * series invites her; the committee meeting does not). With her own token she tries to read it, to give
 * herself a role on it or on the organizer's secretariat, to change the lists' security, to join or make a
 * group or a permission level, and to write into it; judged by what is stored or read afterwards.
 */
const LISTS = ['Meetings', 'MeetingProgress', 'AgendaItems', 'Decisions', 'CommitteeDecisions'];
const folderApi = (path: string) =>
  `/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(path)}')`;

/** The folder a meeting's folder sits in: the organizer's secretariat when IT made one, else the list's root. */
const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/'));

/** Without a second secretary in verify.config.json these checks are not made, and say so. */
export function notMeasured(j: Judge) {
  j.expect(true, 'ikke målt: kræver en anden sekretær (secretary2) i konfigurationen');
  return j.verdict();
}

async function rowsOf(who: Person, t: Target, key: string): Promise<number> {
  let n = 0;
  for (const list of LISTS) n += (await itemsOf(who, t, list, key)).length;
  return n;
}

export const secondSecretaryReadsNothing: Attack = {
  name: 'En anden sekretær læser intet af et møde, hun ikke er med i',
  as: 'secretary2',
  phase: 'committeeDraft',
  async run(t, scene) {
    const j = new Judge();
    if (!t.people.secretary2) return notMeasured(j);
    const key = committeeKey(scene);
    const org = t.person('organizer');
    const sec = t.person('secretary2');
    const agenda = await itemsOf(org, t, 'AgendaItems', key);
    j.control(agenda.length > 0, 'arrangøren læser udvalgsmødets dagsorden');
    j.expect((await rowsOf(sec, t, key)) === 0, `ingen række via Graph (${LISTS.join(', ')})`);
    if (agenda[0]) {
      const single = await sec.graph(`${graphLists(t)}/AgendaItems/items/${agenda[0].id}?$expand=fields`);
      j.expect(
        [403, 404].includes(single.status) &&
          !JSON.stringify(single.body ?? '').includes(String(agenda[0].fields.Title)),
        `enkeltrække efter id afvist (${single.status})`,
      );
    }
    const rest = await sec.sp(`/web/lists/getbytitle('AgendaItems')/items?$select=Id,MeetingKey&$top=5000`);
    const keys =
      rest.status === 200 ? (rest.body.value as Array<{ MeetingKey?: string }>).map((r) => r.MeetingKey) : [];
    j.expect(!keys.includes(key), `intet via SharePoint REST (${rest.status})`);
    const folder = await folderUrl(t, 'AgendaItems', key);
    const probe = async (who: Person, path: string) =>
      (await who.sp(`${folderApi(path)}?$select=ItemCount`)).status;
    j.control((await probe(org, folder)) === 200, 'arrangøren læser mødets mappe');
    const real = await probe(sec, folder);
    const none = await probe(sec, `${parentOf(folder)}/verify-intet-moede`);
    j.expect(real === none, `mødets mappe svarer som en mappe, der ikke findes (${real}/${none})`);
    return j.verdict();
  },
};

/** ManagePermissions is PermissionKind 26 (SPBasePermissions 0x2000000): bit 25 of Low. */
const managesPermissions = (p: { Low?: string | number }) => ((Number(p.Low) >>> 25) & 1) === 1;

export const secondSecretaryChangesNoRights: Attack = {
  name: 'En anden sekretær ændrer ingen rettigheder på en andens møde, på listerne eller i grupperne',
  as: 'secretary2',
  phase: 'committeeDraft',
  async run(t, scene) {
    const j = new Judge();
    if (!t.people.secretary2) return notMeasured(j);
    const key = committeeKey(scene);
    const org = t.person('organizer');
    const sec = t.person('secretary2');
    const list = `/web/lists/getbytitle('AgendaItems')`;
    const folder = await folderUrl(t, 'AgendaItems', key);
    const item = await org.sp(`${folderApi(folder)}/ListItemAllFields?$select=Id`);
    const mine = await org.sp(`${list}/items(${item.body?.Id})/EffectiveBasePermissions`);
    // Positive control: the organizer may manage permissions there, so the calls below are of a kind someone may make.
    j.control(
      item.status === 200 && mine.status === 200 && managesPermissions(mine.body),
      'arrangøren styrer mødets rettigheder',
    );
    const me = await sec.sp('/web/currentuser?$select=Id,LoginName');
    const read = await sec.sp('/web/roledefinitions/getbytype(2)?$select=Id');
    if (!j.control(me.status === 200 && read.status === 200, 'sekretæren kender sit id og rollen Læs'))
      return j.verdict();
    const targets: Array<[string, number]> = [['mødets mappe', item.body.Id]];
    const secretariat = parentOf(folder);
    if (secretariat.endsWith(`/${secretariatFolderName(org.upn)}`)) {
      const held = await org.sp(`${folderApi(secretariat)}/ListItemAllFields?$select=Id`);
      if (j.control(held.status === 200, 'arrangørens sekretariat findes'))
        targets.push(['arrangørens sekretariat', held.body.Id]);
    }
    for (const [what, id] of targets)
      for (const call of [
        `roleassignments/addroleassignment(principalid=${me.body.Id},roledefid=${read.body.Id})`,
        'breakroleinheritance(copyRoleAssignments=true,clearSubscopes=false)',
        'resetroleinheritance',
      ]) {
        const tried = await sec.sp(`${list}/items(${id})/${call}`, { method: 'POST' });
        j.expect(
          [403, 404].includes(tried.status),
          `${what}: ${call.split('(')[0]} afvist (${tried.status})`,
        );
      }
    const scope = await org.sp(`${folderApi(folder)}/ListItemAllFields?$select=HasUniqueRoleAssignments`);
    j.expect(scope.body?.HasUniqueRoleAssignments === true, 'mødets mappe har stadig sine egne rettigheder');
    j.expect((await rowsOf(sec, t, key)) === 0, 'sekretæren læser stadig intet af mødet');
    // The lists' own security.
    const broke = await sec.sp(
      `${list}/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=false)`,
      { method: 'POST' },
    );
    j.expect(broke.status === 403, `listens nedarvning brydes ikke (${broke.status})`);
    const before = await org.sp(`/web/lists/getbytitle('AbsenceReasons')?$select=ReadSecurity,WriteSecurity`);
    const merged = await sec.sp(`/web/lists/getbytitle('AbsenceReasons')`, {
      method: 'POST',
      headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
      body: { ReadSecurity: 1, WriteSecurity: 1 },
    });
    const after = await org.sp(`/web/lists/getbytitle('AbsenceReasons')?$select=ReadSecurity,WriteSecurity`);
    j.expect(
      merged.status === 403 && after.body?.ReadSecurity === 2 && after.body?.WriteSecurity === 2,
      `begrundelseslistens ReadSecurity/WriteSecurity ændres ikke (${merged.status}; før ${before.body?.ReadSecurity}/${before.body?.WriteSecurity}, efter ${after.body?.ReadSecurity}/${after.body?.WriteSecurity})`,
    );
    // Groups and permission levels (a group she made would be removed by cleanup; a level is removed here).
    const owners = await org.sp('/web/associatedownergroup?$select=Id');
    if (owners.status === 200) {
      const join = await sec.sp(`/web/sitegroups(${owners.body.Id})/users`, {
        method: 'POST',
        body: { LoginName: me.body.LoginName },
      });
      j.expect(join.status === 403, `hun melder sig ikke ind i ejergruppen (${join.status})`);
      if (join.status < 300)
        await (t.people.owner ?? org).sp(
          `/web/sitegroups(${owners.body.Id})/users/removebyid(${me.body.Id})`,
          { method: 'POST' },
        );
    }
    const group = await sec.sp('/web/sitegroups', {
      method: 'POST',
      body: { Title: 'Verify sekretærens kreds' },
    });
    j.expect(group.status === 403, `hun opretter ingen gruppe (${group.status})`);
    const level = await sec.sp('/web/roledefinitions', {
      method: 'POST',
      body: { Name: 'Verify alt', BasePermissions: { High: 2147483647, Low: 4294967295 }, Order: 1 },
    });
    j.expect(level.status === 403, `hun opretter intet tilladelsesniveau (${level.status})`);
    if (level.status < 300 && level.body?.Id)
      await sec.sp(`/web/roledefinitions(${level.body.Id})`, { method: 'DELETE' });
    // Writing into the meeting's folder, and at a list's root under its key.
    const planted = await addInFolder(t, 'secretary2', 'AgendaItems', folder, {
      Title: 'Forfalsket (verify:tenant)',
      MeetingKey: key,
    });
    const atRoot = await sec.graph(`${graphLists(t)}/Meetings/items`, {
      method: 'POST',
      body: { fields: { Title: 'Forfalsket (verify:tenant)', MeetingKey: key, OrganizerUpn: sec.upn } },
    });
    const titles = (await itemsOf(org, t, 'AgendaItems', key)).map((r) => r.fields.Title);
    j.expect(
      planted.status !== 200 && !titles.includes('Forfalsket (verify:tenant)'),
      `ingen række skrevet i mødets mappe (${planted.status})`,
    );
    j.expect(atRoot.status === 403, `ingen Meetings-række ved listens rod (${atRoot.status})`);
    return j.verdict();
  },
};
