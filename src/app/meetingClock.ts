import { endMeeting, idleTimer, moveToItem, startMeeting } from '../domain/meetingTimer';
import { withProgress, type MeetingProgress } from '../domain/meetingProgress';
import { can } from '../domain/permissions';
import { Forbidden } from '../ports/errors';
import type { ErrorCode } from '../ports/errors';
import type { Stored } from '../ports/ListStore';
import type { AppDeps } from './deps';
import type { MeetingView } from './openMeeting';

export const ONLY_CHAIR: ErrorCode = 'onlyChairClock';

export type ClockAction =
  { kind: 'start'; itemNumber: number } | { kind: 'move'; itemNumber: number } | { kind: 'end' };

/** Start the meeting, move the current item, end it: the MeetingProgress it leads to, not yet written. */
export function nextProgress(deps: AppDeps, view: MeetingView, action: ClockAction): MeetingProgress {
  if (!can(view.role, 'writeDecision'))
    throw new Forbidden('Only the organizer and the referent run the clock', { code: ONLY_CHAIR });
  const now = deps.clock.now();
  const timer = view.meeting.timer ?? idleTimer();
  const next =
    action.kind === 'start'
      ? startMeeting(timer, action.itemNumber, now)
      : action.kind === 'move'
        ? moveToItem(timer, action.itemNumber, now)
        : endMeeting(timer, now);
  const status = action.kind === 'end' ? 'Afsluttet' : 'I gang';
  return { ...(view.progress ?? {}), timer: next, status };
}

/** The view as it is with `progress` shown; with the stored row, also its eTag and id. */
export function withProgressRow(
  view: MeetingView,
  progress: MeetingProgress,
  row?: Stored<MeetingProgress>,
): MeetingView {
  return {
    ...view,
    meeting: withProgress(view.meeting, progress),
    progress,
    progressETag: row?.eTag ?? view.progressETag,
    rows: row ? { ...view.rows, progress: row.id } : view.rows,
  };
}

/** Start the meeting, move the current item, end it: stored on MeetingProgress for everyone to see. */
export async function driveMeetingClock(
  deps: AppDeps,
  view: MeetingView,
  action: ClockAction,
): Promise<MeetingView> {
  const progress = nextProgress(deps, view, action);
  const row = await deps.lists.saveProgress(view.key, progress, view.progressETag);
  return withProgressRow(view, row.value, row);
}
