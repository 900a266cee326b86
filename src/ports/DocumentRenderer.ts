import type { Referat } from '../domain/referat';

/** Turns a referat into office documents (Word with `docx`, PDF with `pdf-lib` in production). */
export interface DocumentRenderer {
  docx(r: Referat): Promise<Uint8Array>;
  pdf(r: Referat): Promise<Uint8Array>;
}
