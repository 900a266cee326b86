import type { Person } from '../person';

/**
 * Committee meetings (udvalgsmøder) keep a beslutningsprotokol. These are the shapes every layer shares;
 * the rules over them live beside this file (attendance.ts, votes.ts, protocol.ts, …).
 */

/** A series setting: an ordinary leadership meeting, or a political committee with members and a protocol. */
export type SeriesKind = 'Rådmandsmøde' | 'Udvalgsmøde';

export interface CommitteeMember {
  person: Person;
  /** Party letter or name as the municipality prints it, e.g. "A", "V", "Ø", "C". */
  party: string;
  /** The member's standing substitute (stedfortræder), called in when the member melder afbud. */
  substitute?: Person;
}

export interface CommitteeSettings {
  kind: 'Udvalgsmøde';
  /** "Social- og Beskæftigelsesudvalget" */
  committeeName: string;
  members: CommitteeMember[];
  /** The agenda must be sent at least this many working days (Mon–Fri, Danish public holidays excluded) before. Default 4. */
  agendaDeadlineWorkingDays: number;
}

/** Who is present during one item, when it differs from the meeting's attendance (late arrival, leaving early). */
export interface ItemAttendance {
  itemNumber: number;
  /** UPNs of members (or called-in substitutes) absent during this item. */
  absent: string[];
  recordedBy: string;
  recordedAt: string;
}

export interface Inhabilitet {
  itemNumber: number;
  /** The member's UPN. */
  member: string;
  reason: string;
  /** The committee's decision on the declaration; an inhabil member takes no part in the item and cannot vote. */
  decision: 'Inhabil' | 'Ikke inhabil' | 'Afventer';
  declaredBy: string;
  declaredAt: string;
  /**
   * The member's own declaration, when there is one (Forvaltningsloven § 6: the member says so): kept beside
   * the committee's decision so the declared reason is not lost when the decision is recorded.
   */
  declaration?: InhabilitetDeclaration;
}

/** A member's declaration of inhabilitet on an item (or one the secretary typed for them), before any decision. */
export interface InhabilitetDeclaration {
  itemNumber: number;
  member: string;
  reason: string;
  declaredBy: string;
  declaredAt: string;
}

export type VoteChoice = 'For' | 'Imod' | 'Undlod';

export interface Vote {
  itemNumber: number;
  /** UPN of the member (or the substitute voting in the member's place) → choice. */
  choices: Record<string, VoteChoice>;
  recordedBy: string;
  recordedAt: string;
}

/** Kommunestyrelsesloven § 20, stk. 3: a member who voted against or abstained may have a short statement entered. */
export interface Protokoltilfoersel {
  itemNumber: number;
  member: string;
  text: string;
  writtenBy: string;
  writtenAt: string;
}

export interface ProtocolSignature {
  member: string;
  /** The protocol version signed, and the checksum of its approved text. */
  version: number;
  checksum: string;
  signedAt: string;
}

/** Everything recorded for one committee meeting beyond the ordinary agenda/decisions/afbud. */
export interface CommitteeRecord {
  attendance: ItemAttendance[];
  inhabilitet: Inhabilitet[];
  votes: Vote[];
  tilfoersler: Protokoltilfoersel[];
  signatures: ProtocolSignature[];
  /** Starts at 1; a change after a signature makes a new version and resets the signatures. */
  version: number;
  /** Earlier versions' checksums and who had signed them, kept as history. */
  history: Array<{ version: number; checksum: string; signatures: ProtocolSignature[] }>;
  /**
   * Added by COMMITTEE-DOMAIN (issue 16 point 7), for COMMITTEE-EDGE to store and let the organizer set:
   * what the public protocol shows of each closed item. A closed item without an entry shows "Lukket punkt"
   * and no decision. buildReferat(…, { audience: 'public' }, …, committee) reads it.
   */
  publication?: ClosedItemPublication[];
}

/** The organizer's choice for one closed item in the public protocol. */
export interface ClosedItemPublication {
  itemNumber: number;
  /** Print the item's title (else "Lukket punkt"). */
  publishTitle: boolean;
  /** Print the decision (and the vote) — the supervisory authority criticises publishing headings only. */
  publishDecision: boolean;
}
