import {
  approvedAsProposed,
  composePointDecisions,
  parsePointDecisions,
  POINT_CHOICES,
  type PointDecisions,
} from '../../../src/domain/indstilling/pointDecisions';

describe('a decision is composed point by point in the referater’s style', () => {
  test('each point its choice, a remark under it, a point left open is left out', () => {
    const text = composePointDecisions({
      asProposed: false,
      preamble: '',
      points: [
        { choice: 'Godkendt', note: '' },
        { choice: 'Taget til efterretning', note: 'Kommunikation følger op.' },
        { choice: null, note: '' },
        { choice: null, note: 'De økonomisk trængte borgere skal være fokus.' },
      ],
    });
    expect(text).toBe(
      'At 1) Godkendt.\n\nAt 2) Taget til efterretning.\nKommunikation følger op.\n\nAt 4)\nDe økonomisk trængte borgere skal være fokus.',
    );
  });

  test('"Godkendt som indstillet" decides the whole item in one sentence', () => {
    expect(composePointDecisions(approvedAsProposed(3))).toBe('Godkendt som indstillet.');
    expect(composePointDecisions(approvedAsProposed(2, 'Med ros til forvaltningen.'))).toBe(
      'Godkendt som indstillet.\n\nMed ros til forvaltningen.',
    );
  });
});

describe('a decision is read back into per-point choices', () => {
  test('what was composed reads back the same, for every choice', () => {
    for (const choice of POINT_CHOICES) {
      const d: PointDecisions = {
        asProposed: false,
        preamble: 'Kredsen drøftede sagen.',
        points: [
          { choice, note: 'En bemærkning.\n\nOg et afsnit mere.' },
          { choice: null, note: 'Godkendt.' },
          { choice: 'Udsat', note: '' },
        ],
      };
      expect(parsePointDecisions(composePointDecisions(d), 3)).toEqual(d);
    }
    expect(parsePointDecisions(composePointDecisions(approvedAsProposed(2, 'Ros.')), 2)).toEqual(
      approvedAsProposed(2, 'Ros.'),
    );
  });

  test('a referat written by hand, with OCR damage (2022): choices implied by the sentence keep the sentence', () => {
    const text = [
      'At 1) Kredsen tog orienteringen til efterretning.',
      'At 2) Kredsen dragftede problemstillingen med fglgende bemaerkninger:',
      '',
      '* Det gnskes, at sagen bringes op til den fungerende socialminister.',
    ].join('\n');
    const { points, preamble } = parsePointDecisions(text, 2);
    expect(preamble).toBe('');
    expect(points[0]).toEqual({
      choice: 'Taget til efterretning',
      note: 'Kredsen tog orienteringen til efterretning.',
    });
    expect(points[1].choice).toBeNull();
    expect(points[1].note).toMatch(/^Kredsen dragftede .*\n\n\* Det gnskes/s);
  });

  test('the 2022 referat of item 3 ("At 1) Godkendt." then its remarks, "At 2)" with text only)', () => {
    const text = [
      'At 1) Godkendt.',
      '',
      '| forlengelse heraf drgftede kredsen hvilke indsatser, man kan finansiere.',
      '',
      'At 2)',
      'De gkonomisk treengte borgere skal veere fokus.',
    ].join('\n');
    expect(parsePointDecisions(text, 2).points).toEqual([
      {
        choice: 'Godkendt',
        note: '| forlengelse heraf drgftede kredsen hvilke indsatser, man kan finansiere.',
      },
      { choice: null, note: 'De gkonomisk treengte borgere skal veere fokus.' },
    ]);
  });

  test('whole-item decisions give every point their choice; other text stays the preamble', () => {
    expect(parsePointDecisions('Indstillingen blev godkendt.', 2).points.map((p) => p.choice)).toEqual([
      'Godkendt',
      'Godkendt',
    ]);
    expect(
      parsePointDecisions('Radmanden tog punktet til efterretning.', 1).points.map((p) => p.choice),
    ).toEqual(['Taget til efterretning']);
    const free = parsePointDecisions('Budgetproceduren er blevet godkendt i Magistraten.', 2);
    expect(free.points.map((p) => p.choice)).toEqual([null, null]);
    expect(free.preamble).toBe('Budgetproceduren er blevet godkendt i Magistraten.');
  });

  test('a point number beyond the indstilling’s points is text of the point before', () => {
    const { points } = parsePointDecisions('At 1) Godkendt.\nAt 3) Udsat.', 1);
    expect(points).toEqual([{ choice: 'Godkendt', note: 'At 3) Udsat.' }]);
  });
});
