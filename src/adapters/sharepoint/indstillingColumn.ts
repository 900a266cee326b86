import type { AgendaItem } from '../../domain/agendaItem';
import { normalIndstilling, readStoredIndstilling } from '../../domain/indstilling/storedIndstilling';

/**
 * The AgendaItems row's `Indstilling` column (JSON). Written only when the item says what it is (an item
 * that never read one, or whose stored one was unreadable, leaves the column as it is: SharePoint keeps
 * what was there and its history); null clears it.
 */
export function indstillingToFields(i: AgendaItem): { Indstilling?: string } {
  if (i.indstilling === undefined) return {};
  if (i.indstilling === null) return { Indstilling: '' };
  return { Indstilling: JSON.stringify(normalIndstilling(i.indstilling).indstilling) };
}

export function indstillingFromFields(
  f: Record<string, unknown>,
): Pick<AgendaItem, 'indstilling' | 'indstillingUnreadable'> {
  const read = readStoredIndstilling(f.Indstilling);
  if (!read) return { indstilling: null };
  return 'unreadable' in read ? { indstillingUnreadable: true } : { indstilling: read.indstilling };
}
