import type { Meeting } from '../domain/meeting';
import { sameUpn } from '../domain/person';
import { standingItems, type StandingItem } from '../domain/standingItems';
import type { AppDeps } from './deps';

/**
 * "Faste punkter" for a meeting being prepared: the standing items of the latest earlier meeting of the
 * same series and organizer that the organizer may read (the archive's rows, a meeting at its place), else
 * the municipality's usual ones. A meeting someone else organizes under the same series name is not hers.
 */
export async function loadStandingItems(
  deps: Pick<AppDeps, 'lists'>,
  meeting: Pick<Meeting, 'key' | 'series' | 'start' | 'committee' | 'organizer'>,
): Promise<StandingItem[]> {
  const rows = await deps.lists.readArchive();
  const previous = rows.meetings
    .filter(
      (m) =>
        m.series === meeting.series &&
        sameUpn(m.organizer.upn, meeting.organizer.upn) &&
        m.key !== meeting.key &&
        m.start < meeting.start,
    )
    .sort((a, b) => b.start.localeCompare(a.start))[0];
  const items = previous ? rows.items.filter((i) => i.place === previous.place) : null;
  return standingItems(items?.length ? items : null, meeting.committee ? 'Udvalgsmøde' : 'Rådmandsmøde');
}
