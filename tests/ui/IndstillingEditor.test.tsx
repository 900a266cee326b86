/** @jest-environment jsdom */
/**
 * The organizer's indstilling editor (issue 25 point 1), by role and label: "Indstilling til punkt N" in
 * the item's dialog opens the "at"-points as a numbered list of fields (add, remove, reorder), the
 * optional sections and the case worker; every change lands in the agenda draft; what is wrong shows at
 * its field; a stored indstilling that could not be read is said, not hidden.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AgendaDraft } from '../../src/app/agendaDraft';
import type { MeetingView } from '../../src/app/openMeeting';
import type { AgendaItem } from '../../src/domain/agendaItem';
import { AgendaEditor } from '../../src/ui/components/AgendaEditor/AgendaEditor';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { WordReaderContext, type ReadWordIndstilling } from '../../src/ui/components/Indstilling/wordReader';
import { emptyIndstilling } from '../../src/domain/indstilling/indstilling';
import { MemoryBilagStore } from '../../src/adapters/memory/memoryBilagStore';
import type { BilagStore } from '../../src/ports/BilagStore';
import { PortError } from '../../src/ports/errors';
import { BilagContext } from '../../src/ui/components/Bilag/ItemBilag';
import { people, seedItems } from '../app/fixtures';

function show(
  items: AgendaItem[] = seedItems(),
  readWord: ReadWordIndstilling | null = null,
  bilag: BilagStore | null = null,
) {
  const view = {
    key: 'k',
    items,
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
      <WordReaderContext.Provider value={readWord}>
        <BilagContext.Provider value={bilag && { store: bilag, meeting: 'k' }}>
          <AgendaEditor draft={draft} known={[people.kamilla]} />
        </BilagContext.Provider>
      </WordReaderContext.Provider>
    </AppShell>,
  );
  return draft;
}

/** Types a whole text at once (a paste): the test is about where it lands, not the keystrokes. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function openEditor(user: ReturnType<typeof userEvent.setup>, n: number) {
  await user.click(screen.getByRole('button', { name: `Rediger punkt ${n}` }));
  const item = screen.getByRole('dialog', { name: `Rediger punkt ${n}` });
  await user.click(within(item).getByRole('button', { name: `Indstilling til punkt ${n}` }));
  return screen.getByRole('dialog', { name: `Indstilling til punkt ${n}` });
}

test('the secretary writes two "at"-points, reorders them and a section; the draft has them at once', async () => {
  const user = userEvent.setup();
  const draft = show();
  const editor = await openEditor(user, 2);
  await fill(user, within(editor).getByRole('textbox', { name: /^1\. at/ }), 'rådmanden godkender planen.');
  await user.click(within(editor).getByRole('button', { name: 'Tilføj at-punkt' }));
  await fill(user, within(editor).getByRole('textbox', { name: /^2\. at/ }), 'sagen følges op.');
  await user.click(within(editor).getByRole('button', { name: 'Flyt at-punkt 2 op' }));
  await fill(user, within(editor).getByRole('textbox', { name: 'Økonomi' }), 'Ingen udgifter.');
  const stored = draft.get().items[1]!.indstilling!;
  expect(stored.points).toEqual(['sagen følges op.', 'rådmanden godkender planen.']);
  expect(stored.sections.oekonomi).toBe('Ingen udgifter.');
  expect(stored.title).toBe(draft.get().items[1]!.title);
  await user.click(within(editor).getByRole('button', { name: 'Fjern at-punkt 1' }));
  expect(draft.get().items[1]!.indstilling!.points).toEqual(['rådmanden godkender planen.']);
});

test('"Færdig" without a point keeps the editor open and says so at the point', async () => {
  const user = userEvent.setup();
  show();
  const editor = await openEditor(user, 1);
  await user.click(within(editor).getByRole('button', { name: 'Færdig' }));
  const point = within(editor).getByRole('textbox', { name: /^1\. at/ });
  expect(point.getAttribute('aria-invalid')).toBe('true');
  expect(within(editor).getByText('Skal udfyldes.')).toBeTruthy();
  expect(screen.getByRole('dialog', { name: 'Indstilling til punkt 1' })).toBeTruthy();
});

test("a bad case worker's e-mail is shown at its field", async () => {
  const user = userEvent.setup();
  show();
  const editor = await openEditor(user, 1);
  const email = within(editor).getByRole('textbox', { name: 'E-post' });
  await fill(user, email, 'lise kommune.dk');
  expect(email.getAttribute('aria-invalid')).toBe('true');
  expect(within(editor).getByText('Ugyldig værdi.')).toBeTruthy();
});

test('a stored indstilling that could not be read is said in the item, for the organizer to write again', async () => {
  const user = userEvent.setup();
  const items = seedItems();
  items[0] = { ...items[0]!, indstillingUnreadable: true };
  show(items);
  await user.click(screen.getByRole('button', { name: 'Rediger punkt 1' }));
  expect(screen.getByText(/Indstillingen til punkt 1 kunne ikke læses/)).toBeTruthy();
});

test('"Importér indstilling (Word) til punkt N" reads the chosen file into the editor, the item\'s draft at once', async () => {
  const user = userEvent.setup();
  const seen: number[][] = [];
  // The Word adapter itself is tested on real .docx files (tests/adapters/wordIndstilling.test.ts); here
  // the page's reader gets the file's bytes and its result lands in the item.
  const draft = show(seedItems(), async (bytes) => {
    seen.push([...bytes]);
    return { ...emptyIndstilling(), title: '', points: ['rådmanden godkender planen.', 'sagen følges op.'] };
  });
  await user.click(screen.getByRole('button', { name: 'Rediger punkt 2' }));
  const item = screen.getByRole('dialog', { name: 'Rediger punkt 2' });
  const input = within(item).getByLabelText('Importér indstilling (Word) til punkt 2');
  await user.upload(input, new File([new Uint8Array([80, 75, 3, 4])], 'plan.docx'));
  const editor = await screen.findByRole('dialog', { name: 'Indstilling til punkt 2' });
  expect(seen).toEqual([[80, 75, 3, 4]]);
  expect((within(editor).getByRole('textbox', { name: /^2\. at/ }) as HTMLTextAreaElement).value).toBe(
    'sagen følges op.',
  );
  expect(draft.get().items[1]!.indstilling).toMatchObject({
    title: draft.get().items[1]!.title,
    points: ['rådmanden godkender planen.', 'sagen følges op.'],
  });
});

test('a file that is not a Word indstilling is refused at the file field, and nothing changes', async () => {
  const user = userEvent.setup();
  const draft = show(seedItems(), async () => {
    throw new Error('not a zip');
  });
  await user.click(screen.getByRole('button', { name: 'Rediger punkt 2' }));
  const item = screen.getByRole('dialog', { name: 'Rediger punkt 2' });
  const input = within(item).getByLabelText('Importér indstilling (Word) til punkt 2');
  await user.upload(input, new File(['hej'], 'noter.docx'));
  expect(
    await within(item).findByText('noter.docx kunne ikke læses som en Word-indstilling (.docx).'),
  ).toBeTruthy();
  expect(input.getAttribute('aria-invalid')).toBe('true');
  expect(draft.get().items[1]!.indstilling).toBeUndefined();
});

test('the Word original that cannot be stored is said at the import; the indstilling stays, and trying again stores it', async () => {
  const user = userEvent.setup();
  const store = new MemoryBilagStore();
  let refuse = true;
  const flaky: BilagStore = {
    list: (m, i) => store.list(m, i),
    download: (m, i, n) => store.download(m, i, n),
    pdf: (m, i, n) => store.pdf(m, i, n),
    upload: (m, i, f) =>
      refuse ? Promise.reject(new PortError('Offline', 'no network')) : store.upload(m, i, f),
  };
  const draft = show(
    seedItems(),
    async () => ({ ...emptyIndstilling(), title: '', points: ['rådmanden godkender planen.'] }),
    flaky,
  );
  await user.click(screen.getByRole('button', { name: 'Rediger punkt 2' }));
  const item = screen.getByRole('dialog', { name: 'Rediger punkt 2' });
  await user.upload(
    within(item).getByLabelText('Importér indstilling (Word) til punkt 2'),
    new File([new Uint8Array([80, 75, 3, 4])], 'plan.docx'),
  );
  const editor = await screen.findByRole('dialog', { name: 'Indstilling til punkt 2' });
  await user.click(within(editor).getByRole('button', { name: 'Færdig' }));
  expect(
    await within(item).findByText(/Word-filen kunne ikke gemmes som bilag\. Indstillingen er ikke tabt/),
  ).toBeTruthy();
  expect(draft.get().items[1]!.indstilling?.points).toEqual(['rådmanden godkender planen.']);
  refuse = false;
  // Once the indstilling's own dialog has closed, the item's dialog is the one in front again.
  await user.click(await within(item).findByRole('button', { name: 'Gem Word-filen som bilag til punkt 2' }));
  expect(await within(item).findByText(/Word-filen er gemt som punktets første bilag\./)).toBeTruthy();
  expect(within(item).queryByRole('button', { name: 'Gem Word-filen som bilag til punkt 2' })).toBeNull();
  expect(await within(item).findByRole('link', { name: 'Indstilling.docx' })).toBeTruthy();
  expect((await store.list('k', draft.get().items[1]!.id)).map((f) => f.name)).toEqual(['Indstilling.docx']);
});
