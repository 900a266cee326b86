/** Limits SharePoint enforces: single-line text 255 characters, multi-line (plain) text 63,999. */
export const TITLE_MAX = 255;
export const TEXT_MAX = 63999;

// C0 and C1 control characters except tab and newline; also bidi overrides that can disguise text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Trim, normalize line endings and drop control characters; `multiline` keeps \n and \t. */
export function cleanText(s: string | undefined | null, multiline = false): string {
  if (!s) return '';
  const normalized = s.replace(/\r\n?/g, '\n').replace(CONTROL, '').normalize('NFC');
  return multiline ? normalized.replace(/[ \t]+$/gm, '').trim() : normalized.replace(/[\n\t]+/g, ' ').trim();
}

export function hasControlCharacters(s: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(s.replace(/\r\n?|\n|\t/g, ''));
}

/** Escape text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Control characters except tab and newline: for multi-line text kept exactly as typed otherwise. */
export function stripControl(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}
