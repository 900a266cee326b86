import { dirOfRow, type PlacedMeetingRow, type PlacedRow } from '../../domain/trust/place';
import { Forbidden } from '../../ports/errors';
import { bodyOf, type BatchResponse } from '../graph/batch';
import type { Deleted, Identity, ListItem } from '@microsoft/microsoft-graph-types';
import { LISTS, type ListName } from './listSchema';
import type { ODataPage } from './paging';
import type { Fields } from './fieldValues';

/** How list rows come back from Graph, and the small pure helpers every list family reads them with. */

/** SharePoint's identities in Graph also carry the user's mail (not in the v1.0 `identity` type). */
type SharePointIdentitySet = { user?: Identity & { email?: string; userPrincipalName?: string } };

/**
 * Graph's `listItem` (typed from Microsoft's v1.0 metadata), with the two things SharePoint adds: the
 * column values we store (and `FileDirRef`, the folder holding the row), and `deleted` on a delta row.
 */
export interface GraphItem extends Omit<ListItem, 'id' | 'fields' | 'createdBy' | 'lastModifiedBy'> {
  id: string;
  fields?: Fields & { '@odata.etag'?: string; FileDirRef?: string };
  deleted?: Deleted;
  createdBy?: SharePointIdentitySet;
  lastModifiedBy?: SharePointIdentitySet;
}

export type Page = ODataPage<GraphItem>;

/**
 * The fields every read asks for by name: the list's columns, Title, and `FileDirRef` — SharePoint's own
 * record of the folder holding the row, which is what decides its meeting (Graph returns it only when
 * `$select` names it).
 */
export function fieldsOf(list: ListName): string {
  const spec = LISTS.find((l) => l.name === list);
  return ['Title', 'ContentType', ...(spec?.columns.map((c) => c.name) ?? []), 'FileDirRef'].join(',');
}
export const expandFields = (list: ListName) => `$expand=fields($select=${fieldsOf(list)})`;

export const authorOf = (row: GraphItem): string =>
  (row.createdBy?.user?.email ?? row.createdBy?.user?.userPrincipalName ?? '').trim().toLowerCase();
/** Folder items show up in Graph with contentType "Folder" and no values in our columns. */
export const isRow = (row: GraphItem): boolean =>
  row.contentType?.name !== 'Folder' && !!row.fields?.MeetingKey;
/**
 * The meeting folder and column of a row, for the trust rules (src/domain/trust/place.ts); for an afbud also
 * the person's folder holding it and the person it names.
 */
export const placeOf =
  (list: ListName) =>
  (row: GraphItem): PlacedRow & { id: string } => ({
    id: row.id,
    dir: dirOfRow(row.fields?.FileDirRef, list),
    meetingKey: String(row.fields?.MeetingKey ?? ''),
    ...(list === 'Absences' ? { person: { upn: String(row.fields?.PersonUpn ?? '') } } : {}),
  });

/** A string as an OData literal inside a URL: quotes doubled, then URL-encoded. */
export function odataLiteral(value: string): string {
  return encodeURIComponent(value.replace(/'/g, "''"));
}

/**
 * The first pages of a $batch of list reads. SharePoint answers 403 for a list in which the caller can see
 * no item at all (MeetingProgress before the organizer has made the meeting's row; every list for someone
 * outside all circles): that list holds nothing for them, as SharePoint's own views would show.
 */
export function visiblePages<Id extends string>(
  answers: Map<string, BatchResponse>,
  lists: Id[],
): Map<Id, Page> {
  const out = new Map<Id, Page>();
  for (const name of lists) {
    try {
      out.set(name, bodyOf<Page>(answers.get(name)));
    } catch (e) {
      if (!(e instanceof Forbidden)) throw e;
      out.set(name, { value: [] });
    }
  }
  return out;
}

/** The deltaLink of a delta answer; none when the list is closed to the caller (403). */
export function deltaLinkOf(answer: BatchResponse | undefined): string | undefined {
  try {
    return bodyOf<Page>(answer)['@odata.deltaLink'];
  } catch (e) {
    if (e instanceof Forbidden) return undefined;
    throw e;
  }
}

/** A Meetings or MeetingProgress row as SharePoint places it (src/domain/trust/place.ts, locateMeetings). */
export const meetingRowPlace =
  (list: 'Meetings' | 'MeetingProgress') =>
  (row: GraphItem): PlacedMeetingRow => ({
    id: row.id,
    dir: dirOfRow(row.fields?.FileDirRef, list),
    meetingKey: String(row.fields?.MeetingKey ?? ''),
    organizerUpn: String(row.fields?.OrganizerUpn ?? ''),
  });
