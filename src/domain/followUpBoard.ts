import type { AgendaItem } from './agendaItem';
import { foldWord } from './archive/danishFold';
import type { FollowUp } from './followUp';
import type { Person } from './person';
import { TITLE_MAX } from './text';

/** A follow-up with the meeting it came from, as the overview and "Mine opfølgninger" show it. */
export interface FollowUpRow {
  followUp: FollowUp;
  meetingKey: string;
  series: string;
  /** ISO UTC start of the meeting, '' when unknown. */
  meetingStart: string;
  itemTitle: string;
  /** The meeting's organizer, who may change status and due date. */
  organizerUpn: string;
}

/** Open first, then by due date (none last), then by meeting date: what needs doing next on top. */
export function sortForOverview(rows: FollowUpRow[]): FollowUpRow[] {
  const rank = { Åben: 0, 'I gang': 1, Afsluttet: 2 } as const;
  return [...rows].sort(
    (a, b) =>
      rank[a.followUp.status] - rank[b.followUp.status] ||
      (a.followUp.due ?? '9999').localeCompare(b.followUp.due ?? '9999') ||
      b.meetingStart.localeCompare(a.meetingStart) ||
      a.followUp.itemNumber - b.followUp.itemNumber,
  );
}

/**
 * Is the person an owner of the follow-up? Decisions name owners the way people talk: "Mads", "Mads
 * Nielsen", a unit ("FAS") — so the person's full name, first name and mail alias all count.
 */
export function isMine(followUp: FollowUp, me: Person, units: string[] = []): boolean {
  const mine = new Set(
    [me.name, me.name.split(/\s+/)[0], me.upn.split('@')[0], ...units]
      .filter(Boolean)
      .map((n) => foldWord(n)),
  );
  return followUp.owners.some((o) => mine.has(foldWord(o)) || mine.has(foldWord(o.split(/\s+/)[0])));
}

/**
 * "Tag med på næste møde": an unfinished follow-up as an agenda item of the next meeting, a short
 * information item presented by its owners; its words (`text`) are src/i18n/carryOver.ts's.
 */
export function carryOverItem(
  row: FollowUpRow,
  id: string,
  text: { title: string; description: string },
): Omit<AgendaItem, 'number'> {
  const { title } = text;
  return {
    id,
    title: title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title,
    category: 'Til orientering',
    durationMinutes: 5,
    presenter: row.followUp.owners.join(', ') || undefined,
    guests: [],
    closed: false,
    description: text.description,
    attachments: [],
  };
}
