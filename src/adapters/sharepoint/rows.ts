import type { Absence, AbsenceKind } from '../../domain/absence';
import type { CommitteeSettings } from '../../domain/committee/types';
import type { Decision, DecisionStatus } from '../../domain/decision';
import type { FollowUp, FollowUpStatus } from '../../domain/followUp';
import type { Meeting, MeetingKey, MeetingStatus } from '../../domain/meeting';
import { parseReferat } from '../../domain/referatApproval';
import type { MeetingProgress } from '../../domain/meetingProgress';
import type { MeetingTimer } from '../../domain/meetingTimer';
import type { Person } from '../../domain/person';
import { isoOf, json, num, opt, str, type Fields } from './fieldValues';

/** Every column of the Meetings row but ProtocolOpenings (see protocolOpeningsToFields). */
export function meetingToFields(m: Meeting): Fields {
  return {
    Title: m.title,
    MeetingKey: m.key,
    EventId: m.eventId ?? '',
    Series: m.series,
    Start: m.start,
    End: m.end,
    Location: m.location,
    OrganizerUpn: m.organizer.upn,
    OrganizerName: m.organizer.name,
    Attendees: JSON.stringify(m.attendees),
    ReferentUpn: m.referent?.upn ?? '',
    ReferentName: m.referent?.name ?? '',
    FormerReferents: JSON.stringify(m.formerReferents ?? []),
    Status: m.status,
    Information: m.informationNote ?? '',
    JoinUrl: m.joinUrl ?? '',
    AgendaVersion: m.agendaVersion,
    Referat: m.referat ? JSON.stringify(m.referat) : '',
    PermissionsHash: m.permissionsHash ?? '',
    Folders: m.folderIds ? JSON.stringify(m.folderIds) : '',
    Committee: m.committee ? JSON.stringify(m.committee) : '',
  };
}

export function meetingFromFields(f: Fields): Meeting {
  const referentUpn = opt(f.ReferentUpn);
  return {
    key: str(f.MeetingKey),
    eventId: opt(f.EventId),
    series: str(f.Series) || str(f.Title),
    title: str(f.Title),
    start: isoOf(f.Start),
    end: isoOf(f.End),
    location: str(f.Location),
    organizer: { upn: str(f.OrganizerUpn), name: str(f.OrganizerName) || str(f.OrganizerUpn) },
    attendees: json<Person[]>(f.Attendees, []),
    referent: referentUpn ? { upn: referentUpn, name: str(f.ReferentName) || referentUpn } : undefined,
    ...formerReferentsOf(f.FormerReferents),
    status: (opt(f.Status) ?? 'Planlagt') as MeetingStatus,
    informationNote: opt(f.Information),
    joinUrl: opt(f.JoinUrl),
    agendaVersion: num(f.AgendaVersion),
    referat: parseReferat(f.Referat),
    permissionsHash: opt(f.PermissionsHash),
    ...folderIdsOf(f.Folders),
    ...committeeOf(f.Committee),
    ...protocolOpeningsOf(f.ProtocolOpenings),
  };
}

/** The named openings' item ids: only whole numbers survive (a damaged column names none). */
function protocolOpeningsOf(v: unknown): Pick<Meeting, 'protocolOpenings'> {
  const list = json<unknown>(v, []);
  const ids = Array.isArray(list)
    ? list.map((id) => String(id).trim()).filter((id) => /^\d+$/.test(id))
    : [];
  return ids.length ? { protocolOpenings: [...new Set(ids)] } : {};
}

/** The ProtocolOpenings column with `id` added: written alone (`nameProtocolOpening`), never by meetingToFields. */
export function protocolOpeningsToFields(m: Pick<Meeting, 'protocolOpenings'>, id: string): Fields {
  return { ProtocolOpenings: JSON.stringify([...new Set([...(m.protocolOpenings ?? []), id])]) };
}

/** The recorded folder ids: only whole numbers survive (a damaged column counts as none recorded). */
function folderIdsOf(v: unknown): Pick<Meeting, 'folderIds'> {
  const parsed = json<Record<string, unknown> | null>(v, null);
  if (!parsed || typeof parsed !== 'object') return {};
  const ids = Object.entries(parsed).filter((e): e is [string, number] => Number.isInteger(e[1]));
  return ids.length ? { folderIds: Object.fromEntries(ids) } : {};
}

function committeeOf(v: unknown): Pick<Meeting, 'committee'> {
  const c = json<Partial<CommitteeSettings> | null>(v, null);
  if (!c || c.kind !== 'Udvalgsmøde' || !Array.isArray(c.members)) return {};
  return {
    committee: {
      kind: 'Udvalgsmøde',
      committeeName: str(c.committeeName),
      members: c.members,
      agendaDeadlineWorkingDays: num(c.agendaDeadlineWorkingDays, 4),
    },
  };
}

