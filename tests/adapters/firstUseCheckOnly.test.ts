import { localGraph, localSharePoint, provisionSite } from '../contracts/graphStack';

jest.setTimeout(60_000);

/**
 * A secretary's first use changes nothing about the lists (docs/adr/004-permissions.md, "Secretaries"): she
 * is no site owner. Where IT has not provisioned yet she is told to ask IT, and the lists stay as they were;
 * once IT has, her check passes without a single write; without a secretariat of her own her first meeting
 * is refused with the words that tell her to ask IT.
 */
test('before IT provisions: a secretary is told to ask IT, and the lists are left as they were', async () => {
  const { server } = await localGraph({ seed: 'none' });
  try {
    const sofie = localSharePoint(server, 'sofie@kommune.example');
    await expect(sofie.lists.ensureProvisioned()).rejects.toMatchObject({
      kind: 'NotFound',
      details: { code: 'listsNotProvisioned' },
    });
    // The lists still inherit the site (nobody secured them): IT's provisioning is what changes that.
    const it = localSharePoint(server, 'ingrid@kommune.example');
    const decisions = await it.rest.sp.web.lists.getByTitle('Decisions').select('HasUniqueRoleAssignments')<{
      HasUniqueRoleAssignments: boolean;
    }>();
    expect(decisions.HasUniqueRoleAssignments).toBe(false);
  } finally {
    await server.close();
  }
});

test('after IT provisions: her check makes no write; without a secretariat her first meeting asks for IT', async () => {
  const { server } = await localGraph({ seed: 'none' });
  try {
    await provisionSite(server, ['sofie@kommune.example']);
    const sofie = localSharePoint(server, 'sofie@kommune.example');
    await sofie.lists.ensureProvisioned();
    expect(sofie.rest.counter.writes).toBe(0);
    expect(sofie.rest.counter.permissionChanges).toBe(0);
    // Birgitte has no secretariat yet: her meeting is refused with the code that says so.
    const birgitte = localSharePoint(server, 'birgitte@kommune.example');
    const person = (name: string) => ({ upn: `${name}@kommune.example`, name });
    await expect(
      birgitte.lists.saveMeeting({
        key: 'first-use@kommune.example',
        series: 'Rådmandsmøder',
        title: 'Rådmandsmøde',
        start: '2027-01-05T10:00:00.000Z',
        end: '2027-01-05T11:00:00.000Z',
        location: '',
        organizer: person('birgitte'),
        attendees: [person('anders')],
        status: 'Planlagt',
        agendaVersion: 0,
      }),
    ).rejects.toMatchObject({ details: { code: 'secretariatMissing' } });
    // Positive control: Sofie, with her secretariat, saves hers.
    const saved = await sofie.lists.saveMeeting({
      key: 'first-use-2@kommune.example',
      series: 'Rådmandsmøder',
      title: 'Rådmandsmøde',
      start: '2027-01-05T10:00:00.000Z',
      end: '2027-01-05T11:00:00.000Z',
      location: '',
      organizer: person('sofie'),
      attendees: [person('anders')],
      status: 'Planlagt',
      agendaVersion: 0,
    });
    expect(saved.id).toMatch(/^\d+$/);
  } finally {
    await server.close();
  }
});
