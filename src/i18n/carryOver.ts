import { formatDate } from '../domain/format';
import type { FollowUpRow } from '../domain/followUpBoard';

/**
 * The words of a follow-up carried to the next agenda. They become the item's title and description on
 * the agenda, which is the municipality's document: written in its language, as the seeds' agendas are.
 */
export function carryOverText(row: FollowUpRow): { title: string; description: string } {
  const from = row.meetingStart
    ? `Fra mødet ${formatDate(row.meetingStart)}, punkt ${row.followUp.itemNumber} (${row.itemTitle}).`
    : '';
  return {
    title: `Opfølgning: ${row.followUp.task}`,
    description: `${from} Ansvarlig: ${row.followUp.owners.join(', ') || '–'}.`.trim(),
  };
}
