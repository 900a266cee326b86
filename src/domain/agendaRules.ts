import type { AgendaItem } from './agendaItem';
import type { Guest, Person } from './person';
import { sameUpn } from './person';
import type { ValidationIssue } from './validation';

/** Minutes an item may be planned for: at least one, at most a working day. */
export const MINUTES_MIN = 1;
export const MINUTES_MAX = 480;

/**
 * Why an agenda may not be published yet, as codes (the words live in the UI's vocabulary). `field` names
 * the control the message belongs to: `items.<index>.<field>` for an item's field, `items` or `referent`
 * for the agenda as a whole.
 */
export type AgendaRule =
  'noItems' | 'noReferent' | 'minutesRange' | 'guestAddress' | 'guestName' | 'guestOnClosed';

export interface AgendaRuleIssue {
  field: string;
  rule: AgendaRule;
  /** The item's number (Punkt N) when the issue is about one item. */
  item?: number;
  /** The guest the issue is about, as typed. */
  guest?: string;
}

// One @, no spaces, a dot in the domain: what Exchange would accept as an SMTP address.
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

export const isAddress = (text: string): boolean => ADDRESS.test(text.trim());

/** A guest is a tenant person resolved to a name, or a well-formed address with a name. */
export function guestIssues(guest: Guest): AgendaRule[] {
  const upn = guest.upn?.trim() ?? '';
  const name = guest.name.trim();
  if (!upn || !isAddress(upn)) return ['guestAddress'];
  if (!name || sameUpn(name, upn) || isAddress(name)) return ['guestName'];
  return [];
}

/** The issues of one item, with `items.<index>.` fields. */
export function itemRuleIssues(item: AgendaItem, index: number): AgendaRuleIssue[] {
  const at = (f: string) => `items.${index}.${f}`;
  const issues: AgendaRuleIssue[] = [];
  const m = item.durationMinutes;
  if (!Number.isInteger(m) || m < MINUTES_MIN || m > MINUTES_MAX)
    issues.push({ field: at('durationMinutes'), rule: 'minutesRange', item: item.number });
  if (item.closed && item.guests.length)
    issues.push({ field: at('guests'), rule: 'guestOnClosed', item: item.number });
  else
    for (const g of item.guests)
      for (const rule of guestIssues(g))
        issues.push({ field: at('guests'), rule, item: item.number, guest: g.upn || g.name });
  return issues;
}

/**
 * What must be true before "Send dagsorden": at least one item, a referent (unless the organizer said
 * explicitly to send without one), and every item's minutes and guests valid. Items in number order.
 */
export function publishIssues(
  items: AgendaItem[],
  referent: Person | undefined,
  options: { withoutReferent?: boolean } = {},
): AgendaRuleIssue[] {
  const ordered = [...items].sort((a, b) => a.number - b.number);
  const issues: AgendaRuleIssue[] = [];
  if (!ordered.length) issues.push({ field: 'items', rule: 'noItems' });
  if (!referent && !options.withoutReferent) issues.push({ field: 'referent', rule: 'noReferent' });
  ordered.forEach((item, i) => issues.push(...itemRuleIssues(item, i)));
  return issues;
}

const RULE_CODE: Record<AgendaRule, ValidationIssue['code']> = {
  noItems: 'required',
  noReferent: 'required',
  minutesRange: 'range',
  guestAddress: 'invalid',
  guestName: 'invalid',
  guestOnClosed: 'invalid',
};

/**
 * The publish rules as validation issues (the field, the item's number and the guest as typed), for the
 * use case that sends: it refuses with a ValidationError whatever page or script called it.
 */
export function publishValidationIssues(
  items: AgendaItem[],
  referent: Person | undefined,
  options: { withoutReferent?: boolean } = {},
): ValidationIssue[] {
  return publishIssues(items, referent, options).map((i) => ({
    field: i.field,
    code: RULE_CODE[i.rule],
    rule: i.rule,
    params: {
      ...(i.item !== undefined ? { item: i.item } : {}),
      ...(i.guest !== undefined ? { name: i.guest } : {}),
    },
  }));
}

/**
 * Guests as the secretary types them: "Navn <adresse>" separated by commas (or semicolons, as Outlook
 * writes them). A bare address takes the name of the person it belongs to when one is known.
 */
export function parseGuests(text: string, known: Person[] = []): Guest[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part): Guest => {
      const named = /^(.*?)\s*<([^<>]*)>$/.exec(part);
      if (named) {
        const upn = named[2]!.trim().toLowerCase();
        const name = named[1]!.replace(/^"|"$/g, '').trim();
        return { name: name || (known.find((p) => sameUpn(p.upn, upn))?.name ?? upn), upn };
      }
      if (part.includes('@')) {
        const upn = part.toLowerCase();
        return { name: known.find((p) => sameUpn(p.upn, upn))?.name ?? upn, upn };
      }
      return { name: part };
    });
}

/** The text form of guests, as `parseGuests` reads it back. */
export const guestsText = (guests: Guest[]): string =>
  guests
    .map((g) => (g.upn ? (g.name && !sameUpn(g.name, g.upn) ? `${g.name} <${g.upn}>` : g.upn) : g.name))
    .join(', ');
