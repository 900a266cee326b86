/** @jest-environment jsdom */
/**
 * An item's bilag in the organizer's item editor (issue 25 point 2): the file input "Tilføj bilag til punkt
 * N" in the dialog opened by "Rediger punkt N" stores the chosen files for that item, and they are listed
 * as links with their file names; on the meeting page the bilag load only when asked.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AgendaDraft } from '../../src/app/agendaDraft';
import type { MeetingView } from '../../src/app/openMeeting';
import { MemoryBilagStore } from '../../src/adapters/memory/memoryBilagStore';
import { AgendaEditor } from '../../src/ui/components/AgendaEditor/AgendaEditor';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { BilagContext, ItemBilag } from '../../src/ui/components/Bilag/ItemBilag';
import type { BilagStore } from '../../src/ports/BilagStore';
import { people, seedItems } from '../app/fixtures';

function showEditor(store: BilagStore) {
  const view = {
    key: 'k',
    items: seedItems(),
    meeting: { start: '2024-02-20T10:00:00.000Z', end: '2024-02-20T12:00:00.000Z', agendaVersion: 0 },
  } as unknown as MeetingView;
  const draft = new AgendaDraft(
    view,
    {
      saveAgenda: async (v, saved) => ({ kind: 'landed', value: { ...v, items: saved } }),
      assignReferent: async (v) => ({ kind: 'landed', value: v }),
      sendAgenda: async (v, sent) => ({ ...v, items: sent }),
    },
    () => 'new',
  );
  render(
    <AppShell theme="default" locale="da">
      <BilagContext.Provider value={{ store, meeting: 'k' }}>
        <AgendaEditor draft={draft} known={[people.kamilla]} />
      </BilagContext.Provider>
    </AppShell>,
  );
}

const file = (name: string, text: string, type = 'application/pdf') => new File([text], name, { type });

test('the secretary adds two bilag to item 2; they are stored for item 2 and listed as links by name', async () => {
  const user = userEvent.setup();
  const store = new MemoryBilagStore();
  showEditor(store);
  await user.click(screen.getByRole('button', { name: 'Rediger punkt 2' }));
  const dialog = screen.getByRole('dialog', { name: 'Rediger punkt 2' });
  await user.upload(within(dialog).getByLabelText('Tilføj bilag til punkt 2'), [
    file('Bilag 1 Økonomi.pdf', '%PDF one'),
    file('Notat.docx', 'PK', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  ]);
  const list = within(dialog).getByRole('region', { name: 'Bilag til punkt 2' });
  expect(await within(list).findByRole('link', { name: 'Bilag 1 Økonomi.pdf' })).toBeTruthy();
  expect(within(list).getByRole('link', { name: 'Notat.docx' })).toBeTruthy();
  expect((await store.list('k', 'item-2')).map((b) => b.name)).toEqual(['Bilag 1 Økonomi.pdf', 'Notat.docx']);
  expect(await store.list('k', 'item-1')).toEqual([]);
  expect(new TextDecoder().decode((await store.download('k', 'item-2', 'Bilag 1 Økonomi.pdf')).bytes)).toBe(
    '%PDF one',
  );
});

test('before "Send dagsorden" the item has no folder: the input says so instead of failing silently', async () => {
  const user = userEvent.setup();
  const refusing: BilagStore = {
    list: async () => [],
    upload: async () => {
      const { NotFound } = await import('../../src/ports/errors');
      throw new NotFound('no folder');
    },
    download: async () => {
      throw new Error('unused');
    },
    pdf: async () => {
      throw new Error('unused');
    },
  };
  showEditor(refusing);
  await user.click(screen.getByRole('button', { name: 'Rediger punkt 1' }));
  const dialog = screen.getByRole('dialog', { name: 'Rediger punkt 1' });
  await user.upload(within(dialog).getByLabelText('Tilføj bilag til punkt 1'), [file('A.pdf', 'x')]);
  expect(await within(dialog).findByText('Bilag kan tilføjes, når dagsordenen er sendt.')).toBeTruthy();
});

test('on the meeting page an item’s bilag load only when asked, then show as links (English too)', async () => {
  const user = userEvent.setup();
  const store = new MemoryBilagStore();
  await store.upload('k', 'item-3', { name: 'Rapport.pdf', bytes: new TextEncoder().encode('%PDF') });
  const listed = jest.spyOn(store, 'list');
  render(
    <AppShell theme="default" locale="en">
      <BilagContext.Provider value={{ store, meeting: 'k' }}>
        <ItemBilag itemNumber={3} itemId="item-3" lazy />
      </BilagContext.Provider>
    </AppShell>,
  );
  expect(listed).not.toHaveBeenCalled();
  expect(screen.queryByRole('link')).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Show attachments to item 3' }));
  expect(await screen.findByRole('link', { name: 'Rapport.pdf' })).toBeTruthy();
  expect(listed).toHaveBeenCalledTimes(1);
});
