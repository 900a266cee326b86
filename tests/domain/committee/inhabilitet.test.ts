import { mergeInhabilitet, pendingDeclarations } from '../../../src/domain/committee/inhabilitet';
import type { Inhabilitet, InhabilitetDeclaration } from '../../../src/domain/committee/types';

const declaration = (over: Partial<InhabilitetDeclaration> = {}): InhabilitetDeclaration => ({
  itemNumber: 4,
  member: 'erik@kommune.example',
  reason: 'Min ægtefælle er ansat i enheden.',
  declaredBy: 'erik@kommune.example',
  declaredAt: '2024-02-20T10:01:00.000Z',
  ...over,
});
const decision = (over: Partial<Inhabilitet> = {}): Inhabilitet => ({
  itemNumber: 4,
  member: 'erik@kommune.example',
  reason: 'Ægtefælle ansat i enheden.',
  decision: 'Inhabil',
  declaredBy: 'mads@kommune.example',
  declaredAt: '2024-02-20T10:05:00.000Z',
  ...over,
});

test("a member's declaration alone waits for the committee's decision", () => {
  const merged = mergeInhabilitet([declaration()], []);
  expect(merged).toEqual([{ ...declaration(), decision: 'Afventer', declaration: declaration() }]);
  expect(pendingDeclarations({ inhabilitet: merged }, 4).map((i) => i.member)).toEqual([
    'erik@kommune.example',
  ]);
  expect(pendingDeclarations({ inhabilitet: merged }, 3)).toEqual([]);
});

test("the committee's decision wins for the decision; the declared reason is kept beside it", () => {
  const merged = mergeInhabilitet(
    [declaration({ member: 'Erik@Kommune.example ' })],
    [decision({ decision: 'Ikke inhabil' })],
  );
  expect(merged).toHaveLength(1);
  expect(merged[0].decision).toBe('Ikke inhabil');
  expect(merged[0].reason).toBe('Ægtefælle ansat i enheden.');
  expect(merged[0].declaration?.reason).toBe('Min ægtefælle er ansat i enheden.');
  expect(pendingDeclarations({ inhabilitet: merged }, 4)).toEqual([]);
});

test('a decision without a reason of its own takes the declared one; the latest of each counts', () => {
  const merged = mergeInhabilitet(
    [declaration(), declaration({ reason: 'Rettet begrundelse.', declaredAt: '2024-02-20T10:02:00.000Z' })],
    [
      decision({ reason: ' ' }),
      decision({ reason: '', decision: 'Ikke inhabil', declaredAt: '2024-02-20T10:00:00.000Z' }),
    ],
  );
  expect(merged.map((i) => [i.decision, i.reason])).toEqual([['Inhabil', 'Rettet begrundelse.']]);
});

test('decisions and declarations of other members and items stay apart, ordered by item', () => {
  const merged = mergeInhabilitet(
    [declaration({ itemNumber: 5 }), declaration({ member: 'louise@kommune.example' })],
    [decision({ itemNumber: 3, member: 'anders@kommune.example' })],
  );
  expect(merged.map((i) => [i.itemNumber, i.member, i.decision])).toEqual([
    [3, 'anders@kommune.example', 'Inhabil'],
    [4, 'louise@kommune.example', 'Afventer'],
    [5, 'erik@kommune.example', 'Afventer'],
  ]);
});
