import { openMeeting } from '../../../src/app/openMeeting';
import { addInFolder, Judge, type Attack } from '../attack';
import { folderUrl } from '../scene';
import { personFolderName } from '../../../src/domain/meetingScopes';

/**
 * Whose afbud a row is comes from its folder (ADR 004): an attendee who plants an afbud for the referent in
 * her own folder, claiming the organizer as its Author through form values, does not make the referent
 * absent, nor can she write into the referent's folder or the meeting's folder. Whether the Author value
 * was taken is observed (`authorSettable`), and whether the answer's ItemId is 0 (`itemIdZero`).
 */
export const authorNotTrusted: Attack = {
  name: 'Et afbud plantet for en anden med forfalsket Author tæller ikke',
  as: 'attendee',
  phase: 'before',
  async run(t, scene, observe) {
    const j = new Judge();
    const org = t.person('organizer');
    const referent = t.person('referent');
    const attendee = t.person('attendee');
    const folder = await folderUrl(t, 'Absences', scene.first);
    const me = await org.sp('/web/currentuser?$select=Id,LoginName');
    j.control(me.status === 200, 'arrangørens SharePoint-bruger kan læses');
    const forged = {
      Title: referent.name,
      MeetingKey: scene.first,
      PersonUpn: referent.upn,
      PersonName: referent.name,
      Kind: 'Afbud',
      Author: JSON.stringify([{ Key: me.body?.LoginName ?? `i:0#.f|membership|${org.upn}` }]),
    };
    const remove = (id: string) =>
      org.sp(`/web/lists/getbytitle('Absences')/items(${id})`, {
        method: 'DELETE',
        headers: { 'If-Match': '*' },
      });
    // Into her own folder (where SharePoint may take the Author): the folder must make it count for nothing.
    const planted = await addInFolder(
      t,
      'attendee',
      'Absences',
      `${folder}/${personFolderName(attendee.upn)}`,
      forged,
    );
    let settable = false;
    if (planted.status === 200 && planted.id) {
      const stored = await org.sp(`/web/lists/getbytitle('Absences')/items(${planted.id})?$select=AuthorId`);
      settable = stored.status === 200 && stored.body.AuthorId === me.body?.Id;
    }
    observe('authorSettable', settable);
    // The referent's own folder and the meeting's folder are not hers to write (without Author, so that
    // only the folder can refuse).
    const { Author: _author, ...plain } = forged;
    const intoReferent = await addInFolder(
      t,
      'attendee',
      'Absences',
      `${folder}/${personFolderName(referent.upn)}`,
      plain,
    );
    j.expect(intoReferent.status !== 200, `referentens afbudsmappe afviser hende (${intoReferent.status})`);
    const intoMeeting = await addInFolder(t, 'attendee', 'Absences', folder, plain);
    j.expect(intoMeeting.status !== 200, `mødets afbudsmappe afviser hende (${intoMeeting.status})`);
    const view = await openMeeting(org.deps, scene.first);
    j.expect(
      !view.absences.some((a) => a.person.upn === referent.upn),
      `referenten står ikke som fraværende (Author ${settable ? 'blev sat' : 'blev afvist'})`,
    );
    // Positive control: the attendee's own afbud, in the same folder, counts.
    j.control(
      view.absences.some((a) => a.person.upn === attendee.upn),
      'deltagerens eget afbud i samme mappe tæller',
    );
    for (const row of [planted, intoReferent, intoMeeting]) if (row.id) await remove(row.id);
    // Positive control for the probe of ItemId: an ordinary row made the same way, in her own folder.
    const own = await addInFolder(
      t,
      'attendee',
      'Absences',
      `${await folderUrl(t, 'Absences', scene.second)}/${personFolderName(attendee.upn)}`,
      { Title: 'verify', MeetingKey: scene.second },
    );
    j.control(own.status === 200, 'deltageren kan skrive i sin egen afbudsmappe');
    if (own.itemIdZero !== undefined) observe('itemIdZero', own.itemIdZero);
    if (own.id) await remove(own.id);
    return j.verdict();
  },
};
