import { demoTenant, itemsOf, LISTS_PATH, type Tenant } from './tenant';

/** Requests shaped to hurt the service or to learn through its edges, sent straight to Graph. */
let t: Tenant;
beforeAll(async () => {
  t = await demoTenant();
});
afterAll(() => t.close());

test('a $batch whose requests are $batch again is refused whole, and /me stays quick', async () => {
  const peter = await t.as('peter');
  const inner = Array.from({ length: 20 }, (_v, i) => ({ id: `i${i}`, method: 'GET', url: '/me' }));
  const nested = Array.from({ length: 20 }, (_v, i) => ({
    id: String(i),
    method: 'POST',
    url: '/$batch',
    headers: { 'Content-Type': 'application/json' },
    body: { requests: inner },
  }));
  const before = (await (await fetch(`${t.server.origin}/_dev/stats`)).json()) as { total: number };
  const res = await peter.graph('/$batch', { method: 'POST', body: { requests: nested } });
  expect(res.status).toBe(400);
  const after = (await (await fetch(`${t.server.origin}/_dev/stats`)).json()) as { total: number };
  // The refused call itself is the only request the server counted: none of the 400 inner ones ran.
  expect(after.total - before.total).toBe(1);
  expect((await peter.graph('/me')).status).toBe(200);
});

test('$top and $skip outside their range are refused, never an endless or negative page', async () => {
  const anders = await t.as('anders');
  for (const query of ['$top=-1', '$top=0', '$skip=-3', '$top=abc'])
    expect((await anders.graph(`${LISTS_PATH}/AgendaItems/items?${query}`)).status).toBe(400);
});

test('delta does not tell a guest about deleted rows she could never see', async () => {
  // Kamilla is a guest on one item of each demo meeting, so FollowUps opens for her (her items' folders).
  const kamilla = await t.as('kamilla');
  const start = await kamilla.graph(`${LISTS_PATH}/FollowUps/items/delta?token=latest`);
  expect(start.status).toBe(200);
  const sofie = await t.as('sofie');
  const sofieStart = await sofie.graph(`${LISTS_PATH}/FollowUps/items/delta?token=latest`);
  const [row] = await itemsOf(sofie, 'FollowUps', t.past); // on item 5, not hers
  expect((await sofie.graph(`${LISTS_PATH}/FollowUps/items/${row.id}`, { method: 'DELETE' })).status).toBe(
    204,
  );
  const changes = await kamilla.graph(start.body['@odata.deltaLink']);
  expect(changes.status).toBe(200);
  expect((changes.body.value as Array<{ id: string }>).map((r) => r.id)).not.toContain(row.id);
  // Sofie, who could see it, is told.
  const mine = await sofie.graph(sofieStart.body['@odata.deltaLink']);
  expect(mine.body.value).toContainEqual({ id: row.id, deleted: { state: 'deleted' } });
});
