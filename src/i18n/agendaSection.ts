import { AGENDA_END, AGENDA_START } from '../domain/agendaSection';
import type { AgendaItem } from '../domain/agendaItem';
import type { Meeting } from '../domain/meeting';
import { escapeHtml } from '../domain/text';

/**
 * The agenda section's words. The event body is read in every attendee's mail client, whatever language
 * their page is in, so it is written in the municipality's language, as the seeds' agendas are.
 */
const WORDS = {
  agenda: 'Dagsorden',
  item: 'Punkt',
  closed: 'LUKKET PUNKT',
  minutes: 'min',
  version: 'version',
};

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
      const title = item.closed ? WORDS.closed : escapeHtml(item.title);
      const minutes = item.durationMinutes ? ` (${item.durationMinutes} ${WORDS.minutes})` : '';
      const category = !item.closed && item.category ? ` <em>${escapeHtml(item.category)}</em>` : '';
      return `<p>${WORDS.item} ${item.number}: ${title}${minutes}${category}</p>`;
    })
    .join('');
  return (
    `${AGENDA_START}<div><p><strong>${WORDS.agenda}</strong> – ${escapeHtml(meeting.series)} ` +
    `(${WORDS.version} ${meeting.agendaVersion})</p>${rows}</div>${AGENDA_END}`
  );
}
