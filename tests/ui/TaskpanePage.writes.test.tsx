/** @jest-environment jsdom */
/**
 * "Send afbud" in the task pane, through the outbox: "Gemmer…" while it is written; a refusal keeps the
 * dialog and everything typed and says why (Danish and English); offline, the afbud is kept on this
 * computer and the dialog says so, and it lands when the network is back. Found by role and label.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryOutbox } from '../../src/adapters/memory/memoryOutbox';
import { assignReferent } from '../../src/app/assignReferent';
import { openMeeting } from '../../src/app/openMeeting';
import { PendingWrites } from '../../src/app/pendingWrites';
import { sendAgenda } from '../../src/app/sendAgenda';
import { Forbidden, Offline } from '../../src/ports/errors';
import type { ListStore } from '../../src/ports/ListStore';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { PendingWritesBar } from '../../src/ui/components/PendingWrites/PendingWritesBar';
import { TaskpanePage } from '../../src/ui/pages/TaskpanePage/TaskpanePage';
import { KEY, people, seedItems, world } from '../app/fixtures';

type Gate = { failure: () => Error | null; hold?: Promise<void> };

/** SharePoint's afbud write: fails with `gate.failure()`, or waits for `gate.hold` before it answers. */
function gated(store: ListStore, gate: Gate): ListStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop !== 'saveAbsence') return value.bind(target);
      return async (...args: unknown[]) => {
        await gate.hold;
        const e = gate.failure();
        if (e) throw e;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

async function taskpane(gate: Gate, locale: 'da' | 'en' = 'da') {
  const w = world();
  const sofie = w.as(people.sofie);
  let view = await openMeeting(sofie, KEY);
  view = await assignReferent(sofie, view, people.mads);
  await sendAgenda(sofie, view, seedItems());
  const base = w.as(people.anders, new MemoryOutbox());
  const deps = { ...base, lists: gated(base.lists, gate) };
  const writes = new PendingWrites(deps, { retryBaseMs: 60_000 });
  render(
    <AppShell theme="default" locale={locale}>
      <PendingWritesBar writes={writes} />
      <TaskpanePage deps={deps} meetingKey={KEY} writes={writes} />
    </AppShell>,
  );
  return { w, deps, writes };
}

const andersAbsence = async (w: ReturnType<typeof world>) =>
  (await w.lists.openMeeting(KEY)).absences.find((a) => a.value.person.upn === people.anders.upn)?.value;

async function fillAfbud(user: ReturnType<typeof userEvent.setup>, open: string, reason: string) {
  await user.click(await screen.findByRole('button', { name: open }));
  const dialog = await screen.findByRole('dialog', { name: open });
  await user.type(await within(dialog).findByRole('textbox', { name: /Årsag|Reason/ }), reason);
  return dialog;
}

test('"Gemmer…" while the afbud is written; then the dialog closes and the page shows it', async () => {
  const user = userEvent.setup();
  let release!: () => void;
  const gate: Gate = { failure: () => null, hold: new Promise<void>((r) => (release = r)) };
  const { w } = await taskpane(gate);
  const dialog = await fillAfbud(user, 'Meld afbud', 'Ferie');
  await user.click(within(dialog).getByRole('button', { name: 'Send afbud' }));
  const saving = await within(dialog).findByRole('button', { name: 'Gemmer…' });
  expect(saving).toHaveProperty('disabled', true);
  release();
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(await screen.findByText('Du har meldt: Afbud.')).toBeTruthy();
  expect((await andersAbsence(w))?.reason).toBe('Ferie');
});

test('refused: the dialog stays open with the reason typed, says why, and the write is kept to act on', async () => {
  const user = userEvent.setup();
  let refuse = true;
  const { w, writes } = await taskpane({
    failure: () => (refuse ? new Forbidden('403', { status: 403 }) : null),
  });
  const dialog = await fillAfbud(user, 'Meld afbud', 'Kursus i Vejle');
  await user.click(within(dialog).getByRole('button', { name: 'Send afbud' }));
  expect(await within(dialog).findByRole('alert')).toHaveProperty(
    'textContent',
    'Du har ikke adgang til dette.',
  );
  expect(screen.getByRole('dialog', { name: 'Meld afbud' })).toBeTruthy();
  expect((within(dialog).getByRole('textbox', { name: 'Årsag' }) as HTMLTextAreaElement).value).toBe(
    'Kursus i Vejle',
  );
  expect(await andersAbsence(w)).toBeUndefined();
  expect(writes.getSnapshot().entries).toHaveLength(1);

  // The person closes the dialog: the refused afbud is still listed, and sending it again lands it.
  await user.click(within(dialog).getByRole('button', { name: 'Annuller' }));
  const pending = await screen.findByRole('region', { name: 'Ændringer der ikke er i SharePoint endnu' });
  expect(within(pending).getByRole('alert').textContent).toBe(
    'Afbud blev ikke gemt: Du har ikke adgang til dette.',
  );
  refuse = false;
  await user.click(within(pending).getByRole('button', { name: 'Send igen: Afbud' }));
  await waitFor(async () => expect((await andersAbsence(w))?.reason).toBe('Kursus i Vejle'));
  await waitFor(() => expect(screen.queryByRole('region', { name: /Ændringer/ })).toBeNull());
});

test('in English, a refusal is said in English and the dialog keeps what was typed', async () => {
  const user = userEvent.setup();
  await taskpane({ failure: () => new Forbidden('403', { status: 403 }) }, 'en');
  const dialog = await fillAfbud(user, 'Send apologies', 'Course');
  await user.click(within(dialog).getByRole('button', { name: 'Send' }));
  expect((await within(dialog).findByRole('alert')).textContent).toBe('You do not have access to this.');
  expect((within(dialog).getByRole('textbox', { name: 'Reason' }) as HTMLTextAreaElement).value).toBe(
    'Course',
  );
});

test('offline: the afbud is kept on this computer, the dialog says so, and it lands when the network is back', async () => {
  const user = userEvent.setup();
  let down = true;
  const { w, writes } = await taskpane({ failure: () => (down ? new Offline('offline') : null) });
  const dialog = await fillAfbud(user, 'Meld afbud', 'Syg');
  await user.click(within(dialog).getByRole('button', { name: 'Send afbud' }));
  expect((await within(dialog).findByRole('status')).textContent).toBe(
    'Gemt på denne computer – sendes, når du er online.',
  );
  expect(within(dialog).queryByRole('button', { name: 'Send afbud' })).toBeNull();
  await user.click(within(dialog).getByRole('button', { name: 'Luk' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(
    (await screen.findByText('Én ændring er gemt på denne computer og sendes, når du er online.'))
      .textContent,
  ).toBeTruthy();
  expect(await andersAbsence(w)).toBeUndefined();
  down = false;
  await writes.resume();
  expect((await andersAbsence(w))?.reason).toBe('Syg');
  await waitFor(() => expect(screen.queryByText(/Én ændring/)).toBeNull());
});
