import fc from 'fast-check';
import {
  namedOpenings,
  nextOpening,
  signaturesFor,
  signingState,
  type LiveParts,
  type ProtocolOpening,
  type StoredRow,
} from '../../../src/domain/committee/opening';
import type { Protokoltilfoersel, ProtocolSignature, Vote } from '../../../src/domain/committee/types';

const vote: StoredRow<Vote> = {
  id: '3',
  eTag: '"v,1"',
  value: { itemNumber: 4, choices: { 'a@k.dk': 'For', 'b@k.dk': 'Imod' }, recordedBy: 'm', recordedAt: 't' },
};
const tilfoersel = (id: string, eTag: string, text: string): StoredRow<Protokoltilfoersel> => ({
  id,
  eTag,
  value: { itemNumber: 4, member: 'b@k.dk', text, writtenBy: 'b@k.dk', writtenAt: '2000-01-01T00:00:00Z' },
});
const live = (over: Partial<LiveParts> = {}): LiveParts => ({
  attendance: [],
  inhabilitet: [],
  declarations: [],
  votes: [vote],
  tilfoersler: [tilfoersel('5', '"t,1"', 'Imod af hensyn til økonomien.')],
  ...over,
});
const opening = (id: string, value: ProtocolOpening): StoredRow<ProtocolOpening> => ({
  id,
  eTag: `"o${id},1"`,
  value,
});
const sig = (
  id: string,
  member: string,
  version: number,
  checksum: string,
): StoredRow<ProtocolSignature> => ({
  id,
  eTag: `"s${id},1"`,
  value: { member, version, checksum, signedAt: '2000-01-01T00:00:00Z' },
});

test('before the organizer opens signing the record is the live rows and no signature counts', () => {
  const state = signingState(live(), [], [sig('9', 'a@k.dk', 1, 'abc')]);
  expect(state.opening).toBeUndefined();
  expect(state.signatures).toEqual([]);
  expect(state.parts.tilfoersler.map((t) => t.text)).toEqual(['Imod af hensyn til økonomien.']);
});

test('a signature counts only for the opened version and checksum, placed by SharePoint after the opening', () => {
  const v1 = opening('10', nextOpening(live(), undefined, 'abc', 'sofie', 'now'));
  expect(v1.value.version).toBe(1);
  const planted = sig('8', 'a@k.dk', 1, 'abc');
  const wrongSum = sig('11', 'b@k.dk', 1, 'def');
  const wrongVersion = sig('12', 'c@k.dk', 2, 'abc');
  const good = sig('13', 'd@k.dk', 1, 'abc');
  const again = sig('14', 'd@k.dk', 1, 'abc');
  expect(signaturesFor(v1, [again, planted, wrongSum, wrongVersion, good]).map((s) => s.member)).toEqual([
    'd@k.dk',
  ]);
});

test('rows written or changed after the opening do not change the opened version; they are late until the next version', () => {
  const v1 = opening('10', nextOpening(live(), undefined, 'abc', 'sofie', 'now'));
  const changed = tilfoersel('5', '"t,2"', 'Omskrevet efter underskrift.');
  const added = tilfoersel('15', '"t15,1"', 'Ny tilførsel.');
  const now = live({ tilfoersler: [changed, { ...added, value: { ...added.value, member: 'c@k.dk' } }] });
  const state = signingState(now, [v1], [sig('11', 'a@k.dk', 1, 'abc')]);
  expect(state.version).toBe(1);
  expect(state.parts.tilfoersler.map((t) => t.text)).toEqual(['Imod af hensyn til økonomien.']);
  expect(state.signatures.map((s) => s.member)).toEqual(['a@k.dk']);
  expect(state.late).toEqual([
    { kind: 'tilfoersler', itemNumber: 4, member: 'b@k.dk' },
    { kind: 'tilfoersler', itemNumber: 4, member: 'c@k.dk' },
  ]);
  // The organizer's new version takes them in; version 1 and its signature are history.
  const v2 = opening('20', nextOpening(now, v1.value, 'def', 'sofie', 'later'));
  const next = signingState(now, [v2, v1], [sig('11', 'a@k.dk', 1, 'abc'), sig('21', 'b@k.dk', 2, 'def')]);
  expect(next.version).toBe(2);
  expect(next.late).toEqual([]);
  expect(next.parts.tilfoersler.map((t) => t.text)).toEqual([
    'Omskrevet efter underskrift.',
    'Ny tilførsel.',
  ]);
  expect(next.signatures.map((s) => s.member)).toEqual(['b@k.dk']);
  expect(next.history).toEqual([
    { version: 1, checksum: 'abc', signatures: [expect.objectContaining({ member: 'a@k.dk' })] },
  ]);
});

test('an opening counts only when its item id is named on the Meetings row; a forged or unnamed one changes nothing', () => {
  const real = opening('10', nextOpening(live(), undefined, 'abc', 'sofie', 'now'));
  // A row made to look like the organizer's (Created By set to her): a new version with another checksum.
  const forged = opening('12', { ...real.value, version: 2, checksum: 'fff', openedAt: 'later' });
  // The organizer's own row whose naming has not landed yet.
  const unnamed = opening('14', { ...real.value, version: 2, checksum: 'def', openedAt: 'later' });
  const all = [real, forged, unnamed];
  expect(namedOpenings(all, undefined)).toEqual([]);
  expect(namedOpenings(all, [])).toEqual([]);
  expect(namedOpenings(all, ['10'])).toEqual([real]);
  // Only whole numbers name a row: a damaged column names none.
  expect(namedOpenings(all, ['10x', ' ', '-12', '1e1'])).toEqual([]);
  const signatures = [sig('11', 'a@k.dk', 1, 'abc'), sig('13', 'b@k.dk', 2, 'fff')];
  const state = signingState(live(), namedOpenings(all, ['10']), signatures);
  expect([state.version, state.opening?.value.checksum]).toEqual([1, 'abc']);
  expect(state.signatures.map((s) => s.member)).toEqual(['a@k.dk']);
  expect(state.history).toEqual([]);
  // Positive control: once the organizer names her second opening it is the current version.
  const next = signingState(live(), namedOpenings(all, ['10', '14']), signatures);
  expect([next.version, next.opening?.value.checksum]).toEqual([2, 'def']);
});

test('property: namedOpenings keeps exactly the rows whose id is named, in their order', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 12 }),
      fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 12 }),
      (ids, named) => {
        const rows = ids.map((id) => opening(String(id), nextOpening(live(), undefined, 'abc', 's', 'n')));
        const kept = namedOpenings(rows, named.map(String));
        expect(kept.map((r) => Number(r.id))).toEqual(ids.filter((id) => named.includes(id)));
      },
    ),
  );
});
