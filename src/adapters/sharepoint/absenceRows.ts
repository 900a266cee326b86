import type { Absence } from '../../domain/absence';
import type { MeetingKey } from '../../domain/meeting';
import { personFolderName } from '../../domain/meetingScopes';
import { inSharePointOrder, newestRow } from '../../domain/trust/order';
import { inOwnFolder } from '../../domain/trust/place';
import { reasonKey } from '../../domain/trust/writers';
import type { Stored } from '../../ports/ListStore';
import { authorOf, placeOf, type GraphItem } from './graphRows';
import type { ListClient } from './listClient';
import { absenceFromFields, absenceToFields, reasonToFields } from './rows';

/**
 * Afbud rows (Absences) and their reasons (AbsenceReasons), of one meeting's folder. An afbud row counts
 * only in the folder of the person it names (only they and the organizer write there; ADR 004), whatever
 * its Author says; each takes the reason its author wrote for that person. The rows come in SharePoint's
 * order, each with `order` (its item id): the later registration of a person wins, whatever RegisteredAt
 * its writer typed.
 */
export function joinAbsences(
  c: ListClient,
  key: MeetingKey,
  absences: GraphItem[],
  reasons: GraphItem[],
): Stored<Absence>[] {
  const place = c.places.location(key)?.place;
  const reasonOf = new Map<string, string>();
  for (const r of reasons)
    reasonOf.set(reasonKey(authorOf(r), String(r.fields?.PersonUpn ?? '')), String(r.fields?.Reason ?? ''));
  return inSharePointOrder(absences)
    .filter((r) => {
      const placed = placeOf('Absences')(r);
      return place !== undefined && inOwnFolder(placed.dir, place, placed.person!.upn);
    })
    .map((r) => {
      const s = c.stored(r, absenceFromFields);
      const reason = reasonOf.get(reasonKey(authorOf(r), s.value.person.upn));
      return { ...s, value: { ...s.value, order: Number(r.id), ...(reason ? { reason } : {}) } };
    });
}

/**
 * The caller's registration for `absence.person`: their own row is updated while it is the person's
 * latest; after a newer row by someone else (the organizer's, say) it is a new row, so SharePoint's order
 * makes it the latest. The reason goes to the caller's own AbsenceReasons row; a withdrawal empties it.
 */
export async function saveAbsenceRow(
  c: ListClient,
  key: MeetingKey,
  absence: Absence,
): Promise<Stored<Absence>> {
  const me = await c.whoAmI();
  const person = absence.person.upn.toLowerCase();
  const forPerson = (r: GraphItem) => String(r.fields?.PersonUpn ?? '').toLowerCase() === person;
  const mine = (r: GraphItem) => me.includes(authorOf(r)) && forPerson(r);
  const [rows, reasons] = await Promise.all([c.query('Absences', key), c.query('AbsenceReasons', key)]);
  const latest = newestRow(rows.filter(forPerson));
  const own = latest && mine(latest) ? latest : undefined;
  const fields = absenceToFields(key, absence);
  // In the person's own folder, whoever writes it (the organizer for someone, say): the folder says whose
  // afbud it is.
  const folder = personFolderName(person);
  const id =
    own?.id ??
    String(
      await c.addRowInFolder('Absences', folder, key, {
        Title: absence.person.name.slice(0, 255),
        MeetingKey: key,
        PersonUpn: person,
      }),
    );
  const saved = own ? await c.patch('Absences', id, fields) : await c.completeRow('Absences', id, fields);
  const reason = absence.kind === 'Trukket tilbage' ? '' : (absence.reason ?? '').trim();
  const ownReason = reasons.find(mine);
  if (ownReason) {
    if (String(ownReason.fields?.Reason ?? '') !== reason)
      await c.patch('AbsenceReasons', ownReason.id, reasonToFields(key, person, reason));
  } else if (reason) {
    // In the person's own folder (ADR 004): only they and the organizer can see into it.
    const reasonId = await c.addRowInFolder('AbsenceReasons', personFolderName(person), key, {
      Title: person,
      MeetingKey: key,
      PersonUpn: person,
    });
    await c.completeRow('AbsenceReasons', String(reasonId), reasonToFields(key, person, reason));
  }
  const stored = c.stored(saved, absenceFromFields);
  return { ...stored, value: { ...stored.value, order: Number(id), ...(reason ? { reason } : {}) } };
}
