import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { columnDefinition, LISTS } from '../../src/adapters/sharepoint/listSchema';
import type { Db } from '../db';
import type { Ctx } from '../http';
import { createEvent } from '../routes/events';
import { createList } from '../lists/store';
import { insertUser } from '../routes/users';
import {
  addMember,
  createGroup,
  ensureUser,
  setAssociatedGroups,
  setGroupOwner,
} from '../sharepoint/principals';
import { ROLE } from '../sharepoint/roleDefinitions';
import { Security, WEB } from '../sharepoint/scopes';

const DOMAIN = 'kommune.example';
export const DEMO_SITE = { hostname: 'kommune.sharepoint.com', path: '/sites/moeder' };

export const DEMO_PEOPLE = [
  ['sofie', 'Sofie Holm', 'Sekretær'],
  ['anders', 'Anders Lund', 'Rådmand'],
  ['erik', 'Erik Kaastrup-Hansen', 'Direktør'],
  ['louise', 'Louise Rohde', 'Stabschef'],
  ['mads', 'Mads Nielsen', 'Konsulent'],
  ['kamilla', 'Kamilla Uhd Hansen', 'Fagspecialist'],
  ['peter', 'Peter Jensen', 'Fuldmægtig'],
] as const;

/** Social- og Beskæftigelsesudvalget (devServer/seed/committee.ts): nine members and four substitutes. */
export const COMMITTEE_PEOPLE = [
  ['henrik', 'Henrik Dalgaard', 'Udvalgsformand (A)'],
  ['mette', 'Mette Sørensen', 'Udvalgsmedlem (A)'],
  ['jonas', 'Jonas Frederiksen', 'Udvalgsmedlem (A)'],
  ['karen', 'Karen Vestergaard', 'Udvalgsmedlem (V)'],
  ['poul', 'Poul Riis', 'Udvalgsmedlem (V)'],
  ['signe', 'Signe Lykke', 'Udvalgsmedlem (F)'],
  ['ahmad', 'Ahmad Nouri', 'Udvalgsmedlem (F)'],
  ['rasmus', 'Rasmus Holt', 'Næstformand (Ø)'],
  ['nanna', 'Nanna Bering', 'Udvalgsmedlem (Ø)'],
  ['lone', 'Lone Bech', 'Stedfortræder (A)'],
  ['ib', 'Ib Mortensen', 'Stedfortræder (V)'],
  ['tine', 'Tine Krogh', 'Stedfortræder (F)'],
  ['ole', 'Ole Winther', 'Stedfortræder (Ø)'],
] as const;

const upn = (name: string) => `${name}@${DOMAIN}`;

/**
 * A site as SharePoint creates it: its associated Owners (Full Control), Members (Edit) and Visitors (Read)
 * groups, owned by the Owners group, with those role assignments on the web; the people become site users.
 */
function seedSiteSecurity(
  db: Db,
  siteId: string,
  title: string,
  people: { owners: string[]; members: string[]; visitors: string[] },
) {
  const owners = createGroup(db, siteId, { title: `${title} Owners`, ownerId: null });
  setGroupOwner(db, siteId, owners.id, owners.id);
  const members = createGroup(db, siteId, { title: `${title} Members`, ownerId: owners.id });
  const visitors = createGroup(db, siteId, { title: `${title} Visitors`, ownerId: owners.id });
  setAssociatedGroups(db, siteId, { owner: owners.id, member: members.id, visitor: visitors.id });
  const sec = new Security(db, siteId);
  sec.addAssignment(WEB, owners.id, ROLE.fullControl);
  sec.addAssignment(WEB, members.id, ROLE.edit);
  sec.addAssignment(WEB, visitors.id, ROLE.read);
  const put = (groupId: number, names: string[]) => {
    for (const name of names) addMember(db, siteId, groupId, ensureUser(db, siteId, upn(name))!.id);
  };
  put(owners.id, people.owners);
  put(members.id, people.members);
  put(visitors.id, people.visitors);
}

