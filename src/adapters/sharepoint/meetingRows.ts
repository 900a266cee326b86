import type { Meeting, MeetingKey } from '../../domain/meeting';
import type { MeetingProgress } from '../../domain/meetingProgress';
import { NotFound } from '../../ports/errors';
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
 * submission). Both live at their list's root, one per meeting, each with its own permissions.
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
  const meeting = pages.get('Meetings')!.value.filter(isRow)[0];
  const progress = pages.get('MeetingProgress')!.value.filter(isRow)[0];
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
  const id = await c.findRowId('Meetings', meeting.key, '', () => true);
  const fields = meetingToFields(meeting);
  const saved = id ? await c.patch('Meetings', id, fields, eTag) : await c.createAtRoot('Meetings', fields);
  c.remember('Meetings', meeting.key, '', saved.id);
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
  const saved = id
    ? await c.patch('MeetingProgress', id, fields, eTag)
    : await c.createAtRoot('MeetingProgress', fields);
  c.remember('MeetingProgress', key, '', saved.id);
  return c.stored(saved, progressFromFields);
}
