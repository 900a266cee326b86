import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { meetingAttendance } from '../../../src/domain/committee/attendance';
import {
  amendProtocol,
  newCommitteeRecord,
  protocolChecksum,
  signProtocol,
  unsignedMembers,
} from '../../../src/domain/committee/protocol';
import type { CommitteeRecord } from '../../../src/domain/committee/types';
import { absences, settings } from './fixtures';

const signers = meetingAttendance(settings, absences);
const now = '2022-12-13T08:00:00.000Z';

const sign = (record: CommitteeRecord, member: string, checksum: string, version = record.version) =>
  signProtocol(record, { member, version, checksum }, { checksum, signers }, now);

test('the checksum is the first 12 hex digits of the SHA-256 of the UTF-8 text', () => {
  const text = 'Punkt 3: Det rummelige arbejdsmarked\nFor stemte: Sune Lund og Camilla Ravn (2)\n';
  expect(protocolChecksum(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12));
  expect(protocolChecksum('')).toBe('e3b0c44298fc');
});

test('property: the checksum changes if and only if the text changes', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
      expect(protocolChecksum(a) === protocolChecksum(b)).toBe(a === b);
    }),
  );
});

test('present members sign once each; the substitute signs, the member with afbud does not', () => {
  let record = newCommitteeRecord();
  const first = sign(record, 'sune@kommune.example', 'abc123abc123');
  expect(first.ok).toBe(true);
  record = first.ok ? first.record : record;
  expect(record.signatures).toEqual([
    { member: 'sune@kommune.example', version: 1, checksum: 'abc123abc123', signedAt: now },
  ]);
  expect(sign(record, 'sune@kommune.example', 'abc123abc123')).toEqual({
    ok: false,
    code: 'signAlreadySigned',
  });
  expect(sign(record, 'anne@kommune.example', 'abc123abc123')).toEqual({
    ok: false,
    code: 'signNotPresent',
  });
  expect(sign(record, 'mads@kommune.example', 'abc123abc123')).toEqual({
    ok: false,
    code: 'signNotPresent',
  });
  expect(unsignedMembers(record, signers).map((p) => p.name)).toEqual([
    'Camilla Ravn',
    'Dorte Vang',
    'Erik Skov',
    'Frida Nør',
    'Gustav Eng',
    'Hanne Birk',
    'Ivan Lyng',
  ]);
});

test('a stale checksum or version is refused', () => {
  const record = newCommitteeRecord();
  const current = { checksum: 'aaaaaaaaaaaa', signers };
  expect(
    signProtocol(
      record,
      { member: 'sune@kommune.example', version: 1, checksum: 'bbbbbbbbbbbb' },
      current,
      now,
    ),
  ).toEqual({ ok: false, code: 'signStale' });
  expect(
    signProtocol(
      record,
      { member: 'sune@kommune.example', version: 2, checksum: 'aaaaaaaaaaaa' },
      current,
      now,
    ),
  ).toEqual({ ok: false, code: 'signStale' });
});

test('a change after a signature makes a new version, resets the signatures and keeps the history', () => {
  const signed = sign(newCommitteeRecord(), 'sune@kommune.example', 'aaaaaaaaaaaa');
  if (!signed.ok) throw new Error(signed.code);
  expect(sign(signed.record, 'ivan@kommune.example', 'bbbbbbbbbbbb')).toEqual({
    ok: false,
    code: 'signStale',
  });
  const amended = amendProtocol(signed.record, 'bbbbbbbbbbbb');
  expect(amended.version).toBe(2);
  expect(amended.signatures).toEqual([]);
  expect(amended.history).toEqual([
    { version: 1, checksum: 'aaaaaaaaaaaa', signatures: signed.record.signatures },
  ]);
  expect(unsignedMembers(amended, signers)).toHaveLength(signers.length);
  expect(sign(amended, 'sune@kommune.example', 'aaaaaaaaaaaa', 1)).toEqual({ ok: false, code: 'signStale' });
  expect(sign(amended, 'sune@kommune.example', 'bbbbbbbbbbbb').ok).toBe(true);
});

test('no new version for an unchanged text or before anyone signed', () => {
  const record = newCommitteeRecord();
  expect(amendProtocol(record, 'bbbbbbbbbbbb')).toBe(record);
  const signed = sign(record, 'sune@kommune.example', 'aaaaaaaaaaaa');
  if (!signed.ok) throw new Error(signed.code);
  expect(amendProtocol(signed.record, 'aaaaaaaaaaaa')).toBe(signed.record);
});
