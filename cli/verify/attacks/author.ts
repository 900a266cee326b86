import { openMeeting } from '../../../src/app/openMeeting';
import { addInFolder, Judge, type Attack } from '../attack';
import { folderUrl } from '../scene';

/**
 * Author is SharePoint's: an attendee who plants an afbud for the referent, claiming the organizer as its
 * Author through form values, does not make the referent absent. Whether the Author value was taken is
 * observed (`authorSettable`), and whether the answer's ItemId is 0 (`itemIdZero`).
 */
export const authorNotTrusted: Attack = {
  name: 'Et afbud plantet for en anden med forfalsket Author tæller ikke',
  as: 'attendee',
  phase: 'before',
  async run(t, scene, observe) {
    const j = new Judge();
    const org = t.person('organizer');
    const referent = t.person('referent');
    const folder = await folderUrl(t, 'Absences', scene.first);
    const me = await org.sp('/web/currentuser?$select=Id,LoginName');
    j.control(me.status === 200, 'arrangørens SharePoint-bruger kan læses');
    const planted = await addInFolder(t, 'attendee', 'Absences', folder, {
      Title: referent.name,
      MeetingKey: scene.first,
      PersonUpn: referent.upn,
      PersonName: referent.name,
      Kind: 'Afbud',
      Author: JSON.stringify([{ Key: me.body?.LoginName ?? `i:0#.f|membership|${org.upn}` }]),
    });
    let settable = false;
    if (planted.status === 200 && planted.id) {
      const stored = await org.sp(`/web/lists/getbytitle('Absences')/items(${planted.id})?$select=AuthorId`);
      settable = stored.status === 200 && stored.body.AuthorId === me.body?.Id;
    }
    observe('authorSettable', settable);
    const view = await openMeeting(org.deps, scene.first);
    j.expect(
      !view.absences.some((a) => a.person.upn === referent.upn),
      `referenten står ikke som fraværende (Author ${settable ? 'blev sat' : 'blev afvist'})`,
    );
    // Positive control: the attendee's own afbud, in the same folder, counts.
    j.control(
      view.absences.some((a) => a.person.upn === t.person('attendee').upn),
      'deltagerens eget afbud i samme mappe tæller',
    );
    if (planted.id)
      await org.sp(`/web/lists/getbytitle('Absences')/items(${planted.id})`, {
        method: 'DELETE',
        headers: { 'If-Match': '*' },
      });
    // Positive control for the probe of ItemId: an ordinary row made the same way.
    const own = await addInFolder(t, 'attendee', 'Absences', folder, {
      Title: 'verify',
      MeetingKey: scene.second,
    });
    if (own.itemIdZero !== undefined) observe('itemIdZero', own.itemIdZero);
    if (own.id)
      await org.sp(`/web/lists/getbytitle('Absences')/items(${own.id})`, {
        method: 'DELETE',
        headers: { 'If-Match': '*' },
      });
    return j.verdict();
  },
};
