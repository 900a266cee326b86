import { ArchivePage } from '../ui/pages/ArchivePage/ArchivePage';
import { mount } from './mount';

mount(
  'archive.html',
  (r) => (
    <ArchivePage
      lists={r.deps.lists}
      meetingKey={r.meetingKey || undefined}
      place={new URLSearchParams(window.location.search).get('place') ?? undefined}
    />
  ),
  {
    needsMeeting: false,
    nav: 'archive',
  },
);
