import { bodyOf, runBatch, type BatchRequest, type BatchResponse } from '../adapters/graph/batch';
import type { GraphCalendar } from '../adapters/graph/graphCalendar';
import type { GraphConnection } from '../adapters/graph/graphClient';
import type { SharePointListStore } from '../adapters/sharepoint/sharePointListStore';
import type { Person } from '../domain/person';
import type { HostContext } from '../ports/MeetingHost';

const ME: BatchRequest = { id: 'me', method: 'GET', url: '/me?$select=displayName,userPrincipalName' };

/**
 * Who is signed in and which meeting the page shows, in as few Graph round trips as the host allows:
 * when the key is known (the browser link, a Teams tab whose content URL carries it, an Outlook item with
 * its iCalUId) `/me`, the calendar copy and the meeting's rows go in one $batch, and openMeeting then
 * finds them read; an Outlook item id or a Teams chat must first be turned into the key.
 */
export async function signInAndFindMeeting(options: {
  graph: GraphConnection;
  calendar: GraphCalendar;
  lists: SharePointListStore;
  /** `?meeting=` of the page's URL. */
  urlKey: string | null;
  host: Pick<HostContext, 'meeting'>;
  fallbackUpn: string;
  /** The page will call openMeeting: read the rows now (else only the key is found). */
  readsMeeting: boolean;
}): Promise<{ me: Person; meetingKey?: string }> {
  const { graph, calendar, lists, host, fallbackUpn, readsMeeting } = options;
  const key = options.urlKey ?? host.meeting?.iCalUId;
  const eventId = host.meeting?.eventId;
  const chatId = host.meeting?.chatId;
  const requests = [ME];
  if (key && readsMeeting) requests.push(...meetingRequests(key));
  else if (eventId) requests.push(calendar.findByEventIdRequest(eventId));
  else if (chatId) requests.push(calendar.findByChatIdRequest(chatId), calendar.joinLinksRequest());
  const answers = await runBatch(graph, requests);
  const who = bodyOf<{ displayName?: string; userPrincipalName?: string }>(answers.get('me'));
  const me = {
    upn: who.userPrincipalName || fallbackUpn,
    name: who.displayName || who.userPrincipalName || fallbackUpn,
  };
  if (key) {
    if (readsMeeting) primeWith(key, answers);
    return { me, meetingKey: key };
  }
  if (chatId && !eventId) {
    // Chat and join links came together; with the key, the meeting and its rows come in one more $batch.
    const found = await calendar.keyOfChat(answers.get('chat'), answers.get('joinLinks'));
    if (readsMeeting) primeWith(found, await runBatch(graph, meetingRequests(found)));
    return { me, meetingKey: found };
  }
  // The event found by id is the calendar copy openMeeting would look up again by key.
  const found = eventId ? calendar.eventFrom(answers.get('event')) : null;
  if (found) {
    calendar.remember(found);
    return { me, meetingKey: found.key };
  }
  return { me };

  function meetingRequests(k: string): BatchRequest[] {
    return [calendar.findByKeyRequest(k), ...lists.openMeetingRequests(k)];
  }
  function primeWith(k: string, got: Map<string, BatchResponse>): void {
    calendar.prime(k, got.get('event'));
    lists.prime(k, got);
  }
}
