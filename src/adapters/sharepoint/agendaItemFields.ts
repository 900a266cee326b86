import type { AgendaItem, Attachment, Category } from '../../domain/agendaItem';
import type { MeetingKey } from '../../domain/meeting';
import type { Guest } from '../../domain/person';
import { json, num, opt, str, type Fields } from './fieldValues';
import { indstillingFromFields, indstillingToFields } from './indstillingColumn';

/** An agenda item's AgendaItems row, both ways; guests typed by hand in SharePoint are read too. */
export function itemToFields(key: MeetingKey, i: AgendaItem): Fields {
  return {
    Title: i.title,
    MeetingKey: key,
    ItemId: i.id,
    Number: i.number,
    Category: i.category ?? null,
    DurationMinutes: i.durationMinutes,
    StartMinutes: i.startMinutes ?? null,
    Presenter: i.presenter ?? '',
    Guests: JSON.stringify(i.guests),
    Description: i.description ?? '',
    Closed: i.closed,
    CaseNumber: i.caseNumber ?? '',
    Attachments: JSON.stringify(i.attachments),
    Order: i.number,
    Standing: i.standing === true,
    ...indstillingToFields(i),
  };
}

export function itemFromFields(f: Fields, rowId: string): AgendaItem {
  return {
    id: str(f.ItemId) || `row-${rowId}`,
    number: num(f.Number),
    title: str(f.Title),
    category: (opt(f.Category) ?? null) as Category | null,
    durationMinutes: num(f.DurationMinutes),
    ...(opt(f.StartMinutes) !== undefined && Number.isFinite(Number(f.StartMinutes))
      ? { startMinutes: Number(f.StartMinutes) }
      : {}),
    presenter: opt(f.Presenter),
    guests: parseGuests(f.Guests),
    description: opt(f.Description),
    closed: isTrue(f.Closed),
    caseNumber: opt(f.CaseNumber),
    attachments: json<Attachment[]>(f.Attachments, []),
    ...(isTrue(f.Standing) ? { standing: true } : {}),
    ...indstillingFromFields(f),
  };
}

/** A yes/no column as Graph returns it (true), or as typed by hand in SharePoint ("true", 1). */
const isTrue = (v: unknown): boolean => v === true || v === 'true' || v === 1;

/**
 * Guests are stored as JSON `[{name, upn}]`; a plain "a@x; b@y" list (typed by hand in SharePoint) is read
 * too. Never throws: anyone with edit rights can put anything in the column, so junk entries are dropped.
 */
export function parseGuests(v: unknown): Guest[] {
  if (Array.isArray(v)) return guestsOf(v);
  if (typeof v !== 'string' || !v.trim()) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch {
    return v
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => (s.includes('@') ? { name: s, upn: s } : { name: s }));
  }
  return Array.isArray(parsed) ? guestsOf(parsed) : [];
}

function guestsOf(entries: unknown[]): Guest[] {
  const out: Guest[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') {
      const s = entry.trim();
      if (s) out.push(s.includes('@') ? { name: s, upn: s } : { name: s });
      continue;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
    const { name, upn } = entry as { name?: unknown; upn?: unknown };
    const u = typeof upn === 'string' && upn.trim() ? upn.trim() : undefined;
    const n = typeof name === 'string' && name.trim() ? name.trim() : u;
    if (!n) continue;
    out.push(u ? { name: n, upn: u } : { name: n });
  }
  return out;
}
