/** @jest-environment jsdom */
/**
 * One navigation between the person's own pages (Mine møder, Opfølgninger, Arkiv), as in the Teams
 * personal app: page links found by role and label, the page shown marked, reached with the keyboard, free
 * of axe violations; from the Outlook task pane the same links open in a new window.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { AppNav, appPageHref } from '../../src/ui/components/AppNav/AppNav';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';

async function axeViolations(container: Element): Promise<string[]> {
  // jsdom has no layout or colours: contrast is checked in the browser tests.
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeEach(() => window.history.replaceState(null, '', '/followups.html?as=erik%40kommune.example&lang=da'));

test('the pages share one navigation of links; the keyboard goes along it; the page shown is marked', async () => {
  const user = userEvent.setup();
  const { container } = render(
    <AppShell theme="default" locale="da">
      <AppNav current="followups" />
    </AppShell>,
  );
  const nav = screen.getByRole('navigation', { name: 'Sider i Mødeassistent' });
  const links = within(nav).getAllByRole('link');
  expect(links.map((l) => [l.textContent, l.getAttribute('href'), l.getAttribute('aria-current')])).toEqual([
    ['Mine møder', 'meeting.html?as=erik%40kommune.example&lang=da', null],
    ['Opfølgninger', 'followups.html?as=erik%40kommune.example&lang=da', 'page'],
    ['Arkiv', 'archive.html?as=erik%40kommune.example&lang=da', null],
  ]);
  // Page links, not tabs: no tab widget (whose focus helpers axe flags as hidden yet focusable).
  expect(within(nav).queryAllByRole('tab')).toEqual([]);

  // Tab goes from link to link in order and on out of the navigation.
  for (const link of links) {
    await user.tab();
    expect(document.activeElement).toBe(link);
  }
  expect(await axeViolations(container)).toEqual([]);
});

test('"Mine møder" is the meeting page without a meeting, keeping who and which language', () => {
  expect(appPageHref('meetings', '?as=mads%40kommune.example&meeting=abc&lang=en')).toBe(
    'meeting.html?as=mads%40kommune.example&lang=en',
  );
  expect(appPageHref('archive', '')).toBe('archive.html');
});

test('from the task pane, in English: links that say they open a new window', async () => {
  const { container } = render(
    <AppShell theme="contrast" locale="en">
      <AppNav variant="links" />
    </AppShell>,
  );
  const nav = screen.getByRole('navigation', { name: 'Meeting Assistant pages' });
  const links = within(nav).getAllByRole('link');
  expect(
    links.map((l) => [l.getAttribute('aria-label'), l.getAttribute('href'), l.getAttribute('target')]),
  ).toEqual([
    ['My meetings (opens in a new window)', 'meeting.html?as=erik%40kommune.example&lang=da', '_blank'],
    ['Follow-ups (opens in a new window)', 'followups.html?as=erik%40kommune.example&lang=da', '_blank'],
    ['Archive (opens in a new window)', 'archive.html?as=erik%40kommune.example&lang=da', '_blank'],
  ]);
  expect(await axeViolations(container)).toEqual([]);
});
