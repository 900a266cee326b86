import { loadFollowUps, ONLY_ORGANIZER_FOLLOW_UP, updateFollowUp } from '../../src/app/followUps';
import { openMeeting } from '../../src/app/openMeeting';
import { KEY, people, world } from './fixtures';

async function withFollowUp() {
  const w = world();
  const sofie = w.as(people.sofie);
  const view = await openMeeting(sofie, KEY);
  await w.lists.saveMeeting(view.meeting);
  await w.lists.saveFollowUp(KEY, {
    id: 'fu-1',
    itemNumber: 3,
    owners: ['Mads'],
    task: 'Mads følger op med notat.',
    status: 'Åben',
  });
  return { w, sofie };
}

test('follow-ups come with their meeting; the organizer sets status and next date', async () => {
  const { w, sofie } = await withFollowUp();
  const [row] = await loadFollowUps(sofie);
  expect(row).toMatchObject({
    meetingKey: KEY,
    organizerUpn: 'sofie@kommune.example',
    followUp: { id: 'fu-1', status: 'Åben' },
  });
  const next = await updateFollowUp(sofie, row, { status: 'I gang', due: '2024-03-05' });
  expect(next.followUp).toMatchObject({ status: 'I gang', due: '2024-03-05' });
  expect((await w.lists.openMeeting(KEY)).followUps[0].value).toMatchObject({
    status: 'I gang',
    due: '2024-03-05',
  });
});

test('only the organizer changes a follow-up; nothing is written otherwise', async () => {
  const { w } = await withFollowUp();
  const mads = w.as(people.mads);
  const [row] = await loadFollowUps(mads);
  await expect(updateFollowUp(mads, row, { status: 'Afsluttet' })).rejects.toMatchObject({
    details: { code: ONLY_ORGANIZER_FOLLOW_UP },
  });
  expect((await w.lists.openMeeting(KEY)).followUps[0].value.status).toBe('Åben');
});
