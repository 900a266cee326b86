import { bilagFolderName } from '../../src/domain/meetingScopes';
import { openMeeting } from '../../src/app/openMeeting';
import { demoTenant, placeOfMeeting, SITE, SITE_PATH, type Person, type Tenant } from './tenant';

/**
 * An item's bilag live in the "Bilag" document library in the item's folder of the meeting's place (issue
 * 25, points 2 and 6), so they have exactly the item's readers. Tried as an attacker would: the guest
 * (Kamilla) and a site member outside the meeting (Peter), each with their own token, straight against
 * Graph's drive API, Graph's list API (a library is a list) and SharePoint REST; judged by what each one
 * reads and by whether any answer names a closed item's file. The organizer adds the bilag with her own
 * token, as the task pane does.
 */
let t: Tenant;
const CLOSED = 'Personalesag'; // LUKKET PUNKT on the upcoming meeting
const GUESTS_ITEM = 'Status på Integrationshandleplanen'; // Kamilla's item
const SECRET = 'Fortrolig personalesag Jensen.pdf';
const GUEST_FILE = 'Integrationshandleplan 2024.pdf';
const OPEN_FILE = 'Budgetopfølgning.pdf';

let drive: string;
let place: string;
/** Each item's bilag folder (named by the item's id, bilagFolderName), by title. */
const numbers: Record<string, string> = {};
let secretId: string;
let secretFolderId: string;
let secretRowId: number;

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const path = (...segments: Array<string | number>) =>
  [place, ...segments]
    .map((s) => encodeURIComponent(String(s)))
    .join('/')
    .replace(/%2F/g, '/');

async function upload(who: Person, item: string, name: string, body: Buffer) {
  return who.graph(`/drives/${drive}/root:/${path(item, name)}:/content`, {
    method: 'PUT',
    raw: body as unknown as string,
    headers: { 'Content-Type': 'application/pdf' },
  });
}

beforeAll(async () => {
  t = await demoTenant();
  const view = await openMeeting(t.deps('sofie'), t.next);
  for (const item of view.items) numbers[item.title] = bilagFolderName(item.id);
  expect(numbers[CLOSED]).toBeDefined();
  expect(numbers[GUESTS_ITEM]).toBeDefined();
  const open = view.items.find((i) => !i.closed && i.guests.length === 0)!;
  numbers.open = bilagFolderName(open.id);
  place = placeOfMeeting(t.next);
  const sofie = await t.as('sofie');
  const drives = await sofie.graph(`/sites/${SITE}:/drives`);
  drive = drives.body.value.find((d: { name: string }) => d.name === 'Bilag').id;
  const secret = await upload(sofie, numbers[CLOSED], SECRET, pdf('fortroligt'));
  expect(secret.status).toBe(201);
  secretId = secret.body.id;
  secretFolderId = secret.body.parentReference.id;
  expect((await upload(sofie, numbers[GUESTS_ITEM], GUEST_FILE, pdf('gæst'))).status).toBe(201);
  expect((await upload(sofie, numbers.open, OPEN_FILE, pdf('åben'))).status).toBe(201);
  const rows = await sofie.sp(`/web/lists/getbytitle('Bilag')/items?$select=Id,FileLeafRef&$top=5000`);
  secretRowId = rows.body.value.find((r: { FileLeafRef: string }) => r.FileLeafRef === SECRET).Id;
});
afterAll(() => t.close());

/** The names of the files a person finds in an item's folder through the drive API ([] when refused). */
async function namesIn(who: Person, item: string): Promise<string[]> {
  const res = await who.graph(`/drives/${drive}/root:/${path(item)}:/children`);
  if (res.status === 404 || res.status === 403) return [];
  expect(res.status).toBe(200);
  return res.body.value.map((i: { name: string }) => i.name);
}

test('the circle reads every item’s bilag, the closed item’s included (positive control)', async () => {
  const anders = await t.as('anders');
  expect(await namesIn(anders, numbers[CLOSED])).toEqual([SECRET]);
  expect(await namesIn(anders, numbers[GUESTS_ITEM])).toEqual([GUEST_FILE]);
  expect(await namesIn(anders, numbers.open)).toEqual([OPEN_FILE]);
  const content = await fetch(`${t.server.url}/drives/${drive}/items/${secretId}/content`, {
    headers: { Authorization: await bearer('anders') },
  });
  expect(content.status).toBe(200);
  expect(Buffer.from(await content.arrayBuffer()).toString()).toContain('fortroligt');
  const rest = await anders.sp(`/web/lists/getbytitle('Bilag')/items?$select=FileLeafRef&$top=5000`);
  expect(JSON.stringify(rest.body)).toContain(SECRET);
});

test('the guest reads her own item’s bilag and nothing of the others', async () => {
  const kamilla = await t.as('kamilla');
  expect(await namesIn(kamilla, numbers[GUESTS_ITEM])).toEqual([GUEST_FILE]);
  expect(await namesIn(kamilla, numbers[CLOSED])).toEqual([]);
  expect(await namesIn(kamilla, numbers.open)).toEqual([]);
});

