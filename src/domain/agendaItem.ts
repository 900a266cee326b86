import type { Indstilling } from './indstilling/indstilling';
import type { Guest } from './person';

export const CATEGORIES = ['Til godkendelse', 'Til drøftelse', 'Til orientering', 'Til beslutning'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Attachment {
  name: string;
  url: string;
  /** Bytes. */
  size: number;
}

/** One numbered point (Punkt N) on the agenda. */
export interface AgendaItem {
  /** Stable identity across reorderings (a UUID); `number` is the printed position. */
  id: string;
  number: number;
  title: string;
  category: Category | null;
  durationMinutes: number;
  /**
   * The item's planned start in minutes after the meeting's start, as the whole agenda gives it (set by
   * `withPlannedStarts` when the organizer saves or sends). Stored on the item's own row because that row
   * is all a guest may read: SharePoint gives her her item only, so her page cannot count the items before it.
   */
  startMinutes?: number;
  presenter?: string;
  guests: Guest[];
  description?: string;
  /** LUKKET PUNKT: visible to the meeting's members only. */
  closed: boolean;
  /**
   * A standing item ("fast punkt"): the secretary marked it as one the series always has, so "Tilføj faste
   * punkter" offers it for the series' next meeting. Absent: not marked.
   */
  standing?: boolean;
  /** Case number, e.g. "EMN-2022-03107". */
  caseNumber?: string;
  attachments: Attachment[];
  /**
   * The indstilling the item is decided on, stored on the item's own row (so it has exactly the item's
   * readers and SharePoint's version history). Absent: not known (a new item, a row never given one);
   * null: none.
   */
  indstilling?: Indstilling | null;
  /** The row's indstilling could not be read (malformed or hostile JSON): shown as none, the organizer told. */
  indstillingUnreadable?: true;
}
