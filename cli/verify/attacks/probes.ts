import { randomUUID } from 'node:crypto';
import { personFolderName } from '../../../src/domain/meetingScopes';
import { Judge, type Attack } from '../attack';
import { folderUrl, itemsOf } from '../scene';
import type { Role } from '../target';

/**
 * Probes of SharePoint's undocumented readings (devServer/variants.ts), each mapping to one switch of the local
 * server (devServer/README.md, "From a tenant's verification report back to the switches"). Each is made by
 * trying, from test accounts, on the run's own meeting, and undone; its check passes when its positive
 * controls held (the probe could tell the readings apart), whatever it observed.
 */
const folderItem = (path: string) =>
  `/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(path)}')`;

/**
 * `limited-access-browse`: does a folder's ItemCount, read with Limited Access, count what she may not view?
 * The guest reaches the meeting's Decisions folder only through her own item's folder inside it.
 */
export const limitedAccessBrowse: Attack = {
  name: 'Observation: hvad en mappe med begrænset adgang afslører (ItemCount)',
  as: 'guest',
  phase: 'before',
  async run(t, scene, observe) {
    const j = new Judge();
    const folder = await folderUrl(t, 'Decisions', scene.first);
    // What each may view directly inside the folder: rows and folders whose FileDirRef is the folder.
    const inside = async (role: Role) => {
      const res = await t
        .person(role)
        .sp(`/web/lists/getbytitle('Decisions')/items?$select=Id,FileDirRef&$top=5000`);
      const rows = res.status === 200 ? ((res.body.value ?? []) as Array<{ FileDirRef?: string }>) : [];
      return rows.filter((r) => String(r.FileDirRef).toLowerCase() === folder.toLowerCase()).length;
    };
    const all = await inside('organizer');
    const visible = await inside('guest');
    j.control(visible >= 1, `gæsten ser sit eget punkts mappe i mødets mappe (${visible})`);
    j.control(all > visible, `mappen rummer mere end gæsten må se (${all} mod ${visible})`);
    const hers = await t.person('guest').sp(`${folderItem(folder)}?$select=Exists,ItemCount`);
    const found = hers.status === 200 && hers.body.Exists !== false;
    const counted = found ? Number(hers.body.ItemCount) : undefined;
    observe('limitedAccessBrowse', counted !== undefined && counted > visible);
    j.expect(true, `mappen ${found ? `findes for hende, ItemCount ${counted}` : `svarer ${hers.status}`}`);
    return j.verdict();
  },
};

/** `rename-allowed`: may the referent (Contribute) rename an item's Decisions folder? Renamed back at once. */
export const renameAllowed: Attack = {
  name: 'Observation: om Bidrag/Redigér kan omdøbe en mappe (omdøbes straks tilbage)',
  as: 'referent',
  phase: 'before',
  async run(t, scene, observe) {
    const j = new Judge();
    const org = t.person('organizer');
    const path = `${await folderUrl(t, 'Decisions', scene.first)}/1`;
    const item = await org.sp(`${folderItem(path)}/ListItemAllFields?$select=Id`);
    if (!j.control(item.status === 200, `punktets mappe findes (${item.status})`)) return j.verdict();
    const url = `/web/lists/getbytitle('Decisions')/items(${item.body.Id})`;
    const rename = (as: Role, leaf: string) =>
      t.person(as).sp(url, {
        method: 'POST',
        headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
        body: { FileLeafRef: leaf },
      });
    const leafNow = async () => String((await org.sp(`${url}?$select=FileRef`)).body?.FileRef ?? '');
    const tried = await rename('referent', '1-verify');
    const renamed = (await leafNow()).endsWith('/1-verify');
    observe('renameAllowed', renamed);
    if (renamed && (await rename('referent', '1')).status >= 300) await rename('organizer', '1');
    j.control((await leafNow()).endsWith('/1'), 'mappen har sit navn igen');
    j.expect(true, `omdøbningen svarede ${tried.status}; mappen blev ${renamed ? '' : 'ikke '}omdøbt`);
    return j.verdict();
  },
};

