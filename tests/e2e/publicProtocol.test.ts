/**
 * The public beslutningsprotokol as the municipality publishes it (webtilgængelighedsloven, WCAG 2.1 AA):
 * the HTML document opened in Chromium has its language, title, one heading per item and vote tables whose
 * header cells the browser exposes as column and row headers; axe finds no WCAG A/AA violation. A closed
 * item shows only what the organizer marked publishable.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { connectBrowser } from './browser';
import type { CommitteeRecord } from '../../src/domain/committee/types';
import { renderReferatHtmlDocument } from '../../src/adapters/documents/referatHtml';
import { buildReferat } from '../../src/i18n/referat';
import { absences, decisions, items, meeting, record, settings } from '../domain/committee/fixtures';

jest.setTimeout(60_000);
let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(() => browser?.close());

test('the public protocol in HTML: lang, title, headings per item, vote tables with header cells, axe clean', async () => {
  const referat = buildReferat(meeting, items, decisions, absences, { audience: 'public' }, 'da', {
    settings,
    record,
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent(renderReferatHtmlDocument(referat));
  expect(await page.locator('html').getAttribute('lang')).toBe('da');
  expect(await page.title()).toBe('Social- og Beskæftigelsesudvalget (Udvalgsmøde) 12-12-2022 14:00 - 16:00');
  await expect(page.getByRole('heading', { level: 1 }).allTextContents()).resolves.toEqual([
    'Social- og Beskæftigelsesudvalget (Udvalgsmøde)',
  ]);
  const itemHeadings = await page.getByRole('region').getByRole('heading', { level: 2 }).allTextContents();
  expect(itemHeadings).toHaveLength(items.length);
  expect(itemHeadings[4]).toBe('Punkt 5: Lukket punkt (15 min)');

  const table = page.getByRole('table', { name: 'Afstemning om punkt 3' });
  await expect(table.getByRole('columnheader').allTextContents()).resolves.toEqual([
    'Stemme',
    'Navne (antal)',
  ]);
  await expect(table.getByRole('rowheader').allTextContents()).resolves.toEqual([
    'For stemte:',
    'Imod stemte:',
    'Undlod at stemme:',
  ]);
  await expect(
    table
      .getByRole('row', { name: /Imod stemte/ })
      .getByRole('cell')
      .textContent(),
  ).resolves.toBe('Gustav Eng og Hanne Birk (2)');
  await page
    .getByRole('region', { name: /^Punkt 3:/ })
    .getByText('Resultat: Vedtaget')
    .waitFor();

  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.passes.map((p) => p.id)).toEqual(
    expect.arrayContaining(['html-has-lang', 'document-title', 'th-has-data-cells']),
  );
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await context.close();
});

test('a closed item in the published HTML: "Lukket punkt" without decision, its title or decision only where marked publishable', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const item5 = async (publication: CommitteeRecord['publication']) => {
    const referat = buildReferat(meeting, items, decisions, absences, { audience: 'public' }, 'da', {
      settings,
      record: { ...record, publication },
    });
    await page.setContent(renderReferatHtmlDocument(referat));
    const region = page.getByRole('region', { name: /^Punkt 5:/ });
    return {
      heading: await region.getByRole('heading', { level: 2 }).textContent(),
      decided: await region.getByText('Tilskuddet blev bevilget.').count(),
    };
  };
  await expect(item5(undefined)).resolves.toEqual({ heading: 'Punkt 5: Lukket punkt (15 min)', decided: 0 });
  const titled = await item5([{ itemNumber: 5, publishTitle: true, publishDecision: false }]);
  expect(titled.heading).toMatch(/^Punkt 5: .*Personsag om tilskud \(15 min\)$/);
  expect(titled.decided).toBe(0);
  await expect(item5([{ itemNumber: 5, publishTitle: false, publishDecision: true }])).resolves.toEqual({
    heading: 'Punkt 5: Lukket punkt (15 min)',
    decided: 1,
  });
  await context.close();
});
