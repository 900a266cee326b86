import { isAddressLine, isLetterheadLine } from '../../../../src/domain/history/letterhead';

describe('letterhead', () => {
  test.each([
    'Telefon: 89 40 20 00',
    'Direkte e-mail:',
    'sobrj@aarhus.dk/',
    '8000 Aarhus C',
    'Aarhus Kommune',
    'Sag: EMN-2024-027961',
    'TIf.: 41 85 87 16',
  ])('%s is an address line', (line) => expect(isAddressLine(line)).toBe(true));

  test('the department in capitals is letterhead, LUKKET PUNKT and ordinary titles are not', () => {
    expect(isLetterheadLine('SOCIALE FORHOLD OG')).toBe(true);
    expect(isLetterheadLine('LUKKET PUNKT')).toBe(false);
    expect(isLetterheadLine('Kurser og konferencer')).toBe(false);
  });
});
