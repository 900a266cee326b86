import type { Decision } from '../../domain/decision';
import type { FollowUp } from '../../domain/followUp';
import type { MeetingKey } from '../../domain/meeting';
import { oldestRow } from '../../domain/trust/order';
import { belongsTo } from '../../domain/trust/place';
import { Conflict, NotFound } from '../../ports/errors';
import type { DecisionChanges, Stored } from '../../ports/ListStore';
import { deltaLinkOf, isRow, placeOf, visiblePages, type GraphItem } from './graphRows';
import type { ListClient } from './listClient';
import { pagesFrom } from './paging';
import { decisionFromFields, decisionToFields, followUpFromFields, followUpToFields } from './rows';
import type { Fields } from './fieldValues';

/**
 * Decisions and follow-ups: one row per item (decision) or per id (follow-up), in the item's folder
 * `<meeting>/<n>`. Every look-up reads only the meeting's own folder, so a row planted elsewhere naming this
 * meeting never blocks a save; of two first writes the one SharePoint created first (lower id) wins.
 */

/** Exactly the fields decisionChanges reads (issue #14: do not rely on Graph adding fields to delta unasked). */
const DELTA_FIELDS = 'MeetingKey,ItemNumber,ItemTitle,Text,Status,EditorUpn,UpdatedAt,FileDirRef';
const DELTA_QUERY = `$expand=fields($select=${DELTA_FIELDS})`;
const titleOfDecision = (n: number) => `Punkt ${n}`;

export const latestDeltaUrl = (c: ListClient): string =>
  `${c.root}/lists/Decisions/items/delta?token=latest&${DELTA_QUERY}`;

export async function saveDecisionRow(
  c: ListClient,
  key: MeetingKey,
  decision: Decision,
  eTag?: string,
): Promise<Stored<Decision>> {
  const n = decision.itemNumber;
  const natural = String(n);
  const isThisItem = (f: Fields) =>
    Number(f.ItemNumber) === n ||
    ((f.ItemNumber === null || f.ItemNumber === undefined) && f.Title === titleOfDecision(n));
  // Without an eTag the row itself decides (half made by us, or someone else's), not the remembered id.
  const found = await c.findRow('Decisions', key, natural, isThisItem, !eTag);
  const fields = decisionToFields(key, decision);
  let created: number;
  if (found && eTag) {
    const saved = await c.patch('Decisions', found.id, fields, eTag);
    return c.stored(saved, decisionFromFields);
  } else if (found) {
    // Our own first write that was cut off after the row was made (no typed values yet): finish it.
    const unfinished = found.row && found.row.fields?.ItemNumber == null && (await c.isMine(found.row));
    if (!unfinished)
      throw new Conflict('A decision for this item already exists', { status: 409, code: 'decisionExists' });
    created = Number(found.id);
  } else {
    // First write: a row in the item's folder, then the folder read back; an older row (lower id) wins.
    await c.ensureFolder('Decisions', key, String(n));
    created = await c.addRowInFolder('Decisions', String(n), key, {
      Title: titleOfDecision(n),
      MeetingKey: key,
    });
  }
  const saved = await c.completeRow('Decisions', String(created), fields);
  const rivals = (await c.query('Decisions', key)).filter(
    (r) => isThisItem(r.fields ?? {}) && Number(r.id) < created,
  );
  const oldest = oldestRow(rivals);
  if (oldest) {
    await c.remove('Decisions', String(created));
    c.remember('Decisions', key, natural, oldest.id);
    throw new Conflict('Another first write of this decision came first', {
      status: 409,
      code: 'decisionExists',
    });
  }
  c.remember('Decisions', key, natural, saved.id);
  return c.stored(saved, decisionFromFields);
}

export async function saveFollowUpRow(
  c: ListClient,
  key: MeetingKey,
  followUp: FollowUp,
  eTag?: string,
): Promise<Stored<FollowUp>> {
  const found = await c.findRow(
    'FollowUps',
    key,
    followUp.id,
    (f) => String(f.FollowUpId) === followUp.id,
    !eTag,
  );
  const fields = followUpToFields(key, followUp);
  let saved: GraphItem;
  if (found && eTag) saved = await c.patch('FollowUps', found.id, fields, eTag);
  else if (found) {
    // Our own first write cut off after the row was made (no Status yet): finish it; else someone else's.
    const unfinished = found.row && !found.row.fields?.Status && (await c.isMine(found.row));
    if (!unfinished)
      throw new Conflict('This follow-up was already written by someone else', { status: 412 });
    saved = await c.completeRow('FollowUps', found.id, fields);
  } else {
    const path = String(followUp.itemNumber);
    await c.ensureFolder('FollowUps', key, path);
    const created = await c.addRowInFolder('FollowUps', path, key, {
      Title: followUp.task.slice(0, 255),
      MeetingKey: key,
      FollowUpId: followUp.id,
    });
    saved = await c.completeRow('FollowUps', String(created), fields);
  }
  c.remember('FollowUps', key, followUp.id, saved.id);
  return c.stored(saved, (f) => followUpFromFields(f, saved.id));
}

export async function deleteFollowUpRow(c: ListClient, key: MeetingKey, id: string): Promise<void> {
  const rowId = await c.findRowId('FollowUps', key, id, (f) => String(f.FollowUpId) === id);
  if (!rowId) throw new NotFound(`Follow-up ${id} not found`);
  await c.remove('FollowUps', rowId);
  c.forget('FollowUps', key, id);
}

/** Decisions of the meeting's folder changed since `cursor` (delta), or all of them without one. */
export async function decisionChangesOf(
  c: ListClient,
  key: MeetingKey,
  cursor?: string,
): Promise<DecisionChanges> {
  if (!cursor) return allDecisions(c, key);
  const changed: Stored<Decision>[] = [];
  const deletedIds: string[] = [];
  const place = placeOf('Decisions');
  const where = (await c.places.whereIs(key))?.place;
  // nextLink and deltaLink are followed as given, never built.
  let next = cursor;
  try {
    for await (const page of pagesFrom(cursor, c.readPage)) {
      for (const row of page.value) {
        if (row.deleted) deletedIds.push(row.id);
        else if (isRow(row) && where !== undefined && belongsTo(key, where, place(row)))
          changed.push(c.stored(row, decisionFromFields));
      }
      if (page['@odata.deltaLink']) next = page['@odata.deltaLink'];
    }
  } catch (e) {
    if (e instanceof NotFound && e.details.status === 410) return allDecisions(c, key);
    throw e;
  }
  return { changed, deletedIds, cursor: next };
}

async function allDecisions(c: ListClient, key: MeetingKey): Promise<DecisionChanges> {
  const answers = await c.batch([
    { id: 'Decisions', method: 'GET', url: c.byKeyUrl('Decisions', key) },
    { id: 'cursor', method: 'GET', url: latestDeltaUrl(c) },
  ]);
  const page = visiblePages(answers, ['Decisions']).get('Decisions')!;
  await c.places.whereIs(key);
  const rows = c.places.place('Decisions', key, await c.rowsFrom(page)).rows;
  // No cursor when the list is closed to the caller: the next call reads everything again.
  const cursor = deltaLinkOf(answers.get('cursor')) ?? '';
  return { changed: rows.map((r) => c.stored(r, decisionFromFields)), deletedIds: [], cursor };
}
