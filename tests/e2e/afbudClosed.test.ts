/**
 * "Send afbud", then the pane is closed at once — while the write is still on its way to SharePoint. The
 * afbud was kept in the profile's IndexedDB before anything was sent, so the next page this person opens
 * (here "Mine opfølgninger", not even the meeting) sends it, and the Absences list has it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { nextMeetingKey, startStack, type Stack } from './harness';

jest.setTimeout(180_000);

const U = (name: string) => `${name}@kommune.example`;
const SHOTS = join(__dirname, '../../test-results');

let stack: Stack;
let key: string;

beforeAll(async () => {
  stack = await startStack();
  key = await nextMeetingKey(stack);
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => stack?.close());

async function absenceRows(): Promise<Array<Record<string, unknown>>> {
  const sofie = await stack.graphAs(U('sofie'));
  const filter = encodeURIComponent(`fields/MeetingKey eq '${key}'`);
  const res = await sofie(
    `/sites/kommune.sharepoint.com:/sites/moeder:/lists/Absences/items?$expand=fields&$filter=${filter}`,
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: Array<{ fields: Record<string, unknown> }> }).value.map(
    (v) => v.fields,
  );
}

test('closing the pane right after "Send afbud" loses nothing: the next page of the profile lands it', async () => {
  const organizer = await (await stack.person(U('sofie'))).open('taskpane.html', { meeting: key });
  await organizer.getByRole('button', { name: 'Send dagsorden' }).click();
  await organizer.getByText(/Dagsordenen er sendt/).waitFor();

  const anders = await stack.person(U('anders'));
  const pane = await anders.open('taskpane.html', { meeting: key });
  await pane.getByRole('button', { name: 'Meld afbud' }).click();
  const dialog = pane.getByRole('dialog', { name: 'Meld afbud' });
  await dialog.getByRole('textbox', { name: 'Årsag' }).fill('Byrådsmøde');
  await dialog.getByRole('textbox', { name: 'Stedfortræder' }).fill('Louise Rohde');

  // From here on, every write to Graph is held: it never reaches SharePoint from this pane.
  let held!: () => void;
  const writeOnItsWay = new Promise<void>((resolve) => (held = resolve));
  await pane.route(`http://localhost:${stack.graphPort}/**`, (route) => {
    if (route.request().method() === 'GET') return route.continue();
    held();
    return undefined;
  });
  await dialog.getByRole('button', { name: 'Send afbud' }).click();
  await writeOnItsWay;
  await dialog.getByRole('button', { name: 'Gemmer…' }).waitFor();
  await pane.screenshot({ path: join(SHOTS, 'afbud-closed-while-saving.png') });
  await pane.close();
  expect(await absenceRows()).toEqual([]);

  const next = await anders.open('followups.html');
  await next.getByRole('heading', { name: /opfølgninger/i, level: 1 }).waitFor();
  let rows = await absenceRows();
  while (rows.length === 0) {
    await next.waitForTimeout(200);
    rows = await absenceRows();
  }
  expect(rows).toEqual([
    expect.objectContaining({ PersonUpn: U('anders'), Kind: 'Afbud', Substitute: 'Louise Rohde' }),
  ]);
  await next.screenshot({ path: join(SHOTS, 'afbud-landed-from-next-page.png') });

  const reopened = await anders.open('taskpane.html', { meeting: key });
  await reopened.getByText('Du har meldt: Afbud.').waitFor();
  await reopened.getByRole('button', { name: 'Fortryd afbud' }).waitFor();
});
