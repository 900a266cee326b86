/**
 * The SharePoint lists the add-in provisions (DESIGN §3): English list and column names (Graph derives a
 * list's URL name from the display name it is created with), Danish labels live in the UI. MeetingKey is
 * indexed everywhere: every read filters on it.
 */
export type ColumnSpec =
  | { name: string; type: 'text'; indexed?: boolean; multiline?: boolean; unique?: boolean }
  | { name: string; type: 'number'; indexed?: boolean }
  | { name: string; type: 'boolean'; indexed?: boolean }
  | { name: string; type: 'dateTime'; indexed?: boolean }
  | { name: string; type: 'choice'; choices: readonly string[]; indexed?: boolean };

export type ListName =
  | 'Meetings'
  | 'MeetingProgress'
  | 'AgendaItems'
  | 'Absences'
  | 'AbsenceReasons'
  | 'Decisions'
  | 'FollowUps'
  | 'CommitteeDecisions'
  | 'CommitteeStatements';

export interface ListSpec {
  name: ListName;
  columns: ColumnSpec[];
  /**
   * SharePoint's item-level permissions of the list (docs/adr/004-permissions.md): ReadSecurity 2 = read
   * only own items, WriteSecurity 2 = edit only own items (Full Control overrides both).
   */
  readSecurity?: 1 | 2;
  writeSecurity?: 1 | 2;
  /** Kept out of search and Copilot (SP.List NoCrawl): privacy must not hang on search trimming. */
  noCrawl?: boolean;
}

/**
 * The document libraries the add-in provisions: "Bilag" holds each item's bilag in
 * `<meeting place>/<item number>/<file>` (issue 25), with the same permissions as the item's rows.
 */
export type LibraryName = 'Bilag';
export const LIBRARIES: readonly { name: LibraryName }[] = [{ name: 'Bilag' }];

const key: ColumnSpec = { name: 'MeetingKey', type: 'text', indexed: true };

