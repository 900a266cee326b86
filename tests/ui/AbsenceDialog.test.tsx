/** @jest-environment jsdom */
/**
 * "Meld afbud" as an attendee uses it: by role and label, with the keyboard, and what happens when the
 * registration fails (the dialog stays open with everything typed, and says why in Danish).
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AbsenceInput } from '../../src/app/registerAbsence';
import { Forbidden, Offline } from '../../src/ports/errors';
import { AbsenceDialog } from '../../src/ui/components/AbsenceDialog/AbsenceDialog';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { seedItems } from '../app/fixtures';

function show(onSubmit: (input: AbsenceInput) => Promise<void>, locale: 'da' | 'en' = 'da') {
  render(
    <AppShell theme="contrast" locale={locale}>
      <AbsenceDialog items={seedItems()} onSubmit={onSubmit} />
    </AppShell>,
  );
}

test('partial attendance for chosen items, with reason and substitute', async () => {
  const user = userEvent.setup();
  const sent: AbsenceInput[] = [];
  show(async (input) => void sent.push(input));
  await user.click(screen.getByRole('button', { name: 'Meld afbud' }));
  const dialog = await screen.findByRole('dialog', { name: 'Meld afbud' });
  // "Afbud" offers to decline in Outlook too; partial attendance does not. Each control asserted is
  // waited for, not assumed rendered with the dialog.
  expect(await within(dialog).findByRole('checkbox', { name: 'Afvis også mødet i Outlook' })).toBeTruthy();
  await user.click(await within(dialog).findByRole('radio', { name: 'Deltager delvist' }));
  expect(await within(dialog).findByRole('group', { name: 'Punkter du deltager i' })).toBeTruthy();
  expect(within(dialog).queryByRole('checkbox', { name: 'Afvis også mødet i Outlook' })).toBeNull();
  await user.click(within(dialog).getByRole('checkbox', { name: /^Punkt 3:/ }));
  await user.click(screen.getByRole('checkbox', { name: /^Punkt 5:/ }));
  await user.type(screen.getByRole('textbox', { name: 'Årsag' }), 'Andet møde <b>kl. 12</b>');
  await user.type(screen.getByRole('textbox', { name: 'Stedfortræder' }), 'Louise Rohde');
  await user.click(screen.getByRole('button', { name: 'Send afbud' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(sent).toEqual([
    {
      kind: 'Deltager delvist',
      reason: 'Andet møde <b>kl. 12</b>',
      substitute: 'Louise Rohde',
      items: [3, 5],
      declineInCalendar: false,
    },
  ]);
});

test('a failed registration keeps the dialog and the text, and says why', async () => {
  const user = userEvent.setup();
  let fail = true;
  const sent: AbsenceInput[] = [];
  show(async (input) => {
    if (fail) throw new Offline('network down');
    sent.push(input);
  });
  await user.click(screen.getByRole('button', { name: 'Meld afbud' }));
  await user.type(await screen.findByRole('textbox', { name: 'Årsag' }), 'Syg');
  await user.click(await screen.findByRole('checkbox', { name: 'Afvis også mødet i Outlook' }));
  await user.click(screen.getByRole('button', { name: 'Send afbud' }));
  expect(
    await screen.findByText('Ingen forbindelse. Intet er tabt; prøv igen, når du er online.'),
  ).toBeTruthy();
  expect(screen.getByRole('dialog', { name: 'Meld afbud' })).toBeTruthy();
  expect((screen.getByRole('textbox', { name: 'Årsag' }) as HTMLTextAreaElement).value).toBe('Syg');

  fail = false;
  await user.click(screen.getByRole('button', { name: 'Send afbud' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(sent).toEqual([
    { kind: 'Afbud', reason: 'Syg', substitute: '', items: [], declineInCalendar: true },
  ]);
});

test('keyboard only, in English: open, choose, and Escape closes without sending', async () => {
  const user = userEvent.setup();
  const onSubmit = jest.fn(async () => undefined);
  show(onSubmit, 'en');
  await user.tab();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Send apologies' }));
  await user.keyboard('{Enter}');
  const dialog = await screen.findByRole('dialog', { name: 'Send apologies' });
  // Focus moves into the dialog, onto the first choice, as a keyboard user needs.
  const first = await within(dialog).findByRole('radio', { name: 'Absent' });
  await waitFor(() => expect(document.activeElement).toBe(first));
  expect(within(dialog).getByRole('radio', { name: 'Attending online' })).toBeTruthy();
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(onSubmit).not.toHaveBeenCalled();
});

test('in English, a refusal written in Danish by the use case is said in English', async () => {
  const user = userEvent.setup();
  show(async () => {
    throw new Forbidden('Kun inviterede kan melde afbud til mødet.');
  }, 'en');
  await user.click(screen.getByRole('button', { name: 'Send apologies' }));
  const dialog = await screen.findByRole('dialog', { name: 'Send apologies' });
  await user.click(await within(dialog).findByRole('button', { name: 'Send' }));
  expect(await within(dialog).findByText('You do not have access to this.')).toBeTruthy();
  expect(within(dialog).queryByText(/Kun inviterede/)).toBeNull();
});
