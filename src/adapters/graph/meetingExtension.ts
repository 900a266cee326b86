import type { OpenTypeExtension } from '@microsoft/microsoft-graph-types';
import type { AgendaPublication } from '../../ports/CalendarGateway';

/** The name of the add-in's open extension on the organizer's event. */
export const EXTENSION_NAME = 'dk.kommune.moedeassistent';

/** The add-in's open extension on the organizer's event, as Graph stores it. */
export type MeetingExtension = OpenTypeExtension & {
  '@odata.type': 'microsoft.graph.openTypeExtension';
  extensionName: typeof EXTENSION_NAME;
} & AgendaPublication['extension'];

/**
 * The WHOLE extension, for POST and PATCH alike: Graph's PATCH replaces the extension and deletes every
 * property not sent ("Update open extension"), so a partial body would wipe meetingKey and siteId.
 */
export function extensionBody(data: AgendaPublication['extension']): MeetingExtension {
  return {
    '@odata.type': 'microsoft.graph.openTypeExtension',
    extensionName: EXTENSION_NAME,
    meetingKey: data.meetingKey,
    siteId: data.siteId,
    agendaVersion: data.agendaVersion,
  };
}
