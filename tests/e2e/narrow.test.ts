/**
 * Teams' side panel and Outlook's task pane are 320 px wide: every page, as each of its people sees it,
 * fits without scrolling sideways and is axe clean, in Teams' light, dark and high-contrast themes (light
 * and dark switched in the running page, as the host switches them). The
 * stage has a layout of its own, at 320 px and full width. No title breaks inside a word. Screenshots go to test-results/ (one per page,
 * person and theme) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './axe';
import { nextMeetingKey, startStack, type Stack } from './harness';
import { switchTheme } from './theme';

jest.setTimeout(240_000);
const SHOTS = join(__dirname, '../../test-results');
const THEMES = ['default', 'dark', 'contrast'] as const;
const U = (name: string) => `${name}@kommune.example`;
let stack: Stack;
let key: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startStack();
  key = await nextMeetingKey(stack);
  // The referent has started the meeting: his page shows the current item open, the others as lines.
  const mads = await (await stack.person(U('mads'))).open('meeting.html', { meeting: key });
  await mads.getByRole('region', { name: 'Mødeur' }).getByRole('button', { name: 'Start mødet' }).click();
  await mads.getByRole('timer').filter({ hasText: 'Aktuelt punkt: Punkt 1' }).waitFor();
  await mads.context().close();
});
afterAll(() => stack?.close());

/** The page's widest extent and anything drawn past the viewport's right edge. */
async function overflow(page: Page, width: number) {
  return page.evaluate((w) => {
    const beyond = [...document.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.right > w + 0.5 && !e.closest('[data-tabster-dummy]');
      })
      .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim().slice(0, 40)}"`);
    const scrollWidth = document.documentElement.scrollWidth;
    return { fits: scrollWidth <= w ? 'fits' : `scrollWidth ${scrollWidth}`, beyond };
  }, width);
}

/** Where titles are: headings, and the links that name a meeting (Mine møder) or a page. */
const TITLES = 'h1, h2, h3, h4, h5, h6, [role="heading"], a[href]';

/**
 * Titles whose text breaks inside a word ("Rådmandsmød/e", "Integrationshan/dleplanen"): each word (a
 * hyphenated name may break at its hyphen) of each visible title must lie on one line box.
 */
async function wordsSplit(page: Page, titles = TITLES) {
  return page.evaluate((selector) => {
    const split: string[] = [];
    for (const h of document.querySelectorAll(selector)) {
      const box = h.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/[^\s\-–]+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
          );
          if (tops.size > 1)
            split.push(`${h.tagName.toLowerCase()} "${(h.textContent ?? '').slice(0, 50)}": ${m[0]}`);
        }
      }
    }
    return split;
  }, titles);
}

/**
 * Opens the page at 320 px, waits for `ready`, and checks width and axe in each theme; saves a picture.
 * Light and dark are one page whose theme is switched in place; high contrast is a page of its own.
 */
async function checkNarrow(
  who: string,
  file: string,
  query: Record<string, string>,
  ready: (page: Page) => Promise<unknown>,
  shot: string,
) {
  const { context, open } = await stack.person(U(who));
  const opened = async (extra: Record<string, string>) => {
    const page = await open(file, { ...query, ...extra });
    await page.setViewportSize({ width: 320, height: 720 });
    await ready(page);
    return page;
  };
  try {
    let page = await opened({});
    for (const theme of THEMES) {
      if (theme === 'dark') await switchTheme(page, 'dark');
      if (theme === 'contrast') {
        await page.close();
        page = await opened({ theme });
      }
      await page.screenshot({ path: join(SHOTS, `${shot}-320-${theme}.png`), fullPage: true });
      expect({ theme, ...(await overflow(page, 320)) }).toEqual({ theme, fits: 'fits', beyond: [] });
      expect({ theme, split: await wordsSplit(page) }).toEqual({ theme, split: [] });
      expect({ theme, axe: await seriousAxeViolations(page) }).toEqual({ theme, axe: [] });
    }
    await page.close();
  } finally {
    await context.close();
  }
}

const agenda = (page: Page) => page.getByRole('region', { name: 'Dagsorden' }).waitFor();

test('the meeting page at 320 px for the organizer, the referent, an attendee and a guest', async () => {
  const side = { meeting: key, view: 'sidePanel' };
  await checkNarrow('sofie', 'meeting.html', side, agenda, 'meeting-organizer');
  await checkNarrow(
    'mads',
    'meeting.html',
    side,
    (page) => page.getByRole('textbox', { name: 'Beslutning for punkt 1', exact: true }).waitFor(),
    'meeting-referent',
  );
  await checkNarrow('anders', 'meeting.html', side, agenda, 'meeting-attendee');
  await checkNarrow(
    'kamilla',
    'meeting.html',
    side,
    (page) => page.getByRole('heading', { level: 3, name: /^Punkt 3: / }).waitFor(),
    'meeting-guest',
  );
});

test('the Outlook task pane at 320 px for the organizer and an attendee', async () => {
  await checkNarrow(
    'sofie',
    'taskpane.html',
    { meeting: key },
    (page) => page.getByRole('button', { name: 'Send dagsorden' }).waitFor(),
    'taskpane-organizer',
  );
  await checkNarrow(
    'anders',
    'taskpane.html',
    { meeting: key },
    (page) => page.getByRole('button', { name: 'Meld afbud' }).waitFor(),
    'taskpane-attendee',
  );
});

test('the personal pages at 320 px: Mine møder, Opfølgninger, Arkiv', async () => {
  const heading = (name: string) => (page: Page) => page.getByRole('heading', { level: 1, name }).waitFor();
  await checkNarrow('erik', 'meeting.html', {}, heading('Mine møder'), 'personal-meetings');
  await checkNarrow('erik', 'followups.html', {}, heading('Opfølgninger'), 'personal-followups');
  await checkNarrow('erik', 'archive.html', {}, heading('Beslutningsarkiv'), 'personal-archive');
});

test('the stage has its own layout: no sideways scroll, titles wrap on words, at 320 px and at full width', async () => {
  // The referent moves on to item 3, whose title has the long word ("Integrationshandleplanen").
  const mads = await (await stack.person(U('mads'))).open('meeting.html', { meeting: key });
  const clock = mads.getByRole('region', { name: 'Mødeur' });
  for (const next of [2, 3]) {
    await clock.getByRole('button', { name: `Næste punkt (Punkt ${next})` }).click();
    await mads
      .getByRole('timer')
      .filter({ hasText: `Aktuelt punkt: Punkt ${next}` })
      .waitFor();
  }
  await mads.context().close();
  const { context, open } = await stack.person(U('erik'));
  for (const [width, height] of [
    [320, 640],
    [1280, 720],
  ]) {
    const page = await open('meeting.html', { meeting: key, view: 'stage' });
    await page.setViewportSize({ width, height });
    await page.getByRole('heading', { name: /^Punkt 3: Status på Integrationshandleplanen/ }).waitFor();
    await page.screenshot({ path: join(SHOTS, `stage-${width}.png`) });
    expect(await overflow(page, width)).toEqual({ fits: 'fits', beyond: [] });
    // The meeting's title and the item's heading, in the stage's large type.
    expect(await wordsSplit(page, `${TITLES}, p`)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  }
  await context.close();
});
