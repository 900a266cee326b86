import { bilagFolderName } from '../../../src/domain/meetingScopes';
import { Judge, type Attack } from '../attack';
import { folderUrl, graphLists, itemOf, type Scene } from '../scene';
import { pdf } from '../sceneFiles';
import type { Caller, Person, Target } from '../target';

/**
 * An item's bilag live in the Bilag document library, in the item's folder of the meeting's place, so they
 * have exactly the item's readers (tests/security/bilagRights.test.ts). The guest and a site member outside
 * the meeting try, each with their own token, the drive API, Graph's list API (a library is a list), delta
 * and SharePoint REST; judged by what each reads, by whether any answer names the closed item's file, and by
 * the organizer's file being as she left it. The attendee (in the circle) reading it is the positive control.
 */
interface Where {
  drive: string;
  /** The closed file's driveItem id, its folder's id, its list item id and its drive path. */
  file: string;
  folder: string;
  row: string;
  path: string;
  size: number;
}

async function whereIsClosed(t: Target, scene: Scene): Promise<Where> {
  const org = t.person('organizer');
  const drives = await org.graph(`/sites/${t.site}:/drives?$select=id,name`);
  const drive = ((drives.body?.value ?? []) as Array<{ id: string; name: string }>).find(
    (d) => d.name === 'Bilag',
  );
  if (!drive) throw new Error(`Bilag-biblioteket findes ikke for arrangøren (HTTP ${drives.status})`);
  const file = await org.graph(`/drives/${drive.id}/items/${scene.bilag.closed.id}`);
  if (file.status !== 200) throw new Error(`Arrangøren læser ikke sit bilag (HTTP ${file.status})`);
  // The file's row in the library (a library is a list), as the organizer finds it by its name.
  const rows = await org.sp(`/web/lists/getbytitle('Bilag')/items?$select=Id,FileLeafRef&$top=5000`);
  const row = ((rows.body?.value ?? []) as Array<{ Id: number; FileLeafRef: string }>).find(
    (r) => r.FileLeafRef === scene.bilag.closed.name,
  );
  if (!row) throw new Error(`Arrangøren finder ikke bilagets række i biblioteket (HTTP ${rows.status})`);
  return {
    drive: drive.id,
    file: scene.bilag.closed.id,
    folder: file.body.parentReference.id as string,
    row: String(row.Id),
    path: file.body.parentReference.path as string,
    size: Number(file.body.size),
  };
}

/** The names a person finds in a folder through the drive API ([] when refused). */
async function namesIn(who: Person, drive: string, folder: string): Promise<string[]> {
  const res = await who.graph(`/drives/${drive}/items/${folder}/children?$select=name`);
  return res.status === 200 ? (res.body.value as Array<{ name: string }>).map((i) => i.name) : [];
}

const enc = (s: string) => encodeURIComponent(s).replace(/%2F/g, '/');