const tokens = new Map<string, string>();
async function bearer(name: string): Promise<string> {
  if (!tokens.has(name)) {
    const res = await fetch(`${t.server.origin}/_dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn: `${name}@kommune.example` }),
    });
    tokens.set(name, `Bearer ${((await res.json()) as { access_token: string }).access_token}`);
  }
  return tokens.get(name)!;
}

describe.each(['kamilla', 'peter'])(
  '%s cannot read, list or learn the names of a closed item’s bilag',
  (name) => {
    let who: Person;
    const seen: string[] = [];
    /** Every answer is kept: none may name the closed item's file. */
    const ask = async (url: string, init?: Parameters<Person['graph']>[1]) => {
      const res = await who.graph(url, init);
      seen.push(JSON.stringify(res.body ?? ''));
      return res;
    };
    beforeAll(async () => {
      who = await t.as(name);
    });
    afterAll(() => {
      for (const body of seen) expect(body).not.toContain(SECRET);
    });

    test('Graph drive API: by id, by path, children, content, versions, pdf: all 404 (or 403 for the whole drive)', async () => {
      const refused = [403, 404];
      for (const url of [
        `/drives/${drive}/items/${secretId}`,
        `/drives/${drive}/items/${secretId}/content`,
        `/drives/${drive}/items/${secretId}/content?format=pdf`,
        `/drives/${drive}/items/${secretId}/versions`,
        `/drives/${drive}/items/${secretId}/versions/1.0/content`,
        `/drives/${drive}/items/${secretFolderId}`,
        `/drives/${drive}/items/${secretFolderId}/children`,
        `/drives/${drive}/root:/${path(numbers[CLOSED])}:/children`,
        `/drives/${drive}/root:/${path(numbers[CLOSED], SECRET)}`,
        `/drives/${drive}/root:/${path(numbers[CLOSED], SECRET)}:/content`,
      ])
        expect([url, refused.includes((await ask(url)).status)]).toEqual([url, true]);
      const direct = await fetch(`${t.server.url}/drives/${drive}/items/${secretId}/content`, {
        headers: { Authorization: await bearer(name) },
        redirect: 'manual',
      });
      expect(direct.status).not.toBe(302);
      expect(refused).toContain(direct.status);
    });

    test('listing the library, its root and the meeting’s folder never shows the closed item’s file', async () => {
      for (const url of [
        `/sites/${SITE}:/drives`,
        `/drives/${drive}/root/children`,
        `/drives/${drive}/root:/${path()}:/children`,
        `/drives/${drive}/root:/${place.split('/')[0]}:/children`,
      ])
        await ask(url);
    });

    test('writes into the closed item’s folder are refused without telling whether a name is taken', async () => {
      for (const conflict of ['fail', 'replace', 'rename']) {
        const put = await ask(
          `/drives/${drive}/root:/${path(numbers[CLOSED], SECRET)}:/content?@microsoft.graph.conflictBehavior=${conflict}`,
          {
            method: 'PUT',
            raw: pdf('x') as unknown as string,
            headers: { 'Content-Type': 'application/pdf' },
          },
        );
        expect([403, 404]).toContain(put.status);
        const session = await ask(
          `/drives/${drive}/root:/${path(numbers[CLOSED], SECRET)}:/createUploadSession`,
          {
            method: 'POST',
            body: { item: { '@microsoft.graph.conflictBehavior': conflict } },
          },
        );
        expect([403, 404]).toContain(session.status);
      }
      const other = await ask(`/drives/${drive}/root:/${path(numbers[CLOSED], 'Andet.pdf')}:/content`, {
        method: 'PUT',
        raw: pdf('x') as unknown as string,
        headers: { 'Content-Type': 'application/pdf' },
      });
      expect(other.status).toBe(
        (
          await ask(`/drives/${drive}/root:/${path(numbers[CLOSED], SECRET)}:/content`, {
            method: 'PUT',
            raw: pdf('x') as unknown as string,
            headers: { 'Content-Type': 'application/pdf' },
          })
        ).status,
      );
      expect((await ask(`/drives/${drive}/items/${secretId}`, { method: 'DELETE' })).status).not.toBe(204);
      // The organizer still finds her file as she left it.
      const sofie = await t.as('sofie');
      expect((await sofie.graph(`/drives/${drive}/items/${secretId}`)).body.size).toBe(
        pdf('fortroligt').length,
      );
    });

    test('Graph’s list API over the library (items, one item, delta) never names it', async () => {
      const items = await ask(`/sites/${SITE}:/lists/Bilag/items?$expand=fields&$top=5000`);
      expect([200, 403]).toContain(items.status);
      expect([403, 404]).toContain(
        (await ask(`/sites/${SITE}:/lists/Bilag/items/${secretRowId}?$expand=fields`)).status,
      );
      await ask(`/sites/${SITE}:/lists/Bilag/items/delta?$expand=fields`);
    });

    test('SharePoint REST: items, the item, the folder and its count say nothing', async () => {
      const sp = async (url: string) => {
        const res = await who.sp(url);
        seen.push(JSON.stringify(res.body ?? ''));
        return res;
      };
      const items = await sp(`/web/lists/getbytitle('Bilag')/items?$select=Id,FileLeafRef,FileRef&$top=5000`);
      expect([200, 403, 404]).toContain(items.status);
      expect([403, 404]).toContain(
        (await sp(`/web/lists/getbytitle('Bilag')/items(${secretRowId})?$select=FileLeafRef`)).status,
      );
      const folderUrl = encodeURIComponent(`${SITE_PATH}/Bilag/${place}/${numbers[CLOSED]}`);
      expect([403, 404]).toContain(
        (await sp(`/web/getfolderbyserverrelativepath(decodedurl='${folderUrl}')`)).status,
      );
      expect([403, 404]).toContain(
        (await sp(`/web/getfolderbyserverrelativepath(decodedurl='${folderUrl}')/ListItemAllFields`)).status,
      );
      const fileUrl = encodeURIComponent(`${SITE_PATH}/Bilag/${place}/${numbers[CLOSED]}/${SECRET}`);
      // A file is no folder: asking for it as one tells nothing either way.
      expect([400, 403, 404]).toContain(
        (await sp(`/web/getfolderbyserverrelativepath(decodedurl='${fileUrl}')`)).status,
      );
    });
  },
);
