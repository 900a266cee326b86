import type { AgendaItem } from '../domain/agendaItem';
import type { Meeting } from '../domain/meeting';
import {
  planHash,
  planMeetingPermissions,
  type MeetingPermissionPlan,
  type PlanInput,
} from '../domain/meetingScopes';
import { Forbidden } from '../ports/errors';
import type { ErrorCode } from '../ports/errors';
import type { AppDeps } from './deps';
import type { MeetingView } from './openMeeting';

export const ONLY_ORGANIZER_SETS_RIGHTS: ErrorCode = 'onlyOrganizerRights';

/**
 * The plan for a meeting as its organizer sees it (all items). The referat's state is the record's phase:
 * approved freezes the meeting; a committee's protocol sent for approval is out for signatures, which
 * freezes attendance, votes and decisions for everyone but the organizer (`meeting` carries the progress
 * row's "sent for approval", see withProgress).
 */
export function planFor(
  meeting: Meeting,
  items: PlanInput['items'],
  archive: boolean,
): MeetingPermissionPlan {
  return planMeetingPermissions({
    meeting,
    items,
    approved: meeting.referat?.state === 'Godkendt',
    signing: meeting.referat?.state === 'Til godkendelse',
    archive,
  });
}

/** A meeting without a calendar event is imported history: its open part is the site's archive. */
export const isArchive = (view: Pick<MeetingView, 'event' | 'meeting'>): boolean =>
  !view.event && !view.meeting.eventId;

/**
 * Makes SharePoint hold the meeting's rules as permissions (docs/adr/004-permissions.md), with the
 * organizer's own delegated rights, after a write that may have changed who may see what. Cheap when
 * nothing changed: the plan's hash is kept on the Meetings row and compared first. While a row of the
 * plan does not exist yet the hash is not stored, so the next call applies again.
 */
export async function syncMeetingPermissions(
  deps: AppDeps,
  view: MeetingView,
  items: Pick<AgendaItem, 'id' | 'number' | 'closed' | 'guests'>[] = view.items,
): Promise<MeetingView> {
  if (view.role !== 'organizer')
    throw new Forbidden('Only the organizer sets the permissions', { code: ONLY_ORGANIZER_SETS_RIGHTS });
  const plan = planFor(view.meeting, items, isArchive(view));
  const hash = planHash(plan);
  if (hash === view.meeting.permissionsHash) return view;
  let current = view;
  if (!current.rows.progress) {
    // Only the organizer can create rows at a list's root; the referent writes this one later.
    const progress = await deps.lists.saveProgress(view.key, view.progress ?? {});
    current = {
      ...current,
      progress: progress.value,
      progressETag: progress.eTag,
      rows: { ...current.rows, progress: progress.id },
    };
  }
  const report = await deps.permissions.apply(plan, {
    ...current.rows,
    folders: { ...view.meeting.folderIds, ...current.rows.folders },
  });
  if (report.pending.length > 0 || !current.rows.meetings) return current;
  // The folders' ids are recorded with the plan: from now on they are found by id (a renamed folder too).
  const folderIds = { ...view.meeting.folderIds, ...report.folders };
  const saved = await deps.lists.saveMeeting(
    { ...view.meeting, permissionsHash: hash, ...(Object.keys(folderIds).length ? { folderIds } : {}) },
    view.meetingETag,
  );
  return {
    ...current,
    meeting: {
      ...view.meeting,
      permissionsHash: saved.value.permissionsHash,
      ...(saved.value.folderIds ? { folderIds: saved.value.folderIds } : {}),
    },
    meetingETag: saved.eTag,
  };
}
