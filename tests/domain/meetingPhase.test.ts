import { mergeDecisionTexts } from '../../src/domain/decision';
import { isMeetingOver } from '../../src/domain/meeting';

describe('is the meeting over', () => {
  const now = Date.parse('2024-02-20T13:00:00Z');

  test('a closed or approved meeting is over even before its planned end', () => {
    expect(isMeetingOver({ status: 'Afsluttet', end: '2024-02-21T12:00:00Z' }, now)).toBe(true);
    expect(isMeetingOver({ status: 'Godkendt', end: '2024-02-21T12:00:00Z' }, now)).toBe(true);
  });

  test('one whose end has passed is over whatever its status says', () => {
    expect(isMeetingOver({ status: 'Udsendt', end: '2024-02-20T12:00:00Z' }, now)).toBe(true);
    expect(isMeetingOver({ status: 'I gang', end: '2024-02-20T12:59:59Z' }, now)).toBe(true);
  });

  test('one still running or ahead is not', () => {
    expect(isMeetingOver({ status: 'I gang', end: '2024-02-20T14:00:00Z' }, now)).toBe(false);
    expect(isMeetingOver({ status: 'Planlagt', end: '2024-02-27T12:00:00Z' }, now)).toBe(false);
  });
});

describe('merging two decision texts after a conflict', () => {
  test('their text comes first and only my new lines are added after a blank line', () => {
    expect(mergeDecisionTexts('A\nB', 'B\nC')).toBe('A\nB\n\nC');
  });

  test('lines that differ only by surrounding spaces, and empty lines, are not repeated', () => {
    expect(mergeDecisionTexts('A\nB', 'A\n B \n\n')).toBe('A\nB');
  });

  test('with nothing new of mine their text stays exactly as it is', () => {
    expect(mergeDecisionTexts('Godkendt.  \n', 'Godkendt.')).toBe('Godkendt.  \n');
  });

  test('trailing space of theirs is not doubled before my lines', () => {
    expect(mergeDecisionTexts('Godkendt.\n\n', 'Med bemærkning.')).toBe('Godkendt.\n\nMed bemærkning.');
  });
});
