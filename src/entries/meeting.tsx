import { MeetingPage, type MeetingLayout } from '../ui/pages/MeetingPage/MeetingPage';
import { mount } from './mount';

const layoutOf = (frame: string, asked: string | null): MeetingLayout =>
  asked === 'stage' || frame === 'meetingStage'
    ? 'stage'
    : asked === 'sidePanel' || frame === 'sidePanel'
      ? 'sidePanel'
      : 'full';

mount(
  'meeting.html',
  (r) => (
    <MeetingPage
      deps={r.deps}
      meetingKey={r.meetingKey}
      watchIntervalMs={r.live.watchIntervalMs}
      pollingChannel={r.live.polling}
      connectLive={r.live.connect}
      writes={r.writes}
      layout={layoutOf(r.host.frameContext, new URLSearchParams(window.location.search).get('view'))}
    />
  ),
  { nav: 'meetings' },
);
