import { CATEGORIES } from '../../src/domain/agendaItem';

test('the four agenda categories of the seeds', () => {
  expect(CATEGORIES).toEqual(['Til godkendelse', 'Til drøftelse', 'Til orientering', 'Til beslutning']);
});
