import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Serious and critical axe violations on the page, as "rule: targets". Fluent UI's focus manager (tabster)
 * puts empty `<i data-tabster-dummy>` elements around a Dialog's page root and a TabList: each takes focus
 * only to hand it on at once, and is aria-hidden so screen readers skip it. Axe cannot know that and
 * reports aria-hidden-focus on them; Fluent closed that report as by design and Microsoft's own
 * Accessibility Insights leaves those elements out, as this does. Nothing else is left out.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Every rule runs; only violations are collected node by node (passes and the rest are not needed here).
  // A page without frames gets one axe.run in the page: the same rules and findings as the builder's
  // frame-by-frame mode, which also injects axe twice more and finishes in a new blank page (about three
  // times the time). A page with frames keeps that mode, the one that reaches into cross-origin frames.
  const result = await new AxeBuilder({ page })
    .exclude('[data-tabster-dummy]')
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(page.frames().length === 1)
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
