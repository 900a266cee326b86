import { spSite, GRAPH_SITE, ROLE, type SpSite } from './spSite';
import type { Caller } from './target';

/**
 * Graph's drive API over the demo site's document library "Bilag" on the local server: shapes, status codes,
 * folders, uploads (simple and by session), content, versions, If-Match, and access decided only by the
 * library's SharePoint role assignments set through SharePoint REST.
 */
let site: SpSite;
let ingrid: Caller;
let ingridSp: Caller;
let drive: string;

beforeAll(async () => {
  site = await spSite();
  ingrid = await site.graph('ingrid');
  ingridSp = await site.rest('ingrid');
  const drives = await ingrid(`${GRAPH_SITE}/drives`);
  expect(drives.status).toBe(200);
  drive = drives.body.value.find((d: { name: string }) => d.name === 'Bilag').id;
});
afterAll(() => site.close());

/** PUT bytes as a file's content (Graph's simple upload). */
async function put(
  who: Caller,
  path: string,
  bytes: Buffer | string,
  type = 'application/pdf',
  headers = {},
) {
  return who(path, {
    method: 'PUT',
    raw: bytes as unknown as string,
    headers: { 'Content-Type': type, ...headers },
  });
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

async function folder(who: Caller, parent: string, name: string, conflict = 'fail') {
  return who(`/drives/${drive}/${parent}/children`, {
    method: 'POST',
    body: { name, folder: {}, '@microsoft.graph.conflictBehavior': conflict },
  });
}

describe('the library as a drive', () => {
  test('the site lists it as a documentLibrary drive; its root is a folder; SharePoint REST sees BaseTemplate 101', async () => {
    const d = await ingrid(`/drives/${drive}`);
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ id: drive, name: 'Bilag', driveType: 'documentLibrary' });
    expect(d.body.webUrl).toBe('https://kommune.sharepoint.com/sites/moeder/Bilag');
    const root = await ingrid(`/drives/${drive}/root`);
    expect(root.status).toBe(200);
    expect(root.body).toMatchObject({ name: 'root', root: {}, folder: { childCount: expect.any(Number) } });
    const lib = await ingridSp(`web/lists/getbytitle('Bilag')?$expand=RootFolder`);
    expect(lib.body).toMatchObject({
      BaseTemplate: 101,
      RootFolder: { ServerRelativeUrl: '/sites/moeder/Bilag' },
    });
  });

  test('folders: 201, then conflictBehavior fail → 409, rename → "name 1", replace → the same folder (200)', async () => {
    const made = await folder(ingrid, 'root', 'Shapes');
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      name: 'Shapes',
      folder: { childCount: 0 },
      parentReference: { driveId: drive },
    });
    expect(made.body.id).toMatch(/^01[0-9A-Z]{32}$/);
    const again = await folder(ingrid, 'root', 'shapes');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('nameAlreadyExists');
    expect((await folder(ingrid, 'root', 'Shapes', 'rename')).body.name).toBe('Shapes 1');
    const replaced = await folder(ingrid, 'root', 'Shapes', 'replace');
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).toBe(made.body.id);
    const inner = await folder(ingrid, `items/${made.body.id}`, 'Inner');
    expect(inner.body.parentReference).toMatchObject({
      id: made.body.id,
      path: `/drives/${drive}/root:/Shapes`,
    });
    const byPath = await ingrid(`/drives/${drive}/root:/Shapes/Inner`);
    expect(byPath.body.id).toBe(inner.body.id);
    expect(
      (await ingrid(`/drives/${drive}/root:/Shapes:/children`)).body.value.map(
        (i: { name: string }) => i.name,
      ),
    ).toEqual(['Inner']);
    expect((await ingrid(`/drives/${drive}/root:/Nowhere`)).status).toBe(404);
  });

  test('small upload, a new version, If-Match, versions, content by redirect and ?format=pdf', async () => {
    const parent = (await folder(ingrid, 'root', 'Files')).body.id;
    const first = await put(ingrid, `/drives/${drive}/items/${parent}:/Notat.pdf:/content`, pdf('one'));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      name: 'Notat.pdf',
      size: pdf('one').length,
      file: { mimeType: 'application/pdf' },
    });
    const second = await put(
      ingrid,
      `/drives/${drive}/items/${parent}:/Notat.pdf:/content`,
      pdf('two!'),
      'application/pdf',
      {
        'If-Match': first.body.eTag,
      },
    );
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.eTag).not.toBe(first.body.eTag);
    const stale = await put(
      ingrid,
      `/drives/${drive}/items/${first.body.id}/content`,
      pdf('three'),
      'application/pdf',
      {
        'If-Match': first.body.eTag,
      },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('resourceModified');
    const versions = await ingrid(`/drives/${drive}/items/${first.body.id}/versions`);
    expect(versions.body.value.map((v: { id: string }) => v.id)).toEqual(['2.0', '1.0']);
    const failing = await put(
      ingrid,
      `/drives/${drive}/items/${parent}:/Notat.pdf:/content?@microsoft.graph.conflictBehavior=fail`,
      pdf('x'),
    );
    expect(failing.status).toBe(409);

    const content = await fetch(`${site.server.url}/drives/${drive}/items/${first.body.id}/content`, {
      headers: { Authorization: `Bearer ${await tokenOf('ingrid')}` },
      redirect: 'manual',
    });
    expect(content.status).toBe(302);
    const bytes = Buffer.from(await (await fetch(content.headers.get('location')!)).arrayBuffer());
    expect(bytes.equals(pdf('two!'))).toBe(true);
    const asPdf = await fetch(
      `${site.server.url}/drives/${drive}/items/${first.body.id}/content?format=pdf`,
      {
        headers: { Authorization: `Bearer ${await tokenOf('ingrid')}` },
      },
    );
    expect(asPdf.status).toBe(200);
    expect(Buffer.from(await asPdf.arrayBuffer()).equals(pdf('two!'))).toBe(true);
    const docx = await put(
      ingrid,
      `/drives/${drive}/items/${parent}:/Notat.docx:/content`,
      'PK',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.status).toBe(201);
    const converted = await ingrid(`/drives/${drive}/items/${docx.body.id}/content?format=pdf`);
    expect(converted.status).toBe(406);
    expect(converted.body.error.code).toBe('notSupported');

    const tooBig = await put(
      ingrid,
      `/drives/${drive}/items/${parent}:/Stor.pdf:/content`,
      Buffer.alloc(4 * 1024 * 1024 + 1),
    );
    expect(tooBig.status).toBe(413);
    const deleted = await ingrid(`/drives/${drive}/items/${docx.body.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await ingrid(`/drives/${drive}/items/${docx.body.id}`)).status).toBe(404);
  });

  test('an upload session: 200 with uploadUrl, 202 with nextExpectedRanges, 416 out of order, 201 with the driveItem', async () => {
    await folder(ingrid, 'root', 'Large');
    const session = await ingrid(`/drives/${drive}/root:/Large/Rapport.pdf:/createUploadSession`, {
      method: 'POST',
      body: { item: { '@microsoft.graph.conflictBehavior': 'fail' } },
    });
    expect(session.status).toBe(200);
    expect(session.body.nextExpectedRanges).toEqual(['0-']);
    const file = Buffer.concat([pdf('big'), Buffer.alloc(6 * 1024 * 1024, 7)]);
    const half = 320 * 1024 * 10;
    const range = (from: number, to: number) =>
      fetch(session.body.uploadUrl, {
        method: 'PUT',
        headers: {
          'Content-Range': `bytes ${from}-${to - 1}/${file.length}`,
          'Content-Type': 'application/octet-stream',
        },
        body: file.subarray(from, to),
      });
    const first = await range(0, half);
    expect(first.status).toBe(202);
    expect((await first.json()).nextExpectedRanges).toEqual([`${half}-`]);
    expect((await range(half + 10, file.length)).status).toBe(416);
    const last = await range(half, file.length);
    expect(last.status).toBe(201);
    const item = await last.json();
    expect(item).toMatchObject({ name: 'Rapport.pdf', size: file.length });
    const again = await ingrid(`/drives/${drive}/root:/Large/Rapport.pdf:/createUploadSession`, {
      method: 'POST',
      body: { item: { '@microsoft.graph.conflictBehavior': 'fail' } },
    });
    expect(again.status).toBe(409);
  });

  test('a session whose folder is deleted before the last byte writes nothing (404)', async () => {
    const gone = (await folder(ingrid, 'root', 'Gone')).body.id;
    const session = await ingrid(`/drives/${drive}/items/${gone}:/Sen.pdf:/createUploadSession`, {
      method: 'POST',
      body: {},
    });
    expect(session.status).toBe(200);
    expect((await ingrid(`/drives/${drive}/items/${gone}`, { method: 'DELETE' })).status).toBe(204);
    const bytes = pdf('late');
    const last = await fetch(session.body.uploadUrl, {
      method: 'PUT',
      headers: {
        'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}`,
        'Content-Type': 'application/octet-stream',
      },
      body: bytes,
    });
    expect(last.status).toBe(404);
    expect(
      (await ingrid(`/drives/${drive}/root/children`)).body.value.map((i: { name: string }) => i.name),
    ).not.toContain('Sen.pdf');
  });
});

