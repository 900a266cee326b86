import { graphLists, itemsOf } from '../scene';
import { Judge, type Attack } from '../attack';

const LISTS = [
  'Meetings',
  'MeetingProgress',
  'AgendaItems',
  'Absences',
  'AbsenceReasons',
  'Decisions',
  'FollowUps',
];

/** A site member outside the meeting reads nothing of it: lists, single items, SharePoint REST. */
export const outsiderReadsNothing: Attack = {
  name: 'Et sitemedlem uden for mødet læser intet af det',
  as: 'outsider',
  phase: 'before',
  async run(t, scene) {
    const j = new Judge();
    const outsider = t.person('outsider');
    const organizer = t.person('organizer');
    j.control(
      (await outsider.graph(`/sites/${t.site}?$select=id`)).status === 200,
      'udenforstående når sitet',
    );
    j.control(
      (await itemsOf(organizer, t, 'AgendaItems', scene.first)).length > 0,
      'arrangøren læser dagsordenen',
    );
    for (const list of LISTS) {
      j.expect(
        (await itemsOf(outsider, t, list, scene.first)).length === 0,
        `${list}: ingen rækker via Graph`,
      );
      for (const row of (await itemsOf(organizer, t, list, scene.first)).slice(0, 3)) {
        const single = await outsider.graph(`${graphLists(t)}/${list}/items/${row.id}?$expand=fields`);
        j.expect(
          [403, 404].includes(single.status),
          `${list}/${row.id}: enkeltrække afvist (${single.status})`,
        );
      }
    }
    for (const list of ['AgendaItems', 'Decisions', 'AbsenceReasons']) {
      const rest = await outsider.sp(`/web/lists/getbytitle('${list}')/items?$select=Id,MeetingKey`);
      const rows = rest.status === 200 ? ((rest.body.value ?? []) as Array<{ MeetingKey?: string }>) : [];
      j.expect(
        [200, 403, 404].includes(rest.status) && !rows.some((r) => r.MeetingKey === scene.first),
        `${list}: intet via SharePoint REST (${rest.status})`,
      );
    }
    return j.verdict();
  },
};