/** `members-visible`: does a group made through REST without saying show its members to everyone? */
export const membersVisible: Attack = {
  name: 'Observation: hvem ser medlemmerne af en gruppe oprettet uden at sige det',
  as: 'owner',
  phase: 'before',
  async run(t, _scene, observe) {
    const j = new Judge();
    const owner = t.people.owner;
    if (!owner) {
      observe('membersVisible', null);
      j.expect(true, 'ikke målt: kræver en ejer-testkonto (owner) i konfigurationen');
      return j.verdict();
    }
    const made = await owner.sp('/web/sitegroups', {
      method: 'POST',
      body: { Title: `Moedeassistent verify ${randomUUID().slice(0, 8)}` },
    });
    if (!j.control(made.status === 201, `ejeren opretter en gruppe (${made.status})`)) return j.verdict();
    const id = made.body.Id as number;
    try {
      j.control((await owner.sp(`/web/sitegroups(${id})/users`)).status === 200, 'ejeren ser medlemmerne');
      const seen = (await t.person('outsider').sp(`/web/sitegroups(${id})/users`)).status;
      j.control([200, 403].includes(seen), `udenforstående får et svar (${seen})`);
      observe('membersVisible', seen === 200);
    } finally {
      await owner.sp(`/web/sitegroups/removebyid(${id})`, { method: 'POST' });
    }
    return j.verdict();
  },
};

/**
 * `bypass-at-list`: the owner (Full Control on the list, so Override List Behaviors there) is given Read on
 * the attendee's reasons folder for a moment: does she then read the attendee's reason despite ReadSecurity
 * 2? Only if the list's scope exempts her (the row's scope gives her only Read). The grant is removed at once.
 */
export const bypassAtList: Attack = {
  name: 'Observation: om "Tilsidesæt listeadfærd" på listen (ikke rækken) giver adgang til andres rækker',
  as: 'owner',
  phase: 'before',
  async run(t, scene, observe) {
    const j = new Judge();
    const owner = t.people.owner;
    if (!owner) {
      observe('bypassAtList', null);
      j.expect(true, 'ikke målt: kræver en ejer-testkonto (owner) i konfigurationen');
      return j.verdict();
    }
    const org = t.person('organizer');
    const list = `/web/lists/getbytitle('AbsenceReasons')`;
    const perms = await owner.sp(`${list}/EffectiveBasePermissions`);
    // Override List Behaviors is PermissionKind 9 (CancelCheckout): bit 8 of Low.
    const overrides = perms.status === 200 && (Number(perms.body.Low) & 256) !== 0;
    if (!j.control(overrides, 'ejeren har "Tilsidesæt listeadfærd" på listen')) return j.verdict();
    const folder = `${await folderUrl(t, 'AbsenceReasons', scene.first)}/${personFolderName(t.person('attendee').upn)}`;
    const item = await org.sp(`${folderItem(folder)}/ListItemAllFields?$select=Id`);
    const me = await owner.sp('/web/currentuser?$select=Id');
    const read = await org.sp('/web/roledefinitions/getbytype(2)?$select=Id');
    if (
      !j.control(
        [item, me, read].every((r) => r.status === 200),
        'mappe, ejer og rolle findes',
      )
    )
      return j.verdict();
    const assignment = `${list}/items(${item.body.Id})/roleassignments`;
    const args = `principalid=${me.body.Id},roledefid=${read.body.Id}`;
    j.control(
      (await itemsOf(owner, t, 'AbsenceReasons', scene.first)).length === 0,
      'ejeren ser ingen begrundelse før',
    );
    const granted = await org.sp(`${assignment}/addroleassignment(${args})`, { method: 'POST' });
    try {
      if (!j.control(granted.status === 200, `arrangøren giver ejeren Læs på mappen (${granted.status})`))
        return j.verdict();
      const held = await org.sp(`${assignment}/getbyprincipalid(${me.body.Id})`);
      j.control(held.status === 200, `tildelingen er gemt på mappen (${held.status})`);
      const seen = await itemsOf(owner, t, 'AbsenceReasons', scene.first);
      observe('bypassAtList', seen.length > 0);
    } finally {
      if (granted.status === 200)
        await org.sp(`${assignment}/removeroleassignment(${args})`, { method: 'POST' });
    }
    j.control(
      (await itemsOf(owner, t, 'AbsenceReasons', scene.first)).length === 0,
      'ejeren ser ingen begrundelse efter',
    );
    return j.verdict();
  },
};

export const PROBES: Attack[] = [limitedAccessBrowse, renameAllowed, membersVisible, bypassAtList];
