import { formatDate, type Locale } from '../domain/format';
import { can } from '../domain/permissions';
import { sameUpn } from '../domain/person';
import type { Audience, ReferatCommittee } from '../domain/referat';
import { buildReferat, renderReferatText, type Referat } from '../i18n/referat';
import {
  approve,
  markSent,
  newReferat,
  reopen,
  sendForApproval,
  type ReferatRecord,
} from '../domain/referatApproval';
import { Forbidden } from '../ports/errors';
import type { ErrorCode } from '../ports/errors';
import type { DocumentRenderer } from '../ports/DocumentRenderer';
import type { Mailer } from '../ports/Mailer';
import type { AppDeps } from './deps';
import { openMeeting, type MeetingView } from './openMeeting';
import { isArchive, planFor, syncMeetingPermissions } from './syncMeetingPermissions';
import { withProgress, type MeetingProgress } from '../domain/meetingProgress';

export type ReferatFormat = 'docx' | 'pdf' | 'html' | 'txt';

export interface ReferatFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

const CONTENT_TYPES: Record<ReferatFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html;charset=utf-8',
  txt: 'text/plain;charset=utf-8',
};

export const ONLY_WRITERS: ErrorCode = 'onlyWritersReferat';
export const ONLY_ORGANIZER_APPROVES: ErrorCode = 'onlyOrganizerApproves';
export const MEMBERS_ONLY: ErrorCode = 'membersOnly';
export const NOT_APPROVED: ErrorCode = 'referatNotApproved';

/** The referat model of what this person sees; the members' version only for those who may read closed items. */
export function referatOf(
  view: MeetingView,
  audience: Audience,
  locale: Locale = 'da',
  committee?: ReferatCommittee,
): Referat {
  if (audience === 'members' && !can(view.role, 'readClosedItems'))
    throw new Forbidden('Closed items are for participants only', { code: MEMBERS_ONLY });
  const decisions = Object.values(view.decisions).map((d) => d.value);
  // Every follow-up under its item, in every format (issue 24 §6).
  const followUps = view.followUps.map((f) => f.value);
  return buildReferat(
    view.meeting,
    view.items,
    decisions,
    view.absences,
    { audience, followUps },
    locale,
    committee,
  );
}

/** "Hent referat": Word, PDF or HTML, public or members' version. */
export async function exportReferat(
  renderer: DocumentRenderer,
  view: MeetingView,
  audience: Audience,
  format: ReferatFormat,
  locale: Locale = 'da',
  /** A committee meeting's protocol (attendance, inhabilitet, votes, tilførsler, signatures). */
  committee?: ReferatCommittee,
): Promise<ReferatFile> {
  if (!can(view.role, 'exportMinutes'))
    throw new Forbidden('Only the referent and the organizer export the referat', { code: ONLY_WRITERS });
  const r = referatOf(view, audience, locale, committee);
  const date = formatDate(view.meeting.start);
  const name = `Referat ${date}${audience === 'members' ? ' (med lukkede punkter)' : ''}.${format}`;
  const bytes =
    format === 'docx'
      ? await renderer.docx(r)
      : format === 'pdf'
        ? await renderer.pdf(r)
        : format === 'txt'
          ? new TextEncoder().encode(renderReferatText(r))
          : new TextEncoder().encode(renderer.htmlDocument(r));
  return { name, contentType: CONTENT_TYPES[format], bytes };
}

/** Approve or reopen: the organizer's Meetings row, then the permissions that follow from it. */
async function saveReferat(deps: AppDeps, view: MeetingView, next: ReferatRecord): Promise<MeetingView> {
  const stored = await deps.lists.saveMeeting({ ...view.meeting, referat: next }, view.meetingETag);
  const meeting = withProgress(
    { ...view.meeting, referat: stored.value.referat, permissionsHash: stored.value.permissionsHash },
    view.progress,
  );
  return syncMeetingPermissions(deps, {
    ...view,
    meeting,
    meetingETag: stored.eTag,
    rows: { ...view.rows, meetings: stored.id },
  });
}

/** The referent (or the organizer) sends the referat for approval: written on MeetingProgress. */
export async function sendReferatForApproval(deps: AppDeps, view: MeetingView): Promise<MeetingView> {
  if (!can(view.role, 'exportMinutes'))
    throw new Forbidden('Only the referent and the organizer export the referat', { code: ONLY_WRITERS });
  const record = view.meeting.referat ?? newReferat();
  const at = deps.clock.now();
  const sent = sendForApproval(record, deps.me.upn, at);
  const progress: MeetingProgress = {
    ...(view.progress ?? {}),
    referatSubmitted: { version: record.version, by: deps.me.upn, at },
  };
  const stored = await deps.lists.saveProgress(view.key, progress, view.progressETag);
  const next: MeetingView = {
    ...view,
    meeting: { ...view.meeting, referat: sent },
    progress: stored.value,
    progressETag: stored.eTag,
    rows: { ...view.rows, progress: stored.id },
  };
  // The organizer sending it herself freezes the record at once (a committee's `signing` phase); the
  // referent's send is frozen by her page's next open.
  return view.role === 'organizer' ? syncMeetingPermissions(deps, next) : next;
}

