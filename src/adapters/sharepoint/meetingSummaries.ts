import type { MeetingKey } from '../../domain/meeting';
import { latestRegistration } from '../../domain/trust/order';
import { meetingOfRow, progressBelongsTo } from '../../domain/trust/place';
import type { MeetingSummary } from '../../ports/ListStore';
import { MAX_BATCH, type BatchRequest, type BatchResponse } from '../graph/batch';
import { joinAbsences } from './absenceRows';
import { expandFields, odataLiteral, placeOf, visiblePages, type GraphItem } from './graphRows';
import type { ListClient } from './listClient';
import { followUpFromFields, meetingFromFields, progressFromFields } from './rows';

/** How many meetings one sub-request asks for (an iCalUId is about 100 characters). */
const KEYS_PER_READ = 10;

/**
 * "Mine møder" in one $batch (another only past MAX_BATCH sub-requests): the Meetings, MeetingProgress and
 * FollowUps rows of the keys, a few keys per sub-request so each URL stays short, and the caller's own
 * Absences rows, trusted as openMeeting trusts them. A folder row counts for the meeting whose folder holds
 * it. Every filter names an indexed column; the reasons (AbsenceReasons) are never read here.
 */
export async function readMeetingSummaries(
  c: ListClient,
  keys: MeetingKey[],
  upn: string,
  organizers?: ReadonlyMap<MeetingKey, string>,
): Promise<MeetingSummary[]> {
  if (keys.length === 0) return [];
  // The calendar names each meeting's organizer: only her Meetings row counts (not another secretary's).
  for (const [key, organizer] of organizers ?? [])
    if (organizer.trim()) c.places.expectOrganizer(key, organizer);
  const lists = ['Meetings', 'MeetingProgress', 'FollowUps'] as const;
  const groups: MeetingKey[][] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_READ) groups.push(keys.slice(i, i + KEYS_PER_READ));
  const requests: BatchRequest[] = lists.flatMap((name) =>
    groups.map((group, i) => ({ id: `${name}-${i}`, method: 'GET' as const, url: c.byKeysUrl(name, group) })),
  );
  requests.push({
    id: 'Absences',
    method: 'GET',
    url: `${c.root}/lists/Absences/items?${expandFields('Absences')}&$filter=fields/PersonUpn eq '${odataLiteral(upn.toLowerCase())}'&$top=500`,
  });
  const answers = new Map<string, BatchResponse>();
  for (let i = 0; i < requests.length; i += MAX_BATCH)
    for (const [id, answer] of await c.batch(requests.slice(i, i + MAX_BATCH))) answers.set(id, answer);
  const pages = visiblePages(
    answers,
    requests.map((r) => r.id),
  );
  const rows = (id: string): Promise<GraphItem[]> => c.rowsFrom(pages.get(id)!);
  /**
   * Meetings rows as locateMeetings counts them (that also says where each meeting lives); a MeetingProgress
   * row where its Meetings row lives; folder rows by their place (and only when the column agrees).
   */
  const placeOfKey = (key: MeetingKey) => c.places.location(key)?.place;
  const meetingOf = (list: 'MeetingProgress' | 'FollowUps' | 'Absences', row: GraphItem) => {
    if (list !== 'MeetingProgress') return meetingOfRow(placeOf(list)(row), placeOfKey);
    const key = String(row.fields?.MeetingKey ?? '');
    const where = c.places.location(key);
    return where && progressBelongsTo(key, where, placeOf(list)(row)) ? key : null;
  };
  const group = (list: 'MeetingProgress' | 'FollowUps' | 'Absences', all: GraphItem[]) => {
    const found = new Map<MeetingKey, GraphItem[]>();
    for (const row of all) {
      const key = meetingOf(list, row);
      if (key) found.set(key, [...(found.get(key) ?? []), row]);
    }
    return found;
  };
  const all = async (name: (typeof lists)[number]) =>
    (await Promise.all(groups.map((_, i) => rows(`${name}-${i}`)))).flat();
  const meetings = new Map(
    c.places.locate(await all('Meetings')).map((r) => [String(r.fields?.MeetingKey ?? ''), [r]] as const),
  );
  const [progress, followUps, absences] = await Promise.all([
    all('MeetingProgress').then((r) => group('MeetingProgress', r)),
    all('FollowUps').then((r) => group('FollowUps', r)),
    rows('Absences').then((r) => group('Absences', r)),
  ]);
  return keys.map((key) => {
    const meetingRow = meetings.get(key)?.[0];
    const progressRow = progress.get(key)?.[0];
    return {
      key,
      meeting: meetingRow ? meetingFromFields(meetingRow.fields ?? {}) : null,
      progress: progressRow ? progressFromFields(progressRow.fields ?? {}) : null,
      ownAbsences: latestRegistration(joinAbsences(c, key, absences.get(key) ?? [], [])),
      followUps: (followUps.get(key) ?? []).map((r) => followUpFromFields(r.fields ?? {}, r.id)),
    };
  });
}
