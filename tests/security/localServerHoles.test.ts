import { addValidate, GRAPH_SITE, idEntry, spSite, type SpSite } from '../devServer/spSite';

/**
 * The local server's own holes (issue 22, point 7), tried as a site member would with his own token:
 * each must answer as SharePoint or Graph does (a 4xx with their error body), never reach what lies outside
 * the API, never a 500, and never let one caller's request slow the others. Each with a positive control.
 */
jest.setTimeout(60_000);

let s: SpSite;
beforeAll(async () => {
  s = await spSite();
});
afterAll(() => s.close());

const devChaos = async () => (await fetch(`${s.server.origin}/_dev/chaos`)).json();

describe('an inner $batch URL is resolved against the version root and never leaves it', () => {
  test.each([
    '/../_dev/chaos',
    '../_dev/chaos',
    '/v1.0/../_dev/chaos',
    '/me/../../_dev/chaos',
    '/%2e%2e/_dev/chaos',
    '/%2E%2E/%2e%2e/_dev/chaos',
    '/..\\_dev\\chaos',
  ])('%s: the whole batch is refused and chaos stays off', async (url) => {
    const peter = await s.graph('peter');
    const res = await peter('/$batch', {
      method: 'POST',
      body: {
        requests: [
          {
            id: '1',
            method: 'POST',
            url,
            body: { latency: 5000, error: 1 },
            headers: { 'Content-Type': 'application/json' },
          },
          {
            id: '2',
            method: 'POST',
            url: url.replace('chaos', 'token'),
            body: { upn: 'sofie@kommune.example' },
            headers: { 'Content-Type': 'application/json' },
          },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest');
    expect(await devChaos()).toEqual({});
  });

  test('positive control: /me, me and /v1.0/me as steps are answered', async () => {
    const peter = await s.graph('peter');
    const res = await peter('/$batch', {
      method: 'POST',
      body: {
        requests: ['/me', 'me', '/v1.0/me', '/users/../me'].map((url, i) => ({
          id: String(i),
          method: 'GET',
          url,
        })),
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.responses.map((r: { status: number }) => r.status)).toEqual([200, 200, 200, 200]);
    expect(res.body.responses[0].body.userPrincipalName).toBe('peter@kommune.example');
  });
});

test("every REST look-up of a group's users obeys who may view its members", async () => {
  const sofieSp = await s.rest('ingrid');
  const made = await sofieSp('web/sitegroups', {
    method: 'POST',
    body: { Title: 'Lukket kreds', OnlyAllowMembersViewMembership: true },
  });
  expect(made.status).toBe(201);
  const g = made.body.Id as number;
  const anders = await s.principal('anders');
  expect(
    (
      await sofieSp(`web/sitegroups(${g})/users`, {
        method: 'POST',
        body: { LoginName: 'i:0#.f|membership|anders@kommune.example' },
      })
    ).status,
  ).toBe(201);
  const login = `'${encodeURIComponent('i:0#.f|membership|anders@kommune.example')}'`;
  const lookups = [
    `web/sitegroups(${g})/users`,
    `web/sitegroups(${g})/users/getbyid(${anders})`,
    `web/sitegroups/getbyid(${g})/users/getbyid(${anders})`,
    `web/sitegroups/getbyname('Lukket%20kreds')/users/getbyid(${anders})`,
    `web/sitegroups(${g})/users/getbyloginname(@v)?@v=${login}`,
  ];
  const peter = await s.rest('peter');
  for (const path of lookups) expect([path, (await peter(path)).status]).toEqual([path, 403]);
  // Positive control: a member of the group reads it by every path.
  const andersSp = await s.rest('anders');
  for (const path of lookups) expect([path, (await andersSp(path)).status]).toEqual([path, 200]);
});

test("a list a member creates never takes an existing list's URL ('Follow Ups' beside /Lists/FollowUps)", async () => {
  const sofieSp = await s.rest('ingrid');
  // The add-in's FollowUps list is there from the tenant's start.
  const original = {
    id: (await sofieSp(`web/lists/getbytitle('FollowUps')?$select=Id`)).body.Id,
    url: '/sites/moeder/Lists/FollowUps',
  };
  const peter = await s.graph('peter'); // a site member: Edit, which includes Manage Lists
  const made = await peter(`${GRAPH_SITE}/lists`, {
    method: 'POST',
    body: { displayName: 'Follow Ups', list: { template: 'genericList' } },
  });
  expect(made.status).toBe(201); // positive control: a member may create lists
  const atUrl = await sofieSp(`web/getlist('${encodeURIComponent(original.url)}')?$select=Id`);
  expect(atUrl.body.Id).toBe(original.id);
  const theirs = await sofieSp(`web/lists(guid'${made.body.id}')?$expand=RootFolder`);
  expect(theirs.body.RootFolder.ServerRelativeUrl.toLowerCase()).not.toBe(original.url.toLowerCase());
  expect(theirs.body.Title).toBe('Follow Ups');
});

describe("names and paths over SharePoint's limits get SharePoint's 400, never a 500 later", () => {
  test('a folder name of 129 characters is refused; 128 is taken and can be deleted', async () => {
    const list = await s.list();
    const anders = await s.rest('anders');
    const long = await addValidate(anders, list, list.url, {}, 'x'.repeat(129));
    expect(long.status).toBe(400);
    expect(long.body['odata.error'].code).toMatch(/PathTooLongException/);
    const million = await addValidate(anders, list, list.url, {}, 'y'.repeat(1_000_000));
    expect(million.status).toBe(400);
    const ok = idEntry(await addValidate(anders, list, list.url, {}, 'z'.repeat(128)));
    expect(ok).toBeGreaterThan(0);
    expect((await anders(`${list.rest}/items(${ok})`, { method: 'DELETE' })).status).toBe(200);
  });

  test('a path over 400 characters is refused, for a folder and for a row; the tree above is deletable', async () => {
    const list = await s.list();
    const anders = await s.rest('anders');
    let dir = list.url;
    let top = 0;
    while (`${dir}/${'d'.repeat(100)}`.length <= 400) {
      const made = await addValidate(anders, list, dir, {}, 'd'.repeat(100));
      expect(made.status).toBe(200);
      top ||= idEntry(made);
      dir = `${dir}/${'d'.repeat(100)}`;
    }
    const tooDeep = await addValidate(anders, list, dir, {}, 'd'.repeat(100));
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body['odata.error'].code).toMatch(/PathTooLongException/);
    if (`${dir}/0000000000_.000`.length > 400)
      expect((await addValidate(anders, list, dir, { MeetingKey: 'k' })).status).toBe(400);
    expect((await anders(`${list.rest}/items(${top})`, { method: 'DELETE' })).status).toBe(200);
  });
});

test('a "%" in a path is decoded once: a 4xx, never a 500', async () => {
  const andersSp = await s.rest('anders');
  const anders = await s.graph('anders');
  for (const res of [
    await andersSp(`web/lists/getbytitle('50%')`),
    await andersSp(
      `web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent('/sites/moeder/Lists/X/50%')}')`,
    ),
    await andersSp(`web/getfolderbyserverrelativepath(decodedurl='/sites/moeder/Lists/%E0%A4%A')`),
    await anders('/me/%'),
    await anders(`${GRAPH_SITE}/lists/50%`),
  ]) {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  }
  // Positive control: a correctly encoded path still works.
  expect(
    (await andersSp(`web/lists/getbytitle('${encodeURIComponent('FollowUps')}')?$select=Id`)).status,
  ).toBe(200);
});

describe('one URL length limit for every request, the steps of a $batch included', () => {
  const long = `/me?$select=id&x=${'a'.repeat(5000)}`;

  test('a URL over the limit is refused outside and inside a $batch; a long but fair one is answered', async () => {
    const anders = await s.graph('anders');
    expect((await anders(long)).status).toBe(414);
    const batch = await anders('/$batch', {
      method: 'POST',
      body: {
        requests: [
          { id: '1', method: 'GET', url: long },
          { id: '2', method: 'GET', url: `/me?x=${'b'.repeat(2000)}` },
        ],
      },
    });
    expect(batch.status).toBe(200);
    expect(batch.body.responses.map((r: { status: number }) => r.status)).toEqual([414, 200]);
    const sp = await s.rest('anders');
    expect((await sp(`web?x=${'c'.repeat(5000)}`)).status).toBe(414);
    expect((await sp(`web?x=${'c'.repeat(2000)}`)).status).toBe(200);
  });
});

describe('a $filter has a node limit, so one caller cannot stall the others', () => {
  const terms = (n: number) =>
    Array.from({ length: n }, (_v, i) => `fields/MeetingKey eq 'k${i}'`).join(' or ');

  test("forty terms are refused with OData's node-count error (Graph and REST); ten are answered", async () => {
    const list = await s.list();
    const anders = await s.graph('anders');
    const prefer = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
    const url = (n: number) =>
      `${GRAPH_SITE}/lists/${list.name}/items?$expand=fields&$filter=${encodeURIComponent(terms(n))}`;
    const refused = await anders(url(40), { headers: prefer });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/node count limit of '100'/);
    expect((await anders(url(10), { headers: prefer })).status).toBe(200);
    const sp = await s.rest('anders');
    const restFilter = (n: number) =>
      Array.from({ length: n }, (_v, i) => `MeetingKey eq 'k${i}'`).join(' or ');
    expect((await sp(`${list.rest}/items?$filter=${encodeURIComponent(restFilter(40))}`)).status).toBe(400);
    expect((await sp(`${list.rest}/items?$filter=${encodeURIComponent(restFilter(10))}`)).status).toBe(200);
  });
});
