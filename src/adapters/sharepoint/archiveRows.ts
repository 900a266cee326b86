import { meetingOfRow } from '../../domain/trust/place';
import type { ArchiveRows } from '../../ports/ListStore';
import { expandFields, placeOf, visiblePages, type GraphItem } from './graphRows';
import type { ListClient } from './listClient';
import type { ListName } from './listSchema';
import { itemFromFields } from './agendaItemFields';
import { decisionFromFields, followUpFromFields, meetingFromFields } from './rows';

/**
 * The decision archive: the four lists read whole (as the caller may see them), first pages in one $batch,
 * then nextLinks. Each row's meeting is the one whose folder holds it; a row whose MeetingKey names another
 * meeting than its folder counts for none.
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
  // Each meeting's Meetings row says where it lives; only those rows count.
  const counted = c.places.locate(meetings);
  const placeOfKey = (key: string) => c.places.location(key)?.place;
  const placed = (list: ListName, rows: GraphItem[]) =>
    rows.flatMap((row) => {
      const meetingKey = meetingOfRow(placeOf(list)(row), placeOfKey);
      return meetingKey ? [{ row, meetingKey }] : [];
    });
  return {
    meetings: counted.map((r) => meetingFromFields(r.fields ?? {})),
    items: placed('AgendaItems', items).map(({ row, meetingKey }) => ({
      ...itemFromFields(row.fields ?? {}, row.id),
      meetingKey,
    })),
    decisions: placed('Decisions', decisions).map(({ row, meetingKey }) => ({
      ...decisionFromFields(row.fields ?? {}),
      meetingKey,
    })),
    followUps: placed('FollowUps', followUps).map(({ row, meetingKey }) => ({
      ...followUpFromFields(row.fields ?? {}, row.id),
      meetingKey,
    })),
  };
}
