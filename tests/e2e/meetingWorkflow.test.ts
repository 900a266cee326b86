/**
 * Issue 24 on the meeting page, as its people meet it: the title and time read as Teams writes them and
 * wrap between words at 320 px; the afbud heading stands apart from "Ingen afbud."; the guest's notice is
 * its own paragraph; a decision's "X følger op" becomes a follow-up in one click, shown under its item
 * and in the downloaded referat; and screenshots of the pages per person, width (320, 1280) and theme go
 * to test-results/, each axe clean.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './axe';
import { nextMeetingKey, startStack, type Stack } from './harness';
import { switchTheme } from './theme';

jest.setTimeout(300_000);
const SHOTS = join(__dirname, '../../test-results');
const U = (name: string) => `${name}@kommune.example`;
let stack: Stack;
let key: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startStack();
  key = await nextMeetingKey(stack);
});
afterAll(() => stack?.close());

/** The words of the element's text that the browser split over two lines. */
function splitWords(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const split: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index ?? 0);
        range.setEnd(node, (m.index ?? 0) + m[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) split.push(m[0]);
      }
    }
    return split;
  });
}

test('at 320 px the title is 20 px semibold and wraps between words; the time is a Danish long date', async () => {
  const page = await (
    await stack.person(U('anders'))
  ).open('meeting.html', { meeting: key, view: 'sidePanel' });
  await page.setViewportSize({ width: 320, height: 720 });
  const title = page.getByRole('heading', { level: 1 });
  await title.waitFor();
  expect(await title.evaluate((e) => [getComputedStyle(e).fontSize, getComputedStyle(e).fontWeight])).toEqual(
    ['20px', '600'],
  );
  expect(await splitWords(page, 'h1')).toEqual([]);
  const when = page.locator('header time');
  expect(await when.textContent()).toMatch(
    /^(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag) \d{1,2}\. [a-zæøå]+ \d{4}, kl\. \d\d\.\d\d–\d\d\.\d\d$/,
  );
});

test('"Afbud og deltagelse" stands on its own line above what follows; the guest notice is its own paragraph', async () => {
  const sofie = await (await stack.person(U('sofie'))).open('meeting.html', { meeting: key });
  const absences = sofie.getByRole('region', { name: 'Afbud og deltagelse' });
  const heading = absences.getByRole('heading', { level: 2, name: 'Afbud og deltagelse' });
  await heading.waitFor();
  const below = absences.locator('xpath=./*[2]');
  const [h, b] = [await heading.boundingBox(), await below.boundingBox()];
  expect(b!.y).toBeGreaterThanOrEqual(h!.y + h!.height - 0.5);

  const guest = await (await stack.person(U('kamilla'))).open('meeting.html', { meeting: key });
  const notice = guest.getByText('Du er gæst og ser kun det punkt, du deltager under.');
  await notice.waitFor();
  expect(await notice.evaluate((e) => getComputedStyle(e).display)).toBe('block');
});

test('the referent turns "Erik følger op" into a follow-up in one click; it is under its item and in the referat', async () => {
  const mads = await (await stack.person(U('mads'))).open('meeting.html', { meeting: key });
  const box = mads.getByRole('textbox', { name: 'Beslutning for punkt 2', exact: true });
  await box.fill('Referatet blev godkendt. Erik følger op på udsendelsen.');
  await box.blur();
  const create = mads.getByRole('button', { name: 'Opret opfølgning' });
  await create.waitFor();
  const describedBy = await create.getAttribute('aria-describedby');
  expect(await mads.locator(`[id="${describedBy}"]`).textContent()).toBe(
    'Forslag – ansvarlig Erik: Erik følger op på udsendelsen.',
  );
  await create.click();
  await create.waitFor({ state: 'detached' });
  const list = mads.getByRole('list', { name: 'Opfølgninger' });
  await list.getByRole('listitem').filter({ hasText: 'Erik: Erik følger op på udsendelsen.' }).waitFor();
  // The follow-up is in SharePoint before the next tests open their pages (they show it from there).
  const graph = await stack.graphAs(U('mads'));
  const filter = encodeURIComponent(`fields/MeetingKey eq '${key}'`);
  let tasks: string[] = [];
  for (let i = 0; i < 40 && !tasks.includes('Erik følger op på udsendelsen.'); i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 250));
    const res = await graph(
      `/sites/kommune.sharepoint.com:/sites/moeder:/lists/FollowUps/items?$expand=fields&$filter=${filter}`,
    );
    tasks = ((await res.json()) as { value: Array<{ fields: { Task: string } }> }).value.map(
      (v) => v.fields.Task,
    );
  }
  expect(tasks).toContain('Erik følger op på udsendelsen.');

  const [file] = await Promise.all([
    mads.waitForEvent('download'),
    mads.getByRole('button', { name: 'Hent som tekst' }).click(),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), 'opfoelgning-')), 'referat.txt');
  await file.saveAs(path);
  expect(readFileSync(path, 'utf8').replace(/\s+/g, ' ')).toMatch(
    /Punkt 2: (?:(?!Punkt 3:).)*Opfølgning: Erik – Erik følger op på udsendelsen\. \(Åben\)/,
  );
});

// 320 px in every theme is tests/e2e/narrow.test.ts; here the full tab at 1280 px in light and dark.
const PAGES: Array<[string, string, string, (p: Page) => Promise<unknown>]> = [
  [
    'organizer',
    'sofie',
    'meeting.html',
    (p) =>
      p
        .getByRole('heading', { name: /^Punkt 1/ })
        .first()
        .waitFor(),
  ],
  [
    'referent',
    'mads',
    'meeting.html',
    (p) => p.getByRole('textbox', { name: 'Beslutning for punkt 1', exact: true }).waitFor(),
  ],
  [
    'attendee',
    'anders',
    'meeting.html',
    (p) =>
      p
        .getByRole('heading', { name: /^Punkt 1/ })
        .first()
        .waitFor(),
  ],
  [
    'guest',
    'kamilla',
    'meeting.html',
    (p) =>
      p
        .getByRole('heading', { name: /^Punkt 3: / })
        .first()
        .waitFor(),
  ],
  [
    'organizer',
    'sofie',
    'followups.html',
    (p) => p.getByRole('heading', { level: 1, name: 'Opfølgninger' }).waitFor(),
  ],
  ['organizer', 'sofie', 'archive.html', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
];

test.each(PAGES)(
  '%s (%s) on %s at 1280 px, light and dark: a screenshot each, axe clean',
  async (role, who, file, ready) => {
    const { context, open } = await stack.person(U(who));
    const problems: string[] = [];
    // One page: dark is switched in place, as the host switches it.
    const page = await open(file, file === 'meeting.html' ? { meeting: key } : {});
    await page.setViewportSize({ width: 1280, height: 900 });
    await ready(page);
    for (const theme of ['default', 'dark'] as const) {
      if (theme === 'dark') await switchTheme(page, 'dark');
      await page.screenshot({
        path: join(SHOTS, `issue24-${file.replace('.html', '')}-${role}-1280-${theme}.png`),
        fullPage: true,
      });
      for (const v of await seriousAxeViolations(page)) problems.push(`${theme}: ${v}`);
    }
    await context.close();
    expect(problems).toEqual([]);
  },
);