export const LISTS: readonly ListSpec[] = [
  {
    name: 'Meetings',
    columns: [
      key,
      { name: 'EventId', type: 'text' },
      { name: 'Series', type: 'text' },
      { name: 'Start', type: 'dateTime', indexed: true },
      { name: 'End', type: 'dateTime' },
      { name: 'Location', type: 'text' },
      { name: 'OrganizerUpn', type: 'text', indexed: true },
      { name: 'OrganizerName', type: 'text' },
      { name: 'Attendees', type: 'text', multiline: true },
      { name: 'ReferentUpn', type: 'text' },
      { name: 'ReferentName', type: 'text' },
      { name: 'FormerReferents', type: 'text', multiline: true },
      { name: 'Status', type: 'choice', choices: ['Planlagt', 'Udsendt', 'I gang', 'Afsluttet', 'Godkendt'] },
      { name: 'Information', type: 'text', multiline: true },
      { name: 'JoinUrl', type: 'text', multiline: true },
      { name: 'AgendaVersion', type: 'number' },
      { name: 'Referat', type: 'text', multiline: true },
      { name: 'PermissionsHash', type: 'text' },
      // The meeting's folder ids as JSON (`<list>/<path>` → id): approval finds its folders by id.
      { name: 'Folders', type: 'text', multiline: true },
      // The series setting "Udvalgsmøde" (members, parties, substitutes, deadline) as JSON; empty otherwise.
      { name: 'Committee', type: 'text', multiline: true },
      // The committee protocol's openings the organizer's page wrote, as a JSON array of their
      // CommitteeStatements item ids: an opening counts only when named here (domain/committee/opening.ts).
      // Added by ensureProvisioned to an existing list, as every later column is.
      { name: 'ProtocolOpenings', type: 'text', multiline: true },
    ],
  },
  {
    // The clock, the running status and the referent's "sent for approval": written by the referent,
    // apart from the Meetings row only the organizer writes.
    name: 'MeetingProgress',
    columns: [
      key,
      { name: 'Status', type: 'choice', choices: ['I gang', 'Afsluttet'] },
      { name: 'Timer', type: 'text', multiline: true },
      { name: 'ReferatSubmitted', type: 'text', multiline: true },
    ],
  },
  {
    name: 'AgendaItems',
    columns: [
      key,
      { name: 'ItemId', type: 'text' },
      { name: 'Number', type: 'number' },
      {
        name: 'Category',
        type: 'choice',
        choices: ['Til godkendelse', 'Til drøftelse', 'Til orientering', 'Til beslutning'],
      },
      { name: 'DurationMinutes', type: 'number' },
      // The planned start (minutes after the meeting's start) from the whole agenda: a guest reads only
      // her item's row, so her page takes the organizer's time from here (itemTimes.ts).
      { name: 'StartMinutes', type: 'number' },
      { name: 'Presenter', type: 'text' },
      { name: 'Guests', type: 'text', multiline: true },
      { name: 'Description', type: 'text', multiline: true },
      { name: 'Closed', type: 'boolean' },
      { name: 'CaseNumber', type: 'text' },
      { name: 'Attachments', type: 'text', multiline: true },
      { name: 'Order', type: 'number' },
      // The item's indstilling as JSON (storedIndstilling.ts): on the item's row, so a closed item's is
      // the circle's only, a guest reads her own item's, and SharePoint keeps its versions.
      { name: 'Indstilling', type: 'text', multiline: true },
      // A standing item ("fast punkt"), marked by the secretary: the series' next meeting is offered it.
      { name: 'Standing', type: 'boolean' },
    ],
  },
  {
    name: 'Absences',
    columns: [
      key,
      { name: 'PersonUpn', type: 'text', indexed: true },
      { name: 'PersonName', type: 'text' },
      {
        name: 'Kind',
        type: 'choice',
        choices: ['Afbud', 'Deltager virtuelt', 'Deltager delvist', 'Trukket tilbage'],
      },
      { name: 'Items', type: 'text' },
      { name: 'Substitute', type: 'text' },
      { name: 'RegisteredAt', type: 'dateTime' },
    ],
    writeSecurity: 2,
  },
  {
    // The reason of an afbud (may be health data): each person reads only their own, the organizer all.
    name: 'AbsenceReasons',
    columns: [
      key,
      { name: 'PersonUpn', type: 'text', indexed: true },
      { name: 'Reason', type: 'text', multiline: true },
    ],
    readSecurity: 2,
    writeSecurity: 2,
    noCrawl: true,
  },
  {
    name: 'Decisions',
    columns: [
      key,
      // One decision per item without a list-wide unique column (ADR 004): the row lives in the item's
      // folder and the older row wins a race of first writes.
      { name: 'ItemNumber', type: 'number' },
      { name: 'ItemTitle', type: 'text' },
      { name: 'Text', type: 'text', multiline: true },
      { name: 'Status', type: 'choice', choices: ['Kladde', 'Endelig'] },
      { name: 'EditorUpn', type: 'text' },
      { name: 'UpdatedAt', type: 'dateTime' },
    ],
  },
  {
    name: 'FollowUps',
    columns: [
      key,
      { name: 'FollowUpId', type: 'text' },
      { name: 'ItemNumber', type: 'number' },
      { name: 'Owner', type: 'text', indexed: true },
      { name: 'Task', type: 'text', multiline: true },
      { name: 'Due', type: 'dateTime' },
      { name: 'Status', type: 'choice', choices: ['Åben', 'I gang', 'Afsluttet'] },
    ],
  },
  {
    // A committee meeting's record that only the organizer and the referent write: attendance per item,
    // the committee's decision on an inhabilitet, votes, what the public protocol shows of a closed item.
    // Folder per meeting; the referent's Contribute goes with the approval, as on Decisions.
    name: 'CommitteeDecisions',
    columns: [
      key,
      {
        name: 'Kind',
        type: 'choice',
        choices: ['Fremmøde', 'Inhabilitet', 'Afstemning', 'Offentliggørelse'],
      },
      { name: 'ItemNumber', type: 'number' },
      { name: 'Member', type: 'text' },
      { name: 'Data', type: 'text', multiline: true },
    ],
  },
  {
    // What each member writes for themselves: a declaration of inhabilitet, a protokoltilførsel, a
    // signature. Edit only own items; a row counts only when SharePoint's author may speak for the member.
    name: 'CommitteeStatements',
    columns: [
      key,
      {
        name: 'Kind',
        type: 'choice',
        choices: [
          'Inhabilitet',
          'Inhabilitetserklæring',
          'Protokoltilførsel',
          'Underskrift',
          'Underskriftsrunde',
        ],
      },
      { name: 'ItemNumber', type: 'number' },
      { name: 'Member', type: 'text' },
      { name: 'Data', type: 'text', multiline: true },
    ],
    writeSecurity: 2,
  },
];

/** The Graph `columnDefinition` for a spec (POST /lists or /lists/{id}/columns). */
export function columnDefinition(c: ColumnSpec): Record<string, unknown> {
  const base = { name: c.name, displayName: c.name, indexed: !!c.indexed };
  switch (c.type) {
    case 'text':
      return {
        ...base,
        text: { allowMultipleLines: !!c.multiline, ...(c.multiline ? {} : { maxLength: 255 }) },
        ...(c.unique ? { enforceUniqueValues: true } : {}),
      };
    case 'number':
      return { ...base, number: {} };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime' } };
    case 'choice':
      return { ...base, choice: { choices: [...c.choices], allowTextEntry: false } };
  }
}
