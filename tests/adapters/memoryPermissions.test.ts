import { MemoryPermissions } from '../../src/adapters/memory/memoryPermissions';
import { planMeetingPermissions, type PlanInput } from '../../src/domain/meetingScopes';

const input = (extra: Partial<PlanInput> = {}): PlanInput => ({
  meeting: {
    key: 'k1@kommune.example',
    organizer: { upn: 'sofie@kommune.example', name: 'Sofie' },
    attendees: [{ upn: 'mads@kommune.example', name: 'Mads' }],
    referent: { upn: 'mads@kommune.example', name: 'Mads' },
  },
  items: [{ id: 'a', number: 1, closed: false, guests: [] }],
  approved: false,
  archive: false,
  ...extra,
});
const rows = { meetings: '1', progress: '2', agenda: { a: '3' } };

describe('MemoryPermissions (the fake for use-case tests)', () => {
  test('records plans, counts calls, and a second apply of the same plan makes none', async () => {
    const permissions = new MemoryPermissions();
    const first = await permissions.apply(planMeetingPermissions(input()), rows);
    expect(first.calls).toBeGreaterThan(0);
    expect(first.pending).toEqual([]);
    expect(await permissions.apply(planMeetingPermissions(input()), rows)).toEqual({ calls: 0, pending: [] });
    expect(permissions.applied).toHaveLength(2);
    expect(permissions.circleOf('k1@kommune.example')).toEqual([
      'mads@kommune.example',
      'sofie@kommune.example',
    ]);
  });

  test('approval takes every write but the organizer’s: the referent’s on two folders and the clock, the circle’s afbud', async () => {
    const permissions = new MemoryPermissions();
    await permissions.apply(planMeetingPermissions(input()), rows);
    const report = await permissions.apply(planMeetingPermissions(input({ approved: true })), rows);
    // mads Contribute → Read (an add and a remove) on Decisions, FollowUps, the clock and his own afbud folder.
    expect(report.calls).toBe(4 * 2);
    expect(permissions.scopeOf('k1@kommune.example', { kind: 'meetingFolder', list: 'Absences' })).toEqual([
      'user:mads@kommune.example=Read',
      'user:sofie@kommune.example=Full Control',
    ]);
    expect(permissions.scopeOf('k1@kommune.example', { kind: 'meetingFolder', list: 'Decisions' })).toEqual([
      'user:mads@kommune.example=Read',
      'user:sofie@kommune.example=Full Control',
    ]);
  });

  test('rows not written yet are pending; someone other than the organizer is refused', async () => {
    const permissions = new MemoryPermissions();
    const report = await permissions.apply(planMeetingPermissions(input()), { agenda: {} });
    expect(report.pending).toEqual([
      { kind: 'meetingRow', list: 'Meetings' },
      { kind: 'meetingRow', list: 'MeetingProgress' },
    ]);
    await expect(
      permissions.as('mads@kommune.example').apply(planMeetingPermissions(input()), rows),
    ).rejects.toMatchObject({
      kind: 'Forbidden',
    });
  });
});
