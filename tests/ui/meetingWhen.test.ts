import { meetingWhen } from '../../src/ui/components/MeetingHeader/meetingWhen';

test('a meeting reads as a Danish long date with its clock times: "onsdag 9. december 2026, kl. 11.00–13.00"', () => {
  expect(meetingWhen('2026-12-09T10:00:00Z', '2026-12-09T12:00:00Z')).toBe(
    'onsdag 9. december 2026, kl. 11.00–13.00',
  );
  // Summer time, and in English.
  expect(meetingWhen('2024-06-20T07:30:00Z', '2024-06-20T09:00:00Z', 'en')).toBe(
    'Thursday 20 June 2024, 09:30–11:00',
  );
});
