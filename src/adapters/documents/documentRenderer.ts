import type { DocumentRenderer } from '../../ports/DocumentRenderer';
import { referatDocx } from './referatDocx';
import { referatPdf } from './referatPdf';

export const documentRenderer: DocumentRenderer = { docx: referatDocx, pdf: referatPdf };
