import { NotFound } from '../../src/ports/errors';
import { messageOf } from '../../src/ui/errors';

test('an afbud before the organizer has set the meeting up says what to wait for, in Danish and English', () => {
  const e = new NotFound('no folder', { status: 404, code: 'meetingNotProvisioned' });
  expect(messageOf(e)).toMatch(/organisatoren skal åbne det eller sende dagsordenen/);
  expect(messageOf(e, 'en')).toMatch(/organizer must open it or send the agenda/);
  expect(messageOf(new NotFound('gone'))).toMatch(/ikke fundet/);
});
