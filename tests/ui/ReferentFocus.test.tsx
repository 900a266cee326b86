/** @jest-environment jsdom */
/**
 * The referent's focus in the meeting page's decision area, by role and label: while the meeting clock
 * runs its current item is open and the others are one line each with a preview of their decision;
 * Alt+ArrowDown/Alt+ArrowUp (or "Vis næste punkt"/"Vis forrige punkt") open the next/previous item and
 * take the caret along; the clock moving on takes the focus with it; decision boxes grow with their text;
 * a meeting that is over offers the referat instead of "Start mødet". Axe clean.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useState } from 'react';
import { AgendaList } from '../../src/ui/components/AgendaList/AgendaList';
import { useItemFocus } from '../../src/ui/components/AgendaList/useItemFocus';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { DecisionEditor } from '../../src/ui/components/DecisionEditor/DecisionEditor';
import { MeetingClock } from '../../src/ui/components/MeetingClock/MeetingClock';
import { idleTimer, type MeetingTimer } from '../../src/domain/meetingTimer';
import { seedItems } from '../app/fixtures';

const START = '2024-02-20T10:00:00.000Z';
const END = '2024-02-20T12:00:00.000Z';

const running = (currentItem: number): MeetingTimer => ({
  ...idleTimer(),
  startedAt: START,
  currentItem,
  currentSince: START,
});

/** The decision area as the meeting page wires it for the referent. */
function Referent({ timer, initial }: { timer: MeetingTimer; initial: Record<number, string> }) {
  const [texts, setTexts] = useState(initial);
  const { focusItem, focus } = useItemFocus(timer.startedAt && !timer.endedAt ? timer.currentItem : null);
  return (
    <AgendaList
      items={seedItems()}
      meetingStart={START}
      currentItem={timer.currentItem}
      focusItem={focusItem}
      onFocusItem={focus}
      preview={(item) => texts[item.number]?.trim() || 'Ingen beslutning endnu.'}
      renderBelow={(item) => (
        <DecisionEditor
          itemNumber={item.number}
          text={texts[item.number] ?? ''}
          onChange={(text) => setTexts((t) => ({ ...t, [item.number]: text }))}
          onBlur={() => undefined}
          onResolve={() => undefined}
          onAddFollowUp={() => undefined}
        />
      )}
    />
  );
}

function show(timer: MeetingTimer, initial: Record<number, string> = {}) {
  const ui = (t: MeetingTimer) => (
    <AppShell theme="default" locale="da">
      <Referent timer={t} initial={initial} />
    </AppShell>
  );
  const view = render(ui(timer));
  return { ...view, moveClock: (t: MeetingTimer) => view.rerender(ui(t)) };
}

const box = (n: number) => screen.queryByRole('textbox', { name: `Beslutning for punkt ${n}` });

test('while the clock runs, its current item is open and the others are one line with their decision', async () => {
  const { container } = show(running(3), { 1: 'Dagsordenen blev godkendt.\nIngen bemærkninger.' });
  expect(box(3)).not.toBeNull();
  expect(screen.getAllByRole('textbox', { name: /^Beslutning for punkt/ })).toHaveLength(1);
  const first = screen.getByRole('button', { name: /^Punkt 1: / });
  expect(first.textContent).toContain('Dagsordenen blev godkendt.');
  expect(first.getAttribute('aria-expanded')).toBe('false');
  expect(screen.getByRole('button', { name: /^Punkt 2: / }).textContent).toContain('Ingen beslutning endnu.');
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => v.id)).toEqual([]);
});

