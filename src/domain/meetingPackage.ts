import type { AgendaItem, Category } from './agendaItem';
import type { Indstilling } from './indstilling/indstilling';
import type { Meeting } from './meeting';
import { circleOf, roleIn, visibleItems, type Role } from './permissions';

/**
 * "Hent mødemappe" (issue 25 point 3): what one reader's package holds. The pages build it in the browser from
 * what the reader's own token read, so SharePoint has already trimmed it; the plan applies the meeting's rule
 * set once more (a guest her own open items, closed items only for the circle, anyone else nothing), so a row
 * that slipped through a mis-set permission still stays out of the PDF.
 *
 * - `reader`: the person's own package, every item they may read with its indstilling and bilag;
 * - `public`: the organizer's publishable version: open items in full, a closed item as "Lukket punkt" with
 *   nothing of its own (no title, indstilling or bilag).
 */
export type PackageKind = 'reader' | 'public';

/** An item in the package: in full, or withheld (its number only). */
export type PlannedItem =
  | {
      withheld: false;
      number: number;
      itemId: string;
      title: string;
      category: Category | null;
      durationMinutes: number;
      closed: boolean;
      indstilling: Indstilling | null;
      /** The item's row had an indstilling that could not be read: the package says so. */
      indstillingUnreadable: boolean;
    }
  | { withheld: true; number: number };

export interface PackagePlan {
  kind: PackageKind;
  role: Role;
  items: PlannedItem[];
}

/** Why a package is not made: the reader is not in the meeting, or asks for the public one without being its organizer. */
export type PackageRefusal = 'notInvited' | 'onlyOrganizerPublicPackage';

export interface PackageMeeting {
  meeting: Pick<Meeting, 'organizer' | 'attendees' | 'referent'>;
  /** The agenda items as the reader's token read them. */
  items: AgendaItem[];
}

export function packagePlan(
  { meeting, items }: PackageMeeting,
  reader: { upn: string },
  kind: PackageKind = 'reader',
): PackagePlan | { refused: PackageRefusal } {
  const role = roleIn(circleOf(meeting, items), reader.upn);
  if (role === 'none') return { refused: 'notInvited' };
  if (kind === 'public' && role !== 'organizer') return { refused: 'onlyOrganizerPublicPackage' };
  const readable = kind === 'public' ? items : visibleItems(items, role, reader.upn);
  const planned = [...readable]
    .sort((a, b) => a.number - b.number)
    .map((i): PlannedItem => {
      if (kind === 'public' && i.closed) return { withheld: true, number: i.number };
      return {
        withheld: false,
        number: i.number,
        itemId: i.id,
        title: i.title,
        category: i.category,
        durationMinutes: i.durationMinutes,
        closed: i.closed,
        indstilling: i.indstilling ?? null,
        indstillingUnreadable: i.indstillingUnreadable === true,
      };
    });
  return { kind, role, items: planned };
}
