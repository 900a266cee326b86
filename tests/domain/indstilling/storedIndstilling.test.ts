import { emptyIndstilling } from '../../../src/domain/indstilling/indstilling';
import {
  indstillingOfImported,
  normalIndstilling,
  readStoredIndstilling,
} from '../../../src/domain/indstilling/storedIndstilling';

const paper = {
  ...emptyIndstilling(),
  recipient: 'rådmanden' as const,
  title: 'Status på handleplanen',
  points: ['rådmanden tager status til efterretning.', 'arbejdet fortsætter.'],
  sections: { oekonomi: 'Ingen udgifter.', indledning: 'Kort om sagen.' },
  caseWorker: { name: 'Lise Holm', email: 'lise@kommune.example' },
};

describe('the indstilling as its item row stores it', () => {
  test('what is written reads back equal, in the same shape', () => {
    const written = JSON.stringify(normalIndstilling(paper).indstilling);
    const read = readStoredIndstilling(written);
    expect(read).toEqual({ indstilling: normalIndstilling(paper).indstilling });
    expect(JSON.stringify('indstilling' in read! ? read.indstilling : null)).toBe(written);
  });

  test('an empty column is no indstilling', () => {
    expect(readStoredIndstilling('')).toBeNull();
    expect(readStoredIndstilling(null)).toBeNull();
    expect(readStoredIndstilling(undefined)).toBeNull();
  });

  test.each([
    ['not JSON', '{"title": "x", "points": ['],
    ['an array', '[1,2]'],
    ['points that are not texts', JSON.stringify({ ...paper, points: [{ evil: true }] })],
    ['an unknown section', JSON.stringify({ ...paper, sections: { __proto__x: 'a' } })],
    ['an unknown recipient', JSON.stringify({ ...paper, recipient: 'alle' })],
    ['a point longer than the column', JSON.stringify({ ...paper, points: ['x'.repeat(70000)] })],
    ['a case worker of the wrong type', JSON.stringify({ ...paper, caseWorker: 'Lise' })],
  ])('a row holding %s is unreadable, not a crash', (_name, value) => {
    expect(readStoredIndstilling(value)).toEqual({ unreadable: true });
  });

  test('an imported paper keeps every section, an unknown one in the nearest known', () => {
    const x = indstillingOfImported(
      { title: 'T', points: ['a.'], sections: { indledning: 'I.', bilagstekst: 'Mere.' }, bilag: ['B'] },
      { closed: true, date: null, minutes: null },
    );
    expect(x).toMatchObject({
      closed: true,
      points: ['a.'],
      sections: { indledning: 'I.', sagsfremstilling: 'Mere.' },
    });
  });

  test('an imported paper whose footer OCR broke keeps its points, not the broken e-mail', () => {
    const x = indstillingOfImported(
      { title: 'T', points: ['a.'], sections: {}, bilag: [], caseWorker: { email: 'lise kommune.dk' } },
      { closed: false, date: null, minutes: null },
    );
    expect(x).toMatchObject({ points: ['a.'], caseWorker: null });
  });
});
