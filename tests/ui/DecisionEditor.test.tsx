/** @jest-environment jsdom */
/**
 * The referent's editor for one item, by role and label: typing goes out as it is typed, the save state
 * is announced (status, polite), a conflict shows both texts side by side and each choice resolves it,
 * and a follow-up is added with the keyboard.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { SaveState } from '../../src/app/liveRecorder';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { DecisionEditor } from '../../src/ui/components/DecisionEditor/DecisionEditor';

function Referent(props: { state?: SaveState; resolved: string[]; followUps: string[]; onBlur: () => void }) {
  const [text, setText] = useState('');
  return (
    <DecisionEditor
      itemNumber={4}
      text={text}
      state={props.state}
      onChange={setText}
      onBlur={props.onBlur}
      onResolve={(t) => props.resolved.push(t)}
      onAddFollowUp={(t) => props.followUps.push(t)}
    />
  );
}

function show(state?: SaveState) {
  const log = { resolved: [] as string[], followUps: [] as string[], onBlur: jest.fn() };
  const view = render(
    <AppShell theme="default" locale="da">
      <Referent state={state} {...log} />
    </AppShell>,
  );
  const rerender = (next?: SaveState) =>
    view.rerender(
      <AppShell theme="default" locale="da">
        <Referent state={next} {...log} />
      </AppShell>,
    );
  return { ...log, rerender };
}

test('typing, leaving the field, and the save state announced', async () => {
  const user = userEvent.setup();
  const { onBlur, rerender } = show({ kind: 'saving' });
  const box = screen.getByRole('textbox', { name: 'Beslutning for punkt 4' });
  await user.type(box, 'Taget til efterretning.');
  expect((box as HTMLTextAreaElement).value).toBe('Taget til efterretning.');
  await user.tab();
  expect(onBlur).toHaveBeenCalledTimes(1);
  const status = screen.getByRole('status');
  expect(status.getAttribute('aria-live')).toBe('polite');
  expect(status.textContent).toBe('Gemmer…');
  rerender({ kind: 'offline' });
  expect(screen.getByRole('status').textContent).toBe('Offline – gemmes når forbindelsen er tilbage');
  rerender({ kind: 'saved', at: '2024-02-20T10:15:00.000Z' });
  expect(screen.getByRole('status').textContent).toBe('Gemt');
  // The text typed is still there whatever the save state did.
  expect((screen.getByRole('textbox', { name: 'Beslutning for punkt 4' }) as HTMLTextAreaElement).value).toBe(
    'Taget til efterretning.',
  );
});

test('a conflict shows both texts and each choice resolves it; script in their text stays text', async () => {
  const user = userEvent.setup();
  const theirs = 'Godkendt.\n<script>alert(1)</script>';
  const mine = 'Godkendt.\nFAS følger op.';
  const { resolved } = show({ kind: 'conflict', mine, theirs, theirsEditor: 'Sofie Holm' });
  const conflict = screen.getByRole('region', { name: 'En anden har ændret beslutningen samtidig' });
  expect(within(conflict).getByText('Teksten fra Sofie Holm')).toBeTruthy();
  expect(conflict.textContent).toContain('<script>alert(1)</script>');
  expect(document.querySelector('script')).toBeNull();
  await user.click(within(conflict).getByRole('button', { name: 'Behold min' }));
  await user.click(within(conflict).getByRole('button', { name: 'Brug deres' }));
  await user.click(within(conflict).getByRole('button', { name: 'Flet' }));
  expect(resolved).toEqual([mine, theirs, 'Godkendt.\n<script>alert(1)</script>\n\nFAS følger op.']);
});

test('a follow-up is added with the keyboard; an empty one cannot be', async () => {
  const user = userEvent.setup();
  const { followUps } = show();
  const add = screen.getByRole('button', { name: 'Tilføj opfølgning' });
  expect(add).toHaveProperty('disabled', true);
  await user.type(screen.getByRole('textbox', { name: 'Opfølgning for punkt 4' }), '  FAS følger op.  ');
  await user.tab();
  expect(document.activeElement).toBe(add);
  await user.keyboard('{Enter}');
  expect(followUps).toEqual(['FAS følger op.']);
  expect((screen.getByRole('textbox', { name: 'Opfølgning for punkt 4' }) as HTMLInputElement).value).toBe(
    '',
  );
});

test('a save that waits for sign-in says so in the page language, by its code, not by the recorder’s message', async () => {
  const state: SaveState = { kind: 'error', code: 'signedOutKeptLocally', message: 'Signed out' };
  show(state);
  expect(
    await screen.findByText(
      'Du skal logge ind igen. Teksten er gemt på denne computer og sendes, når du er logget ind.',
    ),
  ).toBeTruthy();
  expect(screen.queryByText('Signed out')).toBeNull();
});

test('"Erik følger op" in a decision offers "Opret opfølgning" with Erik as owner; once made it is not offered again', async () => {
  const user = userEvent.setup();
  const made: string[] = [];
  function WithFollowUps() {
    const [text, setText] = useState('');
    const [followUps, setFollowUps] = useState<Array<{ itemNumber: number; task: string }>>([]);
    return (
      <DecisionEditor
        itemNumber={4}
        text={text}
        onChange={setText}
        onBlur={() => undefined}
        onResolve={() => undefined}
        onAddFollowUp={(task) => {
          made.push(task);
          setFollowUps((f) => [...f, { itemNumber: 4, task }]);
        }}
        followUps={followUps}
      />
    );
  }
  render(
    <AppShell theme="default" locale="da">
      <WithFollowUps />
    </AppShell>,
  );
  expect(screen.queryByRole('button', { name: 'Opret opfølgning' })).toBeNull();
  await user.type(
    screen.getByRole('textbox', { name: 'Beslutning for punkt 4' }),
    'Budgettet blev godkendt. Erik følger op på modellerne.',
  );
  const create = screen.getByRole('button', { name: 'Opret opfølgning' });
  expect(create.getAttribute('aria-describedby')).toBeTruthy();
  expect(document.getElementById(create.getAttribute('aria-describedby')!)!.textContent).toBe(
    'Forslag – ansvarlig Erik: Erik følger op på modellerne.',
  );
  await user.click(create);
  expect(made).toEqual(['Erik følger op på modellerne.']);
  expect(screen.queryByRole('button', { name: 'Opret opfølgning' })).toBeNull();
});
