/**
 * The person's own pages as the Teams personal app shows them, in the browser: Mine møder (the meeting
 * page without a meeting), Opfølgninger and Arkiv share one navigation, reached and used with the
 * keyboard only, axe clean; the Outlook task pane links to the same pages.
 */
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './axe';
import { nextMeetingKey, startStack, type Stack } from './harness';

jest.setTimeout(120_000);
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

async function expectNoSeriousAxeViolations(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

test('Mine møder, Opfølgninger and Arkiv: one navigation, keyboard only, axe clean on each', async () => {
  const { open } = await stack.person('erik@kommune.example');
  const page = await open('meeting.html');
  const nav = page.getByRole('navigation', { name: 'Sider i Mødeassistent' });
  await page.getByRole('heading', { level: 1, name: 'Mine møder' }).waitFor();
  const here = (name: string) => nav.getByRole('link', { name, exact: true }).getAttribute('aria-current');
  await expect(here('Mine møder')).resolves.toBe('page');
  await expectNoSeriousAxeViolations(page);

  // Keyboard only: Tab until "Opfølgninger" has focus, then Enter.
  const tabTo = async (name: string) => {
    const link = nav.getByRole('link', { name, exact: true });
    for (let i = 0; i < 10 && !(await link.evaluate((e) => e === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(link.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  };
  await tabTo('Opfølgninger');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Opfølgninger' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/followups.html');
  // Who is signed in and the dev server travel along.
  expect(new URL(page.url()).searchParams.get('as')).toBe('erik@kommune.example');
  await expect(here('Opfølgninger')).resolves.toBe('page');
  await expectNoSeriousAxeViolations(page);

  await tabTo('Arkiv');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Beslutningsarkiv' }).waitFor();
  await expect(here('Arkiv')).resolves.toBe('page');
  await expectNoSeriousAxeViolations(page);
});

test('a meeting itself has no page navigation; the task pane links to the pages in a new window', async () => {
  const key = await nextMeetingKey(stack);
  const { open } = await stack.person('anders@kommune.example');
  const meeting = await open('meeting.html', { meeting: key });
  await meeting.getByRole('region', { name: 'Dagsorden' }).waitFor();
  expect(await meeting.getByRole('navigation', { name: 'Sider i Mødeassistent' }).count()).toBe(0);

  const pane = await open('taskpane.html', { meeting: key });
  const links = pane.getByRole('navigation', { name: 'Sider i Mødeassistent' }).getByRole('link');
  await links.first().waitFor();
  expect(await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('target')]))).toEqual([
    ['Mine møder', '_blank'],
    ['Opfølgninger', '_blank'],
    ['Arkiv', '_blank'],
  ]);
  await expectNoSeriousAxeViolations(pane);
});

test("Mine møder shows each person's role and own afbud on the demo meetings, and fits 320 px", async () => {
  // The demo: Louise meldte afbud to the past rådmandsmøde, where Mads was referent and Sofie organizer.
  const lastMeeting = async (upn: string) => {
    const { open } = await stack.person(upn);
    const page = await open('meeting.html');
    const past = page.getByRole('region', { name: 'Tidligere møder' });
    // The newest past meeting comes first: the demo's held meeting (the one before it is over by date only).
    const meeting = past.getByRole('listitem').filter({ hasText: 'Status: Afsluttet' }).first();
    await meeting.waitFor();
    return { page, meeting };
  };

  const louise = await lastMeeting('louise@kommune.example');
  await louise.meeting.getByText('Deltager', { exact: true }).waitFor();
  await louise.meeting.getByText('Du har meldt afbud', { exact: true }).waitFor();
  await expect(
    louise.meeting.getByRole('link', { name: 'Rådmandsmøde' }).getAttribute('href'),
  ).resolves.toMatch(/^meeting\.html\?.*as=louise%40kommune\.example.*&meeting=/);
  // Her afbud is hers alone: none of the upcoming meetings says she sent one.
  const upcoming = louise.page.getByRole('region', { name: 'Kommende møder' });
  await upcoming.getByRole('listitem').first().waitFor();
  expect(await upcoming.getByText('Du har meldt afbud').count()).toBe(0);
  await louise.page.setViewportSize({ width: 320, height: 720 });
  await expect(
    louise.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
  ).resolves.toBe(true);
  await expectNoSeriousAxeViolations(louise.page);

  const mads = await lastMeeting('mads@kommune.example');
  await mads.meeting.getByText('Referent', { exact: true }).waitFor();
  expect(await mads.meeting.getByText('Du har meldt afbud').count()).toBe(0);

  const sofie = await lastMeeting('sofie@kommune.example');
  await sofie.meeting.getByText('Organisator', { exact: true }).waitFor();
});
