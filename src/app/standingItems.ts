import type { Meeting } from '../domain/meeting';
import { standingItems, type StandingItem } from '../domain/standingItems';
import type { AppDeps } from './deps';

/**
 * "Faste punkter" for a meeting being prepared: the standing items of the latest earlier meeting of the
 * same series that the organizer may read (the archive's rows), else the municipality's usual ones.
 */
export async function loadStandingItems(
  deps: Pick<AppDeps, 'lists'>,
  meeting: Pick<Meeting, 'key' | 'series' | 'start' | 'committee'>,
): Promise<StandingItem[]> {
  const rows = await deps.lists.readArchive();
  const previous = rows.meetings
    .filter((m) => m.series === meeting.series && m.key !== meeting.key && m.start < meeting.start)
    .sort((a, b) => b.start.localeCompare(a.start))[0];
  const items = previous ? rows.items.filter((i) => i.meetingKey === previous.key) : null;
  return standingItems(items?.length ? items : null, meeting.committee ? 'Udvalgsmøde' : 'Rådmandsmøde');
}
