import type { Meeting } from './meeting';
import type { MeetingTimer } from './meetingTimer';
import { newReferat, sendForApproval } from './referatApproval';

/**
 * What the referent (and the organizer) write while and after the meeting runs: the item clock, the
 * running status and "send the referat for approval". Kept apart from the Meetings row, which only the
 * organizer writes (docs/adr/004-permissions.md), so the referent can never touch roles, the agenda
 * version or an approved referat.
 */
export interface MeetingProgress {
  status?: 'I gang' | 'Afsluttet';
  timer?: MeetingTimer;
  /** The referent sent this version of the referat for approval. */
  referatSubmitted?: { version: number; by: string; at: string };
}

/** The meeting as everyone sees it: the organizer's row with the progress laid over it. */
export function withProgress(meeting: Meeting, progress: MeetingProgress | null | undefined): Meeting {
  if (!progress) return meeting;
  const record = meeting.referat ?? (progress.referatSubmitted ? newReferat() : undefined);
  const submitted = progress.referatSubmitted;
  const referat =
    record && submitted && record.state === 'Kladde' && submitted.version === record.version
      ? sendForApproval(record, submitted.by, submitted.at)
      : record;
  const status = referat?.state === 'Godkendt' ? 'Godkendt' : (progress.status ?? meeting.status);
  return { ...meeting, timer: progress.timer ?? meeting.timer, status, referat };
}
