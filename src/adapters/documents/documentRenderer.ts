import type { DocumentRenderer } from '../../ports/DocumentRenderer';
import { referatDocx } from './referatDocx';
import { renderReferatHtml, renderReferatHtmlDocument } from './referatHtml';
import { referatPdf } from './referatPdf';

export const documentRenderer: DocumentRenderer = {
  docx: referatDocx,
  pdf: referatPdf,
  html: renderReferatHtml,
  htmlDocument: renderReferatHtmlDocument,
};
