import { currentAbsences } from '../domain/absence';
import type { Locale } from '../domain/format';
import type { InformationInput } from '../domain/information';
import type { Person } from '../domain/person';
import { joinList } from './joinList';

const firstName = (p: Person) => p.name.trim().split(/\s+/)[0] || p.upn;

/**
 * The Information line at the top of agenda and referat, in the seeds' words:
 * "Afbud fra Kristian Dalsgaard og Louise Rohde. Mads er referent. Kamilla Uhd Hansen deltager under
 * punktet "Opfølgning på investeringsmodeller for 2023"." Nothing is said about absences when there are none.
 * Guests on closed items are not named (the line is shown to everyone).
 */
export function composeInformationLine(input: InformationInput, locale: Locale = 'da'): string {
  const en = locale === 'en';
  const current = currentAbsences(input.absences);
  const sentences: string[] = [];

  const absent = current.filter((a) => a.kind === 'Afbud');
  if (absent.length) {
    const names = absent.map((a) =>
      a.substitute
        ? `${a.person.name} (${en ? 'substitute' : 'stedfortræder'}: ${a.substitute})`
        : a.person.name,
    );
    sentences.push(`${en ? 'Apologies from' : 'Afbud fra'} ${joinList(names, locale)}.`);
  }
  const virtual = current.filter((a) => a.kind === 'Deltager virtuelt').map((a) => a.person.name);
  if (virtual.length)
    sentences.push(
      `${joinList(virtual, locale)} ${en ? 'attend' + (virtual.length === 1 ? 's' : '') + ' online' : 'deltager virtuelt'}.`,
    );
  for (const partial of current.filter((a) => a.kind === 'Deltager delvist')) {
    const items = joinList(partial.items.map(String), locale);
    sentences.push(
      en
        ? `${partial.person.name} attends item${partial.items.length === 1 ? '' : 's'} ${items} only.`
        : `${partial.person.name} deltager under punkt ${items}.`,
    );
  }
  if (input.referent)
    sentences.push(
      en ? `${firstName(input.referent)} takes the minutes.` : `${firstName(input.referent)} er referent.`,
    );
  for (const item of [...input.items].sort((a, b) => a.number - b.number)) {
    if (item.closed || item.guests.length === 0) continue;
    const names = joinList(
      item.guests.map((g) => g.name),
      locale,
    );
    sentences.push(
      en
        ? `${names} attend${item.guests.length === 1 ? 's' : ''} for the item "${item.title}".`
        : `${names} deltager under punktet "${item.title}".`,
    );
  }
  if (input.note?.trim()) sentences.push(input.note.trim());
  return sentences.join(' ');
}
