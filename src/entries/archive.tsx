import { localDate } from '../domain/format';
import { ArchivePage } from '../ui/pages/ArchivePage/ArchivePage';
import { mount } from './mount';

mount(
  'archive.html',
  (r) => (
    <ArchivePage
      lists={r.deps.lists}
      meetingKey={r.meetingKey || undefined}
      place={new URLSearchParams(window.location.search).get('place') ?? undefined}
      today={localDate(r.deps.clock.now())}
    />
  ),
  {
    needsMeeting: false,
    nav: 'archive',
  },
);