function formerReferentsOf(v: unknown): Pick<Meeting, 'formerReferents'> {
  const list = json<unknown>(v, []);
  const upns = Array.isArray(list)
    ? list.filter((u): u is string => typeof u === 'string' && !!u.trim())
    : [];
  return upns.length ? { formerReferents: upns } : {};
}

/** The MeetingProgress row: the clock, the running status, the referent's submission. */
export function progressToFields(key: MeetingKey, p: MeetingProgress): Fields {
  return {
    Title: key.slice(0, 255),
    MeetingKey: key,
    Status: p.status ?? null,
    Timer: p.timer ? JSON.stringify(p.timer) : '',
    ReferatSubmitted: p.referatSubmitted ? JSON.stringify(p.referatSubmitted) : '',
  };
}

export function progressFromFields(f: Fields): MeetingProgress {
  const status = opt(f.Status);
  const timer = json<unknown>(f.Timer, undefined);
  const submitted = json<unknown>(f.ReferatSubmitted, undefined);
  return {
    ...(status === 'I gang' || status === 'Afsluttet' ? { status } : {}),
    ...(isTimer(timer) ? { timer } : {}),
    ...(isSubmission(submitted) ? { referatSubmitted: submitted } : {}),
  };
}

function isTimer(v: unknown): v is MeetingTimer {
  const t = v as MeetingTimer | null;
  return (
    typeof t === 'object' &&
    t !== null &&
    typeof t.usedSeconds === 'object' &&
    t.usedSeconds !== null &&
    'currentItem' in t
  );
}

function isSubmission(v: unknown): v is NonNullable<MeetingProgress['referatSubmitted']> {
  const s = v as MeetingProgress['referatSubmitted'] | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    Number.isInteger(s.version) &&
    typeof s.by === 'string' &&
    typeof s.at === 'string'
  );
}

export function absenceToFields(key: MeetingKey, a: Absence): Fields {
  return {
    Title: a.person.name,
    MeetingKey: key,
    PersonUpn: a.person.upn.toLowerCase(),
    PersonName: a.person.name,
    Kind: a.kind,
    Items: a.items.join(';'),
    Substitute: a.substitute ?? '',
    RegisteredAt: a.registeredAt,
  };
}

export function absenceFromFields(f: Fields): Absence {
  return {
    person: { upn: str(f.PersonUpn), name: str(f.PersonName) || str(f.PersonUpn) },
    kind: str(f.Kind) as AbsenceKind,
    items: str(f.Items)
      .split(/[;,]/)
      .map((s) => Number(s.trim()))
      .filter((n) => Number.isFinite(n) && n > 0),
    substitute: opt(f.Substitute),
    registeredAt: isoOf(f.RegisteredAt),
  };
}

/** A person's own afbud reason (AbsenceReasons; ReadSecurity 2: only they and the organizer read it). */
export function reasonToFields(key: MeetingKey, personUpn: string, reason: string): Fields {
  return {
    Title: personUpn.toLowerCase(),
    MeetingKey: key,
    PersonUpn: personUpn.toLowerCase(),
    Reason: reason,
  };
}

export function decisionToFields(key: MeetingKey, d: Decision): Fields {
  return {
    Title: `Punkt ${d.itemNumber}`,
    MeetingKey: key,
    ItemNumber: d.itemNumber,
    ItemTitle: d.itemTitle.slice(0, 255),
    Text: d.text,
    Status: d.status,
    EditorUpn: d.editorUpn,
    UpdatedAt: d.updatedAt,
  };
}

export function decisionFromFields(f: Fields): Decision {
  return {
    itemNumber: num(f.ItemNumber),
    itemTitle: str(f.ItemTitle),
    text: str(f.Text),
    status: (opt(f.Status) ?? 'Kladde') as DecisionStatus,
    editorUpn: str(f.EditorUpn),
    updatedAt: isoOf(f.UpdatedAt),
  };
}

export function followUpToFields(key: MeetingKey, u: FollowUp): Fields {
  return {
    Title: u.task.slice(0, 255),
    MeetingKey: key,
    FollowUpId: u.id,
    ItemNumber: u.itemNumber,
    Owner: u.owners.join(', '),
    Task: u.task,
    Due: u.due ? `${u.due}T00:00:00Z` : null,
    Status: u.status,
  };
}

export function followUpFromFields(f: Fields, rowId: string): FollowUp {
  return {
    id: str(f.FollowUpId) || `row-${rowId}`,
    itemNumber: num(f.ItemNumber),
    owners: str(f.Owner)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    task: str(f.Task),
    due: opt(f.Due)?.slice(0, 10),
    status: (opt(f.Status) ?? 'Åben') as FollowUpStatus,
  };
}
