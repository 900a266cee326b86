import type { MeetingKey } from '../../domain/meeting';
import type { MisplacedRow } from '../../domain/trust/place';
import type { MeetingSnapshot } from '../../ports/ListStore';
import type { BatchRequest, BatchResponse } from '../graph/batch';
import { joinAbsences } from './absenceRows';
import { latestDeltaUrl } from './decisionRows';
import { deltaLinkOf, visiblePages, type GraphItem } from './graphRows';
import type { ListClient } from './listClient';
import type { ListName } from './listSchema';
import { itemFromFields } from './agendaItemFields';
import { decisionFromFields, followUpFromFields, meetingFromFields, progressFromFields } from './rows';

/** The lists a meeting's page reads when it opens. */
const OPEN_LISTS: ListName[] = [
  'Meetings',
  'MeetingProgress',
  'AgendaItems',
  'Absences',
  'AbsenceReasons',
  'Decisions',
  'FollowUps',
];

/** What opening a meeting asks Graph, as $batch steps (the page opens a meeting in one batch with /me). */
export function openMeetingRequests(c: ListClient, key: MeetingKey): BatchRequest[] {
  const requests: BatchRequest[] = OPEN_LISTS.map((name) => ({
    id: name,
    method: 'GET',
    url: c.byKeyUrl(name, key),
  }));
  requests.push({ id: 'cursor', method: 'GET', url: latestDeltaUrl(c) });
  return requests;
}

/**
 * The snapshot of a meeting from the answers to openMeetingRequests. A folder row counts only when the
 * meeting's folder holds it; rows naming the meeting from another folder come back as `misplaced`.
 */
export async function snapshotOf(
  c: ListClient,
  key: MeetingKey,
  answers: Map<string, BatchResponse>,
): Promise<MeetingSnapshot> {
  const pages = visiblePages(answers, OPEN_LISTS);
  const misplaced: MisplacedRow[] = [];
  const rows = async (name: ListName): Promise<GraphItem[]> => {
    const placed = c.places.place(name, key, await c.rowsFrom(pages.get(name)!));
    misplaced.push(...placed.misplaced);
    return placed.rows;
  };
  // The Meetings row first: it says where the meeting's folders are.
  const meetings = await rows('Meetings');
  const [progress, items, absences, reasons, decisions, followUps] = await Promise.all(
    OPEN_LISTS.slice(1).map(rows),
  );
  const meetingRow = meetings[0];
  const progressRow = progress[0];
  if (meetingRow) c.remember('Meetings', key, '', meetingRow.id);
  if (progressRow) c.remember('MeetingProgress', key, '', progressRow.id);
  return {
    meeting: meetingRow ? c.stored(meetingRow, meetingFromFields) : null,
    progress: progressRow ? c.stored(progressRow, progressFromFields) : null,
    items: items
      .map((r) => c.stored(r, (f) => itemFromFields(f, r.id)))
      .sort((a, b) => a.value.number - b.value.number),
    absences: joinAbsences(c, key, absences, reasons),
    decisions: decisions.map((r) => {
      const s = c.stored(r, decisionFromFields);
      c.remember('Decisions', key, String(s.value.itemNumber), r.id);
      return s;
    }),
    followUps: followUps.map((r) => {
      const s = c.stored(r, (f) => followUpFromFields(f, r.id));
      c.remember('FollowUps', key, s.value.id, r.id);
      return { ...s, value: { ...s.value, meetingKey: key } };
    }),
    decisionsCursor: deltaLinkOf(answers.get('cursor')),
    misplaced: misplaced.sort((a, b) => a.list.localeCompare(b.list) || Number(a.id) - Number(b.id)),
  };
}
