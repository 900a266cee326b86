import {
  emptyIndstilling,
  indstillingText,
  validateIndstilling,
  type Indstilling,
} from '../../../src/domain/indstilling/indstilling';

const longDate = (iso: string) => `dato ${iso}`;

const paper = (over: Partial<Indstilling> = {}): Indstilling => ({
  ...emptyIndstilling(),
  recipient: 'rådmanden',
  date: '2024-06-24',
  minutes: 10,
  title: 'Status på Integrationshandleplanen',
  points: ['rådmanden tager status på Integrationshandleplanen til efterretning.'],
  sections: { indledning: 'Til rådmandens orientering.' },
  bilag: ['Handleplan - Integrationsområdet', 'Handlingsnotat'],
  caseWorker: { department: 'Fagligt Sekretariat', name: 'Sofie Jørgensen', email: 'sobri@aarhus.dk' },
  ...over,
});

describe('an indstilling is valid with a title and at least one point', () => {
  test('a complete paper passes, cleaned', () => {
    const { indstilling, issues } = validateIndstilling(
      paper({ title: '  Status på Integrationshandleplanen\u0007 ', points: [' første ', '', 'anden'] }),
    );
    expect(issues).toEqual([]);
    expect(indstilling.title).toBe('Status på Integrationshandleplanen');
    expect(indstilling.points).toEqual(['første', 'anden']);
  });

  test('without points or title it is refused, field by field', () => {
    const { issues } = validateIndstilling(paper({ title: ' ', points: ['  '] }));
    expect(issues).toEqual([
      { field: 'title', code: 'required' },
      { field: 'points', code: 'required' },
    ]);
  });

  test('sections are optional: an empty one is left out, a too long one is reported', () => {
    const { indstilling, issues } = validateIndstilling(
      paper({ sections: { oekonomi: '  ', kommunikation: 'x'.repeat(64000) } }),
    );
    expect(indstilling.sections.oekonomi).toBeUndefined();
    expect(issues).toEqual([{ field: 'sections.kommunikation', code: 'tooLong' }]);
  });

  test('a footer with a malformed e-mail or date, and minutes out of range, are invalid', () => {
    const { issues } = validateIndstilling(
      paper({ minutes: -5, caseWorker: { name: 'Jan Gehlert', email: 'geja(at)aarhus', date: '6/2' } }),
    );
    expect(issues.map((i) => i.field)).toEqual(['minutes', 'caseWorker.email', 'caseWorker.date']);
  });
});

test('the text of an indstilling follows the template: cover, points second, bilag numbered, footer last', () => {
  const text = indstillingText(paper({ closed: true }), longDate);
  expect(text.split('\n')).toEqual([
    'Indstilling til rådmanden',
    'dato 2024-06-24 - 10 min',
    'LUKKET',
    '',
    'Status på Integrationshandleplanen',
    '',
    'INDLEDNING',
    'Til rådmandens orientering.',
    '',
    'INDSTILLING',
    'Det indstilles,',
    '1. at rådmanden tager status på Integrationshandleplanen til efterretning.',
    '',
    'BILAG',
    'Bilag 1: Handleplan - Integrationsområdet',
    'Bilag 2: Handlingsnotat',
    '',
    'Fagligt Sekretariat',
    'Sagsbehandler: Sofie Jørgensen',
    'E-post: sobri@aarhus.dk',
  ]);
});
