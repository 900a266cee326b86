import { named, nameOf } from '../../src/domain/person';

const known = [
  { upn: 'poul@kommune.example', name: 'poul@kommune.example' },
  { upn: 'Poul@Kommune.example', name: 'Poul Riis' },
];

test('a person is shown by name; an address where the name belongs takes the name the meeting knows', () => {
  expect(nameOf('poul@kommune.example', 'poul@kommune.example', known)).toBe('Poul Riis');
  expect(nameOf('poul@kommune.example', '  ', known)).toBe('Poul Riis');
  expect(nameOf('poul@kommune.example', 'P. Riis', known)).toBe('P. Riis');
  // Nobody knows her: the address is all there is.
  expect(nameOf('ukendt@kommune.example', undefined, known)).toBe('ukendt@kommune.example');
  const p = { upn: 'poul@kommune.example', name: 'poul@kommune.example' };
  expect(named(p, known)).toEqual({ upn: 'poul@kommune.example', name: 'Poul Riis' });
  const already = { upn: 'poul@kommune.example', name: 'Poul Riis' };
  expect(named(already, known)).toBe(already);
});
