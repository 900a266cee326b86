import type { Absence } from './absence';
import type { AgendaItem } from './agendaItem';
import { absentDuringItem, isInhabil, itemParticipants, meetingAttendance } from './committee/attendance';
import type { CommitteeRecord, CommitteeSettings } from './committee/types';
import { voteOn, voteResult, type VoteResult } from './committee/votes';
import type { Decision } from './decision';
import type { FollowUp } from './followUp';
import type { InformationInput } from './information';
import type { Meeting } from './meeting';
import { sameUpn } from './person';

export type Audience = 'public' | 'members';

/**
 * How an item's title is shown: as written (an open item), marked as closed (the members' version, or a
 * committee's public one where the organizer published the title), or withheld in its place.
 */
export type TitleShown = 'open' | 'closed' | 'withheld';

export interface ItemTitle {
  number: number;
  title: string;
  shown: TitleShown;
}

/** A committee meeting's beslutningsprotokol under one item. */
export interface ItemProtocol {
  /** The names of the members absent during the item. */
  absent: string[];
  /** The names of those who took no part because of inhabilitet. */
  inhabil: string[];
  /** The vote by name and its result, when one was recorded. */
  vote?: VoteResult;
  /** The protokoltilførsler: each member's latest text, on one line. */
  tilfoersler: Array<{ name: string; text: string }>;
}

export interface ReferatItemContent extends ItemTitle {
  closed: boolean;
  durationMinutes?: number;
  /** Empty when withheld from the public. */
  decision: string;
  usedMinutes?: number;
  /** Committee meetings, unless the item is withheld. */
  protocol?: ItemProtocol;
  /** The item's follow-ups (none when withheld). */
  followUps: FollowUp[];
}

/** What the referat says, before it is worded (src/i18n/referat.ts words it in Danish or English). */
export interface ReferatBody {
  audience: Audience;
  series: string;
  start: string;
  end: string;
  location: string;
  /** The Information line's content; committees name their standing substitutes who attend first. */
  information: InformationInput & { substitutes: Array<{ name: string; substituteFor: string }> };
  /** The contents in agenda order, a group where the category changes (no category: the other items). */
  contents: Array<{ category?: string; items: ItemTitle[] }>;
  items: ReferatItemContent[];
}

export interface ReferatContent extends ReferatBody {
  /**
   * Committee meetings: the protocol's version, who signed it (name and when), and what the members approve:
   * the members' version, whose Danish text is the one checksummed (ADR 006) whatever this export's audience.
   */
  protocol?: {
    version: number;
    signatures: Array<{ name: string; signedAt: string }>;
    approved: ReferatBody;
  };
}

/** What buildReferat needs for a committee meeting's beslutningsprotokol. */
export interface ReferatCommittee {
  settings: CommitteeSettings;
  record: CommitteeRecord;
  /** The afbud that decide attendance; the referat's own absences when left out. */
  absences?: Absence[];
}

/** The beslutningsprotokol under one item: who was away or inhabil, the vote, the tilførsler. */
function itemProtocol(c: Required<ReferatCommittee>, itemNumber: number): ItemProtocol {
  const { settings, record, absences } = c;
  const attending = meetingAttendance(settings, absences);
  const nameOf = (upn: string) =>
    attending.find((p) => sameUpn(p.upn, upn))?.name ??
    settings.members.find((m) => sameUpn(m.person.upn, upn))?.person.name ??
    upn;
  const vote = voteOn(record, itemNumber);
  // A member may change her tilførsel until she signs: her latest text is the one entered.
  const latest = new Map<string, CommitteeRecord['tilfoersler'][number]>();
  for (const t of [...record.tilfoersler]
    .filter((t) => t.itemNumber === itemNumber)
    .sort((a, b) => a.writtenAt.localeCompare(b.writtenAt)))
    latest.set(t.member.trim().toLowerCase(), t);
  return {
    absent: absentDuringItem(settings, record, absences, itemNumber),
    inhabil: attending.filter((p) => isInhabil(record, p.upn, itemNumber)).map((p) => p.name),
    ...(vote && { vote: voteResult(vote, itemParticipants(settings, record, absences, itemNumber)) }),
    tilfoersler: [...latest.values()].map((t) => ({
      name: nameOf(t.member),
      text: t.text.replace(/\s*\n\s*/g, ' ').trim(),
    })),
  };
}

