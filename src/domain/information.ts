import type { Absence } from './absence';
import type { AgendaItem } from './agendaItem';
import type { Person } from './person';

/**
 * What the Information line at the top of agenda and referat says: who sent afbud (with substitutes), who
 * attends online or for some items, the referent, and the guests of open items. src/i18n/information.ts
 * words it.
 */
export interface InformationInput {
  absences: Absence[];
  referent?: Person;
  items: Pick<AgendaItem, 'number' | 'title' | 'closed' | 'guests'>[];
  /** The organizer's own addition, printed last. */
  note?: string;
}
