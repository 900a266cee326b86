import type { Sanitizer } from './sanitizeHtml';

/**
 * The pages' HTML sanitizer with DOMPurify loaded at its first use (sending the agenda or a mail), not
 * with the first screen. A failed load is tried again at the next use.
 */
export function lazySanitizer(window: Window & typeof globalThis): Sanitizer {
  let sanitizer: Promise<(html: string) => string> | null = null;
  return async (html) => {
    if (!sanitizer) {
      sanitizer = import(/* webpackChunkName: "sanitizer" */ './sanitizeHtml').then((m) =>
        m.createSanitizer(window),
      );
      sanitizer.catch(() => (sanitizer = null));
    }
    return (await sanitizer)(html);
  };
}
