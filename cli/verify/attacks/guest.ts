import { folderUrl, itemsOf } from '../scene';
import { Judge, type Attack } from '../attack';

/** A guest reads the meeting and her own item, nothing closed, and cannot tell a closed item's folder apart. */
export const guestCannotProbeClosed: Attack = {
  name: 'En gæst ser sit eget punkt og intet lukket punkt, heller ikke ved at prøve dets mappe',
  as: 'guest',
  phase: 'before',
  async run(t, scene) {
    const j = new Judge();
    const guest = t.person('guest');
    const titles = (await itemsOf(guest, t, 'AgendaItems', scene.first)).map((r) => r.fields.Title);
    j.control(titles.includes(scene.guestItem.title), 'gæsten læser sit eget punkt');
    j.expect(!titles.includes(scene.closedItem.title), 'gæsten læser ikke det lukkede punkt');
    j.expect(titles.length === 1, `gæsten læser ét punkt (${titles.length})`);
    const root = await folderUrl(t, 'Decisions', scene.first);
    const probe = async (sub: number) =>
      (
        await guest.sp(
          `/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(`${root}/${sub}`)}')/ListItemAllFields`,
        )
      ).status;
    const closed = await probe(scene.closedItem.number);
    const unused = await probe(99);
    j.expect(closed === unused, `det lukkede punkts mappe svarer som et ubrugt nummer (${closed}/${unused})`);
    return j.verdict();
  },
};
