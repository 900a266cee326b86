import type { Meeting, MeetingKey } from '../../domain/meeting';
import type { MeetingProgress } from '../../domain/meetingProgress';
import { secretariatFolderName } from '../../domain/meetingScopes';
import { meetingPlace } from '../../domain/trust/place';
import type { Fields } from './fieldValues';
import { Forbidden, NotFound } from '../../ports/errors';
import type { Stored } from '../../ports/ListStore';
import { isRow, visiblePages, type GraphItem } from './graphRows';
import type { ListClient } from './listClient';
import {
  meetingFromFields,
  meetingToFields,
  progressFromFields,
  progressToFields,
  protocolOpeningsToFields,
} from './rows';

/**
 * The Meetings row (the organizer's) and the MeetingProgress row (clock, running status, the referent's
 * submission), one per meeting, each with its own permissions. Both live in the organizer's secretariat
 * folder (docs/adr/004-permissions.md, "Secretaries"); a meeting from before secretariats keeps them at the
 * list root. The Meetings row says where the meeting's folders are (src/domain/trust/place.ts).
 */
export async function readMeetingRows(
  c: ListClient,
  key: MeetingKey,
): Promise<{ meeting: Stored<Meeting> | null; progress: Stored<MeetingProgress> | null }> {
  const answers = await c.batch([
    { id: 'Meetings', method: 'GET', url: c.byKeyUrl('Meetings', key) },
    { id: 'MeetingProgress', method: 'GET', url: c.byKeyUrl('MeetingProgress', key) },
  ]);
  const pages = visiblePages(answers, ['Meetings', 'MeetingProgress']);
  const meeting = c.places.place('Meetings', key, pages.get('Meetings')!.value.filter(isRow)).rows[0];
  const progress = c.places.place('MeetingProgress', key, pages.get('MeetingProgress')!.value.filter(isRow))
    .rows[0];
  if (meeting) c.remember('Meetings', key, '', meeting.id);
  if (progress) c.remember('MeetingProgress', key, '', progress.id);
  return {
    meeting: meeting ? c.stored(meeting, meetingFromFields) : null,
    progress: progress ? c.stored(progress, progressFromFields) : null,
  };
}

/** Only the MeetingProgress row (the clock): a single-item read once its row id is known. */
export async function readProgressRow(
  c: ListClient,
  key: MeetingKey,
): Promise<Stored<MeetingProgress> | null> {
  const id = c.remembered('MeetingProgress', key, '');
  if (id) {
    try {
      const row = await c.get<GraphItem>(`${c.root}/lists/MeetingProgress/items/${id}?$expand=fields`);
      return c.stored(row, progressFromFields);
    } catch (e) {
      if (!(e instanceof NotFound)) throw e;
      c.forget('MeetingProgress', key, '');
    }
  }
  const row = (await c.query('MeetingProgress', key))[0];
  if (row) c.remember('MeetingProgress', key, '', row.id);
  return row ? c.stored(row, progressFromFields) : null;
}

export async function saveMeetingRow(
  c: ListClient,
  meeting: Meeting,
  eTag?: string,
): Promise<Stored<Meeting>> {
  // The organizer writes her own row: only a row naming her counts (another secretary's never does).
  c.places.expectOrganizer(meeting.key, meeting.organizer.upn);
  const id = await c.findRowId('Meetings', meeting.key, '', () => true);
  const fields = meetingToFields(meeting);
  if (id) {
    const saved = await c.patch('Meetings', id, fields, eTag);
    return c.stored(saved, meetingFromFields);
  }
  // A new meeting goes into its organizer's secretariat. Without one only a site owner can keep it (at the
  // list root); anyone else is told to ask IT.
  const secretariat = await secretariatOf(c, meeting.organizer.upn);
  let saved: GraphItem;
  try {
    saved = await createMeetingRow(c, 'Meetings', secretariat, fields);
  } catch (e) {
    if (!secretariat && e instanceof Forbidden)
      throw new NotFound(`No secretariat folder for ${meeting.organizer.upn}: IT must run provision`, {
        status: 404,
        code: 'secretariatMissing',
      });
    throw e;
  }
  c.remember('Meetings', meeting.key, '', saved.id);
  c.places.settle(meeting.key, { id: saved.id, secretariat, place: meetingPlace(meeting.key, secretariat) });
  return c.stored(saved, meetingFromFields);
}

/**
 * Names a committee protocol's opening on the Meetings row: only the ProtocolOpenings column is written, with
 * If-Match of the row as just read (a write in between is a Conflict, never overwritten).
 */
export async function nameProtocolOpeningRow(
  c: ListClient,
  key: MeetingKey,
  openingId: string,
): Promise<Stored<Meeting>> {
  const { meeting } = await readMeetingRows(c, key);
  if (!meeting) throw new NotFound(`No meeting row for ${key}`, { code: 'itemNotFound' });
  if (meeting.value.protocolOpenings?.includes(openingId)) return meeting;
  const saved = await c.patch('Meetings', meeting.id, protocolOpeningsToFields(meeting.value, openingId), meeting.eTag);
  return c.stored(saved, meetingFromFields);
}

export async function saveProgressRow(
  c: ListClient,
  key: MeetingKey,
  progress: MeetingProgress,
  eTag?: string,
): Promise<Stored<MeetingProgress>> {
  const id = await c.findRowId('MeetingProgress', key, '', () => true);
  const fields = progressToFields(key, progress);
  let saved: GraphItem;
  if (id) saved = await c.patch('MeetingProgress', id, fields, eTag);
  else {
    const where = await c.places.whereIs(key);
    if (!where)
      throw new NotFound(`Meeting ${key} has no Meetings row the caller can see: not set up yet`, {
        status: 404,
        code: 'meetingNotProvisioned',
      });
    saved = await createMeetingRow(c, 'MeetingProgress', where.secretariat, fields);
  }
  c.remember('MeetingProgress', key, '', saved.id);
  return c.stored(saved, progressFromFields);
}

/**
 * A new Meetings or MeetingProgress row: inside `secretariat` (SharePoint REST, text values first; the
 * typed values follow through Graph), or, for a site owner whose meetings predate secretariats, at the
 * list root through Graph.
 */
export async function createMeetingRow(
  c: ListClient,
  list: 'Meetings' | 'MeetingProgress',
  secretariat: string | null,
  fields: Fields,
): Promise<GraphItem> {
  if (!secretariat) return c.send<GraphItem>('POST', `${c.root}/lists/${list}/items`, { fields });
  const id = await c.folders.addRow(list, secretariat, {
    Title: String(fields.Title ?? '').slice(0, 255),
    MeetingKey: String(fields.MeetingKey ?? ''),
    ...(list === 'Meetings' ? { OrganizerUpn: String(fields.OrganizerUpn ?? '') } : {}),
  });
  return c.completeRow(list, String(id), fields);
}

/**
 * The organizer's secretariat folder in the Meetings list, when IT has made one (and she can see it); null
 * when there is none: then only a site owner may keep the meeting at the list root.
 */
export async function secretariatOf(c: ListClient, organizerUpn: string): Promise<string | null> {
  const name = secretariatFolderName(organizerUpn);
  const found = await c.folders.find('Meetings', name).catch((e: unknown) => {
    if (e instanceof Forbidden || e instanceof NotFound) return null;
    throw e;
  });
  return found ? name : null;
}
