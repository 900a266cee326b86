import { SITE_PATH, target, type Caller, type Target } from './target';

/**
 * SharePoint lists through Graph as Graph answers, not as the add-in would find convenient. Each test
 * names the reference page it follows. Runs against real Graph too (GRAPH_BASE_URL/GRAPH_TOKEN): the list
 * is made and removed by the test, by the signed-in person (a site owner).
 */
let t: Target;
let sofie: Caller;
const site = `/sites/${SITE_PATH}:`;
const list = `Fidelity${Math.random().toString(36).slice(2, 8)}`;
let items: string;
const ids: string[] = [];

beforeAll(async () => {
  t = await target();
  sofie = await t.as('sofie@kommune.example');
  const made = await sofie(`${site}/lists`, {
    method: 'POST',
    body: {
      displayName: list,
      list: { template: 'genericList' },
      columns: [
        { name: 'MeetingKey', text: {}, indexed: true },
        { name: 'Note', text: { allowMultipleLines: true } },
      ],
    },
  });
  expect(made.status).toBe(201);
  items = `${site}/lists/${made.body.id}/items`;
  for (let i = 0; i < 3; i++) {
    const r = await sofie(items, {
      method: 'POST',
      body: { fields: { Title: `Række ${i}`, MeetingKey: 'k', Note: 'n' } },
    });
    ids.push(r.body.id);
  }
});
afterAll(async () => {
  if (items) await sofie(items.replace(/\/items$/, ''), { method: 'DELETE' });
  await t.close();
});

// "listItem: delta" (Microsoft Graph v1.0): the app asks for what it reads; delta links are opaque.
describe('listItem: delta', () => {
  test('fields come only when asked for, and the $select inside $expand is kept in the deltaLink', async () => {
    const start = await sofie(`${items}/delta?token=latest&$expand=fields($select=MeetingKey)`);
    expect(start.status).toBe(200);
    await sofie(`${items}/${ids[0]}/fields`, { method: 'PATCH', body: { Note: 'ændret' } });
    const asked = await sofie(start.body['@odata.deltaLink']);
    const row = asked.body.value.find((r: { id: string }) => r.id === ids[0]);
    expect(row.fields.MeetingKey).toBe('k');
    expect(row.fields.Note).toBeUndefined();

    const plain = await sofie(`${items}/delta`);
    expect(plain.status).toBe(200);
    for (const r of plain.body.value as Array<{ fields?: unknown }>) expect(r.fields).toBeUndefined();
  });

  // Microsoft Q&A, "Graph ListItem Delta API does not return lastModifiedBy property".
  test('delta items carry no lastModifiedBy; the item itself does', async () => {
    const all = await sofie(`${items}/delta?$expand=fields`);
    for (const r of all.body.value as Array<{ lastModifiedBy?: unknown }>)
      expect(r.lastModifiedBy).toBeUndefined();
    const one = await sofie(`${items}/${ids[0]}`);
    expect(one.body.lastModifiedBy.user.email).toMatch(/@/);
  });

  test('a token the service no longer knows is 410 resyncChangesApplyDifferences with a Location to start over', async () => {
    const gone = await sofie(`${items}/delta?token=not-a-token`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('resyncChangesApplyDifferences');
    expect(gone.headers.get('location')).toContain('/delta');
  });
});

// "Get listItem" / "List items" (Microsoft Graph v1.0): identitySet users carry their id.
describe('list items', () => {
  test('createdBy and lastModifiedBy name the user by id, mail and name', async () => {
    const one = await sofie(`${items}/${ids[0]}`);
    expect(one.body.createdBy.user).toMatchObject({
      id: expect.any(String),
      email: expect.stringMatching(/@/),
    });
    expect(one.body.lastModifiedBy.user.id).toBe(one.body.createdBy.user.id);
  });

  // "Paging Microsoft Graph data in your app": follow @odata.nextLink as it is; SharePoint's is a $skiptoken.
  test('a page link is an opaque $skiptoken that keeps $expand', async () => {
    const first = await sofie(`${items}?$top=2&$expand=fields($select=Title)`);
    const next = first.body['@odata.nextLink'] as string;
    expect(next).toContain('$skiptoken=');
    expect(next).not.toContain('$skip=');
    const second = await sofie(next);
    expect(second.body.value).toHaveLength(1);
    expect(Object.keys(second.body.value[0].fields).filter((k) => !k.startsWith('@odata'))).toEqual(
      expect.arrayContaining(['Title']),
    );
    expect(second.body.value[0].fields.Note).toBeUndefined();
  });

  test('$top outside its range is a 400, not a silent page', async () => {
    for (const top of ['-1', '0', 'x']) expect((await sofie(`${items}?$top=${top}`)).status).toBe(400);
    expect((await sofie(`${items}?$skip=-3`)).status).toBe(400);
  });

  // "OData context" in every Graph JSON answer.
  test('collections and entities name their @odata.context', async () => {
    const many = await sofie(`${items}?$expand=fields`);
    expect(many.body['@odata.context']).toMatch(/\$metadata#sites\(.+\)\/lists\(.+\)\/items$/);
    const one = await sofie(`${items}/${ids[1]}`);
    expect(one.body['@odata.context']).toMatch(/\/items\/\$entity$/);
    const fields = await sofie(`${items}/${ids[1]}/fields`);
    expect(fields.body['@odata.context']).toMatch(/\/fields\/\$entity$/);
    const lists = await sofie(`${site}/lists`);
    expect(lists.body['@odata.context']).toMatch(/\/lists$/);
    const delta = await sofie(`${items}/delta?token=latest`);
    expect(delta.body['@odata.context']).toMatch(/\$metadata#Collection\(listItem\)$/);
  });
});
