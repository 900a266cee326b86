import { openMeeting } from '../../src/app/openMeeting';
import { saveAgenda } from '../../src/app/sendAgenda';
import { emptyIndstilling, type Indstilling } from '../../src/domain/indstilling/indstilling';
import { demoTenant, itemsOf, LISTS_PATH, type Person, type Tenant } from './tenant';

/**
 * An item's indstilling lives on the item's AgendaItems row (issue 25 point 1), so it has exactly the
 * item's readers. Tried as an attacker would: the guest and an outsider with their own tokens straight
 * against Graph and SharePoint REST; judged by what each one reads. The organizer sets the scene with the
 * add-in's own use case, as she would in the task pane.
 */
let t: Tenant;
const CLOSED = 'Personalesag'; // LUKKET PUNKT on the upcoming meeting
const GUESTS_ITEM = 'Status på Integrationshandleplanen'; // Kamilla's item

const paper = (title: string, point: string): Indstilling => ({
  ...emptyIndstilling(),
  title,
  points: [point],
  sections: { sagsfremstilling: `Fortroligt om ${title}` },
});

beforeAll(async () => {
  t = await demoTenant();
  const sofie = t.deps('sofie');
  const view = await openMeeting(sofie, t.next);
  const items = view.items.map((item) =>
    item.title === CLOSED || item.title === GUESTS_ITEM
      ? { ...item, indstilling: paper(item.title, `rådmanden godkender ${item.title}.`) }
      : item,
  );
  expect(items.filter((i) => i.indstilling)).toHaveLength(2);
  await saveAgenda(sofie, view, items);
});
afterAll(() => t.close());

/** The stored Indstilling of every AgendaItems row of the meeting a person reads through Graph. */
async function graphPapers(person: Person): Promise<string[]> {
  return (await itemsOf(person, 'AgendaItems', t.next))
    .map((r) => r.fields.Indstilling)
    .filter((v): v is string => typeof v === 'string' && v !== '');
}

/** The same through SharePoint REST, asking for the column by name. */
async function restPapers(person: Person): Promise<string[]> {
  const res = await person.sp(
    `/web/lists/getbytitle('AgendaItems')/items?$select=Title,Indstilling,MeetingKey&$top=500`,
  );
  if (res.status === 403 || res.status === 404) return [];
  expect(res.status).toBe(200);
  return (res.body.value as Array<{ Indstilling?: string | null; MeetingKey?: string }>)
    .filter((r) => r.MeetingKey === t.next)
    .map((r) => r.Indstilling ?? '')
    .filter(Boolean);
}

const titlesIn = (papers: string[]) => papers.map((p) => (JSON.parse(p) as Indstilling).title).sort();

test("a member of the circle reads the closed item's indstilling (positive control)", async () => {
  const anders = await t.as('anders');
  expect(titlesIn(await graphPapers(anders))).toEqual([CLOSED, GUESTS_ITEM].sort());
  expect(titlesIn(await restPapers(anders))).toEqual([CLOSED, GUESTS_ITEM].sort());
});

test("the guest reads her own item's indstilling and never the closed item's", async () => {
  const kamilla = await t.as('kamilla');
  expect(titlesIn(await graphPapers(kamilla))).toEqual([GUESTS_ITEM]);
  expect(titlesIn(await restPapers(kamilla))).toEqual([GUESTS_ITEM]);
});

test('a site member outside the meeting reads no indstilling by either path', async () => {
  const peter = await t.as('peter');
  expect(await graphPapers(peter)).toEqual([]);
  expect(await restPapers(peter)).toEqual([]);
  const byId = await peter.graph(
    `${LISTS_PATH}/AgendaItems/items?$expand=fields($select=Indstilling)&$top=500`,
  );
  const seen = JSON.stringify(byId.body);
  expect(seen).not.toContain('Fortroligt');
});

test("the guest cannot rewrite her item's indstilling", async () => {
  const kamilla = await t.as('kamilla');
  const [row] = await itemsOf(kamilla, 'AgendaItems', t.next);
  const write = await kamilla.graph(`${LISTS_PATH}/AgendaItems/items/${row.id}/fields`, {
    method: 'PATCH',
    body: { Indstilling: JSON.stringify(paper('Ændret', 'gæsten bestemmer.')) },
  });
  expect(write.status).toBe(403);
  const sofie = await t.as('sofie');
  const stored = (await itemsOf(sofie, 'AgendaItems', t.next)).find((r) => r.id === row.id);
  expect((JSON.parse(String(stored?.fields.Indstilling)) as Indstilling).title).toBe(GUESTS_ITEM);
});

test("a hostile row's indstilling reads as none with a notice for the organizer; the others still read", async () => {
  const sofie = await t.as('sofie');
  const rows = await itemsOf(sofie, 'AgendaItems', t.next);
  const target = rows.find((r) => r.fields.Title === GUESTS_ITEM)!;
  const hostile = await sofie.graph(`${LISTS_PATH}/AgendaItems/items/${target.id}/fields`, {
    method: 'PATCH',
    body: { Indstilling: '{"title": {"__proto__": 1}, "points": "<script>"}' },
  });
  expect(hostile.status).toBe(200);
  const view = await openMeeting(t.deps('sofie'), t.next);
  const damaged = view.items.find((i) => i.title === GUESTS_ITEM)!;
  expect(damaged.indstilling).toBeUndefined();
  expect(damaged.indstillingUnreadable).toBe(true);
  const closed = view.items.find((i) => i.title === CLOSED)!;
  expect(closed.indstilling?.points).toEqual([`rådmanden godkender ${CLOSED}.`]);
  // Saving the agenda leaves the damaged column as it was (SharePoint keeps its versions), never blanks it.
  await saveAgenda(t.deps('sofie'), view, view.items);
  const after = (await itemsOf(sofie, 'AgendaItems', t.next)).find((r) => r.id === target.id)!;
  expect(after.fields.Indstilling).toBe('{"title": {"__proto__": 1}, "points": "<script>"}');
});
