import type { Absence, AbsenceKind } from '../../src/domain/absence';
import type { AgendaItem } from '../../src/domain/agendaItem';
import type { Person } from '../../src/domain/person';

export const person = (name: string): Person => ({
  name,
  upn: `${name.split(' ')[0].toLowerCase()}@kommune.example`,
});

export const absence = (
  name: string,
  kind: AbsenceKind,
  registeredAt: string,
  extra: Partial<Absence> = {},
): Absence => ({
  person: person(name),
  kind,
  items: [],
  registeredAt,
  ...extra,
});

export const item = (number: number, title: string, extra: Partial<AgendaItem> = {}): AgendaItem => ({
  id: `item-${number}`,
  number,
  title,
  category: null,
  durationMinutes: 10,
  guests: [],
  closed: false,
  attachments: [],
  ...extra,
});
