/**
 * Which of two writes came later is what SharePoint assigns — the item id (and with it `Created`), which no
 * client can choose — never a time a client wrote into a column.
 */
export interface Ordered {
  /** The list item id. */
  id: string;
}

/** SharePoint's order: the row with the lower item id was created first. */
export const sharePointOrder = (a: Ordered, b: Ordered): number => Number(a.id) - Number(b.id);

/** The rows oldest first, as SharePoint created them. */
export const inSharePointOrder = <R extends Ordered>(rows: R[]): R[] => [...rows].sort(sharePointOrder);

/** Of rows that claim one identity, the one SharePoint created first (the first write wins a race). */
export const oldestRow = <R extends Ordered>(rows: R[]): R | undefined => inSharePointOrder(rows)[0];

/** Of rows that claim one identity, the one SharePoint created last (the latest registration). */
export const newestRow = <R extends Ordered>(rows: R[]): R | undefined => inSharePointOrder(rows).at(-1);

/**
 * The one registration that counts of a person's rows (afbud rows of one person, as stores read them): the
 * one SharePoint created last, as a plain value (none when there are no rows).
 */
export function latestRegistration<T extends { order?: number }>(rows: Array<Ordered & { value: T }>): T[] {
  const latest = newestRow(rows);
  if (!latest) return [];
  const { order: _order, ...value } = latest.value;
  return [value as T];
}
