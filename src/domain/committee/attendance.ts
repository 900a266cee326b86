/*
 * For COMMITTEE-EDGE — exports: Participant, meetingAttendance, presentDuringItem, itemParticipants,
 * absentDuringItem, isInhabil. All pure; pass the meeting's raw absences (currentAbsences is applied here).
 */
import { currentAbsences, type Absence } from '../absence';
import { sameUpn, type Person } from '../person';
import type { CommitteeRecord, CommitteeSettings } from './types';

/** Someone who sits on the committee at this meeting: a member, or the substitute called in for one. */
export interface Participant {
  upn: string;
  name: string;
  party: string;
  /** Set when this is the standing substitute sitting in the place of a member who sent afbud. */
  asSubstituteFor?: Person;
}

const absenceOf = (absences: Absence[], upn: string) =>
  currentAbsences(absences).find((a) => sameUpn(a.person.upn, upn));

/**
 * Who is present at the meeting, in the order of the member list: every member without afbud, and for a
 * member with afbud the standing substitute (if the member has one and the substitute has not sent afbud
 * too), who counts as present in the member's place. A member attending only some items ('Deltager delvist') is present at the meeting.
 */
export function meetingAttendance(settings: CommitteeSettings, absences: Absence[]): Participant[] {
  const out: Participant[] = [];
  for (const m of settings.members) {
    const absence = absenceOf(absences, m.person.upn);
    if (absence?.kind !== 'Afbud') {
      out.push({ upn: m.person.upn, name: m.person.name, party: m.party });
    } else if (m.substitute && absenceOf(absences, m.substitute.upn)?.kind !== 'Afbud') {
      out.push({ upn: m.substitute.upn, name: m.substitute.name, party: m.party, asSubstituteFor: m.person });
    }
  }
  return out;
}

/**
 * Who is in the room during item N: the meeting's attendance, less a 'Deltager delvist' member whose items
 * do not include N, less those recorded absent during the item (late arrival, leaving early). Inhabil
 * members are still in this list (they are present but take no part); see itemParticipants.
 */
export function presentDuringItem(
  settings: CommitteeSettings,
  record: Pick<CommitteeRecord, 'attendance'>,
  absences: Absence[],
  itemNumber: number,
): Participant[] {
  const away = record.attendance.filter((a) => a.itemNumber === itemNumber).flatMap((a) => a.absent);
  return meetingAttendance(settings, absences).filter((p) => {
    const own = absenceOf(absences, p.upn);
    if (own?.kind === 'Deltager delvist' && !own.items.includes(itemNumber)) return false;
    return !away.some((upn) => sameUpn(upn, p.upn));
  });
}

/** True when the committee decided that the member is inhabil on item N (a pending declaration is not). */
export function isInhabil(
  record: Pick<CommitteeRecord, 'inhabilitet'>,
  upn: string,
  itemNumber: number,
): boolean {
  const latest = record.inhabilitet
    .filter((i) => i.itemNumber === itemNumber && sameUpn(i.member, upn))
    .sort((a, b) => a.declaredAt.localeCompare(b.declaredAt))
    .pop();
  return latest?.decision === 'Inhabil';
}

/** Who takes part in item N (may vote, may sign for it): present during the item and not inhabil. */
export function itemParticipants(
  settings: CommitteeSettings,
  record: Pick<CommitteeRecord, 'attendance' | 'inhabilitet'>,
  absences: Absence[],
  itemNumber: number,
): Participant[] {
  return presentDuringItem(settings, record, absences, itemNumber).filter(
    (p) => !isInhabil(record, p.upn, itemNumber),
  );
}

/**
 * The names of those at the meeting who were not in the room during item N, in member-list order; empty
 * when the item's attendance is the meeting's. Inhabil members are not named here (they have their own line).
 */
export function absentDuringItem(
  settings: CommitteeSettings,
  record: Pick<CommitteeRecord, 'attendance'>,
  absences: Absence[],
  itemNumber: number,
): string[] {
  const present = presentDuringItem(settings, record, absences, itemNumber);
  return meetingAttendance(settings, absences)
    .filter((p) => !present.some((q) => sameUpn(q.upn, p.upn)))
    .map((p) => p.name);
}
