import { currentAbsences } from '../../src/domain/absence';
import { composeInformationLine } from '../../src/i18n/information';
import { absence, item, person } from '../domain/helpers';

const mads = person('Mads Nielsen');
const guestItem = item(4, 'Opfølgning på investeringsmodeller for 2023', {
  guests: [{ name: 'Kamilla Uhd Hansen', upn: 'kamilla@kommune.example' }],
});

describe('the Information line', () => {
  test('nobody absent, no referent, no guests: nothing is said', () => {
    expect(composeInformationLine({ absences: [], items: [] })).toBe('');
  });

  test('one absence, referent and a guest, as the seeds write it', () => {
    const line = composeInformationLine({
      absences: [absence('Julie Dalsgaard', 'Afbud', '2024-02-01T08:00:00Z')],
      referent: mads,
      items: [guestItem],
    });
    expect(line).toBe(
      'Afbud fra Julie Dalsgaard. Mads er referent. Kamilla Uhd Hansen deltager under punktet "Opfølgning på investeringsmodeller for 2023".',
    );
  });

  test('two absences are joined with "og"', () => {
    const line = composeInformationLine({
      absences: [
        absence('Kristian Dalsgaard', 'Afbud', '2024-02-19T08:00:00Z'),
        absence('Louise Rohde', 'Afbud', '2024-02-19T09:00:00Z'),
      ],
      referent: mads,
      items: [],
    });
    expect(line).toBe('Afbud fra Kristian Dalsgaard og Louise Rohde. Mads er referent.');
  });

  test('three absences are joined with a comma and "og"', () => {
    const line = composeInformationLine({
      absences: [
        absence('Kristian Dalsgaard', 'Afbud', '2024-02-19T08:00:00Z'),
        absence('Louise Rohde', 'Afbud', '2024-02-19T09:00:00Z'),
        absence('Erik Kaastrup-Hansen', 'Afbud', '2024-02-19T10:00:00Z', { substitute: 'Lotte Henriksen' }),
      ],
      items: [],
    });
    expect(line).toBe(
      'Afbud fra Kristian Dalsgaard, Louise Rohde og Erik Kaastrup-Hansen (stedfortræder: Lotte Henriksen).',
    );
  });

  test('virtual and partial attendance are phrased naturally', () => {
    const line = composeInformationLine({
      absences: [
        absence('Louise Rohde', 'Deltager virtuelt', '2024-02-19T08:00:00Z'),
        absence('Erik Kaastrup-Hansen', 'Deltager delvist', '2024-02-19T08:00:00Z', { items: [3, 4] }),
      ],
      items: [],
    });
    expect(line).toBe('Louise Rohde deltager virtuelt. Erik Kaastrup-Hansen deltager under punkt 3 og 4.');
  });

  test('a guest on a closed item is not named', () => {
    const closed = { ...guestItem, closed: true };
    expect(composeInformationLine({ absences: [], items: [closed] })).toBe('');
  });

  test('in English', () => {
    const line = composeInformationLine(
      {
        absences: [absence('Louise Rohde', 'Afbud', '2024-02-19T08:00:00Z')],
        referent: mads,
        items: [guestItem],
      },
      'en',
    );
    expect(line).toBe(
      'Apologies from Louise Rohde. Mads takes the minutes. Kamilla Uhd Hansen attends for the item "Opfølgning på investeringsmodeller for 2023".',
    );
  });
});

describe('afbud', () => {
  test('the latest registration of a person wins', () => {
    const now = currentAbsences([
      absence('Anders Lund', 'Deltager virtuelt', '2024-02-19T10:00:00Z'),
      absence('Anders Lund', 'Afbud', '2024-02-19T08:00:00Z', { reason: 'Ferie' }),
    ]);
    expect(now).toHaveLength(1);
    expect(now[0].kind).toBe('Deltager virtuelt');
  });

  test('a withdrawn afbud disappears from the Information line', () => {
    const absences = [
      absence('Anders Lund', 'Afbud', '2024-02-19T08:00:00Z'),
      absence('Anders Lund', 'Trukket tilbage', '2024-02-19T09:00:00Z'),
      absence('Louise Rohde', 'Afbud', '2024-02-19T08:30:00Z'),
    ];
    expect(composeInformationLine({ absences, items: [] })).toBe('Afbud fra Louise Rohde.');
  });
});
