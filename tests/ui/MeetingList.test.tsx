/** @jest-environment jsdom */
/**
 * "Mine møder": the person's upcoming and past meetings in two sections, each meeting with its link
 * (keeping the query), time, series, the person's role, own afbud and open follow-ups — by role and label,
 * in Danish and English, keyboard-reachable and free of axe violations.
 */
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { MyMeeting, MyMeetings } from '../../src/app/myMeetings';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { MeetingList } from '../../src/ui/components/MeetingList/MeetingList';
import { people, seedEvent } from '../app/fixtures';

const SERIES = 'Rådmandsmøder 2022-2025 (Rådmandsmøde)';

function myMeeting(id: string, start: string, end: string, rest: Partial<MyMeeting>): MyMeeting {
  return {
    event: { ...seedEvent(), id, key: `${id}@kommune.example`, start, end, organizer: people.sofie },
    series: SERIES,
    role: 'attendee',
    openFollowUps: 0,
    status: 'Udsendt',
    ...rest,
  };
}

const meetings: MyMeetings = {
  upcoming: [
    myMeeting('next', '2024-02-20T10:00:00.000Z', '2024-02-20T12:00:00.000Z', { ownAbsence: 'Afbud' }),
    myMeeting('later', '2024-03-05T10:00:00.000Z', '2024-03-05T11:00:00.000Z', {
      role: 'referent',
      ownAbsence: 'Deltager virtuelt',
      status: 'Planlagt',
    }),
  ],
  past: [
    myMeeting('last', '2024-02-06T10:00:00.000Z', '2024-02-06T12:00:00.000Z', {
      role: 'organizer',
      openFollowUps: 2,
      status: 'Godkendt',
    }),
  ],
};

async function axeViolations(container: Element): Promise<string[]> {
  // jsdom has no layout or colours: contrast and 320 px are checked in the browser tests.
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeEach(() => window.history.replaceState(null, '', '/meeting.html?as=louise%40kommune.example&lang=da'));

test('two sections of meetings, each with its link, time, series, role, own afbud and open follow-ups', async () => {
  const user = userEvent.setup();
  const { container } = render(
    <AppShell theme="default" locale="da">
      <MeetingList meetings={meetings} page="meeting.html" />
    </AppShell>,
  );
  expect(screen.getByRole('heading', { level: 1, name: 'Mine møder' })).toBeInTheDocument();
  const upcoming = screen.getByRole('region', { name: 'Kommende møder' });
  const past = screen.getByRole('region', { name: 'Tidligere møder' });

  const [next, later] = within(upcoming).getAllByRole('listitem');
  expect(within(next).getByRole('link', { name: 'Rådmandsmøde' })).toHaveAttribute(
    'href',
    'meeting.html?as=louise%40kommune.example&lang=da&meeting=next%40kommune.example',
  );
  expect(next).toHaveTextContent('tirsdag 20. februar 2024, kl. 11.00–13.00');
  expect(within(next).getByText(SERIES)).toBeInTheDocument();
  expect(within(next).getByText('Deltager')).toBeInTheDocument();
  expect(within(next).getByText('Du har meldt afbud')).toBeInTheDocument();
  expect(within(next).getByText('Status: Udsendt')).toBeInTheDocument();
  expect(within(next).queryByRole('link', { name: /opfølgning/ })).not.toBeInTheDocument();
  expect(within(later).getByText('Referent')).toBeInTheDocument();
  expect(within(later).getByText('Du deltager virtuelt')).toBeInTheDocument();
  expect(later).toHaveTextContent('tirsdag 5. marts 2024, kl. 11.00–12.00');

  const [last] = within(past).getAllByRole('listitem');
  expect(within(last).getByText('Organisator')).toBeInTheDocument();
  expect(within(last).queryByText(/Du har meldt|Du deltager/)).not.toBeInTheDocument();
  expect(within(last).getByRole('link', { name: '2 åbne opfølgninger' })).toHaveAttribute(
    'href',
    'followups.html?as=louise%40kommune.example&lang=da',
  );

  // The keyboard reaches every link in reading order.
  const links = screen.getAllByRole('link');
  expect(links).toHaveLength(4);
  for (const link of links) {
    await user.tab();
    expect(document.activeElement).toBe(link);
  }
  expect(await axeViolations(container)).toEqual([]);
});

test('in English, and with nothing in a section', async () => {
  const { container } = render(
    <AppShell theme="contrast" locale="en">
      <MeetingList meetings={{ upcoming: [], past: meetings.past }} page="meeting.html" />
    </AppShell>,
  );
  expect(screen.getByRole('heading', { level: 1, name: 'My meetings' })).toBeInTheDocument();
  expect(
    within(screen.getByRole('region', { name: 'Upcoming meetings' })).getByText(
      'No meetings in the next 60 days.',
    ),
  ).toBeInTheDocument();
  const past = screen.getByRole('region', { name: 'Past meetings' });
  expect(within(past).getByText('Organizer')).toBeInTheDocument();
  expect(within(past).getByRole('link', { name: '2 open follow-ups' })).toBeInTheDocument();
  expect(await axeViolations(container)).toEqual([]);
});

test('a past meeting whose row still says "Planlagt" or "I gang" reads as over, as its page says', async () => {
  render(
    <AppShell theme="default" locale="da">
      <MeetingList
        meetings={{
          upcoming: [],
          past: [
            myMeeting('held', '2024-02-06T10:00:00.000Z', '2024-02-06T12:00:00.000Z', { status: 'Planlagt' }),
            myMeeting('ran', '2024-01-23T10:00:00.000Z', '2024-01-23T12:00:00.000Z', { status: 'I gang' }),
          ],
        }}
        page="meeting.html"
      />
    </AppShell>,
  );
  const past = screen.getByRole('region', { name: 'Tidligere møder' });
  for (const entry of within(past).getAllByRole('listitem')) {
    expect(entry).toHaveTextContent('Status: Afsluttet');
    expect(entry).not.toHaveTextContent(/Planlagt|I gang/);
  }
});
