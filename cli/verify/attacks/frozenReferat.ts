import { openMeeting } from '../../../src/app/openMeeting';
import { addInFolder, Judge, type Attack } from '../attack';
import { folderUrl, graphLists, itemsOf, type Scene } from '../scene';
import type { Target } from '../target';

const decisionsOf = async (t: Target, key: string) =>
  Object.values((await openMeeting(t.person('organizer').deps, key)).decisions)
    .map((d) => `${d.value.itemNumber}:${d.value.text}`)
    .sort();

/** A decision row written into a folder by the referent, with typed values through Graph. */
async function plantDecision(t: Target, folderOf: string, key: string, text: string) {
  const made = await addInFolder(t, 'referent', 'Decisions', await folderUrl(t, 'Decisions', folderOf), {
    Title: 'Punkt 1',
    MeetingKey: key,
  });
  if (made.status !== 200 || !made.id) return { status: made.status };
  const typed = await t.person('referent').graph(`${graphLists(t)}/Decisions/items/${made.id}/fields`, {
    method: 'PATCH',
    body: { ItemNumber: 1, Text: text, Status: 'Endelig' },
  });
  return { status: typed.status, id: made.id };
}

/** After approval, a decision for the approved meeting forged into the next meeting's folder changes nothing. */
export const forgedIntoNextFolder: Attack = {
  name: 'Godkendt referat: en beslutning forfalsket ind i næste mødes mappe ændrer intet',
  as: 'referent',
  phase: 'after',
  async run(t, scene: Scene) {
    const j = new Judge();
    const before = await decisionsOf(t, scene.first);
    const forged = await plantDecision(t, scene.second, scene.first, 'Omskrevet efter godkendelsen');
    j.expect([200, 400, 403].includes(forged.status), `forfalskningen besvares (${forged.status})`);
    j.expect(
      JSON.stringify(await decisionsOf(t, scene.first)) === JSON.stringify(before),
      'det godkendte møde er uændret',
    );
    const own = await plantDecision(t, scene.second, scene.second, 'Referentens egen beslutning');
    j.control(own.status === 200, `referenten skriver i næste mødes mappe (${own.status})`);
    j.control(
      (await decisionsOf(t, scene.second)).includes('1:Referentens egen beslutning'),
      'beslutningen tæller i det møde hvis mappe den ligger i',
    );
    return j.verdict();
  },
};

/** After approval, the referent cannot rewrite a decision of the approved meeting in place. */
export const rewriteInPlace: Attack = {
  name: 'Godkendt referat: referenten kan ikke omskrive en beslutning på stedet',
  as: 'referent',
  phase: 'after',
  async run(t, scene) {
    const j = new Judge();
    const referent = t.person('referent');
    const [row] = await itemsOf(referent, t, 'Decisions', scene.first);
    if (!j.control(!!row, 'referenten læser det godkendte mødes beslutninger')) return j.verdict();
    const text = row.fields.Text;
    const rewrite = await referent.graph(`${graphLists(t)}/Decisions/items/${row.id}/fields`, {
      method: 'PATCH',
      body: { Text: 'Omskrevet efter godkendelsen' },
    });
    j.expect(rewrite.status === 403, `omskrivningen afvises (${rewrite.status})`);
    const [after] = (await itemsOf(t.person('organizer'), t, 'Decisions', scene.first)).filter(
      (r) => r.id === row.id,
    );
    j.expect(after?.fields.Text === text, 'den gemte tekst er uændret');
    return j.verdict();
  },
};
