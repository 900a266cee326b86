import { browserStorage, LocalSeenBilag } from '../adapters/browser/localSeenBilag';
import { BilagContext } from '../ui/components/Bilag/ItemBilag';
import { MeetingPage, type MeetingLayout } from '../ui/pages/MeetingPage/MeetingPage';
import { mount } from './mount';

/** What this reader has been shown of the bilag, kept in their own browser ("Ændret efter udsendelse"). */
const seenBilag = (upn: string) => new LocalSeenBilag(browserStorage, upn);

const layoutOf = (frame: string, asked: string | null): MeetingLayout =>
  asked === 'stage' || frame === 'meetingStage'
    ? 'stage'
    : asked === 'sidePanel' || frame === 'sidePanel'
      ? 'sidePanel'
      : 'full';

mount(
  'meeting.html',
  (r) => (
    <BilagContext.Provider
      value={
        r.deps.bilag ? { store: r.deps.bilag, meeting: r.meetingKey, seen: seenBilag(r.deps.me.upn) } : null
      }
    >
      <MeetingPage
        deps={r.deps}
        meetingKey={r.meetingKey}
        watchIntervalMs={r.live.watchIntervalMs}
        pollingChannel={r.live.polling}
        connectLive={r.live.connect}
        writes={r.writes}
        layout={layoutOf(r.host.frameContext, new URLSearchParams(window.location.search).get('view'))}
      />
    </BilagContext.Provider>
  ),
  { nav: 'meetings' },
);
