import { Unavailable } from '../../ports/errors';

/** One page of a Graph collection: its rows, and where the next page (or the delta cursor) is. */
export interface ODataPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/**
 * Every page from `start` on (a page already read, or the link of the first page, e.g. a delta cursor),
 * following `@odata.nextLink` exactly as the server gave it (never built); `fetchPage` reads one link. A
 * link that comes back a second time would never end: it fails as Unavailable (code `nextLinkLoop`)
 * instead. A failing page fails the whole walk with its error.
 */
export async function* pagesFrom<T>(
  start: ODataPage<T> | string,
  fetchPage: (link: string) => Promise<ODataPage<T>>,
): AsyncGenerator<ODataPage<T>> {
  const seen = new Set<string>();
  let link = typeof start === 'string' ? start : undefined;
  let page = typeof start === 'string' ? undefined : start;
  for (;;) {
    if (link !== undefined) {
      if (seen.has(link))
        throw new Unavailable(`The server sent the nextLink ${link} twice`, { code: 'nextLinkLoop' });
      seen.add(link);
      page = await fetchPage(link);
    }
    yield page!;
    link = page!['@odata.nextLink'];
    if (!link) return;
  }
}

/** The rows of every page from `start` on (see `pagesFrom`), in the server's order. */
export async function allRows<T>(
  start: ODataPage<T> | string,
  fetchPage: (link: string) => Promise<ODataPage<T>>,
): Promise<T[]> {
  const rows: T[] = [];
  for await (const page of pagesFrom(start, fetchPage)) rows.push(...page.value);
  return rows;
}
