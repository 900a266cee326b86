import { categoryLine, isCategoryLine } from './category';
import type { ImportedItem } from './importedMeeting';
import { isNoise } from './ocrText';

/**
 * The text of a decision, under "Beslutning for Punkt N" or under an item heading inside a Referat:
 * kept as written (paragraphs, OCR damage), without page furniture; a "Kategori - …" line among it is
 * the item's category, not part of the decision.
 */
export function setDecision(item: ImportedItem, lines: string[]): void {
  const categoryAt = lines.findIndex(isCategoryLine);
  if (categoryAt >= 0) {
    item.category = categoryLine(lines[categoryAt]) ?? item.category;
    lines = lines.filter((_l, i) => i !== categoryAt);
  }
  const text = paragraphs(lines);
  if (!text) return;
  item.decision = item.decision ? `${item.decision}\n\n${text}` : text;
}

function paragraphs(lines: string[]): string | null {
  const text = lines
    .filter((l) => !isNoise(l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text || null;
}
