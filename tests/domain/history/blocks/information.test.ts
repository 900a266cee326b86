import { emptyMeeting } from '../../../../src/domain/history/assembleMeetings';
import { guestsIn, readInformation } from '../../../../src/domain/history/information';

const referentOf = (...lines: string[]) => {
  const m = emptyMeeting();
  readInformation(m, lines);
  return m.referent;
};

describe('Information line', () => {
  test.each([
    [['Mads er referent.'], ['Mads']],
    [['Sofie Holm og Mads er referenter.'], ['Sofie Holm', 'Mads']],
    [['Louise tager referat.'], ['Louise']],
    [['Louise eller Mads tager referat.'], ['Louise', 'Mads']],
    [['Referent: Mads Holm'], ['Mads Holm']],
    [['Referent: Mads Holm', 'Afbud fra Erik.'], ['Mads Holm']],
  ])('referent phrasing %j', (lines, referent) => expect(referentOf(...lines)).toEqual(referent));

  test('a full stop inside the quoted title of a guest item does not end the sentence', () => {
    const m = emptyMeeting();
    readInformation(m, [
      'Afbud fra Erik. Kamilla deltager under punktet "Status pr. 1. maj". Mads er referent.',
    ]);
    expect(m.guests).toEqual([{ name: 'Kamilla', item: 'Status pr. 1. maj' }]);
    expect(m.referent).toEqual(['Mads']);
  });

  test('guests of an item, one or several written "Role, Name"', () => {
    expect(guestsIn('Baggrund/formål: Status. Driftschef Janus Hedemann deltager under punktet.')).toEqual([
      'Driftschef Janus Hedemann',
    ]);
    expect(
      guestsIn(
        'Sundhedschef i Sundhed og Omsorg, Otto Ohrt og @konomichef, Sophie Bertelsen deltager i forbindelse med udvalgets behandling af sagen.',
      ),
    ).toEqual(['Sundhedschef i Sundhed og Omsorg, Otto Ohrt', '@konomichef, Sophie Bertelsen']);
    expect(guestsIn('Udvalget orienteres om punktet.')).toEqual([]);
  });
});
