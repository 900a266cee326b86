import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { assignReferent } from '../src/app/assignReferent';
import {
  addTilfoersel,
  decideInhabilitet,
  openCommittee,
  recordAttendance,
  recordVote,
  saveCommitteeSettings,
  signProtocol,
} from '../src/app/committee';
import type { AppDeps } from '../src/app/deps';
import { openMeeting } from '../src/app/openMeeting';
import { sendReferatForApproval } from '../src/app/referat';
import { registerAbsence } from '../src/app/registerAbsence';
import { saveAgenda, sendAgenda } from '../src/app/sendAgenda';
import type { AgendaItem, Category } from '../src/domain/agendaItem';
import type { CommitteeSettings, VoteChoice } from '../src/domain/committee/types';
import { isStandingTitle } from '../src/domain/standingItems';
import type { Db } from '../devServer/db';
import { createEvent } from '../devServer/routes/events';
import { DevTokenProvider } from '../src/adapters/auth/devTokenProvider';
import { createNodeStack } from '../src/entries/nodeStack';
import { DEMO_SITE, demoName, demoUpn } from '../devServer/tenant';
import { organizerCtx, upcomingStart } from './meetings';

/**
 * The demo's political committee, "Social- og Beskæftigelsesudvalget" (fictional members): nine members
 * from four parties, a standing substitute per party, Sofie as secretary and Mads as referent. One past
 * meeting with its beslutningsprotokol recorded and signed, one upcoming meeting with its agenda saved.
 * Written by the add-in's use cases over HTTP, like the rest of the demo.
 */
export const COMMITTEE_NAME = 'Social- og Beskæftigelsesudvalget';
export const COMMITTEE_SERIES = `${COMMITTEE_NAME} (Udvalgsmøde)`;

/** [member, party, substitute]: the substitute sits for the party's members. */
const SEATS: Array<[string, string, string]> = [
  ['henrik', 'A', 'lone'],
  ['mette', 'A', 'lone'],
  ['jonas', 'A', 'lone'],
  ['karen', 'V', 'ib'],
  ['poul', 'V', 'ib'],
  ['signe', 'F', 'tine'],
  ['ahmad', 'F', 'tine'],
  ['rasmus', 'Ø', 'ole'],
  ['nanna', 'Ø', 'ole'],
];

const person = (name: string) => ({ upn: demoUpn(name), name: demoName(name) });

export const DEMO_COMMITTEE: CommitteeSettings = {
  kind: 'Udvalgsmøde',
  committeeName: COMMITTEE_NAME,
  members: SEATS.map(([m, party, sub]) => ({ person: person(m), party, substitute: person(sub) })),
  agendaDeadlineWorkingDays: 4,
};

/** The committee agenda of the seeds' shape: dagsorden, referat, sager, orienteringspunkter, evt. */
const PAST_AGENDA: Array<[string, Category, number, string]> = [
  ['Godkendelse af dagsorden', 'Til godkendelse', 5, 'Dagsordenen blev godkendt.'],
  ['Godkendelse af referat', 'Til godkendelse', 5, 'Referatet fra sidste møde blev godkendt.'],
  [
    'Budgettemadrøftelser 2025: valg af temaer',
    'Til beslutning',
    30,
    'Udvalget valgte temaerne "Investeringsmodeller" og "Unge på kanten af arbejdsmarkedet" til budgettemadrøftelserne.',
  ],
  [
    'Opfølgning på investeringsmodeller for 2023',
    'Til beslutning',
    20,
    'Forvaltningens indstilling blev vedtaget: investeringsmodellerne videreføres i 2025.',
  ],
  [
    'Status på Integrationshandleplanen',
    'Til orientering',
    15,
    'Udvalget tog orienteringen til efterretning.',
  ],
  [
    'Orienteringspunkter',
    'Til orientering',
    10,
    'Rådmanden orienterede om status på beskæftigelsesindsatsen.',
  ],
  ['Eventuelt', 'Til orientering', 5, 'Intet.'],
];

const UPCOMING_AGENDA: Array<[string, Category, number, boolean?]> = [
  ['Godkendelse af dagsorden', 'Til godkendelse', 5],
  ['Godkendelse af referat', 'Til godkendelse', 5],
  ['Budget 2025: forslag til udvalgets budgetbidrag', 'Til beslutning', 30],
  ['Kvalitetsstandard for socialpædagogisk støtte', 'Til beslutning', 20],
  ['Klagesag om tildeling af hjælpemidler', 'Til beslutning', 15, true],
  ['Orienteringspunkter', 'Til orientering', 10],
  ['Eventuelt', 'Til orientering', 5],
];

const agendaOf = (rows: Array<[string, Category, number, ...unknown[]]>): AgendaItem[] =>
  rows.map(([title, category, minutes, closed], n) => ({
    id: randomUUID(),
    number: n + 1,
    title,
    category,
    durationMinutes: minutes,
    guests: [],
    closed: closed === true,
    attachments: [],
    ...(isStandingTitle(title) ? { standing: true } : {}),
  }));

