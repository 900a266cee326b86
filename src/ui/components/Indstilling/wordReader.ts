import { createContext } from 'react';
import type { ReadWordIndstilling } from '../../../app/wordIndstilling';

export type { ReadWordIndstilling };

/**
 * Reads the case worker's Word document (.docx) into an indstilling. The page's entry provides it (the
 * Word adapter, loaded as its own chunk when first used: mammoth is large); without it the task pane
 * offers no Word import.
 */
export const WordReaderContext = createContext<ReadWordIndstilling | null>(null);

/** A chosen file's bytes (FileReader where the browser's File has no arrayBuffer()). */
export function bytesOf(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}
