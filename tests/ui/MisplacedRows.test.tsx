/** @jest-environment jsdom */
/**
 * Rows that name a meeting from another meeting's folder count for nothing (ADR 009); the organizer's page
 * says that there are some, nobody else's does.
 */
import { render, within } from '@testing-library/react';
import { PollingChannel } from '../../src/adapters/live/pollingChannel';
import type { AppDeps } from '../../src/app/deps';
import { openMeeting } from '../../src/app/openMeeting';
import { sendAgenda } from '../../src/app/sendAgenda';
import type { ListStore } from '../../src/ports/ListStore';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { MeetingPage } from '../../src/ui/pages/MeetingPage/MeetingPage';
import { KEY, people, seedItems, world } from '../app/fixtures';

/** The person's store, with two rows elsewhere naming the meeting, as the SharePoint adapter reports them. */
function withMisplaced(deps: AppDeps): AppDeps {
  const lists: ListStore = Object.create(deps.lists);
  lists.openMeeting = async (key) => ({
    ...(await deps.lists.openMeeting(key)),
    misplaced: [
      { list: 'Decisions', id: '41' },
      { list: 'Absences', id: '42' },
    ],
  });
  return { ...deps, lists };
}

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

test("the organizer's page says how many rows name the meeting from another folder; an attendee's does not", async () => {
  const w = world();
  const sofie = w.as(people.sofie);
  await sendAgenda(sofie, await openMeeting(sofie, KEY), seedItems(), { withoutReferent: true });

  const organizer = page(withMisplaced(sofie));
  expect(
    await organizer.findByText(
      '2 rækker i SharePoint nævner dette møde, men ligger i et andet mødes mappe. De tælles ikke med.',
    ),
  ).toBeTruthy();

  const attendee = page(withMisplaced(w.as(people.anders)));
  await attendee.findAllByRole('heading', { level: 3, name: /^Punkt \d+: / });
  expect(attendee.queryByText(/ligger i et andet mødes mappe/)).toBeNull();
});
