import type { Referat } from '../domain/referat';

/**
 * Turns a referat into office documents (Word with `docx`, PDF with `pdf-lib` in production). The PDF is
 * tagged (structure tree, language, title), so the public protocol can be published as it is.
 */
export interface DocumentRenderer {
  docx(r: Referat): Promise<Uint8Array>;
  pdf(r: Referat): Promise<Uint8Array>;
}