test('Alt+ArrowDown and Alt+ArrowUp open the next and previous item, and the caret goes along', async () => {
  const user = userEvent.setup();
  show(running(3));
  await user.click(box(3)!);
  await user.keyboard('Taget til efterretning.');
  await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
  expect(document.activeElement).toBe(box(4));
  expect(box(3)).toBeNull();
  // What was typed shows in the item's line.
  expect(screen.getByRole('button', { name: /^Punkt 3: / }).textContent).toContain('Taget til efterretning.');
  await user.keyboard('{Alt>}{ArrowUp}{/Alt}{Alt>}{ArrowUp}{/Alt}');
  expect(document.activeElement).toBe(box(2));
  expect((box(2) as HTMLTextAreaElement).value).toBe('');

  // The same with buttons, and any line opens its item.
  await user.click(screen.getByRole('button', { name: 'Vis næste punkt' }));
  expect(document.activeElement).toBe(box(3));
  expect((box(3) as HTMLTextAreaElement).value).toBe('Taget til efterretning.');
  await user.click(screen.getByRole('button', { name: /^Punkt 7: / }));
  expect(document.activeElement).toBe(box(7));
  // The first item has no previous one, the last no next.
  await user.click(screen.getByRole('button', { name: /^Punkt 8: / }));
  expect(screen.getByRole('button', { name: 'Vis næste punkt' })).toHaveProperty('disabled', true);
});

test('when the clock moves on the focus follows it; before the clock runs every item is open', async () => {
  const user = userEvent.setup();
  const { moveClock } = show(idleTimer());
  expect(screen.getAllByRole('textbox', { name: /^Beslutning for punkt/ })).toHaveLength(8);
  expect(screen.queryByRole('button', { name: 'Vis næste punkt' })).toBeNull();
  moveClock(running(2));
  await user.click(screen.getByRole('button', { name: /^Punkt 6: / }));
  expect(box(6)).not.toBeNull();
  moveClock(running(3));
  expect(box(3)).not.toBeNull();
  expect(box(6)).toBeNull();
  moveClock({ ...running(3), endedAt: END });
  expect(screen.getAllByRole('textbox', { name: /^Beslutning for punkt/ })).toHaveLength(8);
});

test('a decision box grows with its text instead of cutting it off', async () => {
  const user = userEvent.setup();
  // jsdom has no layout: a line of text is 20 px here, and the box shows three.
  const line = 20;
  const heights = jest.spyOn(HTMLTextAreaElement.prototype, 'scrollHeight', 'get');
  heights.mockImplementation(function (this: HTMLTextAreaElement) {
    return Math.max(3, this.value.split('\n').length) * line;
  });
  const client = jest.spyOn(HTMLTextAreaElement.prototype, 'clientHeight', 'get');
  client.mockImplementation(function (this: HTMLTextAreaElement) {
    return this.style.height.endsWith('px') ? parseInt(this.style.height, 10) : 3 * line;
  });
  try {
    show(running(1));
    const decision = box(1) as HTMLTextAreaElement;
    await user.click(decision);
    await user.keyboard('Punkt 1.{Enter}Punkt 2.{Enter}Punkt 3.{Enter}Punkt 4.{Enter}Punkt 5.');
    expect(decision.style.height).toBe(`${5 * line}px`);
    await user.clear(decision);
    expect(decision.style.height).toBe('');
  } finally {
    heights.mockRestore();
    client.mockRestore();
  }
});

describe('a meeting that is over', () => {
  const clock = (over: boolean, timer: MeetingTimer = idleTimer()) =>
    render(
      <AppShell theme="contrast" locale="da">
        <MeetingClock
          timer={timer}
          items={seedItems()}
          canDrive
          onStart={() => undefined}
          onMove={() => undefined}
          onEnd={() => undefined}
          over={over}
          referatHref="#referat-title"
        />
      </AppShell>,
    );

  test('offers the referat, not "Start mødet"', () => {
    clock(true);
    const region = screen.getByRole('region', { name: 'Mødeur' });
    expect(within(region).queryByRole('button', { name: 'Start mødet' })).toBeNull();
    expect(within(region).getByText('Mødet er slut.')).toBeTruthy();
    expect(within(region).getByRole('link', { name: 'Gå til referatet' }).getAttribute('href')).toBe(
      '#referat-title',
    );
  });

  test('one still ahead can be started', () => {
    clock(false);
    expect(screen.getByRole('button', { name: 'Start mødet' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Gå til referatet' })).toBeNull();
  });
});
