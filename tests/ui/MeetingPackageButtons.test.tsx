/** @jest-environment jsdom */
/**
 * "Hent mødemappe" (issue 25 point 3) on a page: every reader has it, only the organizer has "Hent offentlig
 * mødemappe"; the page says which bilag are left out, and a failure is said in words.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { MemoryBilagStore } from '../../src/adapters/memory/memoryBilagStore';
import type { AppDeps } from '../../src/app/deps';
import type { MeetingView } from '../../src/app/openMeeting';
import { Unavailable } from '../../src/ports/errors';
import type { PackageRenderer } from '../../src/ports/PackageRenderer';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { LazyMeetingPackageButtons } from '../../src/ui/components/MeetingPackage/lazyMeetingPackageButtons';
import { MeetingPackageButtons } from '../../src/ui/components/MeetingPackage/MeetingPackageButtons';
import { item, person } from '../domain/helpers';

const clicked: string[] = [];
beforeAll(() => {
  Object.assign(URL, { createObjectURL: () => 'blob:mødemappe', revokeObjectURL: () => {} });
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicked.push(this.download);
  };
});

const view = (role: MeetingView['role']) =>
  ({
    key: 'k',
    role,
    meeting: {
      organizer: person('Sofie Holm'),
      attendees: [person('Anders Lund')],
      series: 'Rådmandsmøder',
      title: 'Rådmandsmøde',
      start: '2026-12-09T10:00:00',
      end: '2026-12-09T12:00:00',
      location: 'Rådhuset',
    },
    items: [item(1, 'Budget')],
    absences: [],
  }) as unknown as MeetingView;

function show(me: string, role: MeetingView['role'], deps: Partial<AppDeps>) {
  render(
    <AppShell theme="default" locale="da">
      <Suspense fallback={null}>
        <LazyMeetingPackageButtons deps={{ me: person(me), ...deps } as AppDeps} view={view(role)} />
      </Suspense>
    </AppShell>,
  );
}

const renderer: PackageRenderer = {
  pdf: async () => ({ bytes: new Uint8Array([37, 80, 68, 70]), unreadable: [] }),
};

test('an attendee downloads her package and is told which bilag are not in it; no public button', async () => {
  const bilag = new MemoryBilagStore();
  await bilag.upload('k', 'item-1', {
    name: 'Tal.xlsx',
    bytes: new Uint8Array([80, 75]),
    type: 'application/x',
  });
  show('Anders Lund', 'member', { bilag, packageRenderer: renderer });
  await userEvent.setup().click(await screen.findByRole('button', { name: 'Hent mødemappe' }));
  expect(
    await screen.findByText(
      'Mødemappe 2026-12-09.pdf er hentet. Ikke med i mødemappen: Tal.xlsx (punkt 1). Hent dem fra punkterne.',
    ),
  ).toBeTruthy();
  expect(clicked).toContain('Mødemappe 2026-12-09.pdf');
  expect(screen.queryByRole('button', { name: 'Hent offentlig mødemappe' })).toBeNull();
});

test('the organizer has the public package too; a failure is said as an alert', async () => {
  const failing: PackageRenderer = {
    pdf: async () => {
      throw new Unavailable('down');
    },
  };
  show('Sofie Holm', 'organizer', { bilag: new MemoryBilagStore(), packageRenderer: failing });
  await userEvent.setup().click(await screen.findByRole('button', { name: 'Hent offentlig mødemappe' }));
  expect((await screen.findByRole('alert')).textContent).toMatch(/^Mødemappen kunne ikke laves\. /);
});

test('without a renderer (no PDF on this page) there is no package section at all', () => {
  const { container } = render(
    <AppShell theme="default" locale="da">
      <MeetingPackageButtons deps={{ me: person('Anders Lund') } as AppDeps} view={view('member')} />
    </AppShell>,
  );
  expect(container.querySelector('section')).toBeNull();
  expect(container.textContent).not.toContain('mødemappe');
});
