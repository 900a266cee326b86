import { PortError } from '../../../ports/errors';
import { messageOf } from '../../errors';
import { COMMITTEE_STRINGS } from '../../i18n/committeeStrings';
import type { UiLocale } from '../../i18n/strings';

/** A committee refusal in words by its code; anything else as every other failure (src/ui/errors.ts). */
export function committeeMessageOf(e: unknown, locale: UiLocale): string {
  const words = COMMITTEE_STRINGS[locale].errors as Record<string, string>;
  if (e instanceof PortError && e.details.code && words[e.details.code]) return words[e.details.code];
  return messageOf(e, locale);
}
