/**
 * The pages as the hosts show them: alone in a browser tab, framed the way Teams frames a tab (teams-js
 * gets no answer outside Teams, so the page must fall back and say so, not hang), on the meeting stage,
 * and in the 320 px side panel.
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

const PAGES: Array<[string, RegExp]> = [
  ['meeting.html', /Rådmandsmøde/],
  ['taskpane.html', /Rådmandsmøde/],
  ['archive.html', /Beslutningsarkiv/],
  ['config.html', /Mødeassistent tilføjes til mødet/],
];

test.each(PAGES)('%s runs without any host', async (page, heading) => {
  const p = await (
    await stack.person('sofie@kommune.example')
  ).open(page, page === 'archive.html' ? {} : { meeting: key });
  await p.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 15_000 });
  expect(await p.getByText(/siden kører som almindelig webside/).count()).toBe(0);
});

test.each(PAGES)(
  '%s framed like a Teams tab: falls back to the browser host and says why',
  async (page, heading) => {
    const { context } = await stack.person('erik@kommune.example');
    const outer = await context.newPage();
    const params = new URLSearchParams({
      as: 'erik@kommune.example',
      graphPort: String(stack.graphPort),
      ...(page === 'archive.html' ? {} : { meeting: key }),
    });
    await outer.setContent(
      `<iframe title="Mødeassistent" src="${stack.appUrl}/${page}?${params}" style="width:900px;height:900px"></iframe>`,
    );
    const frame = outer.frameLocator('iframe');
    await frame.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 20_000 });
    if (page !== 'config.html')
      await frame
        .getByText('Teams svarede ikke inden for 3 sekunder; siden kører som almindelig webside.')
        .waitFor();
  },
);

test('the meeting stage shows the current item and its decision in large type', async () => {
  const mads = await (await stack.person('mads@kommune.example')).open('meeting.html', { meeting: key });
  const box = mads.getByRole('textbox', { name: 'Beslutning for punkt 1' });
  await box.fill('Dagsordenen blev godkendt.');
  await box.blur();
  await mads.getByText('Gemt', { exact: true }).first().waitFor();
  const stage = await (
    await stack.person('erik@kommune.example')
  ).open('meeting.html', { meeting: key, view: 'stage' });
  const heading = stage.getByRole('heading', { level: 1 });
  await heading.waitFor();
  expect(await heading.textContent()).toMatch(/^Punkt 2: /);
  const size = await heading.evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
  expect(size).toBeGreaterThanOrEqual(32);
});

test('the side panel fits 320 px without scrolling sideways', async () => {
  const { context } = await stack.person('anders@kommune.example');
  const p = await context.newPage();
  await p.setViewportSize({ width: 320, height: 800 });
  const params = new URLSearchParams({
    as: 'anders@kommune.example',
    graphPort: String(stack.graphPort),
    meeting: key,
    view: 'sidePanel',
  });
  await p.goto(`${stack.appUrl}/meeting.html?${params}`);
  await p.getByRole('heading', { level: 1 }).waitFor();
  const overflow = await p.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
