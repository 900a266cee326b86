import type { Attachment, Event, FileAttachment } from '@microsoft/microsoft-graph-types';
import { AGENDA_END, AGENDA_START, replaceAgendaSection } from '../../domain/agendaSection';
import type { AgendaFile, AgendaPublication } from '../../ports/CalendarGateway';
import type { Sanitizer } from '../browser/sanitizeHtml';
import type { GraphConnection } from './graphClient';
import { toBase64 } from './graphClient';
import { mapGraphError } from './graphErrors';
import { EXTENSION_NAME, extensionBody } from './meetingExtension';

/**
 * "Send dagsorden" in the organizer's event: the agenda section of the body replaced (sanitized, its markers
 * kept), the agenda file attached in place of the last one of that name, and the add-in's extension written.
 * `id` is the event id, already URI-encoded.
 */
export async function publishAgenda(
  graph: GraphConnection,
  sanitize: Sanitizer,
  id: string,
  publication: AgendaPublication,
): Promise<void> {
  const current: Event = await graph.client.api(`/me/events/${id}`).select('body').get();
  const section = await sanitize(publication.sectionHtml);
  if (!section.startsWith(AGENDA_START) || !section.endsWith(AGENDA_END)) {
    throw new Error('The agenda section lost its markers in sanitizing');
  }
  const content = replaceAgendaSection(current.body?.content ?? '', section);
  await graph.client.api(`/me/events/${id}`).patch({ body: { contentType: 'html', content } });
  if (publication.file) await replaceAttachment(graph, id, publication.file);
  await writeExtension(graph, id, publication.extension);
}

/** The file attached to the event, replacing any attachment of the same name. */
export async function replaceAttachment(graph: GraphConnection, id: string, file: AgendaFile): Promise<void> {
  const existing: { value: Attachment[] } = await graph.client
    .api(`/me/events/${id}/attachments`)
    .select('id,name')
    .get();
  for (const old of existing.value.filter((a) => a.name === file.name && a.id)) {
    await graph.client.api(`/me/events/${id}/attachments/${encodeURIComponent(old.id!)}`).delete();
  }
  const attachment: FileAttachment & { '@odata.type': '#microsoft.graph.fileAttachment' } = {
    '@odata.type': '#microsoft.graph.fileAttachment',
    name: file.name,
    contentType: file.contentType,
    contentBytes: toBase64(file.bytes),
  };
  await graph.client.api(`/me/events/${id}/attachments`).post(attachment);
}

/** The whole extension, patched where it exists and created where it does not. */
async function writeExtension(
  graph: GraphConnection,
  id: string,
  data: AgendaPublication['extension'],
): Promise<void> {
  const whole = extensionBody(data);
  try {
    await graph.client.api(`/me/events/${id}/extensions/${EXTENSION_NAME}`).patch(whole);
  } catch (e) {
    if (mapGraphError(e).kind !== 'NotFound') throw e;
    await graph.client.api(`/me/events/${id}/extensions`).post(whole);
  }
}