function seedDemoSecurity(db: Db, rootId: string, siteId: string) {
  seedSiteSecurity(db, rootId, 'Kommune', {
    owners: [],
    members: [],
    visitors: DEMO_PEOPLE.map((p) => p[0]),
  });
  seedSiteSecurity(db, siteId, 'Møder', {
    owners: ['sofie'],
    // peter, not invited to the meetings, is a member of the site: a member outside a meeting's circle
    // must still see nothing of it (the add-in's scopes decide that, not the server).
    members: ['anders', 'erik', 'louise', 'mads', 'kamilla', 'peter'],
    visitors: [],
  });
}

/**
 * A database made before SharePoint's security model (migration 2) has sites but no principals, so nobody
 * could open anything: give its demo sites the groups and web assignments a new tenant gets.
 */
export function upgradeTenantSecurity(db: Db): void {
  const any = db.prepare('SELECT 1 FROM sp_webs LIMIT 1').get();
  if (any) return;
  const root = db.prepare("SELECT id FROM sites WHERE path = '/'").get() as { id: string } | undefined;
  const site = db.prepare('SELECT id FROM sites WHERE path = ?').get(DEMO_SITE.path) as
    { id: string } | undefined;
  if (root && site) db.transaction(() => seedDemoSecurity(db, root.id, site.id))();
}

/** The fictional tenant: people, the site "moeder" with its groups and permissions, and the meeting lists. */
export function seedTenant(db: Db): void {
  db.transaction(() => {
    for (const [name, displayName, jobTitle] of [...DEMO_PEOPLE, ...COMMITTEE_PEOPLE]) {
      insertUser(db, {
        id: randomUUID(),
        displayName,
        userPrincipalName: upn(name),
        mail: upn(name),
        jobTitle,
      });
    }
    const rootId = `${DEMO_SITE.hostname},${randomUUID()},${randomUUID()}`;
    const siteId = `${DEMO_SITE.hostname},${randomUUID()},${randomUUID()}`;
    const site = (id: string, path: string, displayName: string) =>
      db.prepare('INSERT INTO sites (id, hostname, path, json) VALUES (?, ?, ?, ?)').run(
        id,
        DEMO_SITE.hostname,
        path,
        JSON.stringify({
          id,
          displayName,
          name: path.split('/').pop() || 'root',
          webUrl: `https://${DEMO_SITE.hostname}${path === '/' ? '' : path}`,
          createdDateTime: '2022-01-01T00:00:00Z',
        }),
      );
    site(rootId, '/', 'Kommune');
    site(siteId, DEMO_SITE.path, 'Møder');
    seedDemoSecurity(db, rootId, siteId);
    for (const spec of LISTS) {
      createList(
        db,
        siteId,
        {
          displayName: spec.name,
          list: { template: 'genericList' },
          columns: spec.columns.map(columnDefinition),
        },
        '2022-01-01T00:00:00Z',
      );
    }
  })();
}

const PAST_ITEMS: Array<[string, string, number, string, string[]?]> = [
  [
    'Dagsorden',
    'Til godkendelse',
    0,
    'Dagsordenen blev godkendt.\n\nLouise Rohde havde alligevel mulighed for at deltage på mødet.',
  ],
  ['Referat', 'Til godkendelse', 0, 'Godkendt uden bemærkninger.'],
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
  const ctx: Ctx = {
    db,
    me: { upn: upn('sofie'), oid: '', name: 'sofie' },
    method: 'POST',
    path: '',
    query: {},
    headers: {},
    body: undefined,
    base: '',
    now: () => now,
  };
  const master = createEvent(ctx, upn('sofie'), {
    subject: 'Rådmandsmøde',
    body: {
      contentType: 'html',
      content: '<p>Rådmandsmøde i Sociale Forhold og Beskæftigelse. Dagsorden og bilag følger.</p>',
    },
    start: { dateTime: first.toUTC().toISO()!, timeZone: 'UTC' },
    end: { dateTime: first.plus({ hours: 2 }).toUTC().toISO()!, timeZone: 'UTC' },
    location: { displayName: 'Rådmandens kontor, vær. 436' },
    attendees: ['anders', 'erik', 'louise', 'mads'].map((n) => ({ emailAddress: { address: upn(n) } })),
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
      .all(upn('sofie')) as Array<{ ical_uid: string; start: string }>
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

export const demoUpn = upn;
export const demoName = (name: string): string =>
  [...DEMO_PEOPLE, ...COMMITTEE_PEOPLE].find((p) => p[0] === name)![1];
