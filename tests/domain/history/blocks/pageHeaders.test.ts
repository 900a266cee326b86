import { dropPageHeaders } from '../../../../src/domain/history/pageHeaders';

describe('page headers', () => {
  test('a dated line repeated on every page is dropped, also in the middle of a paragraph', () => {
    const lines = [
      'Kredsen drøftede',
      'Rådmandsmøde 20. februar 2024',
      'Side 2 af 5',
      'sagen.',
      'Rådmandsmøde 20. februar 2024',
    ];
    expect(dropPageHeaders(lines)).toEqual(['Kredsen drøftede', 'sagen.']);
  });

  test('a page mark flattened onto a line is cut off', () => {
    expect(dropPageHeaders(['Tid: 17.53 - 17.55 (2 min.) Side 2 af 5'])).toEqual([
      'Tid: 17.53 - 17.55 (2 min.)',
    ]);
  });

  test('what the import reads stays: an indstilling’s page line, a title naming a date, a labelled line', () => {
    const kept = [
      '20. februar 2024 - 10 min',
      '20. februar 2024 - 10 min',
      'Referat fra udvalgets møde den 12. juni 2024',
      'Referat fra udvalgets møde den 12. juni 2024',
      'Mødedato: 9. november 2022',
      'Mødedato: 9. november 2022',
    ];
    expect(dropPageHeaders(kept)).toEqual(kept);
  });
});
