import { itemsOf } from '../scene';
import { Judge, type Attack } from '../attack';
import type { Role } from '../target';

/** An afbud reason (often health data) is read by its person and the organizer only; the afbud row holds none. */
export const afbudReasonPrivacy: Attack = {
  name: 'Afbuddets begrundelse læses kun af personen selv og arrangøren',
  as: 'referent',
  phase: 'before',
  async run(t, scene) {
    const j = new Judge();
    const reasonsOf = async (role: Role) =>
      (await itemsOf(t.person(role), t, 'AbsenceReasons', scene.first)).map((r) => r.fields.Reason);
    j.control((await reasonsOf('attendee')).includes(scene.reason), 'deltageren læser sin egen begrundelse');
    j.control((await reasonsOf('organizer')).includes(scene.reason), 'arrangøren læser begrundelsen');
    for (const role of ['referent', 'guest', 'outsider', 'secretary2'] as const)
      if (t.people[role]) j.expect((await reasonsOf(role)).length === 0, `${role} læser ingen begrundelse`);
    const rows = await itemsOf(t.person('referent'), t, 'Absences', scene.first);
    j.control(
      rows.some((r) => r.fields.PersonUpn === t.person('attendee').upn),
      'referenten ser afbuddet',
    );
    j.expect(
      rows.every((r) => r.fields.Reason === undefined || r.fields.Reason === null || r.fields.Reason === ''),
      'afbudsrækken rummer ingen begrundelse',
    );
    return j.verdict();
  },
};
