import type { AgendaItem } from '../../domain/agendaItem';
import type { MeetingKey } from '../../domain/meeting';
import type { Stored } from '../../ports/ListStore';
import { bodyOf, MAX_BATCH, runBatch, type BatchRequest } from '../graph/batch';
import type { ListClient } from './listClient';
import { itemFromFields, itemToFields } from './agendaItemFields';
import { pool } from './sharePointFolders';

/**
 * The agenda (AgendaItems, in the meeting's folder): update, create and delete rows so the folder holds
 * exactly `items`. New rows are made in the folder (SharePoint REST), then every row gets its typed values
 * in $batch PATCHes.
 */
export async function replaceAgendaRows(
  c: ListClient,
  key: MeetingKey,
  items: AgendaItem[],
): Promise<Stored<AgendaItem>[]> {
  const current = await c.query('AgendaItems', key);
  const byItemId = new Map(current.map((r) => [itemFromFields(r.fields ?? {}, r.id).id, r]));
  const fresh = items.filter((i) => !byItemId.has(i.id));
  const created = await pool(fresh, 4, (item) =>
    c.addRowInFolder('AgendaItems', '', key, {
      Title: item.title.slice(0, 255),
      MeetingKey: key,
      ItemId: item.id,
    }),
  );
  const rowIdOf = new Map(fresh.map((item, i) => [item.id, String(created[i])]));
  const requests: BatchRequest[] = items.map((item) => ({
    id: `u:${item.id}`,
    method: 'PATCH',
    url: `${c.root}/lists/AgendaItems/items/${byItemId.get(item.id)?.id ?? rowIdOf.get(item.id)}/fields`,
    body: itemToFields(key, item),
  }));
  const keep = new Set(items.map((i) => i.id));
  for (const [itemId, row] of byItemId) {
    if (!keep.has(itemId))
      requests.push({
        id: `d:${itemId}`,
        method: 'DELETE',
        url: `${c.root}/lists/AgendaItems/items/${row.id}`,
      });
  }
  for (let i = 0; i < requests.length; i += MAX_BATCH) {
    const answers = await runBatch(c.graph, requests.slice(i, i + MAX_BATCH));
    for (const answer of answers.values()) bodyOf(answer);
  }
  return (await c.query('AgendaItems', key))
    .map((r) => c.stored(r, (f) => itemFromFields(f, r.id)))
    .sort((a, b) => a.value.number - b.value.number);
}
