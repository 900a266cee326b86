import { emptyMeeting } from '../../../../src/domain/history/assembleMeetings';
import { readHeader, recogniseHeader } from '../../../../src/domain/history/meetingHeader';
import type { ImportWarning } from '../../../../src/domain/history/importWarning';

const read = (lines: string[]) => {
  const m = emptyMeeting();
  const warnings: ImportWarning[] = [];
  readHeader(m, lines, warnings);
  return { m, warnings };
};

describe('meeting head', () => {
  test('starts at the series line above the date line, or at the date line when there is no series', () => {
    const lines = ['Rådmandsmøder 2022-2025 (Rådmandsmøde)', '', '20-02-2024 11:00 - 13:00', 'Lokale 1'];
    expect(recogniseHeader(lines, 0)).toEqual({ at: 0, after: 3 });
    expect(recogniseHeader(['20-02-2024 11:00 - 13:00'], 0)).toEqual({ at: 0, after: 1 });
    expect(recogniseHeader(['Punkt 1: Dagsorden', '20-02-2024 11:00 - 13:00'], 0)).toBeNull();
  });

  test('reads times with "." or ":" and any dash, also when the times went to the next line', () => {
    expect(read(['Møder', '20-02-2024 11.00 – 13.00']).m).toMatchObject({ start: '11:00', end: '13:00' });
    expect(read(['20–02–2024 9:05 — 10:00']).m).toMatchObject({ date: '2024-02-20', start: '09:05' });
    const broken = ['Møder', '20-02-2024', '11:00 - 13:00', 'Rådhuset'];
    expect(recogniseHeader(broken, 0)).toEqual({ at: 0, after: 3 });
    expect(read(broken).m).toMatchObject({ date: '2024-02-20', end: '13:00', location: 'Rådhuset' });
  });

  test('the Information line over several lines gives absent, referent and guests', () => {
    const { m } = read([
      'Møder',
      '20-02-2024 11:00 - 13:00',
      'Rådhuset',
      'Information:Afbud fra Kristian',
      'Dalsgaard og Louise Rohde.',
      'Kamilla Hansen deltager under punktet "Budget 2025".',
    ]);
    expect(m.absent).toEqual(['Kristian Dalsgaard', 'Louise Rohde']);
    expect(m.guests).toEqual([{ name: 'Kamilla Hansen', item: 'Budget 2025' }]);
    expect(m.information).toBe(
      'Afbud fra Kristian\nDalsgaard og Louise Rohde.\nKamilla Hansen deltager under punktet "Budget 2025".',
    );
  });

  test('the Information line stops where an item’s text begins, even under an unreadable heading', () => {
    const { m } = read([
      '20-02-2024 11:00 - 13:00',
      'Rådhuset',
      'Information:Mads er referent.',
      'Punkt ?: Budget',
      'Kategori - Til godkendelse',
    ]);
    expect(m.information).toBe('Mads er referent.');
  });
});
