import type { Absence } from '../../../src/domain/absence';
import type { AgendaItem } from '../../../src/domain/agendaItem';
import { newCommitteeRecord } from '../../../src/domain/committee/protocol';
import type { CommitteeRecord, CommitteeSettings, VoteChoice } from '../../../src/domain/committee/types';
import type { Decision } from '../../../src/domain/decision';
import { copenhagenToUtc } from '../../../src/domain/format';
import type { Meeting } from '../../../src/domain/meeting';
import type { Person } from '../../../src/domain/person';

/**
 * A committee meeting shaped after the seeds' Social- og Beskæftigelsesudvalget (raadmandsmoede-2022-12,
 * Punkt 5: "Fleksibel mødedag", 12. december 2022 kl. 14.00 - 16.00, Rådhuset, lokale 381, with the themes
 * "Det rummelige arbejdsmarked" and "Relationel velfærd"); members and parties are fictional.
 */
export const p = (name: string): Person => ({
  name,
  upn: `${name.split(' ')[0].toLowerCase()}@kommune.example`,
});

export const settings: CommitteeSettings = {
  kind: 'Udvalgsmøde',
  committeeName: 'Social- og Beskæftigelsesudvalget',
  agendaDeadlineWorkingDays: 4,
  members: [
    { person: p('Anne Kjær'), party: 'A', substitute: p('Sune Lund') },
    { person: p('Bent Holm'), party: 'A' },
    { person: p('Camilla Ravn'), party: 'A' },
    { person: p('Dorte Vang'), party: 'V', substitute: p('Tove Bach') },
    { person: p('Erik Skov'), party: 'V' },
    { person: p('Frida Nør'), party: 'C' },
    { person: p('Gustav Eng'), party: 'C' },
    { person: p('Hanne Birk'), party: 'Ø' },
    { person: p('Ivan Lyng'), party: 'Ø' },
  ],
};

export const meeting: Meeting = {
  key: 'sbu-2022-12-12',
  series: 'Social- og Beskæftigelsesudvalget (Udvalgsmøde)',
  title: 'Fleksibel mødedag for Social- og Beskæftigelsesudvalget',
  start: copenhagenToUtc('2022-12-12', '14:00'),
  end: copenhagenToUtc('2022-12-12', '16:00'),
  location: 'Rådhuset, lokale 381',
  organizer: p('Eva Mejnertz'),
  attendees: [],
  referent: p('Mads Referent'),
  status: 'Afsluttet',
  agendaVersion: 1,
  committee: settings,
};

const item = (number: number, title: string, extra: Partial<AgendaItem> = {}): AgendaItem => ({
  id: `sbu-${number}`,
  number,
  title,
  category: 'Til beslutning',
  durationMinutes: 15,
  guests: [],
  closed: false,
  attachments: [],
  ...extra,
});

export const items: AgendaItem[] = [
  item(1, 'Godkendelse af dagsorden', { category: 'Til godkendelse', durationMinutes: 5 }),
  item(2, 'Referat', { category: 'Til godkendelse', durationMinutes: 5 }),
  item(3, 'Det rummelige arbejdsmarked'),
  item(4, 'Relationel velfærd'),
  item(5, 'Personsag om tilskud', { closed: true }),
  item(6, 'Orienteringspunkter', { category: 'Til orientering' }),
  item(7, 'Evt.', { category: null, durationMinutes: 5 }),
];

const decision = (itemNumber: number, text: string): Decision => ({
  itemNumber,
  itemTitle: items.find((i) => i.number === itemNumber)!.title,
  text,
  status: 'Endelig',
  editorUpn: 'mads@kommune.example',
  updatedAt: '2022-12-12T15:00:00.000Z',
});

export const decisions: Decision[] = [
  decision(1, 'Dagsordenen blev godkendt.'),
  decision(3, 'Udvalget godkendte indstillingen om virksomhedsøvebaner.'),
  decision(4, 'Indstillingen om relationel velfærd blev forkastet.'),
  decision(5, 'Tilskuddet blev bevilget.'),
];

/** Anne Kjær melder afbud (her substitute Sune Lund sits in), Bent Holm too (no substitute). */
export const absences: Absence[] = [
  { person: p('Anne Kjær'), kind: 'Afbud', items: [], registeredAt: '2022-12-05T09:00:00.000Z' },
  { person: p('Bent Holm'), kind: 'Afbud', items: [], registeredAt: '2022-12-06T09:00:00.000Z' },
];

const at = '2022-12-12T14:30:00.000Z';
const by = 'mads@kommune.example';

export const choices = (entries: Record<string, VoteChoice>): Record<string, VoteChoice> =>
  Object.fromEntries(Object.entries(entries).map(([first, c]) => [`${first}@kommune.example`, c]));

/**
 * Camilla Ravn arrives late (absent during items 1-2); Erik Skov is inhabil on item 3; item 3 is adopted
 * 4-2-1, item 4 falls on a 3-3 tie with one abstention; Hanne Birk has a protokoltilførsel on item 3.
 */
export const record: CommitteeRecord = {
  ...newCommitteeRecord(),
  attendance: [
    { itemNumber: 1, absent: ['camilla@kommune.example'], recordedBy: by, recordedAt: at },
    { itemNumber: 2, absent: ['camilla@kommune.example'], recordedBy: by, recordedAt: at },
  ],
  inhabilitet: [
    {
      itemNumber: 3,
      member: 'erik@kommune.example',
      reason: 'Ægtefællen er leder af en af virksomhederne.',
      decision: 'Inhabil',
      declaredBy: 'erik@kommune.example',
      declaredAt: at,
    },
  ],
  votes: [
    {
      itemNumber: 3,
      choices: choices({
        sune: 'For',
        camilla: 'For',
        dorte: 'For',
        frida: 'For',
        gustav: 'Imod',
        hanne: 'Imod',
        ivan: 'Undlod',
      }),
      recordedBy: by,
      recordedAt: at,
    },
    {
      itemNumber: 4,
      choices: choices({
        sune: 'For',
        camilla: 'For',
        dorte: 'For',
        erik: 'Imod',
        frida: 'Imod',
        gustav: 'Imod',
        hanne: 'Undlod',
      }),
      recordedBy: by,
      recordedAt: at,
    },
  ],
  tilfoersler: [
    {
      itemNumber: 3,
      member: 'hanne@kommune.example',
      text: 'Ø finder, at øvebanerne bør evalueres efter et år.',
      writtenBy: 'hanne@kommune.example',
      writtenAt: at,
    },
  ],
};
