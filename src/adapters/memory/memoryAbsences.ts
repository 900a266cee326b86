import type { Absence } from '../../domain/absence';
import type { MeetingKey } from '../../domain/meeting';
import { sameUpn } from '../../domain/person';
import { inSharePointOrder, newestRow } from '../../domain/trust/order';
import { reasonKey } from '../../domain/trust/writers';
import { Forbidden } from '../../ports/errors';
import type { Stored } from '../../ports/ListStore';
import { lower, stored, type Tables } from './memoryTables';

/**
 * The afbud lists in memory as SharePoint holds them: each person's afbud in their own folder, which only
 * they and the organizer write (ADR 004); the reason in a row of its own (AbsenceReasons), which only its
 * author and the organizer read. `actor` is who acts (undefined: no identity, sees and may do everything).
 */
export function saveAbsence(
  tables: Tables,
  actor: string | undefined,
  key: MeetingKey,
  absence: Absence,
): Stored<Absence> {
  const person = lower(absence.person.upn);
  const author = actor ?? person;
  // Each person's afbud lives in their own folder, which only they and the organizer write (ADR 004).
  const organizer = [...tables.meetings.values()].find((r) => r.meetingKey === key)?.value.organizer.upn;
  if (actor && !sameUpn(actor, person) && !sameUpn(actor, organizer))
    throw new Forbidden(`${actor} may not write the afbud of ${person} in meeting ${key}`, {
      status: 403,
    });
  const forPerson = [...tables.absences.values()].filter(
    (r) => r.meetingKey === key && lower(r.value.person.upn) === person,
  );
  // The caller's own row is updated while it is the person's latest; after someone else's newer row
  // (the organizer's, say) a new registration is a new row, so SharePoint's order makes it the latest.
  const latest = newestRow(forPerson);
  const own = latest && latest.author === author ? latest : undefined;
  const { reason: _reason, order: _order, ...row } = absence;
  const saved = tables.write(actor, tables.absences, own, key, row as Absence, undefined, false, author);
  const reason = absence.kind === 'Trukket tilbage' ? '' : (absence.reason ?? '').trim();
  const ownReason = [...tables.reasons.values()].find(
    (r) => r.meetingKey === key && r.author === author && r.value.person === person,
  );
  if (ownReason || reason)
    tables.write(actor, tables.reasons, ownReason, key, { person, reason }, undefined, false, author);
  const out = stored(saved);
  return { ...out, value: { ...out.value, order: Number(saved.id), ...(reason ? { reason } : {}) } };
}

/**
 * Afbud rows whose author is the person or the organizer, each with the reason its author wrote; a
 * reason is visible to its author and the organizer only (AbsenceReasons' ReadSecurity 2).
 */
export function absencesOf(tables: Tables, actor: string | undefined, key: MeetingKey): Stored<Absence>[] {
  const organizer = [...tables.meetings.values()].find((r) => r.meetingKey === key)?.value.organizer.upn;
  const readsAll = !actor || sameUpn(actor, organizer);
  const reasons = new Map(
    [...tables.reasons.values()]
      .filter((r) => r.meetingKey === key && (readsAll || r.author === actor))
      .map((r) => [reasonKey(r.author, r.value.person), r.value.reason]),
  );
  return inSharePointOrder([...tables.absences.values()].filter((r) => r.meetingKey === key)).map((r) => {
    const s = stored(r);
    const reason = reasons.get(reasonKey(r.author, r.value.person.upn));
    return { ...s, value: { ...s.value, order: Number(r.id), ...(reason ? { reason } : {}) } };
  });
}
