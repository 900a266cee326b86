import type { Person } from '../domain/person';
import type { CalendarGateway } from '../ports/CalendarGateway';
import type { Clock } from '../ports/Clock';
import type { ListStore } from '../ports/ListStore';
import type { Outbox } from '../ports/Outbox';

/** What every use case is given by the composition root of a page (or a test). */
export interface AppDeps {
  me: Person;
  calendar: CalendarGateway;
  lists: ListStore;
  outbox: Outbox;
  clock: Clock;
}
