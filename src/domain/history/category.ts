import type { Category } from '../agendaItem';
import { categoryOf, DASH } from './ocrText';

const CATEGORY = new RegExp(`^Kategori\\s*(?:${DASH}|:)\\s*(.+)$`, 'i');

/** "Kategori - Til godkendelse" (any dash, or a colon) → the category; null for any other line. */
export function categoryLine(line: string): Category | null {
  const m = CATEGORY.exec(line);
  return m ? categoryOf(m[1]) : null;
}

export const isCategoryLine = (line: string) => CATEGORY.test(line);
