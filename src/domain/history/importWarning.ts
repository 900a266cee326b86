/**
 * What the importer could not place, as data: the words a person reads are src/i18n/importWords.ts's.
 * Nothing is dropped silently (parseExport), so every kind names where the text was.
 */
export type ImportWarning =
  /** Text before the first meeting's head. */
  | { kind: 'preamble'; source: string; text: string }
  /** Lines of a meeting head between the date and the Information line that were not understood. */
  | { kind: 'headerLinesUnread'; date: string; text: string }
  /** A committee agenda's item anchor with no title above it (1-based line). */
  | { kind: 'committeeItemUntitled'; series: string | null; line: number }
  | { kind: 'committeeNoItems'; series: string | null }
  /** "Beslutning for Punkt N" with no item N before it: the item is made from the decision. */
  | { kind: 'decisionWithoutItem'; source: string; number: number }
  | { kind: 'itemUntitled'; source: string; number: number }
  /** An item only the table of contents names. */
  | { kind: 'onlyInContents'; source: string; number: number; title: string }
  | { kind: 'indstillingUnlinked'; source: string; title: string };

/** Why a file is not a meeting export at all. */
export type NotAnExportReason = 'noMeeting' | 'binary';
