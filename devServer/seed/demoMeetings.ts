import { randomUUID } from 'node:crypto';
import { assignReferent } from '../../src/app/assignReferent';
import { openMeeting } from '../../src/app/openMeeting';
import { registerAbsence } from '../../src/app/registerAbsence';
import { saveAgenda, sendAgenda } from '../../src/app/sendAgenda';
import type { AgendaItem, Category } from '../../src/domain/agendaItem';
import type { Person } from '../../src/domain/person';
import { createNodeStack } from '../../src/entries/nodeStack';
import type { TokenProvider } from '../../src/ports/TokenProvider';
import type { Db } from '../db';
import {
  DEMO_PAST_ITEMS,
  DEMO_SITE,
  DEMO_UPCOMING_ITEMS,
  demoName,
  demoUpn,
  seedDemoEvents,
  type DemoItem,
} from './demo';

/**
 * The demo meetings, written the way a municipality's people would write them: Sofie (site owner,
 * organizer) provisions the lists, sends the past meeting's agenda and saves the upcoming one, picks Mads
 * as referent; Louise melder afbud; Mads writes the past meeting's decisions. Every SharePoint permission
 * the demo has comes from these use cases, against this very server over HTTP — none is written into the
 * tables directly.
 */
export async function seedDemoMeetings(
  server: { url: string; origin: string },
  issueToken: (upn: string) => string,
  db: Db,
  now: Date,
): Promise<void> {
  const { past, next } = seedDemoEvents(db, now);
  let clockAt = now.toISOString();
  const as = (name: string) => {
    const me: Person = { upn: demoUpn(name), name: demoName(name) };
    const tokens: TokenProvider = {
      getToken: async () => issueToken(me.upn),
      account: async () => me,
      signOut: async () => undefined,
    };
    return createNodeStack({
      config: {
        graphBaseUrl: server.url,
        sharePointSite: `${DEMO_SITE.hostname}:${DEMO_SITE.path}`,
        sharePointUrl: `${server.origin}${DEMO_SITE.path}`,
        sharePointScopes: [],
      },
      tokens,
      me,
      clock: { now: () => clockAt },
    }).deps;
  };
  const sofie = as('sofie');
  const mads = as('mads');
  const referent: Person = { upn: demoUpn('mads'), name: demoName('mads') };
  await sofie.lists.ensureProvisioned();

  // The past meeting: agenda sent, referent picked, Louise's afbud, Mads's decisions, meeting ended.
  clockAt = new Date(Date.parse(past.start) - 3 * 86400000).toISOString();
  let view = await openMeeting(sofie, past.key);
  view = await sendAgenda(sofie, view, agendaOf(DEMO_PAST_ITEMS));
  await assignReferent(sofie, view, referent);
  clockAt = new Date(Date.parse(past.start) - 86400000).toISOString();
  const louise = as('louise');
  await registerAbsence(louise, await openMeeting(louise, past.key), {
    kind: 'Afbud',
    reason: 'Anden mødeaktivitet',
  });
  clockAt = past.start;
  const madsView = await openMeeting(mads, past.key);
  for (const item of madsView.items) {
    const text = DEMO_PAST_ITEMS[item.number - 1]?.decision;
    if (!text) continue;
    await mads.lists.saveDecision(past.key, {
      itemNumber: item.number,
      itemTitle: item.title,
      text,
      status: 'Endelig',
      editorUpn: referent.upn,
      updatedAt: past.start,
    });
  }
  await mads.lists.saveFollowUp(past.key, {
    id: randomUUID(),
    itemNumber: 5,
    owners: ['Forvaltningschefernes personlige assistenter'],
    task: 'Forvaltningschefernes personlige assistenter følger op.',
    status: 'Åben',
  });
  await mads.lists.saveProgress(past.key, { status: 'Afsluttet' }, madsView.progressETag);

  // The upcoming meeting: agenda saved (not yet sent), Mads as referent.
  clockAt = now.toISOString();
  view = await openMeeting(sofie, next.key);
  view = await saveAgenda(sofie, view, agendaOf(DEMO_UPCOMING_ITEMS));
  await assignReferent(sofie, view, referent);
}

function agendaOf(items: DemoItem[]): AgendaItem[] {
  return items.map((i, n) => ({
    id: randomUUID(),
    number: n + 1,
    title: i.title,
    category: i.category as Category,
    durationMinutes: i.minutes,
    guests: i.guests.map((g) => ({ upn: demoUpn(g), name: demoName(g) })),
    closed: i.closed,
    caseNumber: i.caseNumber,
    attachments: [],
  }));
}
