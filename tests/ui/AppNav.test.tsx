/** @jest-environment jsdom */
/**
 * One navigation between the person's own pages (Mine møder, Opfølgninger, Arkiv), as in the Teams
 * personal app: found by role and label, used with the keyboard only, free of axe violations; from the
 * Outlook task pane the same pages are links that open in a new window.
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

test('the pages share one navigation; the keyboard moves along it and Enter opens a page', async () => {
  const user = userEvent.setup();
  const navigate = jest.fn();
  const { container } = render(
    <AppShell theme="default" locale="da">
      <AppNav current="followups" navigate={navigate} />
    </AppShell>,
  );
  const nav = screen.getByRole('navigation', { name: 'Sider i Mødeassistent' });
  const tabs = within(nav).getAllByRole('tab');
  expect(tabs).toEqual(
    ['Mine møder', 'Opfølgninger', 'Arkiv'].map((name) => within(nav).getByRole('tab', { name })),
  );
  const here = within(nav).getByRole('tab', { name: 'Opfølgninger' });
  expect(here.getAttribute('aria-selected')).toBe('true');
  expect(here.getAttribute('aria-current')).toBe('page');

  // Tab enters the navigation; the arrows move along it without leaving the page; Enter or Space opens.
  await user.tab();
  expect(tabs).toContain(document.activeElement);
  await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
  expect(document.activeElement).toBe(tabs[0]);
  await user.keyboard('{ArrowRight}{ArrowRight}');
  expect(document.activeElement).toBe(within(nav).getByRole('tab', { name: 'Arkiv' }));
  expect(navigate).not.toHaveBeenCalled();
  await user.keyboard('{Enter}');
  expect(navigate).toHaveBeenCalledWith('archive.html?as=erik%40kommune.example&lang=da');
  await user.keyboard('{ArrowLeft}{ArrowLeft} ');
  expect(navigate).toHaveBeenLastCalledWith('meeting.html?as=erik%40kommune.example&lang=da');
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
