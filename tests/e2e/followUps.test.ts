/**
 * Follow-ups after the meeting: the organizer's overview of the past meeting's follow-ups in the seeds'
 * table layout, a status change stored in SharePoint, and an unfinished follow-up carried onto the next
 * meeting's agenda in one click.
 */
import { nextMeetingKey, startStack, type Stack } from './harness';

jest.setTimeout(120_000);
let stack: Stack;
let upcoming: string;

beforeAll(async () => {
  stack = await startStack();
  upcoming = await nextMeetingKey(stack);
});
afterAll(() => stack?.close());

test('the overview table, a status change, and carrying a follow-up to the next agenda', async () => {
  const { open } = await stack.person('sofie@kommune.example');
  const page = await open('followups.html');
  await page.getByRole('heading', { level: 1, name: 'Opfølgninger' }).waitFor();
  await page.getByRole('tab', { name: 'Oversigt' }).click();
  const table = page.getByRole('table', { name: 'Oversigt' });
  await table.waitFor();
  const headers = await table.getByRole('columnheader').allTextContents();
  expect(headers).toEqual(['#', 'OPGAVE', 'ANSVARLIG', 'STATUS', 'NÆSTE OPFØLGNING', 'MØDE']);
  const rowCount = await table.getByRole('row').count();
  expect(rowCount).toBeGreaterThan(1);
  const task = (await table.getByRole('row').nth(1).getByRole('cell').nth(1).textContent()) ?? '';
  await page.getByRole('combobox', { name: 'Status for opfølgning 1' }).selectOption('I gang');
  const graph = await stack.graphAs('sofie@kommune.example');
  let status: unknown;
  for (let i = 0; i < 40 && status !== 'I gang'; i++) {
    const rows = (
      (await (
        await graph(
          '/sites/kommune.sharepoint.com:/sites/moeder:/lists/FollowUps/items?$expand=fields&$top=999',
        )
      ).json()) as { value: Array<{ fields: { Task: string; Status: string } }> }
    ).value;
    status = rows.find((r) => r.fields.Task === task)?.fields.Status;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(status).toBe('I gang');

  const taskpane = await open('taskpane.html', { meeting: upcoming });
  const carry = taskpane.getByRole('region', { name: 'Åbne opfølgninger fra tidligere møder' });
  const first = carry.getByRole('button').first();
  await first.waitFor({ timeout: 20_000 });
  const label = (await first.textContent()) ?? '';
  await first.click();
  const carried = label.replace('Tag med på dagsordenen: ', 'Opfølgning: ');
  expect(
    await taskpane
      .getByRole('textbox', { name: /Titel/ })
      .evaluateAll((els, t) => els.some((e) => (e as HTMLInputElement).value === t), carried),
  ).toBe(true);
});
