/** @jest-environment jsdom */
/**
 * The organizer sets a follow-up's status through the outbox: offline, the new status is shown and kept on
 * this computer, and lands when the network is back; a refusal says why and keeps the change to act on.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryOutbox } from '../../src/adapters/memory/memoryOutbox';
import { openMeeting } from '../../src/app/openMeeting';
import { PendingWrites } from '../../src/app/pendingWrites';
import { Conflict, Offline } from '../../src/ports/errors';
import type { ListStore } from '../../src/ports/ListStore';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { PendingWritesBar } from '../../src/ui/components/PendingWrites/PendingWritesBar';
import { FollowUpsPage } from '../../src/ui/pages/FollowUpsPage/FollowUpsPage';
import { KEY, people, world } from '../app/fixtures';

function failingSave(store: ListStore, failure: () => Error | null): ListStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop !== 'saveFollowUp') return value.bind(target);
      return async (...args: Parameters<ListStore['saveFollowUp']>) => {
        const e = failure();
        if (e) throw e;
        return target.saveFollowUp(...args);
      };
    },
  });
}

async function page(failure: () => Error | null) {
  const w = world();
  const sofie = w.as(people.sofie, new MemoryOutbox());
  await w.lists.saveMeeting((await openMeeting(sofie, KEY)).meeting);
  await w.lists.saveFollowUp(KEY, {
    id: 'fu-1',
    itemNumber: 3,
    owners: ['Sofie'],
    task: 'Sofie følger op med notat.',
    status: 'Åben',
  });
  const deps = { ...sofie, lists: failingSave(sofie.lists, failure) };
  const writes = new PendingWrites(deps, { retryBaseMs: 60_000 });
  render(
    <AppShell theme="default" locale="da">
      <PendingWritesBar writes={writes} />
      <FollowUpsPage deps={deps} writes={writes} />
    </AppShell>,
  );
  const status = async () => (await w.lists.openMeeting(KEY)).followUps[0].value.status;
  return { writes, status };
}

test('offline: the new status is shown and kept, and lands when the network is back', async () => {
  const user = userEvent.setup();
  let down = true;
  const { writes, status } = await page(() => (down ? new Offline('offline') : null));
  const select = await screen.findByRole('combobox', { name: /Status/ });
  await user.selectOptions(select, 'I gang');
  expect(
    await screen.findByText('Én ændring er gemt på denne computer og sendes, når du er online.'),
  ).toBeTruthy();
  expect((select as HTMLSelectElement).value).toBe('I gang');
  expect(await status()).toBe('Åben');
  down = false;
  await writes.resume();
  expect(await status()).toBe('I gang');
  await waitFor(() => expect(screen.queryByText(/Én ændring/)).toBeNull());
});

test('refused (someone changed it meanwhile): it says why and keeps the change to send again', async () => {
  const user = userEvent.setup();
  let refuse = true;
  const { status } = await page(() => (refuse ? new Conflict('412', { status: 412 }) : null));
  await user.selectOptions(await screen.findByRole('combobox', { name: /Status/ }), 'Afsluttet');
  const pending = await screen.findByRole('region', { name: 'Ændringer der ikke er i SharePoint endnu' });
  expect(within(pending).getByRole('alert').textContent).toMatch(/^Opfølgning blev ikke gemt: /);
  expect(await status()).toBe('Åben');
  refuse = false;
  await user.click(within(pending).getByRole('button', { name: 'Send igen: Opfølgning' }));
  await waitFor(async () => expect(await status()).toBe('Afsluttet'));
});
