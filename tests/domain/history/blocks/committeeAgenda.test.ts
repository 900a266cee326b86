import { isCommitteeDate, parseCommitteeAgenda } from '../../../../src/domain/history/committeeAgenda';

const LETTER = `Emne: Social- og Beskæftigelses-
udvalgets møde

Mødedato: Onsdag den 9. november
2022

Mødetid: Kl. 18.15 – 19.45

Mødested: Rådhuset, lokale 398

Dagsorden kort:
1. Godkendelse af dagsorden
2. Status på gentænkningen af det kriminalpræventive område

1. Godkendelse af dagsorden

Baggrund/formål: Dagsordenen godkendes.

Ansvarlig: Eva Borchorst Mejnertz

Tid: 18.15 – 18.18 (3 min.)

Bilag:
- Dagsorden

SOCIALE FORHOLD OG
BESKÆFTIGELSE

Telefon: 89 40 20 00
Sag: EMN-2022-510923

Status på gentænkningen af det
kriminalpræventive område

Baggrund/formål: Udvalget orienteres.
Driftschef Janus Hedemann deltager under punktet.

Tid: 18:18 — 18:40
`.split('\n');

describe('committee agenda as a letter', () => {
  test('the head: subject over two lines, the date with its year on the next line, times with any dash', () => {
    expect(isCommitteeDate(LETTER, 3)).toBe(true);
    const m = parseCommitteeAgenda(LETTER, []);
    expect(m).toMatchObject({
      series: 'Social- og Beskæftigelsesudvalgets møde',
      date: '2022-11-09',
      start: '18:15',
      end: '19:45',
      location: 'Rådhuset, lokale 398',
      kind: 'agenda',
    });
  });

  test('sections: numbered or not, titles over lines, minutes from "(N min.)" or from the times; letterhead is no title', () => {
    const m = parseCommitteeAgenda(LETTER, []);
    expect(m.items.map((i) => [i.number, i.title, i.durationMinutes])).toEqual([
      [1, 'Godkendelse af dagsorden', 3],
      [2, 'Status på gentænkningen af det kriminalpræventive område', 22],
    ]);
    expect(m.guests).toEqual([{ name: 'Driftschef Janus Hedemann', item: m.items[1].title }]);
  });
});
