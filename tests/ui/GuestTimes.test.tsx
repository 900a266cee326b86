/** @jest-environment jsdom */
/**
 * A guest is on one item and may read that item's row only; her meeting page still shows its clock
 * time as the organizer's page does, not as if her item came first.
 */
import { render, within } from '@testing-library/react';
import { PollingChannel } from '../../src/adapters/live/pollingChannel';
import type { AppDeps } from '../../src/app/deps';
import { openMeeting } from '../../src/app/openMeeting';
import { sendAgenda } from '../../src/app/sendAgenda';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { MeetingPage } from '../../src/ui/pages/MeetingPage/MeetingPage';
import { KEY, people, seedItems, world } from '../app/fixtures';

function page(deps: AppDeps) {
  const { container } = render(
    <AppShell theme="default" locale="da">
      <MeetingPage
        deps={deps}
        meetingKey={KEY}
        watchIntervalMs={600_000}
        pollingChannel={(options) => new PollingChannel(deps.lists, options)}
      />
    </AppShell>,
  );
  return within(container as HTMLElement);
}

/** The clock time shown on an item's card, found by the item's heading. */
async function timeOf(shown: ReturnType<typeof page>, heading: RegExp) {
  const card = (await shown.findByRole('heading', { level: 3, name: heading })).closest('[data-item]');
  return within(card as HTMLElement).getByText(/^\d\d:\d\d - \d\d:\d\d$/).textContent;
}

test("the guest's item shows the organizer's clock time", async () => {
  const w = world();
  const sofie = w.as(people.sofie);
  await sendAgenda(sofie, await openMeeting(sofie, KEY), seedItems(), { withoutReferent: true });

  const organizer = page(sofie);
  // Punkt 4 follows 5 + 5 + 10 minutes from 11:00.
  expect(await timeOf(organizer, /^Punkt 4: /)).toBe('11:20 - 11:35');

  const guest = page(w.as(people.kamilla));
  expect(await timeOf(guest, /^Punkt 4: /)).toBe('11:20 - 11:35');
  expect(guest.getAllByRole('heading', { level: 3, name: /^Punkt \d+: / })).toHaveLength(1);
});