function bilagHidden(role: 'guest' | 'outsider'): Attack {
  return {
    name: `Et lukket punkts bilag: ${role === 'guest' ? 'gæsten' : 'et sitemedlem uden for mødet'} kan hverken læse, liste, skrive eller lære navnet`,
    as: role,
    phase: 'before',
    async run(t, scene) {
      const j = new Judge();
      const who = t.person(role);
      const w = await whereIsClosed(t, scene);
      const secret = scene.bilag.closed.name;
      const attendee = t.person('attendee');
      j.control(
        (await namesIn(attendee, w.drive, w.folder)).includes(secret),
        'en deltager ser det lukkede punkts bilag',
      );
      j.control(
        (await attendee.graph(`/drives/${w.drive}/items/${w.file}/content`)).status === 200,
        'en deltager henter det lukkede punkts bilag',
      );
      if (role === 'guest') {
        const own = await who.graph(
          `/drives/${w.drive}/items/${scene.bilag.guest.id}?$select=parentReference`,
        );
        const mine = own.status === 200 ? await namesIn(who, w.drive, own.body.parentReference.id) : [];
        j.control(mine.includes(scene.bilag.guest.name), 'gæsten ser sit eget punkts bilag');
      }
      const seen: string[] = [];
      const ask = async (call: Caller, url: string, init?: Parameters<Caller>[1]) => {
        const res = await call(url, init);
        seen.push(JSON.stringify(res.body ?? ''));
        return res.status;
      };
      const refused = (status: number) => status === 403 || status === 404;
      const closedPath = `${w.path}/${enc(secret)}`;
      for (const [what, url] of [
        ['filen efter id', `/drives/${w.drive}/items/${w.file}`],
        ['filens indhold', `/drives/${w.drive}/items/${w.file}/content`],
        ['filens versioner', `/drives/${w.drive}/items/${w.file}/versions`],
        ['mappen efter id', `/drives/${w.drive}/items/${w.folder}`],
        ['mappens indhold', `/drives/${w.drive}/items/${w.folder}/children`],
        ['mappens indhold efter sti', `${w.path}:/children`],
        ['filen efter sti', closedPath],
        ['filens indhold efter sti', `${closedPath}:/content`],
      ]) {
        const status = await ask(who.graph, url);
        j.expect(refused(status), `drev-API, ${what}: afvist (${status})`);
      }
      // Listings of the library, its root, the meeting's folder, the list API and delta: they may answer, never name it.
      const meeting = w.path.slice(0, w.path.lastIndexOf('/'));
      for (const url of [
        `/sites/${t.site}:/drives`,
        `/drives/${w.drive}/root/children`,
        `${meeting}:/children`,
        `${graphLists(t)}/Bilag/items?$expand=fields&$top=5000`,
        `${graphLists(t)}/Bilag/items/delta?$expand=fields`,
      ])
        await ask(who.graph, url);
      const single = await ask(who.graph, `${graphLists(t)}/Bilag/items/${w.row}?$expand=fields`);
      j.expect(refused(single), `listens række for bilaget: afvist (${single})`);
      const rest = await ask(who.sp, `/web/lists/getbytitle('Bilag')/items(${w.row})?$select=FileLeafRef`);
      j.expect(refused(rest), `SharePoint REST: rækken afvist (${rest})`);
      await ask(who.sp, `/web/lists/getbytitle('Bilag')/items?$select=Id,FileLeafRef,FileRef&$top=5000`);
      const folder = `${await folderUrl(t, 'Bilag', scene.first)}/${bilagFolderName(itemOf(scene, 'closed').id)}`;
      const byPath = await ask(
        who.sp,
        `/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(folder)}')`,
      );
      j.expect(refused(byPath), `SharePoint REST: punktets mappe afvist (${byPath})`);
      // Writes: refused alike whether the name is taken or not, and the file is as the organizer left it.
      const put = (name: string) =>
        ask(who.graph, `${w.path}/${enc(name)}:/content`, {
          method: 'PUT',
          raw: pdf('x'),
          headers: { 'Content-Type': 'application/pdf' },
        });
      const taken = await put(secret);
      const free = await put('Andet (verify-tenant).pdf');
      j.expect(
        refused(taken) && taken === free,
        `upload i punktets mappe afvist, ens for taget og frit navn (${taken}/${free})`,
      );
      const removed = await ask(who.graph, `/drives/${w.drive}/items/${w.file}`, { method: 'DELETE' });
      j.expect(refused(removed), `sletning afvist (${removed})`);
      const after = await t.person('organizer').graph(`/drives/${w.drive}/items/${w.file}?$select=size`);
      j.expect(after.status === 200 && Number(after.body.size) === w.size, 'arrangørens bilag er uændret');
      const leaks = seen.filter((body) => body.includes(secret)).length;
      j.expect(
        leaks === 0,
        `intet svar nævner det lukkede punkts bilag (${seen.length} svar, ${leaks} nævner det)`,
      );
      return j.verdict();
    },
  };
}

export const bilagHiddenFromGuest = bilagHidden('guest');
export const bilagHiddenFromOutsider = bilagHidden('outsider');
