import { FollowUpsPage } from '../ui/pages/FollowUpsPage/FollowUpsPage';
import { mount } from './mount';

mount('followups.html', (r) => <FollowUpsPage deps={r.deps} writes={r.writes} />, {
  needsMeeting: false,
  nav: 'followups',
});
