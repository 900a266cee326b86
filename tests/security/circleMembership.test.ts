import { demoTenant, type Tenant } from './tenant';

/**
 * Who is in a meeting's circle is the meeting's business: a site member who is not invited (Peter) asks
 * SharePoint REST for the circle group's members by every path, with his own token. The add-in creates the
 * group with OnlyAllowMembersViewMembership set, so this holds also where a REST-created group's default
 * shows its members to everyone (the adversarial run's `members-visible`).
 */
let t: Tenant;
beforeAll(async () => {
  t = await demoTenant();
});
afterAll(() => t.close());

async function circleOf(key: string): Promise<{ id: number; members: string[] }> {
  const sofie = await t.as('sofie');
  const groups = await sofie.sp('web/sitegroups');
  const group = (groups.body.value as Array<{ Id: number; Description: string | null }>).find((g) =>
    (g.Description ?? '').includes(key),
  );
  if (!group) throw new Error(`no circle group for ${key}`);
  const members = await sofie.sp(`web/sitegroups(${group.Id})/users`);
  expect(members.status).toBe(200); // positive control: the organizer reads her circle
  return {
    id: group.Id,
    members: (members.body.value as Array<{ Id: number; UserPrincipalName: string }>).map((u) =>
      String(u.Id),
    ),
  };
}

test('a site member outside the meeting cannot list its circle, nor ask for one member of it', async () => {
  const circle = await circleOf(t.next);
  expect(circle.members.length).toBeGreaterThan(1);
  const peter = await t.as('peter');
  const paths = [
    `web/sitegroups(${circle.id})/users`,
    `web/sitegroups/getbyid(${circle.id})/users`,
    ...circle.members.map((m) => `web/sitegroups(${circle.id})/users/getbyid(${m})`),
  ];
  for (const path of paths) expect([path, (await peter.sp(path)).status]).toEqual([path, 403]);
  // Positive control: a person in the circle (the referent) reads it by the same paths.
  const mads = await t.as('mads');
  for (const path of paths) expect([path, (await mads.sp(path)).status]).toEqual([path, 200]);
});
