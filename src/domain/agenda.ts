import type { AgendaItem } from './agendaItem';

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
