/** @jest-environment jsdom */
/**
 * The organizer's agenda editor, by role and label: a numbered list (heading "Punkt N: Titel", clock time,
 * category badge, minutes, lock, guests), "Rediger punkt N" opens the item's dialog with its labelled
 * fields, Alt+↑/↓ reorders (numbers follow), "Tilføj punkt efter punkt N" adds after it, and the domain's
 * and the publish rules' messages appear at the field with aria-invalid.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AgendaDraft } from '../../src/app/agendaDraft';
import type { MeetingView } from '../../src/app/openMeeting';
import type { AgendaItem } from '../../src/domain/agendaItem';
import type { Person } from '../../src/domain/person';
import { validateAgenda } from '../../src/domain/validation';
import { AgendaEditor } from '../../src/ui/components/AgendaEditor/AgendaEditor';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { people, seedItems } from '../app/fixtures';

// 11:00 - 13:00 in Copenhagen (winter time).
const START = '2024-02-20T10:00:00.000Z';
const END = '2024-02-20T12:00:00.000Z';

function show(items: AgendaItem[] = seedItems(), searchPeople?: (text: string) => Promise<Person[]>) {
  const view = {
    key: 'k',
    items,
    meeting: { start: START, end: END, referent: people.mads, agendaVersion: 0 },
  } as unknown as MeetingView;
  let next = 100;
  const draft = new AgendaDraft(
    view,
    {
      saveAgenda: async (v, saved) => {
        validateAgenda(saved);
        return { kind: 'landed', value: { ...v, items: saved } };
      },
      assignReferent: async (v) => ({ kind: 'landed', value: v }),
      sendAgenda: async (v, sent) => ({ ...v, items: validateAgenda(sent) }),
    },
    () => `new-${next++}`,
  );
  render(
    <AppShell theme="dark" locale="da">
      <AgendaEditor draft={draft} known={[people.kamilla]} searchPeople={searchPeople} />
    </AppShell>,
  );
  return draft;
}

const row = (n: number) =>
  screen.getByRole('heading', { level: 3, name: new RegExp(`^Punkt ${n}: `) }).closest('li')!;

test('each item is one row in number order with its clock time, category badge, minutes and lock', () => {
  show();
  const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
  expect(headings.map((h) => h!.split(':')[0])).toEqual(
    ['1', '2', '3', '4', '5', '6', '7', '8'].map((n) => `Punkt ${n}`),
  );
  expect(within(row(1)).getByText('11:00 - 11:05')).toBeTruthy();
  expect(within(row(3)).getByText('11:10 - 11:20')).toBeTruthy();
  expect(within(row(3)).getByText('Til drøftelse')).toBeTruthy();
  expect(within(row(5)).getByLabelText('Lukket punkt')).toBeTruthy();
  expect(within(row(4)).getByText(people.kamilla.name)).toBeTruthy();
  expect(screen.queryByText(/længere end mødet/)).toBeNull();
});

test('"Rediger punkt N" opens the item\'s fields; typing changes the draft at once', async () => {
  const user = userEvent.setup();
  const draft = show();
  await user.click(screen.getByRole('button', { name: 'Rediger punkt 3' }));
  const dialog = screen.getByRole('dialog', { name: 'Rediger punkt 3' });
  const title = within(dialog).getByRole('textbox', { name: 'Titel på punkt 3' });
  await user.clear(title);
  await user.type(title, 'Budget');
  expect(draft.get().items[2]!.title).toBe('Budget');
  expect(within(dialog).getByRole('combobox', { name: 'Kategori for punkt 3' })).toBeTruthy();
  expect(within(dialog).getByRole('checkbox', { name: 'Punkt 3 er et lukket punkt' })).toBeTruthy();
  await user.click(within(dialog).getByRole('button', { name: 'Færdig' }));
  expect(await screen.findByRole('heading', { level: 3, name: 'Punkt 3: Budget' })).toBeTruthy();
  expect(draft.get().dirty).toBe(true);
});

test('"Punkt N er et fast punkt" marks the item standing in the draft, and its row says so', async () => {
  const user = userEvent.setup();
  const draft = show();
  expect(within(row(3)).queryByText('Fast punkt')).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Rediger punkt 3' }));
  const dialog = screen.getByRole('dialog', { name: 'Rediger punkt 3' });
  const standing = within(dialog).getByRole('checkbox', { name: 'Punkt 3 er et fast punkt' });
  expect(standing).toHaveProperty('checked', false);
  await user.click(standing);
  expect(draft.get().items[2]!.standing).toBe(true);
  await user.click(within(dialog).getByRole('button', { name: 'Færdig' }));
  await screen.findByRole('heading', { level: 3, name: /^Punkt 3: / });
  expect(within(row(3)).getByText('Fast punkt')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Rediger punkt 3' }));
  await user.click(
    within(screen.getByRole('dialog', { name: 'Rediger punkt 3' })).getByRole('checkbox', {
      name: 'Punkt 3 er et fast punkt',
    }),
  );
  expect(draft.get().items[2]!.standing).toBe(false);
});

test('Alt+↑ on an item moves it up; the numbers follow and the focus stays on it', async () => {
  const user = userEvent.setup();
  const draft = show();
  const title4 = seedItems()[3]!.title;
  screen.getByRole('button', { name: 'Rediger punkt 4' }).focus();
  await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
  expect(draft.get().items.find((i) => i.title === title4)!.number).toBe(3);
  expect(draft.get().items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(screen.getByRole('heading', { level: 3, name: `Punkt 3: ${title4}` })).toBeTruthy();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rediger punkt 3' }));
});

test('"Tilføj punkt efter punkt 2" adds item 3 and opens it with its title in focus', async () => {
  const user = userEvent.setup();
  const draft = show();
  await user.click(screen.getByRole('button', { name: 'Flere handlinger for punkt 2' }));
  await user.click(await screen.findByRole('menuitem', { name: 'Tilføj punkt efter punkt 2' }));
  const title = await screen.findByRole('textbox', { name: 'Titel på punkt 3' });
  await screen.findByRole('dialog', { name: 'Rediger punkt 3' });
  await waitFor(() => expect(document.activeElement).toBe(title));
  expect((title as HTMLInputElement).value).toBe('Nyt punkt');
  expect(draft.get().items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(draft.get().items[2]!.id).toBe('new-100');
});

test('a refused send opens the item at fault; the field is aria-invalid with the message beside it', async () => {
  const user = userEvent.setup();
  const draft = show();
  draft.update('item-3', { durationMinutes: -5 });
  await draft.send();
  const dialog = await screen.findByRole('dialog', { name: 'Rediger punkt 3' });
  const minutes = within(dialog).getByRole('spinbutton', { name: 'Minutter for punkt 3' });
  expect(minutes.getAttribute('aria-invalid')).toBe('true');
  expect(within(dialog).getByText('Minutter skal være et helt tal fra 1 til 480.')).toBeTruthy();
  await user.clear(minutes);
  await user.type(minutes, '15');
  expect(minutes.getAttribute('aria-invalid')).not.toBe('true');
});

test('a guest typed without a name, or on a closed item, is refused at the guest field', async () => {
  const user = userEvent.setup();
  const draft = show();
  await user.click(screen.getByRole('button', { name: 'Rediger punkt 3' }));
  const dialog = screen.getByRole('dialog', { name: 'Rediger punkt 3' });
  const guests = within(dialog).getByRole('combobox', { name: /^Gæster på punkt 3/ });
  await user.click(guests);
  await user.paste('ikke-en-email');
  await user.click(within(dialog).getByRole('button', { name: 'Færdig' }));
  await draft.send();
  const again = await screen.findByRole('dialog', { name: 'Rediger punkt 3' });
  const field = within(again).getByRole('combobox', { name: /^Gæster på punkt 3/ });
  expect(field.getAttribute('aria-invalid')).toBe('true');
  expect(within(again).getByText('"ikke-en-email" er ikke en gyldig e-mailadresse.')).toBeTruthy();
  await user.clear(field);
  await user.paste('Kamilla Berg <kamilla@kommune.example>');
  await user.click(within(again).getByRole('checkbox', { name: 'Punkt 3 er et lukket punkt' }));
  expect(within(again).getByText(/Et lukket punkt kan ikke have gæster/)).toBeTruthy();
});

test("the domain's own messages (too long title, bad case number) show at the field after a save", async () => {
  const user = userEvent.setup();
  const draft = show();
  await user.click(screen.getByRole('button', { name: 'Rediger punkt 4' }));
  const dialog = screen.getByRole('dialog', { name: 'Rediger punkt 4' });
  await user.click(within(dialog).getByRole('textbox', { name: 'Sagsnummer for punkt 4' }));
  await user.paste('ikke et sagsnummer');
  await draft.save();
  expect(draft.get().outcome?.kind).toBe('failed');
  expect(draft.get().issues.map((i) => i.field)).toEqual(['items.3.caseNumber']);
  expect(await within(dialog).findByText('Sagsnummeret skal have formen EMN-2022-03107.')).toBeTruthy();
  expect(draft.get().items[3]!.caseNumber).toBe('ikke et sagsnummer');
});

test('a guest is picked from the tenant’s people by name and lands as "Name <address>"; a typed address with a name still counts', async () => {
  const user = userEvent.setup();
  const asked: string[] = [];
  const directory = [
    { upn: 'kamilla@kommune.example', name: 'Kamilla Uhd Hansen' },
    { upn: 'peter@kommune.example', name: 'Peter Nielsen' },
  ];
  const draft = show(seedItems(), async (text) => {
    asked.push(text);
    return directory.filter((p) => p.name.toLowerCase().includes(text.toLowerCase()));
  });
  await user.click(screen.getByRole('button', { name: 'Rediger punkt 3' }));
  const dialog = screen.getByRole('dialog', { name: 'Rediger punkt 3' });
  const guests = within(dialog).getByRole('combobox', { name: /^Gæster på punkt 3/ });
  await user.clear(guests);
  await user.paste('Kami');
  await user.type(guests, 'l');
  await user.click(
    await screen.findByRole('option', { name: 'Kamilla Uhd Hansen (kamilla@kommune.example)' }),
  );
  expect(asked).toContain('Kamil');
  expect((guests as HTMLInputElement).value).toBe('Kamilla Uhd Hansen <kamilla@kommune.example>');
  const item3 = () => draft.get().items.find((i) => i.number === 3)!;
  expect(item3().guests).toEqual([{ upn: 'kamilla@kommune.example', name: 'Kamilla Uhd Hansen' }]);

  // A second guest after a comma: only what follows the comma is looked up and replaced.
  await user.paste(', Pe');
  await user.type(guests, 't');
  await user.click(await screen.findByRole('option', { name: 'Peter Nielsen (peter@kommune.example)' }));
  expect(item3().guests.map((g) => g.name)).toEqual(['Kamilla Uhd Hansen', 'Peter Nielsen']);

  // Someone outside the directory, typed as a well-formed address with a name, is still a guest.
  await user.paste(', Ekstern Konsulent <konsulent@firma.example>');
  expect(item3().guests[2]).toEqual({ upn: 'konsulent@firma.example', name: 'Ekstern Konsulent' });
  expect(guests.getAttribute('aria-invalid')).not.toBe('true');
});
