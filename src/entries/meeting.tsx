import { MeetingPage } from '../ui/pages/MeetingPage/MeetingPage';
import { mount } from './mount';

mount('meeting.html', (r) => (
  <MeetingPage deps={r.deps} meetingKey={r.meetingKey} watchIntervalMs={r.live.watchIntervalMs} />
));
