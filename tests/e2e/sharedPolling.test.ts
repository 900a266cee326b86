/**
 * Two pages of the same meeting in one browser profile (a tab and, say, the Outlook pane) without Live
 * Share: one of them polls SharePoint and both show what it read (Web Locks + BroadcastChannel). When the
 * polling page is hidden, the other takes over. Requests are counted per page as the browser sends them.
 */
import type { Page } from 'playwright-core';
import { nextMeetingKey, startStack, type Stack } from './harness';

jest.setTimeout(180_000);

let stack: Stack;
let key: string;
const U = (name: string) => `${name}@kommune.example`;

beforeAll(async () => {
  stack = await startStack();
  key = await nextMeetingKey(stack);
});
afterAll(() => stack?.close());

/** Graph requests this page sends from now on. */
function countRequests(page: Page, graphPort: number): { count: number } {
  const seen = { count: 0 };
  page.on('request', (r) => {
    if (new URL(r.url()).port === String(graphPort) && !r.url().includes('/_dev/')) seen.count += 1;
  });
  return seen;
}

const hide = (page: Page) =>
  page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });

test('one page polls for the profile; the other shows the same and takes over when the first is hidden', async () => {
  const query = { meeting: key, poll: '1000' };
  const mads = await (await stack.person(U('mads'))).open('meeting.html', query);
  const erik = await stack.person(U('erik'));
  const tab = await erik.open('meeting.html', query);
  const pane = await erik.open('meeting.html', query);
  const box = mads.getByRole('textbox', { name: 'Beslutning for punkt 3' });
  await box.waitFor({ timeout: 30_000 });
  for (const p of [tab, pane])
    await p.getByRole('region', { name: 'Beslutning for punkt 3' }).waitFor({ timeout: 30_000 });
  const tabRequests = countRequests(tab, stack.graphPort);
  const paneRequests = countRequests(pane, stack.graphPort);

  await box.click();
  await box.pressSequentially('Godkendt af rådmanden', { delay: 20 });
  for (const p of [tab, pane])
    await p
      .getByRole('region', { name: 'Beslutning for punkt 3' })
      .getByText('Godkendt af rådmanden')
      .waitFor({ timeout: 20_000 });
  // Both show it; only one of them asked SharePoint.
  expect(Math.min(tabRequests.count, paneRequests.count)).toBe(0);
  expect(Math.max(tabRequests.count, paneRequests.count)).toBeGreaterThan(0);

  const [leader, leaderRequests, other, otherRequests] =
    tabRequests.count > 0 ? [tab, tabRequests, pane, paneRequests] : [pane, paneRequests, tab, tabRequests];
  await hide(leader);
  const leaderBefore = leaderRequests.count;
  await box.pressSequentially('.', { delay: 20 });
  // Leaving the editor saves at once (while typing goes on, autosave waits 30 s between saves).
  await box.press('Tab');
  await other
    .getByRole('region', { name: 'Beslutning for punkt 3' })
    .getByText('Godkendt af rådmanden.')
    .waitFor({ timeout: 20_000 });
  expect(otherRequests.count).toBeGreaterThan(0);
  // The hidden page heard it too, without asking.
  await leader
    .getByRole('region', { name: 'Beslutning for punkt 3' })
    .getByText('Godkendt af rådmanden.')
    .waitFor({ timeout: 20_000 });
  expect(leaderRequests.count).toBe(leaderBefore);
});
