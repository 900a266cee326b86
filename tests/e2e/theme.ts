import type { Page } from 'playwright-core';

/**
 * Switches Teams' light or dark theme in the running page, as its host does: a page whose address names no
 * `theme` follows the system's colour scheme (src/adapters/hosts/browserHost.ts, the host's theme handler),
 * so the page re-renders in the other theme without a reload. Resolves once the Fluent theme has changed
 * its colours have settled. High contrast is not switched this way: the system's forced-colours mode
 * would also repaint the page in the system's own colours, which is not Teams' high-contrast theme, so
 * those pictures come from a page opened with `theme=contrast`.
 */
export async function switchTheme(page: Page, theme: 'default' | 'dark'): Promise<void> {
  const background = () =>
    page.evaluate(() =>
      getComputedStyle(document.querySelector('.fui-FluentProvider')!).getPropertyValue(
        '--colorNeutralBackground1',
      ),
    );
  const before = await background();
  await page.emulateMedia({ colorScheme: theme === 'dark' ? 'dark' : 'light' });
  await page.waitForFunction(
    (old) =>
      getComputedStyle(document.querySelector('.fui-FluentProvider')!).getPropertyValue(
        '--colorNeutralBackground1',
      ) !== old,
    before,
  );
  // Fluent's controls ease their colours into the new theme (CSS transitions): the picture is taken after.
  await settle(page);
}

/**
 * Waits until the page's finite animations and transitions (a dialog fading in, colours easing into a
 * theme) have finished, so a picture or an axe run sees the state the person ends up looking at, not a
 * frame of the way there.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    );
  });
}
