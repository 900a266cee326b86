import type { MeetingKey } from '../../domain/meeting';
import {
  locateMeetings,
  progressBelongsTo,
  splitByPlace,
  type MeetingLocation,
  type MisplacedRow,
} from '../../domain/trust/place';
import { Forbidden } from '../../ports/errors';
import { meetingRowPlace, placeOf, type GraphItem, type Page } from './graphRows';
import type { ListClient } from './listClient';
import type { ListName } from './listSchema';

/**
 * Where each meeting lives (docs/adr/004-permissions.md, "Secretaries"): learned from the Meetings rows a
 * read brings (locateMeetings decides which one counts) or from the organizer's own write, and which rows
 * of a read belong to the meeting's place.
 */
export class MeetingPlaces {
  private readonly locations = new Map<MeetingKey, MeetingLocation>();
  /** Meetings whose organizer the caller knows from the calendar event (locateMeetings trusts only hers). */
  private readonly organizers = new Map<MeetingKey, string>();

  constructor(private readonly c: ListClient) {}

  /**
   * Learns where meetings live from Meetings rows just read (src/domain/trust/place.ts, locateMeetings) and
   * returns those that count, one per meeting.
   */
  locate(meetingRows: GraphItem[]): GraphItem[] {
    const found = locateMeetings(meetingRows.map(meetingRowPlace('Meetings')), (key) =>
      this.organizers.get(key),
    );
    for (const [key, where] of found) this.locations.set(key, where);
    const counted = new Set([...found.values()].map((w) => w.id));
    return meetingRows.filter((r) => counted.has(r.id));
  }

  /** Where meeting `key` lives, as last learned (undefined: no Meetings row of it read or written yet). */
  location(key: MeetingKey): MeetingLocation | undefined {
    return this.locations.get(key);
  }

  /** Where meeting `key` lives: learned, or read from its Meetings row. Undefined when it has none. */
  async whereIs(key: MeetingKey): Promise<MeetingLocation | undefined> {
    const known = this.locations.get(key);
    if (known) return known;
    let page: Page;
    try {
      page = await this.c.get<Page>(this.c.byKeyUrl('Meetings', key));
    } catch (e) {
      if (e instanceof Forbidden) return undefined;
      throw e;
    }
    this.locate(await this.c.rowsFrom(page));
    return this.locations.get(key);
  }

  /**
   * The meeting's organizer as its calendar event says: from now on only her Meetings row says where the
   * meeting lives. A location learned before from another secretary's row is forgotten.
   */
  expectOrganizer(key: MeetingKey, upn: string): void {
    const organizer = upn.trim().toLowerCase();
    if (this.organizers.get(key) === organizer) return;
    this.organizers.set(key, organizer);
    this.locations.delete(key);
    this.c.forget('Meetings', key, '');
    this.c.forget('MeetingProgress', key, '');
  }

  /** Remembers where a meeting lives after the organizer wrote its Meetings row. */
  settle(key: MeetingKey, where: MeetingLocation): void {
    this.locations.set(key, where);
  }

  /**
   * The rows of a list that belong to meeting `key` (held in its place), and those whose column names it
   * from elsewhere. Meetings rows count as locateMeetings says; a MeetingProgress row where its meeting's
   * Meetings row lives. Call after the meeting's location is known (locate / whereIs).
   */
  place(
    list: ListName,
    key: MeetingKey,
    rows: GraphItem[],
  ): { rows: GraphItem[]; misplaced: MisplacedRow[] } {
    const where = this.locations.get(key);
    if (list === 'Meetings') {
      const counted = this.locate(rows).filter((r) => String(r.fields?.MeetingKey ?? '') === key);
      return { rows: counted, misplaced: [] };
    }
    if (list === 'MeetingProgress')
      return {
        rows: where ? rows.filter((r) => progressBelongsTo(key, where, placeOf(list)(r))) : [],
        misplaced: [],
      };
    return splitByPlace(key, where?.place, list, rows, placeOf(list));
  }
}
