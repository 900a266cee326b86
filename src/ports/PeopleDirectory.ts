import type { Person } from '../domain/person';

/** The tenant's people, for picking a guest by name (the directory decides who exists). */
export interface PeopleDirectory {
  /** People whose name or address has a word starting with `text`, at most `limit` (a few: a menu). */
  searchPeople(text: string, limit?: number): Promise<Person[]>;
}
