import type { Category } from '../../src/domain/agendaItem';
import { isStandingTitle, standingItems } from '../../src/domain/standingItems';

const row = (
  number: number,
  title: string,
  durationMinutes = 10,
  category: Category = 'Til orientering',
) => ({
  number,
  title,
  durationMinutes,
  category,
});

describe('Faste punkter', () => {
  test('a new rådmandsmøde without history is offered what the seeds always have, opening items first', () => {
    expect(standingItems(null).map((i) => i.title)).toEqual([
      'Dagsorden',
      'Referat',
      'Orientering fra Magistraten',
      'Orientering om udvalget',
      'Bordrunde',
    ]);
    expect(standingItems(null, 'Udvalgsmøde').map((i) => i.title)).toEqual([
      'Godkendelse af dagsorden',
      'Godkendelse af referat',
      'Eventuelt',
    ]);
    // Each is a plain open item of 1–480 minutes: it can be sent as it is.
    for (const i of standingItems(null)) {
      expect(i.closed).toBe(false);
      expect(i.guests).toEqual([]);
      expect(i.durationMinutes).toBeGreaterThanOrEqual(1);
    }
  });

  test('the previous meeting of the series decides: its standing items in its order, minutes and category', () => {
    const previous = [
      row(3, 'Budget 2025', 30),
      row(1, 'Dagsorden', 0, 'Til godkendelse'),
      row(4, 'Bordrunde', 15),
      row(2, 'Referat', 5, 'Til godkendelse'),
    ];
    expect(standingItems(previous).map((i) => [i.title, i.durationMinutes, i.category])).toEqual([
      // A 0-minute item of old is offered at 5: what is offered must pass "Send dagsorden".
      ['Dagsorden', 5, 'Til godkendelse'],
      ['Referat', 5, 'Til godkendelse'],
      ['Bordrunde', 15, 'Til orientering'],
    ]);
  });

  test('items the secretary marked standing are what is offered, not the titles guessed', () => {
    const previous = [
      { ...row(1, 'Dagsorden', 5, 'Til godkendelse'), standing: false },
      { ...row(2, 'Status fra jobcentret', 20), standing: true },
      { ...row(3, 'Budget 2025', 30) },
      { ...row(4, 'Bordrunde', 15) },
      { ...row(5, 'Eventuelt og kaffe', 10, 'Til drøftelse'), standing: true },
    ];
    expect(standingItems(previous).map((i) => [i.title, i.durationMinutes, i.category])).toEqual([
      ['Status fra jobcentret', 20, 'Til orientering'],
      ['Eventuelt og kaffe', 10, 'Til drøftelse'],
    ]);
    // The mark goes with them, so the meeting after is offered the same.
    expect(standingItems(previous).every((i) => i.standing === true)).toBe(true);
    expect(standingItems(null).every((i) => i.standing === true)).toBe(true);
  });

  test('a standing title is known however the scanner spelled it; a one-off item is not standing', () => {
    expect(isStandingTitle('Orientering  fra magistraten')).toBe(true);
    expect(isStandingTitle('Godkendelse af Dagsorden')).toBe(true);
    expect(isStandingTitle('Status på Integrationshandleplanen')).toBe(false);
  });
});
