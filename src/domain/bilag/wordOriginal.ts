/**
 * The case worker's Word document an indstilling was imported from, kept as the item's first bilag (issue 25
 * point 1). It has one name in every item's folder, whatever the file was called and whichever language the
 * page speaks, so a second import is a new version of the same file, never a second copy.
 */
export const WORD_ORIGINAL_NAME = 'Indstilling.docx';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const isOriginal = (name: string) => name.toLowerCase() === WORD_ORIGINAL_NAME.toLowerCase();

/** An item's bilag in the order a reader gets them: the Word original first, the rest as they were. */
export function wordOriginalFirst<T extends { name: string }>(files: readonly T[]): T[] {
  return [...files.filter((f) => isOriginal(f.name)), ...files.filter((f) => !isOriginal(f.name))];
}
