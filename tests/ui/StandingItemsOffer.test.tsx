/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AgendaDraft } from '../../src/app/agendaDraft';
import type { MeetingView } from '../../src/app/openMeeting';
import { standingItems } from '../../src/domain/standingItems';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { StandingItemsOffer } from '../../src/ui/components/AgendaEditor/StandingItemsOffer';

test('an empty agenda offers the standing items; "Tilføj faste punkter" adds them in order, numbered', async () => {
  const user = userEvent.setup();
  const view = { key: 'k', items: [], meeting: { agendaVersion: 0 } } as unknown as MeetingView;
  let next = 1;
  const draft = new AgendaDraft(
    view,
    {
      saveAgenda: async (v) => ({ kind: 'landed', value: v }),
      assignReferent: async (v) => ({ kind: 'landed', value: v }),
      sendAgenda: async (v) => v,
    },
    () => `id-${next++}`,
  );
  render(
    <AppShell theme="default" locale="da">
      <StandingItemsOffer
        load={async () => standingItems(null)}
        onAdd={(items) => items.forEach((i) => draft.add(i))}
      />
    </AppShell>,
  );
  const offer = await screen.findByRole('region', { name: 'Faste punkter' });
  expect(offer.textContent).toContain('Dagsorden, Referat, Orientering fra Magistraten');
  await user.click(screen.getByRole('button', { name: 'Tilføj faste punkter' }));
  expect(draft.get().items.map((i) => `${i.number} ${i.title}`)).toEqual([
    '1 Dagsorden',
    '2 Referat',
    '3 Orientering fra Magistraten',
    '4 Orientering om udvalget',
    '5 Bordrunde',
  ]);
});
