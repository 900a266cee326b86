import fc from 'fast-check';
import { allRows, pagesFrom, type ODataPage } from '../../src/adapters/sharepoint/paging';
import { Offline, Unavailable } from '../../src/ports/errors';

/** A server's pages by link; `read` records every link it was asked for, in order. */
function server(pages: Record<string, ODataPage<number>>) {
  const asked: string[] = [];
  const read = async (link: string) => {
    asked.push(link);
    const page = pages[link];
    if (!page) throw new Error(`no page at ${link}`);
    return page;
  };
  return { asked, read };
}

describe('paging: following @odata.nextLink', () => {
  test('a chain of pages gives every row in order and asks for each link once, as given', async () => {
    const s = server({
      'https://graph.example/v1.0/x?$skiptoken=a': {
        value: [3, 4],
        '@odata.nextLink': 'https://graph.example/v1.0/x?$skiptoken=b',
      },
      'https://graph.example/v1.0/x?$skiptoken=b': { value: [5] },
    });
    const rows = await allRows(
      { value: [1, 2], '@odata.nextLink': 'https://graph.example/v1.0/x?$skiptoken=a' },
      s.read,
    );
    expect(rows).toEqual([1, 2, 3, 4, 5]);
    expect(s.asked).toEqual([
      'https://graph.example/v1.0/x?$skiptoken=a',
      'https://graph.example/v1.0/x?$skiptoken=b',
    ]);
  });

  test('a first page without nextLink asks for nothing more', async () => {
    const s = server({});
    expect(await allRows({ value: [7] }, s.read)).toEqual([7]);
    expect(s.asked).toEqual([]);
  });

  test('an empty page in the middle of the chain is followed past, not taken as the end', async () => {
    const s = server({
      p2: { value: [], '@odata.nextLink': 'p3' },
      p3: { value: [9] },
    });
    expect(await allRows({ value: [], '@odata.nextLink': 'p2' }, s.read)).toEqual([9]);
    expect(s.asked).toEqual(['p2', 'p3']);
  });

  test('a link as the start (a delta cursor) is read first; the deltaLink of the last page is seen', async () => {
    const s = server({
      cursor: { value: [1], '@odata.nextLink': 'more' },
      more: { value: [2], '@odata.deltaLink': 'next-cursor' },
    });
    const pages: ODataPage<number>[] = [];
    for await (const page of pagesFrom('cursor', s.read)) pages.push(page);
    expect(pages.map((p) => p.value)).toEqual([[1], [2]]);
    expect(pages.at(-1)?.['@odata.deltaLink']).toBe('next-cursor');
  });

  test('a nextLink that comes back fails as Unavailable (nextLinkLoop) instead of reading for ever', async () => {
    const s = server({
      a: { value: [1], '@odata.nextLink': 'b' },
      b: { value: [2], '@odata.nextLink': 'a' },
    });
    const walk = allRows({ value: [0], '@odata.nextLink': 'a' }, s.read);
    await expect(walk).rejects.toBeInstanceOf(Unavailable);
    await expect(walk).rejects.toMatchObject({ details: { code: 'nextLinkLoop' } });
    expect(s.asked).toEqual(['a', 'b']);
  });

  test('a page that links to itself is a loop too', async () => {
    const s = server({ self: { value: [1], '@odata.nextLink': 'self' } });
    await expect(allRows('self', s.read)).rejects.toMatchObject({ details: { code: 'nextLinkLoop' } });
    expect(s.asked).toEqual(['self']);
  });

  test('a page that fails mid-chain fails the whole read with its own error, and nothing after it is asked', async () => {
    const offline = new Offline('connection lost');
    const asked: string[] = [];
    const read = async (link: string): Promise<ODataPage<number>> => {
      asked.push(link);
      if (link === 'p2') throw offline;
      return { value: [1], '@odata.nextLink': 'p2' };
    };
    await expect(allRows({ value: [0], '@odata.nextLink': 'p1' }, read)).rejects.toBe(offline);
    expect(asked).toEqual(['p1', 'p2']);
  });

  test('any chain of distinct links yields exactly the concatenation of its pages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.integer()), { minLength: 1, maxLength: 8 }), async (values) => {
        const pages: Record<string, ODataPage<number>> = {};
        values.forEach((value, i) => {
          pages[`p${i}`] = { value, ...(i + 1 < values.length ? { '@odata.nextLink': `p${i + 1}` } : {}) };
        });
        const s = server(pages);
        expect(await allRows('p0', s.read)).toEqual(values.flat());
        expect(s.asked).toEqual(values.map((_, i) => `p${i}`));
      }),
    );
  });
});
