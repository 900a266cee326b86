import { openMeeting } from '../../../src/app/openMeeting';
import { graphLists, itemsOf } from '../scene';
import { Judge, type Attack } from '../attack';

/** A row belongs to the meeting whose folder holds it: an afbud moved to another meeting by its column is not there. */
export const afbudMovedByColumn: Attack = {
  name: 'En afbudsrække flyttet til et andet møde via MeetingKey tæller ikke dér',
  as: 'attendee',
  phase: 'before',
  async run(t, scene) {
    const j = new Judge();
    const attendee = t.person('attendee');
    const org = t.person('organizer').deps;
    const before = await openMeeting(org, scene.first);
    j.control(
      before.absences.some((a) => a.person.upn === attendee.upn),
      'arrangøren ser afbuddet i mødet det blev meldt til',
    );
    const row = (await itemsOf(attendee, t, 'Absences', scene.first)).find(
      (r) => r.fields.PersonUpn === attendee.upn,
    );
    if (!j.control(!!row, 'deltageren læser sin egen afbudsrække')) return j.verdict();
    const moved = await attendee.graph(`${graphLists(t)}/Absences/items/${row!.id}/fields`, {
      method: 'PATCH',
      body: { MeetingKey: scene.second },
    });
    j.expect([200, 403].includes(moved.status), `flytningen besvares (${moved.status})`);
    const next = await openMeeting(org, scene.second);
    j.expect(
      !next.absences.some((a) => a.person.upn === attendee.upn),
      'afbuddet vises ikke i det andet møde',
    );
    if (moved.status === 200)
      await attendee.graph(`${graphLists(t)}/Absences/items/${row!.id}/fields`, {
        method: 'PATCH',
        body: { MeetingKey: scene.first },
      });
    return j.verdict();
  },
};
