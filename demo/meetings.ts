import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { assignReferent } from '../src/app/assignReferent';
import { openMeeting } from '../src/app/openMeeting';
import { registerAbsence } from '../src/app/registerAbsence';
import { saveAgenda, sendAgenda } from '../src/app/sendAgenda';
import type { AgendaItem, Category } from '../src/domain/agendaItem';
import type { Person } from '../src/domain/person';
import { DevTokenProvider } from '../src/adapters/auth/devTokenProvider';
import { createNodeStack } from '../src/entries/nodeStack';
import type { Db } from '../devServer/db';
import type { Ctx } from '../devServer/http';
import { createEvent } from '../devServer/routes/events';
import { isStandingTitle } from '../src/domain/standingItems';
import { DEMO_SITE, demoName, demoUpn } from '../devServer/tenant';

/**
 * The demo meetings, written the way a municipality's people would write them: Ingrid (IT, the site's
 * owner) provisions the lists and the secretariats; Sofie (organizer, a secretary) sends the past meeting's agenda and saves the upcoming one, picks Mads
 * as referent; Louise melder afbud; Mads writes the past meeting's decisions. Every SharePoint permission
 * the demo has comes from these use cases, against this very server over HTTP — none is written into the
 * tables directly.
 */
export async function seedDemoMeetings(
  server: { url: string; origin: string; db: Db },
  now: Date,
): Promise<void> {
  const { past, next } = seedDemoEvents(server.db, now);
  let clockAt = now.toISOString();
  const as = (name: string) => {
    const me: Person = { upn: demoUpn(name), name: demoName(name) };
    return createNodeStack({
      config: {
        graphBaseUrl: server.url,
        sharePointSite: `${DEMO_SITE.hostname}:${DEMO_SITE.path}`,
        sharePointUrl: `${server.origin}${DEMO_SITE.path}`,
        sharePointScopes: [],
      },
      tokens: new DevTokenProvider(server.origin, me.upn),
      me,
      clock: { now: () => clockAt },
    }).deps;
  };
  const sofie = as('sofie');
  const mads = as('mads');
  const referent: Person = { upn: demoUpn('mads'), name: demoName('mads') };
  // IT (the site's owner) provisions the lists and each secretary's secretariat; Sofie is no site owner.
  const it = as('ingrid');
  await it.lists.ensureProvisioned();
  await it.lists.provisionSecretariats([demoUpn('sofie'), demoUpn('birgitte')]);

  // The past meeting: agenda sent, referent picked, Louise's afbud, Mads's decisions, meeting ended.
  clockAt = new Date(Date.parse(past.start) - 3 * 86400000).toISOString();
  let view = await openMeeting(sofie, past.key);
  // The referent first: an agenda is sent with one (or explicitly without).
  view = await assignReferent(sofie, view, referent);
  await sendAgenda(sofie, view, agendaOf(DEMO_PAST_ITEMS));
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
    ...(isStandingTitle(i.title) ? { standing: true } : {}),
  }));
}

const PAST_ITEMS: Array<[string, string, number, string, string[]?]> = [
  [
    'Dagsorden',
    'Til godkendelse',
    5,
    'Dagsordenen blev godkendt.\n\nLouise Rohde havde alligevel mulighed for at deltage på mødet.',
  ],
  ['Referat', 'Til godkendelse', 5, 'Godkendt uden bemærkninger.'],
  [
    'Budgettemadrøftelser i Social- og Beskæftigelsesudvalget',
    'Til drøftelse',
    10,
    'Forslaget kunne godkendes.\n\nFor at sikre udvalget de bedst mulige forudsætninger for at indgå i en dialog, kunne en model være: kort indflyvning på, hvad vores investeringsmodeller faktisk har leveret indtil nu, og den samlede betydning for kommunekassen.\n\nVores overvejelser om anlægsprioriteringer skal også fremgå, gerne med et tydeligt investeringsperspektiv, når det er relevant.',
  ],
  [
    'Opfølgning på investeringsmodeller for 2023',
    'Til orientering',
    15,
    'Konsulent Kamilla Hansen gav en indflyvning til punktet. Rådmanden tog orienteringen til efterretning.\n\nOverordnet tegner der sig en positiv tendens, med investeringsmodeller der virker til gavn for fællesskabet.',
    ['kamilla'],
  ],
  [
    'Status på gentænkningen af det kriminalpræventive område i MSB',
    'Til orientering',
    30,
    'Driftschef for Unge, Job og Uddannelse, Janus Hedemann, gav en indflyvning til punktet.\n\nEn række temaer blev vendt. Af ting der kræver konkrete handlinger blev fremhævet et fælles ønske om en seance med begge driftschefer i forhold til indsatsen på tværs af BFF og UJU for at sikre ejerskab på tværs. Forvaltningschefernes personlige assistenter følger op.',
  ],
  [
    'Orientering fra Magistraten',
    'Til orientering',
    5,
    'Det vurderes ikke, at der er punkter herfra, der skulle drøftes på rådmandsmødet denne gang.',
  ],
  [
    'Orientering om udvalget',
    'Til orientering',
    5,
    'Der var enighed om, at punktet omkring budgettemaer kan foreslås udskudt, hvis dagsordenen bliver for presset. Dette koordineres med udvalgsforkvinden.',
  ],
  [
    'Bordrunde',
    'Til orientering',
    5,
    'Punktet måtte udgå grundet de mange punkter, der krævede behandling på dagens møde.',
  ],
];

