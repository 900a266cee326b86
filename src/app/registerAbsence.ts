import { currentAbsences, type Absence, type AbsenceKind } from '../domain/absence';
import type { Person } from '../domain/person';
import { sameUpn } from '../domain/person';
import { can } from '../domain/permissions';
import { validateAbsence } from '../domain/validation';
import { Forbidden } from '../ports/errors';
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

/** "Meld afbud": afbud, virtual or partial attendance. The latest registration of a person wins. */
export async function registerAbsence(
  deps: AppDeps,
  view: MeetingView,
  input: AbsenceInput,
): Promise<MeetingView> {
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
  const row = await deps.lists.saveAbsence(view.key, absence);
  if (input.declineInCalendar && input.kind === 'Afbud' && view.event && sameUpn(person.upn, deps.me.upn)) {
    await deps.calendar.decline(view.event.id, absence.reason ?? 'Afbud');
  }
  return withAbsenceRow(view, row);
}

/** "Fortryd afbud": the registration is kept as 'Trukket tilbage', so the history shows it. */
export async function withdrawAbsence(
  deps: AppDeps,
  view: MeetingView,
  person: Person = deps.me,
): Promise<MeetingView> {
  assertMayRegister(deps, view, person);
  const row = await deps.lists.saveAbsence(view.key, {
    person,
    kind: 'Trukket tilbage',
    items: [],
    registeredAt: deps.clock.now(),
  });
  return withAbsenceRow(view, row);
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

function withAbsenceRow(view: MeetingView, row: { id: string; eTag: string; value: Absence }): MeetingView {
  const absenceRows = [
    ...view.absenceRows.filter((r) => !sameUpn(r.value.person.upn, row.value.person.upn)),
    row,
  ];
  return { ...view, absenceRows, absences: currentAbsences(absenceRows.map((r) => r.value)) };
}
