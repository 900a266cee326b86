import { Judge, type Attack } from '../attack';
import { graphLists, itemsOf } from '../scene';
import type { Person, Role, Target } from '../target';

/**
 * An item's indstilling lives on the item's AgendaItems row, so it has exactly the item's readers
 * (tests/security/indstillingRights.test.ts): tried with the guest's and an outsider's own tokens through
 * Graph and SharePoint REST, judged by the indstillinger each one reads; an attendee reading the closed
 * item's is the positive control.
 */
const titleOf = (paper: unknown): string | undefined => {
  if (typeof paper !== 'string' || paper === '') return undefined;
  try {
    return String((JSON.parse(paper) as { title?: unknown }).title);
  } catch {
    return '(ulæselig)';
  }
};

/** The titles of the meeting's indstillinger a person reads, through Graph and through SharePoint REST. */
async function papers(t: Target, who: Person, key: string): Promise<{ graph: string[]; rest: string[] }> {
  const graph = (await itemsOf(who, t, 'AgendaItems', key))
    .map((r) => titleOf(r.fields.Indstilling))
    .filter((v): v is string => !!v);
  const res = await who.sp(
    `/web/lists/getbytitle('AgendaItems')/items?$select=Indstilling,MeetingKey&$top=500`,
  );
  const rows =
    res.status === 200
      ? ((res.body.value ?? []) as Array<{ Indstilling?: string; MeetingKey?: string }>)
      : [];
  const rest = rows
    .filter((r) => r.MeetingKey === key)
    .map((r) => titleOf(r.Indstilling))
    .filter((v): v is string => !!v);
  return { graph: graph.sort(), rest: rest.sort() };
}

const same = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

function indstillingHidden(role: Extract<Role, 'guest' | 'outsider'>): Attack {
  return {
    name: `Indstillingen: ${role === 'guest' ? 'gæsten læser kun sit eget punkts og kan ikke ændre den' : 'et sitemedlem uden for mødet læser ingen'}`,
    as: role,
    phase: 'before',
    async run(t, scene) {
      const j = new Judge();
      const all = [scene.openItem.title, scene.closedItem.title, scene.guestItem.title];
      const circle = await papers(t, t.person('attendee'), scene.first);
      j.control(
        same(circle.graph, all) && same(circle.rest, all),
        'en deltager læser alle tre punkters indstilling',
      );
      const mine = await papers(t, t.person(role), scene.first);
      const allowed = role === 'guest' ? [scene.guestItem.title] : [];
      j.expect(
        same(mine.graph, allowed),
        `via Graph: ${mine.graph.length} indstilling(er), ${allowed.length} tilladt`,
      );
      j.expect(
        same(mine.rest, allowed),
        `via SharePoint REST: ${mine.rest.length} indstilling(er), ${allowed.length} tilladt`,
      );
      const wide = await t
        .person(role)
        .graph(`${graphLists(t)}/AgendaItems/items?$expand=fields($select=Indstilling)&$top=500`);
      const leaked = JSON.stringify(wide.body ?? '').includes(`Fortroligt om ${scene.closedItem.title}`);
      j.expect(!leaked, 'det lukkede punkts indstilling står i intet svar');
      if (role === 'guest') {
        const [row] = await itemsOf(t.person('guest'), t, 'AgendaItems', scene.first);
        if (j.control(!!row, 'gæsten læser sit punkts række')) {
          const write = await t.person('guest').graph(`${graphLists(t)}/AgendaItems/items/${row.id}/fields`, {
            method: 'PATCH',
            body: { Indstilling: JSON.stringify({ title: 'Ændret af gæsten', points: [], sections: {} }) },
          });
          const stored = (await itemsOf(t.person('organizer'), t, 'AgendaItems', scene.first)).find(
            (r) => r.id === row.id,
          );
          j.expect(
            [403, 404].includes(write.status) &&
              titleOf(stored?.fields.Indstilling) === scene.guestItem.title,
            `gæstens ændring afvist (${write.status}) og indstillingen uændret`,
          );
        }
      }
      return j.verdict();
    },
  };
}

export const indstillingGuest = indstillingHidden('guest');
export const indstillingOutsider = indstillingHidden('outsider');
