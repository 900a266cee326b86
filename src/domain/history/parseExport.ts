import { assembleMeetings } from './assembleMeetings';
import { findBlocks } from './blocks';
import type { ImportResult } from './importedMeeting';
import type { ImportWarning, NotAnExportReason } from './importWarning';
import { isLetterheadLine } from './letterhead';
import { isNoise } from './ocrText';
import { dropPageHeaders } from './pageHeaders';
import { preview, sourceLines } from './sourceLines';

/**
 * Reads a meeting export (FirstAgenda text, or the text of a Word document) into meetings, in three
 * steps: the lines (page headers dropped), the blocks the recognisers find in them (blocks.ts), and
 * the meetings those blocks make (assembleMeetings.ts). Nothing is dropped silently: what is not
 * understood goes to `warnings`.
 */

/** The file is no meeting export; `reason` says why (worded by src/i18n/importWords.ts). */
export class NotAMeetingExport extends Error {
  constructor(
    readonly source: string,
    readonly reason: NotAnExportReason,
  ) {
    super(`not a meeting export (${reason}): ${source}`);
    this.name = 'NotAMeetingExport';
  }
}

export function parseExport(text: string, source = ''): ImportResult {
  const lines = dropPageHeaders(sourceLines(text));
  const warnings: ImportWarning[] = [];
  const blocks = findBlocks(lines);
  const isExport = blocks.some(
    (b) => (b.kind !== 'indstilling' && b.kind !== 'toc') || (b.kind === 'toc' && b.entries.length),
  );
  if (!isExport) {
    throw new NotAMeetingExport(source, 'noMeeting');
  }
  const preamble = lines
    .slice(0, blocks[0]?.at ?? lines.length)
    .filter((l) => l && !isNoise(l) && !isLetterheadLine(l));
  if (preamble.length) warnings.push({ kind: 'preamble', source, text: preview(preamble) });
  const meetings = assembleMeetings(blocks, lines, warnings, source);
  return { meetings, warnings };
}
