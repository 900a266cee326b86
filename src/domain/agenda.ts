import type { AgendaItem, Category } from './agendaItem';

/** Numbers follow the order: 1..n. */
export function renumber(items: AgendaItem[]): AgendaItem[] {
  return items.map((item, i) => (item.number === i + 1 ? item : { ...item, number: i + 1 }));
}

/** Move an item (by position) and renumber. */
export function reorder(items: AgendaItem[], fromIndex: number, toIndex: number): AgendaItem[] {
  const sorted = [...items].sort((a, b) => a.number - b.number);
  if (fromIndex < 0 || fromIndex >= sorted.length || toIndex < 0 || toIndex >= sorted.length)
    return renumber(sorted);
  const [moved] = sorted.splice(fromIndex, 1);
  sorted.splice(toIndex, 0, moved);
  return renumber(sorted);
}

export function addItem(
  items: AgendaItem[],
  item: Omit<AgendaItem, 'number'>,
  atIndex?: number,
): AgendaItem[] {
  const sorted = [...items].sort((a, b) => a.number - b.number);
  const at = atIndex === undefined ? sorted.length : Math.max(0, Math.min(atIndex, sorted.length));
  sorted.splice(at, 0, { ...item, number: 0 });
  return renumber(sorted);
}

export function removeItem(items: AgendaItem[], itemId: string): AgendaItem[] {
  return renumber([...items].sort((a, b) => a.number - b.number).filter((i) => i.id !== itemId));
}

export interface StandingItem {
  title: string;
  category: Category;
  durationMinutes: number;
  position: 'first' | 'last';
}

export interface SeriesTemplate {
  series: string;
  standing: StandingItem[];
}

/** The rådmandsmøde as the seeds show it: Dagsorden and Referat first; the three orientations and Bordrunde last. */
export const RAADMANDSMOEDE: SeriesTemplate = {
  series: 'Rådmandsmøder 2022-2025 (Rådmandsmøde)',
  standing: [
    { title: 'Dagsorden', category: 'Til godkendelse', durationMinutes: 0, position: 'first' },
    { title: 'Referat', category: 'Til godkendelse', durationMinutes: 0, position: 'first' },
    {
      title: 'Orientering fra Magistraten',
      category: 'Til orientering',
      durationMinutes: 5,
      position: 'last',
    },
    { title: 'Orientering om udvalget', category: 'Til orientering', durationMinutes: 5, position: 'last' },
    { title: 'Bordrunde', category: 'Til orientering', durationMinutes: 5, position: 'last' },
  ],
};

/** A new agenda from the series template, with the content items (if any) between the standing ones. */
export function standingItems(
  template: SeriesTemplate,
  newId: () => string,
  contentItems: Omit<AgendaItem, 'number'>[] = [],
): AgendaItem[] {
  const make = (s: StandingItem): Omit<AgendaItem, 'number'> => ({
    id: newId(),
    title: s.title,
    category: s.category,
    durationMinutes: s.durationMinutes,
    guests: [],
    closed: false,
    attachments: [],
  });
  const first = template.standing.filter((s) => s.position === 'first').map(make);
  const last = template.standing.filter((s) => s.position === 'last').map(make);
  return renumber([...first, ...contentItems, ...last].map((i) => ({ ...i, number: 0 })));
}
