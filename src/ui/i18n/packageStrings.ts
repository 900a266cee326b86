import { useLocale } from './LocaleContext';
import type { UiLocale } from './strings';

/**
 * The words of "Hent mødemappe" (issue 25 point 3), Danish first; the stable names are the Danish ones.
 * Their own module: only the package's lazily loaded buttons use them, so the pages' first scripts carry none.
 */
const da = {
  region: 'Mødemappe',
  download: 'Hent mødemappe',
  downloadPublic: 'Hent offentlig mødemappe',
  making: 'Laver mødemappen …',
  done: (file: string) => `${file} er hentet.`,
  leftOutItem: (name: string, n: number) => `${name} (punkt ${n})`,
  leftOut: (names: string[]) => `Ikke med i mødemappen: ${names.join(', ')}. Hent dem fra punkterne.`,
  failed: 'Mødemappen kunne ikke laves.',
};

const en: typeof da = {
  region: 'Meeting pack',
  download: 'Download meeting pack',
  downloadPublic: 'Download public meeting pack',
  making: 'Making the meeting pack …',
  done: (file) => `${file} is downloaded.`,
  leftOutItem: (name, n) => `${name} (item ${n})`,
  leftOut: (names) => `Not in the meeting pack: ${names.join(', ')}. Download them from the items.`,
  failed: 'The meeting pack could not be made.',
};

export const PACKAGE_STRINGS: Record<UiLocale, typeof da> = { da, en };
export const usePackageStrings = () => PACKAGE_STRINGS[useLocale()];