/**
 * The organizer approves: the record freezes in SharePoint (every folder and row scope of the meeting is
 * read-only for everyone but her: meetingScopes), and the afbud reasons of the meeting are deleted (health
 * data that the referat does not hold). Reopening gives back exactly what approval took.
 */
export async function approveReferat(deps: AppDeps, view: MeetingView): Promise<MeetingView> {
  if (!can(view.role, 'approveMinutes'))
    throw new Forbidden('Only the organizer approves the referat', { code: ONLY_ORGANIZER_APPROVES });
  const approved = await saveReferat(
    deps,
    view,
    approve(view.meeting.referat ?? newReferat(), deps.me.upn, deps.clock.now()),
  );
  await deps.permissions.removeFolder(
    planFor(approved.meeting, approved.items, isArchive(approved)),
    'AbsenceReasons',
    { ...approved.rows, folders: approved.meeting.folderIds },
  );
  return approved;
}

export async function reopenReferat(deps: AppDeps, view: MeetingView): Promise<MeetingView> {
  if (!can(view.role, 'approveMinutes'))
    throw new Forbidden('Only the organizer approves the referat', { code: ONLY_ORGANIZER_APPROVES });
  return saveReferat(deps, view, reopen(view.meeting.referat ?? newReferat(), deps.me.upn, deps.clock.now()));
}

/**
 * "Send referat": mail it to the attendees (public version in the body, Word file attached; the members'
 * version attached when there are closed items) and attach the Word file to the calendar event. Only an
 * approved referat is sent (refused here, not only by the disabled button); the step "Sendt" is then
 * written on the Meetings row.
 */
export async function sendReferat(
  deps: AppDeps & { mailer: Mailer; renderer: DocumentRenderer },
  view: MeetingView,
  locale: Locale = 'da',
  committee?: ReferatCommittee,
): Promise<MeetingView> {
  if (!can(view.role, 'approveMinutes') || !view.event?.isOrganizer)
    throw new Forbidden('Only the organizer approves the referat', { code: ONLY_ORGANIZER_APPROVES });
  const record = view.meeting.referat ?? newReferat();
  if (record.state !== 'Godkendt')
    throw new Forbidden('The referat is sent only after approval', { code: NOT_APPROVED });
  const publicVersion = await exportReferat(deps.renderer, view, 'public', 'docx', locale, committee);
  const files = [publicVersion];
  if (view.items.some((i) => i.closed))
    files.push(await exportReferat(deps.renderer, view, 'members', 'docx', locale, committee));
  const r = referatOf(view, 'public', locale, committee);
  const to = view.meeting.attendees.filter((a) => a.upn && a.upn.toLowerCase() !== deps.me.upn.toLowerCase());
  await deps.mailer.send({
    subject: `Referat: ${view.meeting.title} ${formatDate(view.meeting.start)}`,
    html: deps.renderer.html(r),
    to,
    attachments: files,
  });
  await deps.calendar.attachFile(view.event.id, publicVersion);
  return saveReferat(deps, view, markSent(record, deps.me.upn, deps.clock.now()));
}

/**
 * The meeting of the same series and organizer just before this one (whose referat "Punkt 2: Referat"
 * approves). Read without events, so a meeting is its place: one another secretary made under the same
 * series name (or of this series' keys) is hers, not this organizer's.
 */
export async function previousMeeting(
  deps: AppDeps,
  view: MeetingView,
): Promise<MeetingView['meeting'] | null> {
  const { meetings } = await deps.lists.readArchive();
  const earlier = meetings
    .filter(
      (m) =>
        m.series === view.meeting.series &&
        sameUpn(m.organizer.upn, view.meeting.organizer.upn) &&
        m.key !== view.key &&
        m.start &&
        m.start < view.meeting.start,
    )
    .sort((a, b) => b.start.localeCompare(a.start));
  const found = earlier[0];
  if (!found) return null;
  const { place: _place, ...meeting } = found;
  return meeting;
}

/**
 * "Punkt 2: Referat" of the next meeting: the organizer approves the previous meeting's referat from
 * here. Returns the previous meeting as stored after approval.
 */
export async function approvePreviousReferat(
  deps: AppDeps,
  view: MeetingView,
): Promise<MeetingView['meeting']> {
  if (!can(view.role, 'approveMinutes'))
    throw new Forbidden('Only the organizer approves the referat', { code: ONLY_ORGANIZER_APPROVES });
  const previous = await previousMeeting(deps, view);
  if (!previous) throw new Forbidden('No previous meeting in the series', { code: 'noPreviousMeeting' });
  const approved = await approveReferat(deps, await openMeeting(deps, previous.key));
  return approved.meeting;
}
