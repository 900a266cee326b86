/**
 * Teams' meeting side panel is 320 px wide: the referent's view (clock, the current item with
 * a long decision and a conflict, the other items one line each) and the stage must not scroll sideways,
 * and the collapsed lines must stay one line. Axe clean. Static HTML from the real components (see
 * referentLayout.tsx), so this runs without the page bundle.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { connectBrowser } from './browser';
import { sidePanelHtml, stageHtml } from './referentLayout';

jest.setTimeout(60_000);
let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(() => browser?.close());

async function at(width: number, height: number, html: string) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.setContent(html);
  return page;
}

test('the side panel at 320 px has no horizontal scroll; other items are one line; axe clean', async () => {
  const page = await at(320, 800, sidePanelHtml());
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.getByRole('textbox', { name: 'Beslutning for punkt 3' }).waitFor();
  // Nothing is cut off at the right either (a Card clips what overflows it instead of scrolling).
  const beyond = await page.evaluate(() =>
    [...document.querySelectorAll('#root *')]
      .filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > 320.5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 1).join('')} ${e.textContent?.slice(0, 30)}`,
      ),
  );
  expect(beyond).toEqual([]);
  const line = page.getByRole('button', { name: /^Punkt 1: / });
  const box = await line.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(320);
  // One line: no taller than two lines of its own text would be.
  const lineHeight = await line.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
  expect(box!.height).toBeLessThan(lineHeight * 2 + 16);
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the stage has no horizontal scroll, at 320 px or full width', async () => {
  for (const [w, h] of [
    [320, 640],
    [1280, 720],
  ]) {
    const page = await at(w, h, stageHtml());
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
  }
});