const tokens = new Map<string, string>();
async function tokenOf(name: string) {
  if (!tokens.has(name)) {
    const res = await fetch(`${site.server.origin}/_dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn: `${name}@kommune.example` }),
    });
    tokens.set(name, ((await res.json()) as { access_token: string }).access_token);
  }
  return tokens.get(name)!;
}

describe('access is the library folders’ role assignments', () => {
  let open: string;
  let closed: string;
  let inOpen: string;
  let inClosed: string;
  const folderRest = (name: string) =>
    `web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(`/sites/moeder/Bilag/Rights/${name}`)}')/ListItemAllFields`;

  beforeAll(async () => {
    // The library only for its owners; folder Open gives Kamilla Read through SharePoint REST, Closed nobody.
    await ingridSp(
      `web/lists/getbytitle('Bilag')/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`,
      { method: 'POST' },
    );
    await folder(ingrid, 'root', 'Rights');
    open = (
      await ingrid(`/drives/${drive}/root:/Rights:/children`, {
        method: 'POST',
        body: { name: 'Open', folder: {} },
      })
    ).body.id;
    closed = (
      await ingrid(`/drives/${drive}/root:/Rights:/children`, {
        method: 'POST',
        body: { name: 'Closed', folder: {} },
      })
    ).body.id;
    inOpen = (await put(ingrid, `/drives/${drive}/items/${open}:/Åben.pdf:/content`, pdf('open'))).body.id;
    inClosed = (await put(ingrid, `/drives/${drive}/items/${closed}:/Hemmelig.pdf:/content`, pdf('closed')))
      .body.id;
    const kamilla = await site.principal('kamilla');
    expect(
      (
        await ingridSp(
          `${folderRest('Open')}/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`,
          { method: 'POST' },
        )
      ).status,
    ).toBe(200);
    const given = await ingridSp(
      `${folderRest('Open')}/roleassignments/addroleassignment(principalid=${kamilla},roledefid=${ROLE.read})`,
      { method: 'POST' },
    );
    expect(given.status).toBe(200);
    await ingridSp(
      `${folderRest('Closed')}/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`,
      { method: 'POST' },
    );
  });

  test('a user with Read on one folder sees only it and its file, and may read its content', async () => {
    const kamilla = await site.graph('kamilla');
    expect((await kamilla(`${GRAPH_SITE}/drives`)).body.value.map((d: { name: string }) => d.name)).toContain(
      'Bilag',
    );
    expect((await kamilla(`/drives/${drive}/root:/Rights:/children`)).status).toBe(404);
    expect((await kamilla(`/drives/${drive}/root/children`)).body.value).toEqual([]);
    expect(
      (await kamilla(`/drives/${drive}/root:/Rights/Open:/children`)).body.value.map(
        (i: { name: string }) => i.name,
      ),
    ).toEqual(['Åben.pdf']);
    expect((await kamilla(`/drives/${drive}/items/${inOpen}`)).status).toBe(200);
    const content = await fetch(`${site.server.url}/drives/${drive}/items/${inOpen}/content`, {
      headers: { Authorization: `Bearer ${await tokenOf('kamilla')}` },
    });
    expect(content.status).toBe(200);
    for (const path of [
      `items/${closed}`,
      `items/${inClosed}`,
      `items/${inClosed}/content`,
      `items/${closed}/children`,
      'root:/Rights/Closed/Hemmelig.pdf',
      'root:/Rights/Closed:/children',
    ])
      expect([path, (await kamilla(`/drives/${drive}/${path}`)).status]).toEqual([path, 404]);
  });

  test('Read gives no writes (403), and nothing in a folder one cannot see (404)', async () => {
    const kamilla = await site.graph('kamilla');
    expect((await put(kamilla, `/drives/${drive}/items/${open}:/Ny.pdf:/content`, pdf('x'))).status).toBe(
      403,
    );
    expect((await put(kamilla, `/drives/${drive}/items/${inOpen}/content`, pdf('x'))).status).toBe(403);
    expect((await folder(kamilla, `items/${open}`, 'Sub')).status).toBe(403);
    expect((await kamilla(`/drives/${drive}/items/${inOpen}`, { method: 'DELETE' })).status).toBe(403);
    expect(
      (
        await kamilla(`/drives/${drive}/items/${open}:/Stor.pdf:/createUploadSession`, {
          method: 'POST',
          body: {},
        })
      ).status,
    ).toBe(403);
    expect((await put(kamilla, `/drives/${drive}/items/${closed}:/Ny.pdf:/content`, pdf('x'))).status).toBe(
      404,
    );
    expect((await kamilla(`/drives/${drive}/items/${inClosed}`, { method: 'DELETE' })).status).toBe(404);
  });

  test('someone with no permission in the library gets 403 on the drive and does not see it listed', async () => {
    const peter = await site.graph('peter');
    expect(
      (await peter(`${GRAPH_SITE}/drives`)).body.value.map((d: { name: string }) => d.name),
    ).not.toContain('Bilag');
    expect((await peter(`/drives/${drive}`)).status).toBe(403);
    expect((await peter(`/drives/${drive}/items/${inOpen}`)).status).toBe(403);
  });

  test('a JSON resource refuses bytes with 415', async () => {
    const res = await put(ingrid, '/me/events', pdf('x'));
    expect(res.status).toBe(415);
  });
});
