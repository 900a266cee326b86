import { TaskpanePage } from '../ui/pages/TaskpanePage/TaskpanePage';
import { mount } from './mount';

mount('taskpane.html', (r) => (
  <TaskpanePage deps={r.deps} meetingKey={r.meetingKey} compose={r.compose} writes={r.writes} />
));
