import type { AgendaItem } from '../domain/agendaItem';
import type { Meeting } from '../domain/meeting';
import type { ImportedMeeting } from '../domain/history/importedMeeting';
import { toRows } from '../domain/history/toMeeting';
import type { Person } from '../domain/person';
import { circleOnly, planHash, planMeetingPermissions } from '../domain/meetingScopes';
import type { ListStore } from '../ports/ListStore';
import type { MeetingPermissions, PlanRows } from '../ports/MeetingPermissions';

export interface ImportReport {
  meetings: number;
  /** Rows written (created or changed). */
  written: number;
  /** Rows already there with the same content. */
  unchanged: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const pick = <T extends object>(v: T | undefined, keys: Array<keyof T>) =>
  v ? keys.map((k) => v[k] ?? null) : null;
const MEETING_FIELDS: Array<keyof Meeting> = [
  'series',
  'title',
  'start',
  'end',
  'location',
  'status',
  'informationNote',
];
const ITEM_FIELDS: Array<keyof AgendaItem> = [
  'number',
  'title',
  'category',
  'durationMinutes',
  'closed',
  'caseNumber',
  'guests',
  'indstilling',
];

/**
 * Writes imported meetings to the lists through the same ListStore the add-in uses, under SharePoint
 * permissions (docs/adr/004-permissions.md): the rows are written while the meeting's scopes hold the
 * circle only, then the open part is opened to the site's members as the archive and closed items keep
 * scopes of their own. Idempotent: every row has a key derived from the meeting, rows already holding
 * the same content are left alone, and a second import writes nothing.
 */
export async function importMeetings(
  { lists, permissions }: { lists: ListStore; permissions: MeetingPermissions },
  importer: Person,
  meetings: ImportedMeeting[],
  options: { now?: () => string; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportReport> {
  const report: ImportReport = { meetings: 0, written: 0, unchanged: 0 };
  await lists.ensureProvisioned();
  const now = options.now ?? (() => new Date().toISOString());
  for (const [n, imported] of meetings.entries()) {
    const rows = toRows(imported, importer, now());
    const existing = await lists.openMeeting(rows.meeting.key);
    const count = (changed: boolean) => (changed ? report.written++ : report.unchanged++);

    const storedMeeting = existing.meeting?.value;
    // The lists give a meeting without a series its title as series (rows.ts); compare as read back.
    const asRead = { ...rows.meeting, series: rows.meeting.series || rows.meeting.title };
    const meetingChanged = !same(pick(storedMeeting, MEETING_FIELDS), pick(asRead, MEETING_FIELDS));
    let meetingRow = existing.meeting;
    if (meetingChanged || !meetingRow)
      meetingRow = await lists.saveMeeting(
        { ...rows.meeting, permissionsHash: storedMeeting?.permissionsHash },
        existing.meeting?.eTag,
      );
    count(meetingChanged);
    const input = { meeting: rows.meeting, items: rows.items, approved: false, archive: true };
    const plan = planMeetingPermissions(input);
    const hash = planHash(plan);
    const settled = meetingRow.value.permissionsHash === hash;
    const planRows: PlanRows = {
      meetings: meetingRow.id,
      progress: existing.progress?.id,
      agenda: Object.fromEntries(existing.items.map((s) => [s.value.id, s.id])),
    };
    if (!settled) await permissions.apply(circleOnly(input), planRows);

    const itemsChanged =
      existing.items.length !== rows.items.length ||
      rows.items.some(
        (item, k) => !same(pick(existing.items[k]?.value, ITEM_FIELDS), pick(item, ITEM_FIELDS)),
      );
    if (itemsChanged)
      planRows.agenda = Object.fromEntries(
        (await lists.replaceAgenda(rows.meeting.key, rows.items)).map((s) => [s.value.id, s.id]),
      );
    count(itemsChanged);

    for (const d of rows.decisions) {
      const there = existing.decisions.find((s) => s.value.itemNumber === d.itemNumber);
      const changed = !there || there.value.text !== d.text || there.value.itemTitle !== d.itemTitle;
      if (changed) await lists.saveDecision(rows.meeting.key, d, there?.eTag);
      count(changed);
    }
    for (const f of rows.followUps) {
      const there = existing.followUps.find((s) => s.value.id === f.id);
      const changed = !there || there.value.task !== f.task || !same(there.value.owners, f.owners);
      if (changed) await lists.saveFollowUp(rows.meeting.key, f, there?.eTag);
      count(changed);
    }
    if (!settled || itemsChanged) {
      const applied = await permissions.apply(plan, planRows);
      if (applied.pending.every((p) => p.kind === 'meetingRow' && p.list === 'MeetingProgress'))
        await lists.saveMeeting({ ...meetingRow.value, permissionsHash: hash }, meetingRow.eTag);
    }
    report.meetings++;
    options.onProgress?.(n + 1, meetings.length);
  }
  return report;
}
