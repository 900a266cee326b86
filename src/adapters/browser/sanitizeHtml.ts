import createDOMPurify from 'dompurify';

/** The tags and attributes an agenda section in a calendar body may contain; everything else is removed. */
export const AGENDA_ALLOWED_TAGS = [
  'div',
  'p',
  'strong',
  'em',
  'br',
  'ul',
  'ol',
  'li',
  'span',
  'h2',
  'h3',
  'table',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
];

/** Sync where DOMPurify is at hand; the pages' (lazySanitizer) loads it at the first use. */
export type Sanitizer = (html: string) => string | Promise<string>;

/**
 * An allow-list HTML sanitizer (DOMPurify) for anything written into a calendar body. Comments are kept
 * only when they are our agenda markers. Needs a DOM window: the page's, or jsdom's in Node.
 */
export function createSanitizer(window: Window & typeof globalThis): (html: string) => string {
  const purify = createDOMPurify(window);
  return (html: string) => {
    const markers: string[] = [];
    const protectedHtml = html.replace(/<!-- moedeassistent:agenda:(start|end) -->/g, (m) => {
      markers.push(m);
      return `<span data-moede-marker="${markers.length - 1}"></span>`;
    });
    const clean = purify.sanitize(protectedHtml, {
      ALLOWED_TAGS: AGENDA_ALLOWED_TAGS,
      ALLOWED_ATTR: ['data-moede-marker'],
      KEEP_CONTENT: true,
    });
    return clean.replace(
      /<span data-moede-marker="(\d+)"><\/span>/g,
      (_m, i: string) => markers[Number(i)] ?? '',
    );
  };
}