/** The committee's two meetings in Sofie's calendar: a past one, and the next the day after the rådmandsmøde. */
function committeeEvents(db: Db, now: Date): { past: string; next: string; pastStart: string } {
  const upcoming = upcomingStart(now);
  let next = upcoming.plus({ days: 1 }).set({ hour: 16 });
  while (next.weekday > 5) next = next.plus({ days: 1 });
  const past = upcoming.minus({ days: 8 }).set({ hour: 16 });
  const ctx = organizerCtx(db, now);
  const attendees = [...new Set([...SEATS.flatMap(([m, , s]) => [m, s]), 'mads'])].map((n) => ({
    emailAddress: { address: demoUpn(n) },
  }));
  const make = (start: DateTime) =>
    createEvent(ctx, demoUpn('sofie'), {
      subject: COMMITTEE_NAME,
      body: { contentType: 'html', content: `<p>Møde i ${COMMITTEE_NAME}.</p>` },
      start: { dateTime: start.toUTC().toISO()!, timeZone: 'UTC' },
      end: { dateTime: start.plus({ hours: 2 }).toUTC().toISO()!, timeZone: 'UTC' },
      location: { displayName: 'Rådhuset, udvalgsværelse 2' },
      attendees,
      isOnlineMeeting: true,
    }).iCalUId;
  return { past: make(past), next: make(next), pastStart: past.toUTC().toISO()! };
}

/**
 * Seeds the committee on a running local server with the demo tenant (its people are in DEMO's users), once:
 * a second call finds the committee's meetings in Sofie's calendar and does nothing. `npm start` calls it
 * after the demo seed; the tests that need a committee set their own up, so the demo every other test
 * starts from stays small.
 */
export async function seedCommitteeDemo(
  server: { url: string; origin: string; db: Db },
  now: Date = new Date(),
): Promise<void> {
  let clockAt = now.toISOString();
  const as = (name: string): AppDeps =>
    createNodeStack({
      config: {
        graphBaseUrl: server.url,
        sharePointSite: `${DEMO_SITE.hostname}:${DEMO_SITE.path}`,
        sharePointUrl: `${server.origin}${DEMO_SITE.path}`,
        sharePointScopes: [],
      },
      tokens: new DevTokenProvider(server.origin, demoUpn(name)),
      me: person(name),
      clock: { now: () => clockAt },
    }).deps;
  const from = new Date(now.getTime() - 60 * 86400000).toISOString();
  const to = new Date(now.getTime() + 60 * 86400000).toISOString();
  const known = await as('sofie').calendar.listMeetings(from, to);
  if (known.some((e) => e.subject === COMMITTEE_NAME)) return;
  await seedCommittee(server.db, now, as, (iso) => (clockAt = iso));
}

async function seedCommittee(
  db: Db,
  now: Date,
  as: (name: string) => AppDeps,
  setClock: (iso: string) => void,
): Promise<void> {
  const events = committeeEvents(db, now);
  const sofie = as('sofie');
  const mads = as('mads');
  const start = Date.parse(events.pastStart);
  const at = (hours: number) => setClock(new Date(start + hours * 3600000).toISOString());

  // The past meeting: the agenda sent in time, Karen's afbud (Ib sits in for her), the meeting held.
  at(-24 * 8);
  let view = await saveCommitteeSettings(sofie, await openMeeting(sofie, events.past), DEMO_COMMITTEE);
  // The referent first: an agenda is sent with one (or explicitly without).
  view = await assignReferent(sofie, view, person('mads'));
  await sendAgenda(sofie, view, agendaOf(PAST_AGENDA));
  at(-24);
  const karen = as('karen');
  await registerAbsence(karen, await openMeeting(karen, events.past), {
    kind: 'Afbud',
    substitute: demoName('ib'),
  });

  at(0);
  let madsView = await openMeeting(mads, events.past);
  for (const item of madsView.items) {
    await mads.lists.saveDecision(events.past, {
      itemNumber: item.number,
      itemTitle: item.title,
      text: PAST_AGENDA[item.number - 1][3],
      status: 'Endelig',
      editorUpn: demoUpn('mads'),
      updatedAt: new Date(start + item.number * 600000).toISOString(),
    });
  }
  madsView = await openMeeting(mads, events.past);
  // Signe arrived during item 3; Poul was inhabil on item 4 (his wife chairs the provider's board).
  await recordAttendance(mads, madsView, 3, [demoUpn('signe')]);
  await decideInhabilitet(mads, madsView, {
    itemNumber: 4,
    member: demoUpn('poul'),
    reason: 'Ægtefælle er bestyrelsesformand for leverandøren.',
    decision: 'Inhabil',
  });
  const choices: Record<string, VoteChoice> = {};
  for (const [m, party] of SEATS) {
    if (m === 'poul') continue;
    choices[demoUpn(m === 'karen' ? 'ib' : m)] =
      party === 'V' ? 'Imod' : party === 'Ø' && m === 'nanna' ? 'Undlod' : 'For';
  }
  await recordVote(mads, madsView, await openCommittee(mads, madsView), 4, choices);
  const ib = as('ib');
  const ibView = await openMeeting(ib, events.past);
  await addTilfoersel(ib, ibView, await openCommittee(ib, ibView), {
    itemNumber: 4,
    text: 'Venstre kan ikke støtte en videreførelse uden en ny effektmåling.',
  });
  await mads.lists.saveProgress(events.past, { status: 'Afsluttet' }, madsView.progressETag);
  // Mads sends the protocol for approval; the organizer's page freezes the record and opens signing.
  await sendReferatForApproval(mads, await openMeeting(mads, events.past));
  const opened = await openMeeting(sofie, events.past);
  await openCommittee(sofie, opened);

  // The chair and the vice-chair have signed the next morning; the organizer sees who has not.
  at(18);
  for (const m of ['henrik', 'rasmus']) {
    const deps = as(m);
    const v = await openMeeting(deps, events.past);
    await signProtocol(deps, v, await openCommittee(deps, v));
  }

  // The upcoming meeting: the series setting and the agenda saved (not sent yet), Mads as referent.
  setClock(now.toISOString());
  view = await saveCommitteeSettings(sofie, await openMeeting(sofie, events.next), DEMO_COMMITTEE);
  view = await saveAgenda(sofie, view, agendaOf(UPCOMING_AGENDA));
  await assignReferent(sofie, view, person('mads'));
}
