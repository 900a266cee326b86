import { LIBRARIES, LISTS } from '../../src/adapters/sharepoint/listSchema';
import { planMeetingPermissions } from '../../src/domain/meetingScopes';
import { PortError } from '../../src/ports/errors';
import { localGraph, localSharePoint, provisionSite, SITE } from './graphStack';
import { listStoreContract } from './listStore.contract';

jest.setTimeout(60_000);

/**
 * The SharePoint adapters against the local server, set up as the add-in does: IT (Ingrid, the site's owner)
 * provisions the lists and Sofie's secretariat, and every meeting gets its permission plan applied by its organizer through
 * SharePoint REST before anyone else writes.
 */
listStoreContract('SharePoint lists on the local server (Graph + SharePoint REST)', async () => {
  const { server } = await localGraph({ seed: 'none' });
  await provisionSite(server);
  const people = new Map<string, ReturnType<typeof localSharePoint>>();
  const person = (upn: string) => {
    let p = people.get(upn);
    if (!p) people.set(upn, (p = localSharePoint(server, upn)));
    return p;
  };
  const sofie = person('sofie@kommune.example');
  return {
    store: sofie.lists,
    referent: person('mads@kommune.example').lists,
    as: (upn) => person(upn).lists,
    setUpMeeting: async (meeting, rows, items = []) => {
      await sofie.permissions.apply(
        planMeetingPermissions({ meeting, items, approved: false, archive: false }),
        rows,
      );
    },
    folderOf: async (list, id) => {
      const root = (
        await sofie.rest.sp.web.lists.getByTitle(list).rootFolder.select('ServerRelativeUrl')<{
          ServerRelativeUrl: string;
        }>()
      ).ServerRelativeUrl;
      const item = await sofie.rest.sp.web.lists
        .getByTitle(list)
        .items.getById(Number(id))
        .select('FileDirRef')<{ FileDirRef: string }>();
      return item.FileDirRef.slice(root.length + 1);
    },
    done: () => server.close(),
  };
});

/** A sent meeting of Sofie's with Mads invited as its referent, under a key of its own. */
const meetingWithReferent = (prefix: string) => ({
  key: `${prefix}-${Math.random().toString(36).slice(2)}@kommune.example`,
  series: 'Rådmandsmøder',
  title: 'Rådmandsmøde',
  start: '2024-02-20T10:00:00.000Z',
  end: '2024-02-20T12:00:00.000Z',
  location: '',
  organizer: { upn: 'sofie@kommune.example', name: 'Sofie Holm' },
  attendees: [{ upn: 'mads@kommune.example', name: 'Mads Nielsen' }],
  referent: { upn: 'mads@kommune.example', name: 'Mads Nielsen' },
  status: 'Udsendt' as const,
  agendaVersion: 1,
});

