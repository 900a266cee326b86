/**
 * Two editors, two pages: the referent and the organizer change the same decision. No silent overwrite:
 * the later writer is shown both texts, picks the merge, and SharePoint ends with what was chosen.
 */
import { nextMeetingKey, startStack, type Stack } from './harness';

jest.setTimeout(120_000);
let stack: Stack;
let key: string;

beforeAll(async () => {
  stack = await startStack();
  key = await nextMeetingKey(stack);
});
afterAll(() => stack?.close());

test('the later writer sees the conflict, merges, and the list keeps the merge', async () => {
  const sofiePerson = await stack.person('sofie@kommune.example');
  const sofie = await sofiePerson.open('meeting.html', { meeting: key, poll: '500' });
  const mads = await (
    await stack.person('mads@kommune.example')
  ).open('meeting.html', { meeting: key, poll: '500' });
  const sofieBox = sofie.getByRole('textbox', { name: 'Beslutning for punkt 6' });
  const madsBox = mads.getByRole('textbox', { name: 'Beslutning for punkt 6' });
  await sofieBox.waitFor();
  await madsBox.waitFor();

  // Sofie's page loses the network while she writes; meanwhile Mads saves his text.
  await sofiePerson.context.setOffline(true);
  await sofieBox.fill('Punktet blev udsat til næste møde.');
  await sofieBox.blur();
  await madsBox.fill('Orienteringen blev taget til efterretning.');
  await madsBox.blur();
  await mads.getByText('Gemt', { exact: true }).first().waitFor();
  await sofiePerson.context.setOffline(false);
  await sofie.evaluate(() => window.dispatchEvent(new Event('online')));

  const conflict = sofie.getByRole('region', { name: 'En anden har ændret beslutningen samtidig' });
  await conflict.waitFor({ timeout: 20_000 });
  await conflict.getByText('Orienteringen blev taget til efterretning.').waitFor();
  await conflict.getByText('Punktet blev udsat til næste møde.').waitFor();
  await conflict.getByRole('button', { name: 'Flet' }).click();

  const merged = 'Orienteringen blev taget til efterretning.\n\nPunktet blev udsat til næste møde.';
  const graph = await stack.graphAs('sofie@kommune.example');
  const filter = encodeURIComponent(`fields/MeetingKey eq '${key}'`);
  let stored: unknown;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const res = await graph(
      `/sites/kommune.sharepoint.com:/sites/moeder:/lists/Decisions/items?$expand=fields&$filter=${filter}`,
    );
    const rows = ((await res.json()) as { value: Array<{ fields: { ItemNumber: number; Text: string } }> })
      .value;
    const six = rows.filter((r) => r.fields.ItemNumber === 6);
    expect(six.length).toBeLessThanOrEqual(1);
    stored = six[0]?.fields.Text;
    if (stored === merged) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(stored).toBe(merged);
  // Mads's page shows the merged text too, without reloading.
  await mads.waitForFunction(
    (t) => [...document.querySelectorAll('textarea')].some((a) => a.value === t),
    merged,
  );
});
