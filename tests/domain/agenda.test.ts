import { addItem, removeItem, reorder } from '../../src/domain/agenda';
import {
  copenhagenToUtc,
  formatDate,
  formatDuration,
  formatLongDate,
  formatTimeRange,
} from '../../src/domain/format';
import { computeItemTimes, formatItemClock, formatItemTime } from '../../src/domain/itemTimes';
import { validateAgenda, ValidationError } from '../../src/domain/validation';
import { item } from './helpers';

describe('item clock times', () => {
  test('times follow from the start and the minutes, as the committee agendas print them', () => {
    const start = copenhagenToUtc('2024-06-26', '17.50');
    const end = copenhagenToUtc('2024-06-26', '19.45');
    const schedule = computeItemTimes(start, end, [
      item(1, 'Godkendelse af dagsorden', { durationMinutes: 3 }),
      item(2, 'Referat', { durationMinutes: 2 }),
    ]);
    expect(schedule.items.map(formatItemTime)).toEqual([
      'Tid: 17.50 - 17.53 (3 min.)',
      'Tid: 17.53 - 17.55 (2 min.)',
    ]);
    expect(schedule.overrunMinutes).toBe(0);
  });

  test('an agenda longer than the meeting warns with the minutes it overruns', () => {
    const start = copenhagenToUtc('2024-02-20', '11:00');
    const end = copenhagenToUtc('2024-02-20', '13:00');
    const items = [10, 15, 30, 60, 25].map((m, i) => item(i + 1, `Punkt ${i + 1}`, { durationMinutes: m }));
    const schedule = computeItemTimes(start, end, items);
    expect(schedule.overrunMinutes).toBe(20);
    expect(formatItemClock(schedule.items[4])).toBe('12:55 - 13:20');
  });

  test('winter and summer time are both Copenhagen time', () => {
    expect(copenhagenToUtc('2024-02-20', '11:00')).toBe('2024-02-20T10:00:00.000Z');
    expect(copenhagenToUtc('2024-06-24', '11:00')).toBe('2024-06-24T09:00:00.000Z');
  });
});

describe('Danish formatting', () => {
  test('dates, ranges and durations', () => {
    expect(formatTimeRange('2024-02-20T10:00:00Z', '2024-02-20T12:00:00Z')).toBe('20-02-2024 11:00 - 13:00');
    expect(formatDate('2024-02-20T23:30:00Z')).toBe('21-02-2024');
    expect(formatLongDate('2025-01-22T10:00:00Z')).toBe('22. januar 2025');
    expect(formatLongDate('2025-01-22T10:00:00Z', 'en')).toBe('22 January 2025');
    expect(formatDuration(10)).toBe('10 min');
    expect(formatDuration(90)).toBe('1 t 30 min');
    expect(formatDuration(90, 'en')).toBe('1 h 30 min');
  });
});

describe('agenda', () => {
  test('reordering, adding and removing renumber the items', () => {
    const agenda = [item(1, 'A'), item(2, 'B'), item(3, 'C')];
    expect(reorder(agenda, 2, 0).map((i) => `${i.number}${i.title}`)).toEqual(['1C', '2A', '3B']);
    expect(addItem(agenda, { ...item(0, 'D'), id: 'd' }, 1).map((i) => `${i.number}${i.title}`)).toEqual([
      '1A',
      '2D',
      '3B',
      '4C',
    ]);
    expect(removeItem(agenda, 'item-2').map((i) => `${i.number}${i.title}`)).toEqual(['1A', '2C']);
  });
});

describe('validation', () => {
  const issuesOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof ValidationError) return e.issues;
      throw e;
    }
    return [];
  };

  test('a title over 255 characters is refused by its rule, with the limit and the length found', () => {
    const issues = issuesOf(() => validateAgenda([item(1, 'x'.repeat(256))]));
    expect(issues).toEqual([
      expect.objectContaining({
        field: 'items.0.title',
        code: 'tooLong',
        rule: 'tooLong',
        params: { item: 1, max: 255, found: 256 },
      }),
    ]);
  });

  test('an empty title is refused', () => {
    expect(issuesOf(() => validateAgenda([item(1, '   ')]))[0]).toMatchObject({
      code: 'required',
      rule: 'required',
      params: { item: 1 },
    });
  });

  test('duplicate item numbers are refused', () => {
    expect(issuesOf(() => validateAgenda([item(1, 'A'), { ...item(1, 'B'), id: 'other' }]))[0]).toMatchObject(
      {
        code: 'duplicate',
        rule: 'duplicateNumber',
        params: { item: 1 },
      },
    );
  });

  test('titles are trimmed and control characters removed; markup stays text; emoji, RTL and combining marks survive', () => {
    const [clean] = validateAgenda([item(1, '  <b>Budget</b>\u0007 2025 🎉 مرحبا e\u0301  ')]);
    expect(clean.title).toBe('<b>Budget</b> 2025 🎉 مرحبا é');
  });

  test('a malformed case number is refused', () => {
    expect(issuesOf(() => validateAgenda([item(1, 'A', { caseNumber: 'EMN 2022' })]))[0]).toMatchObject({
      field: 'items.0.caseNumber',
      rule: 'caseNumberFormat',
    });
    expect(validateAgenda([item(1, 'A', { caseNumber: 'EMN-2022-03107' })])[0].caseNumber).toBe(
      'EMN-2022-03107',
    );
  });
});