describe('SharePoint list store: what only SharePoint has', () => {
  let server: Awaited<ReturnType<typeof localGraph>>['server'];
  beforeAll(async () => {
    ({ server } = await localGraph({ seed: 'none' }));
    await provisionSite(server);
  });
  afterAll(async () => server?.close());

  test('a write to a meeting its organizer has not set up yet is NotFound meetingNotProvisioned', async () => {
    const key = `unset-${Math.random().toString(36).slice(2)}@kommune.example`;
    const error = await localSharePoint(server, 'mads@kommune.example')
      .lists.saveDecision(key, {
        itemNumber: 1,
        itemTitle: 'Dagsorden',
        text: 'x',
        status: 'Kladde',
        editorUpn: 'mads@kommune.example',
        updatedAt: '2024-02-20T10:05:00.000Z',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({ kind: 'NotFound', details: { code: 'meetingNotProvisioned' } });
  });

  test('opening a meeting is one $batch; someone outside the circle sees none of it; the referent cannot write the Meetings row', async () => {
    const sofie = localSharePoint(server, 'sofie@kommune.example');
    const meeting = meetingWithReferent('open');
    const { key } = meeting;
    const row = await sofie.lists.saveMeeting(meeting);
    const progress = await sofie.lists.saveProgress(key, {});
    const plan = planMeetingPermissions({ meeting, items: [], approved: false, archive: false });
    await sofie.permissions.apply(plan, { meetings: row.id, progress: progress.id, agenda: {} });
    const mads = localSharePoint(server, 'mads@kommune.example');
    await mads.lists.saveDecision(key, {
      itemNumber: 1,
      itemTitle: 'Dagsorden',
      text: 'Godkendt.',
      status: 'Kladde',
      editorUpn: 'mads@kommune.example',
      updatedAt: '2024-02-20T10:05:00.000Z',
    });

    const before = mads.graph.counter.count;
    const seen = await mads.lists.openMeeting(key);
    expect(mads.graph.counter.count - before).toBe(1);
    expect(seen.meeting?.value.key).toBe(key);
    expect(seen.decisions).toHaveLength(1);

    // Peter (a site member outside every circle) can see no list at all: an empty meeting, as SharePoint shows it.
    const peter = await localSharePoint(server, 'peter@kommune.example').lists.openMeeting(key);
    expect([peter.meeting, peter.progress, peter.items, peter.absences, peter.decisions]).toEqual([
      null,
      null,
      [],
      [],
      [],
    ]);
    // Anders, in another meeting's circle only, sees the lists but nothing of this meeting.
    const other = {
      ...meeting,
      key: `${key}-other`,
      attendees: [{ upn: 'anders@kommune.example', name: 'Anders Lund' }],
    };
    const otherRow = await sofie.lists.saveMeeting(other);
    await sofie.permissions.apply(
      planMeetingPermissions({ meeting: other, items: [], approved: false, archive: false }),
      {
        meetings: otherRow.id,
        agenda: {},
      },
    );
    const anders = await localSharePoint(server, 'anders@kommune.example').lists.openMeeting(key);
    expect(anders.meeting).toBeNull();
    expect(anders.decisions).toEqual([]);
    const error = await mads.lists
      .saveMeeting({ ...meeting, title: 'Overtaget' }, row.eTag)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'Forbidden' });
  });

  test('a decision row removed on SharePoint after a page remembered it: the next first write makes it anew, not a conflict for ever', async () => {
    const sofie = localSharePoint(server, 'sofie@kommune.example');
    const meeting = meetingWithReferent('gone');
    const { key } = meeting;
    const row = await sofie.lists.saveMeeting(meeting);
    const plan = planMeetingPermissions({ meeting, items: [], approved: false, archive: false });
    await sofie.permissions.apply(plan, { meetings: row.id, agenda: {} });
    const decision = (text: string) => ({
      itemNumber: 1,
      itemTitle: 'Dagsorden',
      text,
      status: 'Kladde' as const,
      editorUpn: 'mads@kommune.example',
      updatedAt: '2024-02-20T10:05:00.000Z',
    });
    const mads = localSharePoint(server, 'mads@kommune.example');
    const first = await mads.lists.saveDecision(key, decision('Godkendt.'));
    // The organizer removes it (as SharePoint's own list view lets her).
    await sofie.graph.client.api(`/sites/${SITE}:/lists/Decisions/items/${first.id}`).delete();

    const again = await mads.lists.saveDecision(key, decision('Godkendt igen.'));
    expect(again.id).not.toBe(first.id);
    expect((await sofie.lists.openMeeting(key)).decisions.map((d) => d.value.text)).toEqual([
      'Godkendt igen.',
    ]);
  });

  test('provisioning again costs one read per list and library and changes nothing', async () => {
    const again = localSharePoint(server, 'ingrid@kommune.example');
    await again.lists.ensureProvisioned();
    expect(again.rest.counter.permissionChanges).toBe(0);
    expect(again.rest.counter.writes).toBe(0);
    expect(again.rest.counter.reads).toBe(LISTS.length + LIBRARIES.length);
  });

  test('a list grants only the Owners group: Members and Visitors were dropped', async () => {
    const { rest } = localSharePoint(server, 'ingrid@kommune.example');
    const web = rest.sp.web;
    const [owners, members, visitors] = await Promise.all([
      web.associatedOwnerGroup.select('Id')<{ Id: number }>(),
      web.associatedMemberGroup.select('Id')<{ Id: number }>(),
      web.associatedVisitorGroup.select('Id')<{ Id: number }>(),
    ]);
    for (const title of [
      'Meetings',
      'MeetingProgress',
      'AgendaItems',
      'Absences',
      'AbsenceReasons',
      'Decisions',
      'FollowUps',
      'Bilag',
    ]) {
      const list = web.lists.getByTitle(title);
      const info = await list.select(
        'HasUniqueRoleAssignments',
        'ReadSecurity',
        'WriteSecurity',
        'EnableFolderCreation',
      )<Record<string, unknown>>();
      expect({ title, ...info }).toMatchObject({
        title,
        HasUniqueRoleAssignments: true,
        EnableFolderCreation: true,
        ReadSecurity: title === 'AbsenceReasons' ? 2 : 1,
        WriteSecurity: title === 'AbsenceReasons' || title === 'Absences' ? 2 : 1,
      });
      const principals = (await list.roleAssignments<Array<{ PrincipalId: number }>>()).map(
        (a) => a.PrincipalId,
      );
      expect(principals).toContain(owners.Id);
      expect(principals).not.toContain(members.Id);
      expect(principals).not.toContain(visitors.Id);
    }
  });
});
