import type { AgendaItem } from './agendaItem';
import type { Meeting } from './meeting';
import { escapeHtml } from './text';

/** Delimiters of the agenda section in a calendar event body; everything outside them is the organizer's. */
export const AGENDA_START = '<!-- moedeassistent:agenda:start -->';
export const AGENDA_END = '<!-- moedeassistent:agenda:end -->';

/**
 * The agenda as a small HTML section for the top of the event body. Every user text is escaped here;
 * the calendar adapter additionally runs the result through an allow-list sanitizer before writing.
 * Closed items show only their number and "LUKKET PUNKT": the event body is readable by every attendee's
 * mail client and forwarded copies.
 */
export function renderAgendaSection(
  meeting: Pick<Meeting, 'series' | 'agendaVersion'>,
  items: AgendaItem[],
): string {
  const rows = [...items]
    .sort((a, b) => a.number - b.number)
    .map((item) => {
      const title = item.closed ? 'LUKKET PUNKT' : escapeHtml(item.title);
      const minutes = item.durationMinutes ? ` (${item.durationMinutes} min)` : '';
      const category = !item.closed && item.category ? ` <em>${escapeHtml(item.category)}</em>` : '';
      return `<p>Punkt ${item.number}: ${title}${minutes}${category}</p>`;
    })
    .join('');
  return (
    `${AGENDA_START}<div><p><strong>Dagsorden</strong> – ${escapeHtml(meeting.series)} ` +
    `(version ${meeting.agendaVersion})</p>${rows}</div>${AGENDA_END}`
  );
}

/** Put the section at the top of the body, replacing an earlier one and keeping the rest as it was. */
export function replaceAgendaSection(bodyHtml: string, section: string): string {
  const start = bodyHtml.indexOf(AGENDA_START);
  const end = bodyHtml.indexOf(AGENDA_END);
  const rest =
    start >= 0 && end > start ? bodyHtml.slice(0, start) + bodyHtml.slice(end + AGENDA_END.length) : bodyHtml;
  const bodyOpen = rest.match(/<body[^>]*>/i);
  if (bodyOpen && bodyOpen.index !== undefined) {
    const at = bodyOpen.index + bodyOpen[0].length;
    return rest.slice(0, at) + section + rest.slice(at);
  }
  return section + rest;
}