const UPCOMING_ITEMS: Array<[string, string, number, boolean, string[]?, string?]> = [
  ['Dagsorden', 'Til godkendelse', 5, false],
  ['Referat', 'Til godkendelse', 5, false],
  ['Status på Integrationshandleplanen', 'Til orientering', 10, false, ['kamilla'], 'EMN-2024-027961'],
  ['Budget 2025: temaer til udvalgets budgetdrøftelser', 'Til drøftelse', 20, false],
  ['Personalesag', 'Til beslutning', 15, true],
  ['Orientering fra Magistraten', 'Til orientering', 5, false],
  ['Orientering om udvalget', 'Til orientering', 5, false],
  ['Bordrunde', 'Til orientering', 5, false],
];

/** Next weekday at least two days ahead, 11:00 Copenhagen. */
export function upcomingStart(now: Date): DateTime {
  let d = DateTime.fromJSDate(now).setZone('Europe/Copenhagen').startOf('day').plus({ days: 2 });
  while (d.weekday > 5) d = d.plus({ days: 1 });
  return d.set({ hour: 11 });
}

/** A request as Sofie (the demo's organizer) makes it, for writing the demo's calendar events straight in. */
export function organizerCtx(db: Db, now: Date): Ctx {
  return {
    db,
    me: { upn: demoUpn('sofie'), oid: '', name: 'sofie' },
    method: 'POST',
    path: '',
    query: {},
    headers: {},
    body: undefined,
    base: '',
    now: () => now,
  };
}

/**
 * The fortnightly rådmandsmøde series in Sofie's calendar (Exchange's data, as Outlook would have made it):
 * four occurrences; the second is the past meeting, the third the upcoming one. The lists and their
 * permissions are then written by the add-in's own use cases (demoMeetings.ts).
 */
export function seedDemoEvents(
  db: Db,
  now: Date,
): { past: { key: string; start: string }; next: { key: string; start: string } } {
  const upcoming = upcomingStart(now);
  const first = upcoming.minus({ weeks: 4 });
  const ctx = organizerCtx(db, now);
  const master = createEvent(ctx, demoUpn('sofie'), {
    subject: 'Rådmandsmøde',
    body: {
      contentType: 'html',
      content: '<p>Rådmandsmøde i Sociale Forhold og Beskæftigelse. Dagsorden og bilag følger.</p>',
    },
    start: { dateTime: first.toUTC().toISO()!, timeZone: 'UTC' },
    end: { dateTime: first.plus({ hours: 2 }).toUTC().toISO()!, timeZone: 'UTC' },
    location: { displayName: 'Rådmandens kontor, vær. 436' },
    attendees: ['anders', 'erik', 'louise', 'mads'].map((n) => ({ emailAddress: { address: demoUpn(n) } })),
    isOnlineMeeting: true,
    recurrence: {
      pattern: {
        type: 'weekly',
        interval: 2,
        daysOfWeek: [first.setLocale('en').toFormat('cccc').toLowerCase()],
      },
      range: {
        type: 'numbered',
        startDate: first.toISODate()!,
        numberOfOccurrences: 4,
        recurrenceTimeZone: 'Europe/Copenhagen',
      },
    },
  });
  const occurrences = (
    db
      .prepare("SELECT ical_uid, start FROM events WHERE owner = ? AND type = 'occurrence' ORDER BY start")
      .all(demoUpn('sofie')) as Array<{ ical_uid: string; start: string }>
  ).filter((o) => o.ical_uid.startsWith(master.iCalUId));
  const [past, next] = [occurrences[1], occurrences[2]];
  return { past: { key: past.ical_uid, start: past.start }, next: { key: next.ical_uid, start: next.start } };
}

export interface DemoItem {
  title: string;
  category: string;
  minutes: number;
  closed: boolean;
  guests: string[];
  caseNumber?: string;
  decision?: string;
}

export const DEMO_PAST_ITEMS: DemoItem[] = PAST_ITEMS.map(([title, category, minutes, decision, guests]) => ({
  title,
  category,
  minutes,
  closed: false,
  guests: guests ?? [],
  decision,
}));

export const DEMO_UPCOMING_ITEMS: DemoItem[] = UPCOMING_ITEMS.map(
  ([title, category, minutes, closed, guests, caseNumber]) => ({
    title,
    category,
    minutes,
    closed,
    guests: guests ?? [],
    caseNumber,
  }),
);
