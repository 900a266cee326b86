/*
 * For COMMITTEE-EDGE — exports: newCommitteeRecord, protocolText, protocolChecksum, SignRefusal,
 * signProtocol, amendProtocol, unsignedMembers. The current checksum of a meeting's protocol is
 * `buildReferat(..., { audience: 'members' }, 'da', committee).protocol.checksum` (src/i18n/referat.ts);
 * the signers are meetingAttendance(settings, absences) from ./attendance. For the HTML download (and the
 * published public protocol) renderReferatHtmlDocument(referat) in src/adapters/documents/referatHtml.ts
 * gives the whole accessible document (doctype, lang, title, vote tables); the PDF renderer's output is tagged.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { sameUpn } from '../person';
import type { Participant } from './attendance';
import type { CommitteeRecord, ProtocolSignature } from './types';

export const newCommitteeRecord = (): CommitteeRecord => ({
  attendance: [],
  inhabilitet: [],
  votes: [],
  tilfoersler: [],
  signatures: [],
  version: 1,
  history: [],
});

/** The worded members' referat, as far as the members approve it (src/i18n/referat.ts words it). */
export interface ApprovedText {
  series: string;
  when: string;
  location: string;
  information: string;
  items: ReadonlyArray<{
    heading: string;
    decisionHeading: string;
    decision: string;
    committeeLines: string[];
  }>;
}

/**
 * The approved text of the beslutningsprotokol: a canonical rendering of the members' referat (header,
 * Information line, and per item its heading, decision and committee lines), without the table of contents,
 * the time used per item and the signature lines, which are not what the members approve. Lines are
 * trimmed and NFC-normalised, so the same content always gives the same text.
 */
export function protocolText(referat: ApprovedText): string {
  const lines = [referat.series, referat.when, referat.location, `Information: ${referat.information}`];
  for (const item of referat.items) {
    lines.push('', item.heading, item.decisionHeading, ...item.decision.split('\n'), ...item.committeeLines);
  }
  return `${lines.map((l) => l.normalize('NFC').trim()).join('\n')}\n`;
}

/** The first 12 hexadecimal digits of the SHA-256 of the text's UTF-8 bytes. */
export function protocolChecksum(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, 12);
}

export type SignRefusal =
  /** Only members present at the meeting (or the substitutes who sat in) sign. */
  | 'signNotPresent'
  /** The version or checksum signed is not the current one: the protocol changed since the page was loaded. */
  | 'signStale'
  | 'signAlreadySigned';

/**
 * A member signs ("underskriver") the protocol version they read. `current` is what the protocol is now:
 * its checksum and who may sign (meetingAttendance). A signature for another version or text is refused, as
 * is one while signatures of an older text are still on the record (call amendProtocol first).
 */
export function signProtocol(
  record: CommitteeRecord,
  signature: { member: string; version: number; checksum: string },
  current: { checksum: string; signers: Participant[] },
  now: string,
): { ok: true; record: CommitteeRecord } | { ok: false; code: SignRefusal } {
  if (!current.signers.some((p) => sameUpn(p.upn, signature.member)))
    return { ok: false, code: 'signNotPresent' };
  if (
    signature.version !== record.version ||
    signature.checksum !== current.checksum ||
    record.signatures.some((s) => s.checksum !== current.checksum)
  )
    return { ok: false, code: 'signStale' };
  if (record.signatures.some((s) => sameUpn(s.member, signature.member)))
    return { ok: false, code: 'signAlreadySigned' };
  const signed: ProtocolSignature = { ...signature, signedAt: now };
  return { ok: true, record: { ...record, signatures: [...record.signatures, signed] } };
}

/**
 * The protocol's text now has `newChecksum`. If anyone signed a different text, that version goes to the
 * history with its signatures, the version number goes up and the signatures are reset; otherwise (no
 * signatures yet, or the text is unchanged) the record stays as it is.
 */
export function amendProtocol(record: CommitteeRecord, newChecksum: string): CommitteeRecord {
  const signedText = record.signatures.find((s) => s.checksum !== newChecksum);
  if (!signedText) return record;
  return {
    ...record,
    version: record.version + 1,
    signatures: [],
    history: [
      ...record.history,
      { version: record.version, checksum: signedText.checksum, signatures: record.signatures },
    ],
  };
}

/** Those who may sign and have not yet signed the current version, in member-list order. */
export function unsignedMembers(record: CommitteeRecord, signers: Participant[]): Participant[] {
  return signers.filter(
    (p) => !record.signatures.some((s) => s.version === record.version && sameUpn(s.member, p.upn)),
  );
}