function buildBody(
  meeting: Meeting,
  items: AgendaItem[],
  decisions: Decision[],
  absences: Absence[],
  audience: Audience,
  committee: Required<ReferatCommittee> | undefined,
  followUps: readonly FollowUp[] = [],
): ReferatBody {
  const publication = (i: AgendaItem) =>
    committee?.record.publication?.find((p) => p.itemNumber === i.number) ?? {
      publishTitle: false,
      publishDecision: false,
    };
  // Committees publish closed items as far as confidentiality allows; other meetings leave them out.
  const shown = [...items]
    .sort((a, b) => a.number - b.number)
    .filter((i) => audience === 'members' || !i.closed || committee);
  const hidden = (i: AgendaItem) => audience === 'public' && i.closed;
  const decisionOf = new Map(decisions.map((d) => [d.itemNumber, d.text]));
  const used = meeting.timer?.usedSeconds ?? {};
  const title = (i: AgendaItem): ItemTitle => ({
    number: i.number,
    title: i.title,
    shown: !i.closed ? 'open' : hidden(i) && !publication(i).publishTitle ? 'withheld' : 'closed',
  });
  // One order everywhere: the contents follow the numbers; a category heading starts where it changes.
  const contents: ReferatBody['contents'] = [];
  for (const i of shown) {
    const category = i.category || undefined;
    const last = contents[contents.length - 1];
    if (last && last.category === category) last.items.push(title(i));
    else contents.push({ category, items: [title(i)] });
  }
  let substitutes: ReferatBody['information']['substitutes'] = [];
  let informationAbsences = absences;
  if (committee) {
    const subs = meetingAttendance(committee.settings, committee.absences).filter((p) => p.asSubstituteFor);
    substitutes = subs.map((p) => ({ name: p.name, substituteFor: p.asSubstituteFor!.name }));
    // The standing substitute is named in the sentence above, not again after the afbud.
    informationAbsences = absences.map((a) =>
      subs.some((p) => sameUpn(p.asSubstituteFor!.upn, a.person.upn)) ? { ...a, substitute: undefined } : a,
    );
  }
  return {
    audience,
    series: meeting.series,
    start: meeting.start,
    end: meeting.end,
    location: meeting.location,
    information: {
      absences: informationAbsences,
      referent: meeting.referent,
      items: audience === 'members' ? items : items.filter((i) => !i.closed),
      note: meeting.informationNote,
      substitutes,
    },
    contents,
    items: shown.map((i) => {
      const withheld = hidden(i) && !publication(i).publishDecision;
      return {
        ...title(i),
        closed: i.closed,
        ...(i.durationMinutes ? { durationMinutes: i.durationMinutes } : {}),
        decision: withheld ? '' : (decisionOf.get(i.number) ?? '').trim(),
        usedMinutes: used[i.number] !== undefined ? Math.round(used[i.number] / 60) : undefined,
        ...(committee && !withheld ? { protocol: itemProtocol(committee, i.number) } : {}),
        followUps: withheld ? [] : followUps.filter((f) => f.itemNumber === i.number),
      };
    }),
  };
}

/**
 * What the referat (minutes) says, in the municipality's layout: header, Information line, contents by
 * category, then per item its heading and its decision. The public version leaves closed items out (the
 * other numbers stay as printed); the members' version keeps them, marked closed.
 *
 * With `committee` it is the beslutningsprotokol: under each item the absences during it, inhabilitet,
 * the vote by name and its result, and the protokoltilførsler; substitutes in the Information line; at the
 * end the signatures and the protocol's version. Its public version shows closed items too, with the title
 * withheld or shown and the decision only where the organizer marked it publishable
 * (CommitteeRecord.publication). The words are src/i18n/referat.ts's.
 */
export function referatContent(
  meeting: Meeting,
  items: AgendaItem[],
  decisions: Decision[],
  absences: Absence[],
  options: { audience: Audience; followUps?: readonly FollowUp[] },
  committee?: ReferatCommittee,
): ReferatContent {
  const c = committee && { ...committee, absences: committee.absences ?? absences };
  const body = buildBody(meeting, items, decisions, absences, options.audience, c, options.followUps);
  if (!c) return body;
  const approved =
    options.audience === 'members' ? body : buildBody(meeting, items, decisions, absences, 'members', c);
  const attending = meetingAttendance(c.settings, c.absences);
  const signatures = [...c.record.signatures]
    .filter((s) => s.version === c.record.version)
    .sort((a, b) => a.signedAt.localeCompare(b.signedAt))
    .map((s) => ({
      name: attending.find((p) => sameUpn(p.upn, s.member))?.name ?? s.member,
      signedAt: s.signedAt,
    }));
  return { ...body, protocol: { version: c.record.version, signatures, approved } };
}
