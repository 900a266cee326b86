import type { Locale } from '../domain/format';

/** "A", "A og B", "A, B og C" (English: "A and B", "A, B and C"). */
export function joinList(parts: string[], locale: Locale = 'da'): string {
  const and = locale === 'en' ? 'and' : 'og';
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}
