import type { Referat } from '../i18n/referat';

/**
 * Turns a referat into documents (Word with `docx`, PDF with `pdf-lib`, HTML in production). The PDF is
 * tagged (structure tree, language, title), so the public protocol can be published as it is.
 */
export interface DocumentRenderer {
  docx(r: Referat): Promise<Uint8Array>;
  pdf(r: Referat): Promise<Uint8Array>;
  /** Simple semantic HTML, for the body of the mail that sends the referat. */
  html(r: Referat): string;
  /** The whole accessible HTML document (the published public protocol, WCAG 2.1 AA). */
  htmlDocument(r: Referat): string;
}
