import type { AgendaItem } from '../domain/agendaItem';
import { DOCX_TYPE, WORD_ORIGINAL_NAME } from '../domain/bilag/wordOriginal';
import type { Indstilling } from '../domain/indstilling/indstilling';
import type { MeetingKey } from '../domain/meeting';
import type { Bilag, BilagStore } from '../ports/BilagStore';

/** Reads a Word document (.docx) into an indstilling (the Word adapter, given by the page). */
export type ReadWordIndstilling = (document: Uint8Array) => Promise<Indstilling>;

export type OriginalKept = { kept: true; bilag: Bilag } | { kept: false; error: unknown };

/**
 * Imports an item's indstilling from the case worker's Word document: the read indstilling is handed to
 * `keep` (the agenda draft) first, then the document itself is stored as the item's first bilag
 * (`keepWordOriginal`). A document that cannot be read throws and changes nothing; an original that
 * cannot be stored (before "Send dagsorden" the item has no folder) leaves the indstilling kept and says
 * why, so the caller can offer to try again.
 */
export async function importWordIndstilling(
  read: ReadWordIndstilling,
  bilag: { store: BilagStore; meeting: MeetingKey } | null,
  item: Pick<AgendaItem, 'id' | 'title' | 'closed'>,
  document: Uint8Array,
  keep: (indstilling: Indstilling) => void,
): Promise<{ indstilling: Indstilling; original: OriginalKept | null }> {
  const parsed = await read(document);
  // The item's title fills a paper without one; ÅBENT/LUKKET is the item's, not the paper's.
  const indstilling = { ...parsed, title: parsed.title || item.title, closed: item.closed };
  keep(indstilling);
  if (!bilag) return { indstilling, original: null };
  try {
    return {
      indstilling,
      original: { kept: true, bilag: await keepWordOriginal(bilag.store, bilag.meeting, item.id, document) },
    };
  } catch (error) {
    return { indstilling, original: { kept: false, error } };
  }
}

/** Stores the Word original as the item's bilag `Indstilling.docx`: again, it is a new version of that file. */
export function keepWordOriginal(
  store: BilagStore,
  meeting: MeetingKey,
  itemId: string,
  document: Uint8Array,
): Promise<Bilag> {
  return store.upload(meeting, itemId, { name: WORD_ORIGINAL_NAME, bytes: document, type: DOCX_TYPE });
}
