import type { FollowUpStatus } from '../domain/followUp';
import type { FollowUpRow } from '../domain/followUpBoard';
import { sameUpn } from '../domain/person';
import { Forbidden, NotFound } from '../ports/errors';
import type { ErrorCode } from '../ports/errors';
import type { AppDeps } from './deps';

export const ONLY_ORGANIZER_FOLLOW_UP: ErrorCode = 'onlyOrganizerFollowUp';

/**
 * Every follow-up the person may read, with its meeting (one paged read of the lists, not per meeting). No
 * calendar event is read here: a follow-up's meeting is the one at the place holding it (ArchiveMeetingRef),
 * so a meeting another secretary made of the same key in her secretariat never lends it her name.
 */
export async function loadFollowUps(deps: AppDeps): Promise<FollowUpRow[]> {
  const rows = await deps.lists.readArchive();
  const meetings = new Map(rows.meetings.map((m) => [m.place, m]));
  const titles = new Map(rows.items.map((i) => [`${i.place}#${i.number}`, i.title]));
  return rows.followUps.map(({ meetingKey, place, ...followUp }) => {
    const m = meetings.get(place);
    return {
      followUp,
      meetingKey,
      series: m?.series ?? '',
      meetingStart: m?.start ?? '',
      itemTitle: titles.get(`${place}#${followUp.itemNumber}`) ?? '',
      organizerUpn: m?.organizer.upn ?? '',
    };
  });
}

/** The organizer updates status and next follow-up date; a concurrent change is a Conflict, not an overwrite. */
export async function updateFollowUp(
  deps: AppDeps,
  row: FollowUpRow,
  change: { status?: FollowUpStatus; due?: string | undefined },
): Promise<FollowUpRow> {
  if (!sameUpn(row.organizerUpn, deps.me.upn))
    throw new Forbidden('Only the organizer changes a follow-up', { code: ONLY_ORGANIZER_FOLLOW_UP });
  // Opened as the organizer's meeting (hers is the only Meetings row that counts), not whichever row of the
  // key SharePoint numbered first.
  const snapshot = await deps.lists.openMeeting(row.meetingKey, row.organizerUpn);
  const stored = snapshot.followUps.find((f) => f.value.id === row.followUp.id);
  if (!stored) throw new NotFound('The follow-up is gone', { code: 'followUpGone' });
  const next = { ...stored.value, ...change };
  delete (next as { meetingKey?: string }).meetingKey;
  const saved = await deps.lists.saveFollowUp(row.meetingKey, next, stored.eTag);
  return { ...row, followUp: saved.value };
}
