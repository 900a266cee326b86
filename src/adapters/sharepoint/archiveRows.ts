import { meetingsByPlace, placeOfRow } from '../../domain/trust/place';
import type { ArchiveRows } from '../../ports/ListStore';
import { expandFields, meetingRowPlace, placeOf, visiblePages, type GraphItem } from './graphRows';
import type { ListClient } from './listClient';
import type { ListName } from './listSchema';
import { itemFromFields } from './agendaItemFields';
import { decisionFromFields, followUpFromFields, meetingFromFields } from './rows';

/**
 * The decision archive: the four lists read whole (as the caller may see them), first pages in one $batch,
 * then nextLinks. No calendar event says who organizes a meeting here, so a meeting is its place
 * (meetingsByPlace): a Meetings row another secretary made of the same key in her own secretariat is her
 * meeting, shown apart. Each row's meeting is the one whose folder holds it; a row whose MeetingKey names
 * another meeting than its folder counts for none. The locations learned for opening meetings are left alone.
 */
export async function readArchiveRows(c: ListClient): Promise<ArchiveRows> {
  const lists: ListName[] = ['Meetings', 'AgendaItems', 'Decisions', 'FollowUps'];
  const answers = await c.batch(
    lists.map((name) => ({
      id: name,
      method: 'GET',
      url: `${c.root}/lists/${name}/items?${expandFields(name)}&$top=999`,
    })),
  );
  const pages = visiblePages(answers, lists);
  const [meetings, items, decisions, followUps] = await Promise.all(
    lists.map((name) => c.rowsFrom(pages.get(name)!)),
  );
  // Each counted Meetings row is a meeting at its own place; only those rows count.
  const found = meetingsByPlace(meetings.map(meetingRowPlace('Meetings')));
  const placeById = new Map(found.map((m) => [m.id, m.place]));
  const places = new Map<string, string[]>();
  for (const m of found) places.set(m.key, [...(places.get(m.key) ?? []), m.place]);
  const placed = (list: ListName, rows: GraphItem[]) =>
    rows.flatMap((row) => {
      const p = placeOf(list)(row);
      const place = placeOfRow(p, (key) => places.get(key) ?? []);
      return place ? [{ row, ref: { meetingKey: p.meetingKey, place } }] : [];
    });
  return {
    meetings: meetings.flatMap((r) => {
      const place = placeById.get(r.id);
      return place ? [{ ...meetingFromFields(r.fields ?? {}), place }] : [];
    }),
    items: placed('AgendaItems', items).map(({ row, ref }) => ({
      ...itemFromFields(row.fields ?? {}, row.id),
      ...ref,
    })),
    decisions: placed('Decisions', decisions).map(({ row, ref }) => ({
      ...decisionFromFields(row.fields ?? {}),
      ...ref,
    })),
    followUps: placed('FollowUps', followUps).map(({ row, ref }) => ({
      ...followUpFromFields(row.fields ?? {}, row.id),
      ...ref,
    })),
  };
}
