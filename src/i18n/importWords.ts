import type { ImportWarning, NotAnExportReason } from '../domain/history/importWarning';
import type { Locale } from '../domain/format';

/** The importer's findings in words, Danish and English (the CLI prints them; `--json` carries them). */
const WORDS: Record<
  Locale,
  { [K in ImportWarning['kind']]: (w: Extract<ImportWarning, { kind: K }>) => string }
> = {
  da: {
    preamble: (w) => `${w.source || 'filen'}: tekst før første møde er ikke læst: "${w.text}"`,
    headerLinesUnread: (w) => `Mødehovedet ${w.date}: ulæste linjer "${w.text}"`,
    committeeItemUntitled: (w) =>
      `Udvalgsdagsorden "${w.series ?? '?'}": et punkt uden titel (linje ${w.line}) er sprunget over.`,
    committeeNoItems: (w) => `Udvalgsdagsorden "${w.series ?? '?'}": ingen punkter fundet.`,
    decisionWithoutItem: (w) =>
      `${w.source || 'filen'}: "Beslutning for Punkt ${w.number}" uden et punkt ${w.number} foran; punktet er oprettet ud fra beslutningen.`,
    itemUntitled: (w) => `${w.source || 'filen'}: Punkt ${w.number} har ingen titel.`,
    onlyInContents: (w) =>
      `${w.source || 'filen'}: Punkt ${w.number} "${w.title}" står kun i indholdsfortegnelsen.`,
    indstillingUnlinked: (w) =>
      `${w.source || 'filen'}: indstillingen "${w.title}" kunne ikke knyttes til et punkt.`,
  },
  en: {
    preamble: (w) => `${w.source || 'the file'}: text before the first meeting was not read: "${w.text}"`,
    headerLinesUnread: (w) => `Meeting head ${w.date}: lines not read "${w.text}"`,
    committeeItemUntitled: (w) =>
      `Committee agenda "${w.series ?? '?'}": an item without a title (line ${w.line}) was skipped.`,
    committeeNoItems: (w) => `Committee agenda "${w.series ?? '?'}": no items found.`,
    decisionWithoutItem: (w) =>
      `${w.source || 'the file'}: "Beslutning for Punkt ${w.number}" without an item ${w.number} before it; the item was made from the decision.`,
    itemUntitled: (w) => `${w.source || 'the file'}: item ${w.number} has no title.`,
    onlyInContents: (w) =>
      `${w.source || 'the file'}: item ${w.number} "${w.title}" is only in the table of contents.`,
    indstillingUnlinked: (w) =>
      `${w.source || 'the file'}: the indstilling "${w.title}" could not be linked to an item.`,
  },
};

export function importWarningText(w: ImportWarning, locale: Locale = 'da'): string {
  const word = WORDS[locale][w.kind] as (x: ImportWarning) => string;
  return word(w);
}

const NOT_AN_EXPORT: Record<Locale, Record<NotAnExportReason, (source: string) => string>> = {
  da: {
    noMeeting: (s) =>
      `${s || 'filen'} ligner ikke en mødeeksport: der er hverken mødehoved, "Punkt N:", "Referat" eller udvalgsdagsorden.`,
    binary: (s) => `${s || 'filen'} er en binær fil, ikke en mødeeksport.`,
  },
  en: {
    noMeeting: (s) =>
      `${s || 'the file'} does not look like a meeting export: it has no meeting head, "Punkt N:", "Referat" or committee agenda.`,
    binary: (s) => `${s || 'the file'} is a binary file, not a meeting export.`,
  },
};

export function notAnExportText(source: string, reason: NotAnExportReason, locale: Locale = 'da'): string {
  return NOT_AN_EXPORT[locale][reason](source);
}
