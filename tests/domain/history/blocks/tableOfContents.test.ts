import { recogniseTableOfContents } from '../../../../src/domain/history/tableOfContents';

describe('table of contents', () => {
  test('entries end in a page number after comma and tab, a tab or dot leaders; categories group them', () => {
    const lines = [
      'Indhold',
      'Kategori - Til godkendelse',
      'Punkt 1: Dagsorden,\t3',
      'Punkt 2: Referat\t3',
      'Kategori – Til drøftelse',
      'Punkt 3: Budgettemadrøftelser i Social- og',
      'Beskæftigelsesudvalget (10 min) ........ 4',
      '',
      'Punkt 1: Dagsorden',
    ];
    const toc = recogniseTableOfContents(lines, 0)!;
    expect(toc.entries).toEqual([
      { number: 1, title: 'Dagsorden', minutes: null, category: 'Til godkendelse' },
      { number: 2, title: 'Referat', minutes: null, category: 'Til godkendelse' },
      {
        number: 3,
        title: 'Budgettemadrøftelser i Social- og Beskæftigelsesudvalget',
        minutes: 10,
        category: 'Til drøftelse',
      },
    ]);
    // The agenda itself starts after it.
    expect(toc.end).toBe(7);
  });

  test('under "Indhold" a page number after a comma and a space (a tab lost to OCR) still ends an entry', () => {
    const toc = recogniseTableOfContents(['Indhold', 'Punkt l: Dagsorden, 3', 'Punkt 2: Status, 3'], 0)!;
    expect(toc.entries.map((e) => [e.number, e.title])).toEqual([
      [1, 'Dagsorden'],
      [2, 'Status'],
    ]);
  });

  test('a clean export lists each decision as a line of its own: navigation, not an entry', () => {
    const lines = [
      'Indhold',
      'Kategori - Til godkendelse',
      'Punkt 1: Dagsorden,\t3',
      'Beslutning for Punkt 1: Dagsorden,\t3',
      'Punkt 2: Budget for',
      'ældreområdet (20 min),\t4',
      'Beslutning for Punkt 2: Budget for',
      'ældreområdet,\t4',
      '',
      'Punkt 1: Dagsorden',
    ];
    const toc = recogniseTableOfContents(lines, 0)!;
    expect(toc.entries).toEqual([
      { number: 1, title: 'Dagsorden', minutes: null, category: 'Til godkendelse' },
      { number: 2, title: 'Budget for ældreområdet', minutes: 20, category: 'Til godkendelse' },
    ]);
    expect(toc.end).toBe(8);
  });

  test('an item heading is not a table of contents', () => {
    expect(recogniseTableOfContents(['Punkt 3: Fordeling af § 18-puljen 2. runde 2022', ''], 0)).toBeNull();
    expect(recogniseTableOfContents(['Kategori - Til godkendelse', 'Godkendt.'], 0)).toBeNull();
  });
});
