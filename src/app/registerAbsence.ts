import { currentAbsences, type Absence, type AbsenceKind } from '../domain/absence';
import type { Person } from '../domain/person';
import { sameUpn } from '../domain/person';
import { can } from '../domain/permissions';
import { validateAbsence } from '../domain/validation';
import { Forbidden } from '../ports/errors';
import type { MeetingKey } from '../domain/meeting';
import type { Stored } from '../ports/ListStore';
import type { AppDeps } from './deps';
import type { MeetingView } from './openMeeting';

export interface AbsenceInput {
  /** Whose afbud; defaults to the signed-in person. Only the organizer may register for others. */
  person?: Person;
  kind: Exclude<AbsenceKind, 'Trukket tilbage'>;
  reason?: string;
  substitute?: string;
  items?: number[];
  /** Also decline the event in Outlook, with the reason as comment (own afbud only). */
  declineInCalendar?: boolean;
}

/** What an afbud writes, planned (checked and validated) before it is kept in the outbox. */
export interface AbsenceWrite {
  absence: Absence;
  /** The person's own calendar event to decline, with the reason as comment. */
  declineEventId?: string;
}

/** "Meld afbud": check who may and validate, without writing. */
export function planAbsence(deps: AppDeps, view: MeetingView, input: AbsenceInput): AbsenceWrite {
  const person = input.person ?? deps.me;
  assertMayRegister(deps, view, person);
  const absence = validateAbsence({
    person,
    kind: input.kind,
    items: input.kind === 'Deltager delvist' ? (input.items ?? []) : [],
    reason: input.reason,
    substitute: input.substitute,
    registeredAt: deps.clock.now(),
  });
  const decline =
    input.declineInCalendar && input.kind === 'Afbud' && view.event && sameUpn(person.upn, deps.me.upn);
  return decline ? { absence, declineEventId: view.event!.id } : { absence };
}

/** "Fortryd afbud": the registration is kept as 'Trukket tilbage', so the history shows it. */
export function planWithdrawal(deps: AppDeps, view: MeetingView, person: Person = deps.me): AbsenceWrite {
  assertMayRegister(deps, view, person);
  return { absence: { person, kind: 'Trukket tilbage', items: [], registeredAt: deps.clock.now() } };
}

/** Write a planned afbud: the row (the latest registration of a person wins), then the calendar answer. */
export async function landAbsence(
  deps: AppDeps,
  key: MeetingKey,
  write: AbsenceWrite,
): Promise<Stored<Absence>> {
  const row = await deps.lists.saveAbsence(key, write.absence);
  if (write.declineEventId)
    await deps.calendar.decline(write.declineEventId, write.absence.reason ?? 'Afbud');
  return row;
}

/** "Meld afbud": afbud, virtual or partial attendance. The latest registration of a person wins. */
export async function registerAbsence(
  deps: AppDeps,
  view: MeetingView,
  input: AbsenceInput,
): Promise<MeetingView> {
  return withAbsenceRow(view, await landAbsence(deps, view.key, planAbsence(deps, view, input)));
}

/** "Fortryd afbud" written at once. */
export async function withdrawAbsence(
  deps: AppDeps,
  view: MeetingView,
  person: Person = deps.me,
): Promise<MeetingView> {
  return withAbsenceRow(view, await landAbsence(deps, view.key, planWithdrawal(deps, view, person)));
}

function assertMayRegister(deps: AppDeps, view: MeetingView, person: Person): void {
  const own = sameUpn(person.upn, deps.me.upn);
  const allowed = own ? can(view.role, 'registerOwnAbsence') : can(view.role, 'registerAbsenceForOthers');
  if (!allowed) {
    throw new Forbidden(own ? 'Only the invited send afbud' : 'Only the organizer sends afbud for others', {
      code: own ? 'onlyInvitedAbsence' : 'onlyOrganizerAbsenceForOthers',
    });
  }
}

/** The view with a person's newest registration in place of the earlier one. */
export function withAbsenceRow(view: MeetingView, row: Stored<Absence>): MeetingView {
  const absenceRows = [
    ...view.absenceRows.filter((r) => !sameUpn(r.value.person.upn, row.value.person.upn)),
    row,
  ];
  return { ...view, absenceRows, absences: currentAbsences(absenceRows.map((r) => r.value)) };
}
