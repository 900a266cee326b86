import type { Absence, AbsenceKind } from '../../domain/absence';
import type { AgendaItem, Attachment, Category } from '../../domain/agendaItem';
import type { Decision, DecisionStatus } from '../../domain/decision';
import type { FollowUp, FollowUpStatus } from '../../domain/followUp';
import type { Meeting, MeetingKey, MeetingStatus } from '../../domain/meeting';
import { parseReferat } from '../../domain/referatApproval';
import type { MeetingTimer } from '../../domain/meetingTimer';
import type { Guest, Person } from '../../domain/person';

/** A SharePoint list item's `fields` as Graph returns and takes them. */
export type Fields = Record<string, unknown>;

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const opt = (v: unknown): string | undefined =>
  v === null || v === undefined || v === '' ? undefined : String(v);
const num = (v: unknown, fallback = 0): number =>
  v === null || v === undefined || v === '' ? fallback : Number(v);
const json = <T>(v: unknown, fallback: T): T => {
  if (typeof v !== 'string' || !v) return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
};

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
    Status: m.status,
    Information: m.informationNote ?? '',
    JoinUrl: m.joinUrl ?? '',
    AgendaVersion: m.agendaVersion,
    Timer: m.timer ? JSON.stringify(m.timer) : '',
    Referat: m.referat ? JSON.stringify(m.referat) : '',
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
    status: (opt(f.Status) ?? 'Planlagt') as MeetingStatus,
    informationNote: opt(f.Information),
    joinUrl: opt(f.JoinUrl),
    agendaVersion: num(f.AgendaVersion),
    timer: json<MeetingTimer | undefined>(f.Timer, undefined),
    referat: parseReferat(f.Referat),
  };
}

export function itemToFields(key: MeetingKey, i: AgendaItem): Fields {
  return {
    Title: i.title,
    MeetingKey: key,
    ItemId: i.id,
    Number: i.number,
    Category: i.category ?? null,
    DurationMinutes: i.durationMinutes,
    Presenter: i.presenter ?? '',
    Guests: JSON.stringify(i.guests),
    Description: i.description ?? '',
    Closed: i.closed,
    CaseNumber: i.caseNumber ?? '',
    Attachments: JSON.stringify(i.attachments),
    Order: i.number,
  };
}

export function itemFromFields(f: Fields, rowId: string): AgendaItem {
  return {
    id: str(f.ItemId) || `row-${rowId}`,
    number: num(f.Number),
    title: str(f.Title),
    category: (opt(f.Category) ?? null) as Category | null,
    durationMinutes: num(f.DurationMinutes),
    presenter: opt(f.Presenter),
    guests: parseGuests(f.Guests),
    description: opt(f.Description),
    closed: f.Closed === true || f.Closed === 'true' || f.Closed === 1,
    caseNumber: opt(f.CaseNumber),
    attachments: json<Attachment[]>(f.Attachments, []),
  };
}

/** Guests are stored as JSON `[{name, upn}]`; a plain "a@x; b@y" list (typed by hand in SharePoint) is read too. */
export function parseGuests(v: unknown): Guest[] {
  const parsed = json<Guest[] | null>(v, null);
  if (Array.isArray(parsed)) return parsed;
  return str(v)
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s.includes('@') ? { name: s, upn: s } : { name: s }));
}

export function absenceToFields(key: MeetingKey, a: Absence): Fields {
  return {
    Title: a.person.name,
    MeetingKey: key,
    PersonUpn: a.person.upn.toLowerCase(),
    PersonName: a.person.name,
    Kind: a.kind,
    Items: a.items.join(';'),
    Reason: a.reason ?? '',
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
    reason: opt(f.Reason),
    substitute: opt(f.Substitute),
    registeredAt: isoOf(f.RegisteredAt),
  };
}

export function decisionToFields(key: MeetingKey, d: Decision): Fields {
  return {
    Title: `Punkt ${d.itemNumber}`,
    MeetingKey: key,
    SlotKey: `${key}#${d.itemNumber}`,
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

function isoOf(v: unknown): string {
  const s = str(v);
  if (!s) return '';
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : d.toISOString();
}
