import { recogniseDecisionHeading, recogniseItemHeading } from '../../../../src/domain/history/itemHeading';

describe('item and decision headings', () => {
  test('a title broken over lines is joined: after a small word, before "(N min)", inside a hyphenated word', () => {
    expect(recogniseItemHeading(['Punkt 4: Status på', 'integrationen (10 min)', 'Tekst'], 0)).toEqual({
      number: 4,
      title: 'Status på integrationen',
      minutes: 10,
      next: 2,
    });
    expect(
      recogniseItemHeading(['Punkt 4: Opfølgning på investeringsmodeller (15', 'min)'], 0),
    ).toMatchObject({
      minutes: 15,
      next: 2,
    });
    expect(recogniseItemHeading(['Punkt 3: Budgettemad-', 'røftelser'], 0)?.title).toBe(
      'Budgettemadrøftelser',
    );
    expect(recogniseItemHeading(['Punkt 3: Udvalgets Social-', 'og Beskæftigelsesplan'], 0)?.title).toBe(
      'Udvalgets Social- og Beskæftigelsesplan',
    );
  });

  test('OCR-misread numbers are read: "Punkt l", "Punkt 1O", "Punkt3:"', () => {
    expect(recogniseItemHeading(['Punkt l: Dagsorden'], 0)?.number).toBe(1);
    expect(recogniseItemHeading(['Punkt 1O: Bordrunde'], 0)?.number).toBe(10);
    expect(recogniseItemHeading(['Punkt3: Status'], 0)?.number).toBe(3);
  });

  test('"Punkt 2:" with the title below takes it, even when the title is "Referat"', () => {
    expect(recogniseItemHeading(['Punkt 2:', 'Referat', 'Godkendt.'], 0)).toMatchObject({
      title: 'Referat',
      next: 2,
    });
  });

  test('"Beslutning for Punkt 3" without a title leaves the next line to the decision', () => {
    expect(recogniseDecisionHeading(['Beslutning for Punkt 3', 'Godkendt.'], 0)).toMatchObject({
      number: 3,
      title: '',
      next: 1,
    });
  });
});
