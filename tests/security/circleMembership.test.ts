import { demoTenant, SITE_PATH, upn, type Tenant, placeOfMeeting } from './tenant';

/**
 * Who is in a meeting's circle is the meeting's business. The circle is given person by person on each
 * of the meeting's scopes (ADR 004: no SharePoint group), so there is no group to join and no membership
 * to list; what remains to ask is a scope's role assignments, which need Enumerate Permissions there. A
 * site member who is not invited (Peter) asks for them with his own token.
 */
let t: Tenant;
beforeAll(async () => {
  t = await demoTenant();
});
afterAll(() => t.close());

const decisions = () =>
  `web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(
    `${SITE_PATH}/Lists/Decisions/${placeOfMeeting(t.next)}`,
  )}')/listItemAllFields/roleassignments?$expand=Member`;

test('no SharePoint group holds a meeting’s circle: there is no membership anyone could join', async () => {
  const sofie = await t.as('sofie');
  const groups = await sofie.sp('web/sitegroups');
  expect(groups.status).toBe(200); // positive control: the site owner lists every group
  const titles = (groups.body.value as Array<{ Title: string; Description: string | null }>).map(
    (g) => `${g.Title} ${g.Description ?? ''}`,
  );
  expect(titles.filter((g) => g.includes(t.next))).toEqual([]);
  // The circle is on the meeting's folder itself, person by person, as the organizer reads it.
  const held = await sofie.sp(decisions());
  expect(held.status).toBe(200);
  const logins = (held.body.value as Array<{ Member: { LoginName: string } }>).map((a) =>
    a.Member.LoginName.split('|').pop(),
  );
  expect(logins).toEqual(expect.arrayContaining([upn('sofie'), upn('mads')]));
});

test('a site member outside the meeting cannot list its circle from the meeting folder’s role assignments', async () => {
  // Positive control: the organizer reads them by the same path.
  expect((await (await t.as('sofie')).sp(decisions())).status).toBe(200);
  const peter = await t.as('peter');
  const asked = await peter.sp(decisions());
  expect([403, 404]).toContain(asked.status);
  expect(JSON.stringify(asked.body)).not.toContain(upn('mads'));
});
