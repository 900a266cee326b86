import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../../demo/server';
import { caller, devToken, localOnly, SITE_PATH, target, type Caller, type Target } from './target';

let t: Target;
let ingrid: Caller;
const site = `/sites/${SITE_PATH}:`;

beforeAll(async () => {
  t = await target();
  ingrid = await t.as('ingrid@kommune.example');
});
afterAll(() => t.close());

describe('SharePoint lists through Graph', () => {
  test('the site is found by path and by id', async () => {
    const byPath = await ingrid(`/sites/${SITE_PATH}`);
    expect(byPath.status).toBe(200);
    expect((await ingrid(`/sites/${byPath.body.id}`)).body.id).toBe(byPath.body.id);
  });
});

localOnly('lists, columns and items', () => {
  const list = `Test${Math.random().toString(36).slice(2, 8)}`;
  let items: string;

  beforeAll(async () => {
    const made = await ingrid(`${site}/lists`, {
      method: 'POST',
      body: {
        displayName: list,
        list: { template: 'genericList' },
        columns: [
          { name: 'MeetingKey', text: {}, indexed: true },
          { name: 'Note', text: { allowMultipleLines: true } },
          { name: 'Kind', choice: { choices: ['A', 'B'] } },
          { name: 'Count', number: {} },
        ],
      },
    });
    expect(made.status).toBe(201);
    items = `${site}/lists/${list}/items`;
  });

  test('a second list with the same name is a 409 nameAlreadyExists; a new column can be added once', async () => {
    const again = await ingrid(`${site}/lists`, {
      method: 'POST',
      body: { displayName: list, list: { template: 'genericList' } },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('nameAlreadyExists');
    expect(
      (
        await ingrid(`${site}/lists/${list}/columns`, {
          method: 'POST',
          body: { name: 'Extra', boolean: {} },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await ingrid(`${site}/lists/${list}/columns`, {
          method: 'POST',
          body: { name: 'Extra', boolean: {} },
        })
      ).status,
    ).toBe(409);
  });

  test('a column with enforceUniqueValues refuses a second item with the same value (409), not its own update', async () => {
    const columns = `${site}/lists/${list}/columns`;
    const unindexed = await ingrid(columns, {
      method: 'POST',
      body: { name: 'Loose', text: {}, enforceUniqueValues: true },
    });
    expect(unindexed.status).toBe(400);
    const made = await ingrid(columns, {
      method: 'POST',
      body: { name: 'Slot', text: {}, indexed: true, enforceUniqueValues: true },
    });
    expect(made.status).toBe(201);
    expect(made.body.enforceUniqueValues).toBe(true);
    const first = await ingrid(items, { method: 'POST', body: { fields: { Title: 'a', Slot: 'm1#1' } } });
    expect(first.status).toBe(201);
    const clash = await ingrid(items, { method: 'POST', body: { fields: { Title: 'b', Slot: 'm1#1' } } });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('nameAlreadyExists');
    expect(clash.body.error.message).toContain('[Slot]');
    // Its own row may be written again with the same value; empty values do not clash.
    const own = await ingrid(`${items}/${first.body.id}/fields`, {
      method: 'PATCH',
      body: { Title: 'a2', Slot: 'm1#1' },
    });
    expect(own.status).toBe(200);
    for (const title of ['c', 'd'])
      expect((await ingrid(items, { method: 'POST', body: { fields: { Title: title } } })).status).toBe(201);
    // Another row may not take the value over by PATCH either; once the first is deleted, it may.
    const second = await ingrid(items, { method: 'POST', body: { fields: { Title: 'e', Slot: 'm1#2' } } });
    const takeOver = await ingrid(`${items}/${second.body.id}/fields`, {
      method: 'PATCH',
      body: { Slot: 'm1#1' },
    });
    expect(takeOver.status).toBe(409);
    expect((await ingrid(`${items}/${first.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(
      (await ingrid(`${items}/${second.body.id}/fields`, { method: 'PATCH', body: { Slot: 'm1#1' } })).status,
    ).toBe(200);
  });

  test('an item carries eTag, dates and who made it; a stale If-Match is a 412; * and the current eTag pass', async () => {
    const made = await ingrid(items, {
      method: 'POST',
      body: { fields: { Title: 'Punkt 1', MeetingKey: 'k1', Count: 1 } },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      eTag: expect.stringMatching(/^"[0-9a-f-]+,1"$/),
      createdBy: { user: { email: 'ingrid@kommune.example' } },
    });
    const id = made.body.id;
    const first = await ingrid(`${items}/${id}/fields`, {
      method: 'PATCH',
      body: { Count: 2 },
      headers: { 'If-Match': made.body.eTag },
    });
    expect(first.status).toBe(200);
    expect(first.body['@odata.etag']).toMatch(/,2"$/);
    const stale = await ingrid(`${items}/${id}/fields`, {
      method: 'PATCH',
      body: { Count: 3 },
      headers: { 'If-Match': made.body.eTag },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('resourceModified');
    expect(
      (
        await ingrid(`${items}/${id}/fields`, {
          method: 'PATCH',
          body: { Count: 4 },
          headers: { 'If-Match': '*' },
        })
      ).status,
    ).toBe(200);
    expect((await ingrid(`${items}/${id}?$expand=fields`)).body.fields.Count).toBe(4);
  });

  test('filters: an indexed column works, a non-indexed one needs the Prefer header, a multi-line one never', async () => {
    await ingrid(items, {
      method: 'POST',
      body: { fields: { Title: 'A', MeetingKey: 'k2', Kind: 'A', Note: 'x' } },
    });
    const ok = await ingrid(`${items}?$expand=fields&$filter=fields/MeetingKey eq 'k2'`);
    expect(ok.body.value.map((v: { fields: { Title: string } }) => v.fields.Title)).toEqual(['A']);
    const nonIndexed = await ingrid(`${items}?$filter=fields/Kind eq 'A'`);
    expect(nonIndexed.status).toBe(400);
    const honoured = await ingrid(`${items}?$filter=fields/Kind eq 'A'`, {
      headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    });
    expect(honoured.status).toBe(200);
    const multi = await ingrid(`${items}?$filter=fields/Note eq 'x'`, {
      headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    });
    expect(multi.status).toBe(400);
  });

  test('values are checked as SharePoint checks them', async () => {
    expect(
      (await ingrid(items, { method: 'POST', body: { fields: { Title: 'x'.repeat(256) } } })).status,
    ).toBe(400);
    expect((await ingrid(items, { method: 'POST', body: { fields: { Kind: 'C' } } })).status).toBe(400);
    expect((await ingrid(items, { method: 'POST', body: { fields: { Unknown: 1 } } })).status).toBe(400);
    expect(
      (await ingrid(items, { method: 'POST', body: { fields: { Note: 'y'.repeat(64000) } } })).status,
    ).toBe(400);
  });

  test('delta: token=latest gives a link; later changes and deletions come with it; an unknown token is 410', async () => {
    // (A row made and deleted inside the same window is not reported at all, so this one exists before.)
    const removed = (
      await ingrid(items, { method: 'POST', body: { fields: { Title: 'slettes', MeetingKey: 'k3' } } })
    ).body;
    // "listItem: delta": ask for the fields you read; the deltaLink keeps the $expand.
    const latest = (await ingrid(`${items}/delta?token=latest&$expand=fields`)).body;
    expect(latest.value).toEqual([]);
    const made = (
      await ingrid(items, { method: 'POST', body: { fields: { Title: 'ny', MeetingKey: 'k3' } } })
    ).body;
    await ingrid(`${items}/${removed.id}`, { method: 'DELETE' });
    const changes = (await ingrid(latest['@odata.deltaLink'])).body;
    const byId = new Map(changes.value.map((v: { id: string }) => [v.id, v]));
    expect((byId.get(made.id) as { fields: { Title: string } }).fields.Title).toBe('ny');
    expect(byId.get(removed.id)).toEqual({ id: removed.id, deleted: { state: 'deleted' } });
    const nothing = (await ingrid(changes['@odata.deltaLink'])).body;
    expect(nothing.value).toEqual([]);
    const gone = await ingrid(`${items}/delta?token=bm9wZQ`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('resyncChangesApplyDifferences');
  });

  test('paging: $top gives a nextLink that continues', async () => {
    for (let i = 0; i < 3; i++)
      await ingrid(items, { method: 'POST', body: { fields: { Title: `p${i}`, MeetingKey: 'k4' } } });
    const first = (await ingrid(`${items}?$expand=fields&$filter=fields/MeetingKey eq 'k4'&$top=2`)).body;
    expect(first.value).toHaveLength(2);
    const next = (await ingrid(first['@odata.nextLink'])).body;
    expect(next.value).toHaveLength(1);
  });
});

localOnly(
  'who may read and write the meeting lists (permissions set through SharePoint REST, as the add-in does)',
  () => {
    const api = async (who: string) => {
      const c = caller(`${u.server!.origin}/sites/moeder/_api`, await devToken(u.server!.origin, who));
      const call: Caller = (path, init = {}) =>
        c(path, { ...init, headers: { Accept: 'application/json;odata=nometadata', ...init.headers } });
      return call;
    };
    const login = (upn: string) => `i:0#.f|membership|${upn}`;
    // A tenant before the add-in has provisioned its lists: they still inherit the site's permissions, so
    // each test sets exactly the scopes it is about.
    let u: Target;
    let owner: Caller;
    let sp: Caller;
    let circle: number;
    afterAll(() => u.close());
    beforeAll(async () => {
      u = await target({ seed: 'none' });
      owner = await u.as('ingrid@kommune.example');
      sp = await api('ingrid@kommune.example');
      const group = await sp('web/sitegroups', { method: 'POST', body: { Title: 'Mødeassistent kontrakt' } });
      expect(group.status).toBe(201);
      circle = group.body.Id;
      for (const who of ['anders', 'mads'])
        await sp(`web/sitegroups(${circle})/users`, {
          method: 'POST',
          body: { LoginName: login(`${who}@kommune.example`) },
        });
    });

    test('a site member outside the circle sees nothing of a meeting row with unique permissions; the circle reads it', async () => {
      const row = await owner(`${site}/lists/Meetings/items`, {
        method: 'POST',
        body: { fields: { Title: 'Lukket møde', MeetingKey: 'kontrakt-1' } },
      });
      expect(row.status).toBe(201);
      const item = `web/lists/getbytitle('Meetings')/items(${row.body.id})`;
      expect(
        (
          await sp(`${item}/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`, {
            method: 'POST',
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await sp(`${item}/roleassignments/addroleassignment(principalid=${circle},roledefid=1073741826)`, {
            method: 'POST',
          })
        ).status,
      ).toBe(200);
      const anders = await u.as('anders@kommune.example');
      const peter = await u.as('peter@kommune.example');
      const query = `${site}/lists/Meetings/items?$expand=fields&$filter=fields/MeetingKey eq 'kontrakt-1'`;
      expect((await anders(query)).body.value).toHaveLength(1);
      expect((await peter(query)).body.value).toEqual([]);
      expect((await peter(`${site}/lists/Meetings/items/${row.body.id}`)).status).toBe(404);
      const write = await anders(`${site}/lists/Meetings/items/${row.body.id}/fields`, {
        method: 'PATCH',
        body: { Title: 'x' },
      });
      expect(write.status).toBe(403);
      expect(write.body.error.code).toBe('accessDenied');
    });

    test('in a meeting folder only the referent (Contribute) writes decisions; the circle reads them', async () => {
      const folder = await sp("web/lists/getbytitle('Decisions')/AddValidateUpdateItemUsingPath()", {
        method: 'POST',
        body: {
          listItemCreateInfo: {
            FolderPath: { DecodedUrl: '/sites/moeder/Lists/Decisions' },
            UnderlyingObjectType: 1,
            LeafName: { DecodedUrl: 'kontrakt-1' },
          },
          formValues: [],
        },
      });
      expect(folder.status).toBe(200);
      const folderItem = `web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent('/sites/moeder/Lists/Decisions/kontrakt-1')}')/ListItemAllFields`;
      await sp(`${folderItem}/breakroleinheritance(copyroleassignments=false, clearsubscopes=true)`, {
        method: 'POST',
      });
      await sp(
        `${folderItem}/roleassignments/addroleassignment(principalid=${circle}, roledefid=1073741826)`,
        { method: 'POST' },
      );
      const madsId = (
        await sp('web/ensureuser', { method: 'POST', body: { logonName: login('mads@kommune.example') } })
      ).body.Id;
      await sp(
        `${folderItem}/roleassignments/addroleassignment(principalid=${madsId}, roledefid=1073741827)`,
        { method: 'POST' },
      );
      const decision = {
        listItemCreateInfo: { FolderPath: { DecodedUrl: '/sites/moeder/Lists/Decisions/kontrakt-1' } },
        formValues: [
          { FieldName: 'Title', FieldValue: 'Punkt 1' },
          { FieldName: 'MeetingKey', FieldValue: 'kontrakt-1' },
          { FieldName: 'ItemNumber', FieldValue: '1' },
        ],
      };
      const anders = await api('anders@kommune.example');
      const refused = await anders("web/lists/getbytitle('Decisions')/AddValidateUpdateItemUsingPath()", {
        method: 'POST',
        body: decision,
      });
      expect(refused.status).toBe(403);
      const mads = await api('mads@kommune.example');
      const made = await mads("web/lists/getbytitle('Decisions')/AddValidateUpdateItemUsingPath()", {
        method: 'POST',
        body: decision,
      });
      expect(made.status).toBe(200);
      const id = made.body.value.find((v: { FieldName: string }) => v.FieldName === 'Id').FieldValue;
      const madsGraph = await u.as('mads@kommune.example');
      expect(
        (
          await madsGraph(`${site}/lists/Decisions/items/${id}/fields`, {
            method: 'PATCH',
            body: { Text: 'Godkendt.' },
          })
        ).status,
      ).toBe(200);
      const andersGraph = await u.as('anders@kommune.example');
      expect((await andersGraph(`${site}/lists/Decisions/items/${id}?$expand=fields`)).body.fields.Text).toBe(
        'Godkendt.',
      );
      expect(
        (
          await andersGraph(`${site}/lists/Decisions/items/${id}/fields`, {
            method: 'PATCH',
            body: { Text: 'Nej.' },
          })
        ).status,
      ).toBe(403);
      const peter = await u.as('peter@kommune.example');
      expect((await peter(`${site}/lists/Decisions/items/${id}`)).status).toBe(404);
      // Approval takes the referent's Contribute away: he keeps Read through the circle.
      await sp(
        `${folderItem}/roleassignments/removeroleassignment(principalid=${madsId}, roledefid=1073741827)`,
        { method: 'POST' },
      );
      expect(
        (
          await madsGraph(`${site}/lists/Decisions/items/${id}/fields`, {
            method: 'PATCH',
            body: { Text: 'Senere.' },
          })
        ).status,
      ).toBe(403);
    });

    test('WriteSecurity 2 (Absences): a member edits their own row, not somebody else’s', async () => {
      expect(
        (
          await sp("web/lists/getbytitle('Absences')", {
            method: 'POST',
            headers: { 'X-HTTP-Method': 'MERGE' },
            body: { WriteSecurity: 2 },
          })
        ).status,
      ).toBe(204);
      const erik = await u.as('erik@kommune.example');
      const louise = await u.as('louise@kommune.example');
      const own = await erik(`${site}/lists/Absences/items`, {
        method: 'POST',
        body: {
          fields: {
            Title: 'Erik',
            MeetingKey: 'kontrakt-1',
            PersonUpn: 'erik@kommune.example',
            Kind: 'Afbud',
          },
        },
      });
      expect(own.status).toBe(201);
      expect(
        (
          await erik(`${site}/lists/Absences/items/${own.body.id}/fields`, {
            method: 'PATCH',
            body: { Kind: 'Trukket tilbage' },
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await louise(`${site}/lists/Absences/items/${own.body.id}/fields`, {
            method: 'PATCH',
            body: { Kind: 'Afbud' },
          })
        ).status,
      ).toBe(403);
    });

    test('members may create lists (Edit holds ManageLists, as in SharePoint); a reader may not', async () => {
      const peter = await u.as('peter@kommune.example');
      // On the root site everybody only reads (the Visitors group).
      expect(
        (
          await peter('/sites/root/lists', {
            method: 'POST',
            body: { displayName: 'Peters', list: { template: 'genericList' } },
          })
        ).status,
      ).toBe(403);
    });
  },
);

localOnly('$batch', () => {
  test('20 steps at most; /me and /v1.0/me both work; a failed dependency is a 424', async () => {
    const many = Array.from({ length: 21 }, (_v, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    expect((await ingrid('/$batch', { method: 'POST', body: { requests: many } })).status).toBe(400);
    const res = await ingrid('/$batch', {
      method: 'POST',
      body: {
        requests: [
          { id: 'a', method: 'GET', url: '/me' },
          { id: 'b', method: 'GET', url: '/v1.0/me' },
          { id: 'c', method: 'GET', url: '/users/nobody@kommune.example' },
          { id: 'd', method: 'GET', url: '/me', dependsOn: ['c'] },
        ],
      },
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(
      res.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]),
    );
    expect(byId).toEqual({ a: 200, b: 200, c: 404, d: 424 });
  });
});

localOnly('chaos', () => {
  test('throttling answers 429 with Retry-After, also inside a batch; /_dev is never touched', async () => {
    const chaotic = await startDemoServer({
      port: 0,
      db: ':memory:',
      seed: 'none',
      chaos: { throttle: 1, retryAfter: 2 },
      seedRandom: 1,
    });
    try {
      const token = await devToken(chaotic.origin, 'ingrid@kommune.example');
      const me = caller(chaotic.url, token);
      const res = await me('/me');
      expect(res.status).toBe(429);
      expect(res.headers.get('Retry-After')).toBe('2');
      expect(res.body.error.code).toBe('TooManyRequests');
      chaotic.setChaos({});
      const batchable = await me('/$batch', {
        method: 'POST',
        body: { requests: [{ id: '1', method: 'GET', url: '/me' }] },
      });
      expect(batchable.status).toBe(200);
      chaotic.setChaos({ throttle: 1 });
      await fetch(`${chaotic.origin}/_dev/chaos`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ throttle: 0.999, retryAfter: 1 }),
      });
      const stats = await fetch(`${chaotic.origin}/_dev/stats`);
      expect(stats.status).toBe(200);
    } finally {
      await chaotic.close();
    }
  });

  test('a throttled step inside a 200 batch response carries its own 429', async () => {
    const chaotic = await startDemoServer({ port: 0, db: ':memory:', seed: 'none', seedRandom: 3 });
    try {
      const me = caller(chaotic.url, await devToken(chaotic.origin, 'ingrid@kommune.example'));
      let seen429 = false;
      for (let i = 0; i < 10 && !seen429; i++) {
        chaotic.setChaos({});
        const pending = me('/$batch', {
          method: 'POST',
          body: {
            requests: Array.from({ length: 6 }, (_v, k) => ({ id: String(k), method: 'GET', url: '/me' })),
          },
        });
        chaotic.setChaos({ throttle: 0.5 });
        const res = await pending;
        if (res.status !== 200) continue;
        seen429 = res.body.responses.some(
          (r: { status: number; headers: Record<string, string> }) =>
            r.status === 429 && r.headers['Retry-After'],
        );
      }
      expect(seen429).toBe(true);
    } finally {
      await chaotic.close();
    }
  });
});

localOnly('durability', () => {
  test('a restart keeps every write (file database)', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'graph-')), 'graph.db');
    const first = await startDemoServer({ port: 0, db, seed: 'demo', secret: 's' });
    const me = caller(first.url, await devToken(first.origin, 'ingrid@kommune.example'));
    const made = await me(`${site}/lists/Decisions/items`, {
      method: 'POST',
      body: {
        fields: { Title: 'Punkt 1', MeetingKey: 'restart', ItemNumber: 1, Text: 'Gemt før genstart.' },
      },
    });
    await first.close();
    const second = await startDemoServer({ port: 0, db, seed: 'demo', secret: 's' });
    try {
      const again = caller(second.url, await devToken(second.origin, 'ingrid@kommune.example'));
      expect(
        (await again(`${site}/lists/Decisions/items/${made.body.id}?$expand=fields`)).body.fields.Text,
      ).toBe('Gemt før genstart.');
    } finally {
      await second.close();
    }
  });

  test('kill -9 during a write burst: every acknowledged write is there after reopening', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'graph-')), 'graph.db');
    // node --import tsx runs the server in this very process, so SIGKILL hits the server (tsx's cli would fork a child).
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '../../demo/main.ts'), '--port', '0', '--db', db, '--seed', 'demo'],
      {
        env: { ...process.env, GRAPH_DEV_SECRET: 'kill-test' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = /Graph ready at (\S+)/.exec(d.toString());
        if (m) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error('server exited')));
    });
    const origin = url.replace(/\/v1\.0$/, '');
    const me = caller(url, await devToken(origin, 'ingrid@kommune.example'));
    const acknowledged: string[] = [];
    const burst = (async () => {
      for (let i = 0; i < 400; i++) {
        const res = await me(`${site}/lists/Decisions/items`, {
          method: 'POST',
          body: {
            fields: { Title: `Punkt ${i}`, MeetingKey: 'burst', ItemNumber: i, Text: `skrivning ${i}` },
          },
        }).catch(() => null);
        if (!res) return;
        if (res.status === 201) acknowledged.push(res.body.id);
      }
    })();
    await new Promise((r) => setTimeout(r, 400));
    child.kill('SIGKILL');
    await burst;
    expect(acknowledged.length).toBeGreaterThan(0);
    const reopened = await startDemoServer({ port: 0, db, seed: 'demo', secret: 'kill-test' });
    try {
      const again = caller(reopened.url, await devToken(reopened.origin, 'ingrid@kommune.example'));
      const stored = new Set<string>();
      let link: string | undefined =
        `${site}/lists/Decisions/items?$filter=fields/MeetingKey eq 'burst'&$top=999`;
      while (link) {
        const page: { body: { value: Array<{ id: string }>; '@odata.nextLink'?: string } } =
          await again(link);
        page.body.value.forEach((v) => stored.add(v.id));
        link = page.body['@odata.nextLink'];
      }
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
