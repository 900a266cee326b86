/**
 * "Send afbud", then the pane is closed at once — while the write is still on its way to SharePoint. The
 * afbud was kept in the profile's IndexedDB before anything was sent, so the next page this person opens
 * (here "Mine opfølgninger", not even the meeting) sends it, and the Absences list has it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
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

  // From here on, every write (to Graph or SharePoint) is held on its way: it never reaches the server.
  const held: Route[] = [];
  let closing = false;
  let firstHeld!: () => void;
  const writeOnItsWay = new Promise<void>((resolve) => (firstHeld = resolve));
  await pane.route('**/*', (route) => {
    if (route.request().method() === 'GET') return route.continue();
    // A retry while the pane is closing finds no connection either.
    if (closing) return route.abort('connectionreset');
    held.push(route);
    firstHeld();
    return undefined;
  });
  await dialog.getByRole('button', { name: 'Send afbud' }).click();
  await writeOnItsWay;
  await dialog.getByRole('button', { name: 'Gemmer…' }).waitFor();
  await pane.screenshot({ path: join(SHOTS, 'afbud-closed-while-saving.png') });
  // The pane is closed: the connection of what was on its way drops with it.
  closing = true;
  await Promise.all(held.map((route) => route.abort('connectionreset')));
  await pane.close();
  // Not in SharePoint: at most the bare row a create left (SharePoint creates, then fills in).
  expect((await absenceRows()).filter((r) => r.Kind !== undefined)).toEqual([]);

  const next = await anders.open('followups.html');
  await next.getByRole('heading', { name: /opfølgninger/i, level: 1 }).waitFor();
  let rows = await absenceRows();
  // SharePoint creates the row, then fills it: wait for the afbud itself, not the first half of it.
  while (!rows.some((r) => r.Kind === 'Afbud')) {
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
