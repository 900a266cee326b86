import {
  meetingFolderName,
  personFolderName,
  secretariatFolderName,
} from '../../../src/domain/meetingScopes';
import {
  belongsTo,
  dirOfRow,
  inOwnFolder,
  locateMeetings,
  meetingOfRow,
  meetingPlace,
  meetingsByPlace,
  placeOfRow,
  progressBelongsTo,
  splitByPlace,
  statementFolder,
} from '../../../src/domain/trust/place';

const approved = '040000008200E00074C5B7101A82E00800000000-approved';
const next = '040000008200E00074C5B7101A82E00800000000-next';
const SOFIE = 'sofie@kommune.example';
const BIRGITTE = 'birgitte@kommune.example';
const sofies = secretariatFolderName(SOFIE);
const birgittes = secretariatFolderName(BIRGITTE);
/** Sofie's meetings live in her secretariat. */
const place = (key: string, secretariat: string | null = sofies) => meetingPlace(key, secretariat);
const dir = (list: string, path: string) => `/sites/moeder/Lists/${list}/${path}`;

describe("a row's meeting is the place SharePoint holds it in", () => {
  test('the folder below the list root is read whole: secretariat, meeting and item folder', () => {
    expect(place(approved)).toBe(`${sofies}/${meetingFolderName(approved)}`);
    expect(place(approved, null)).toBe(meetingFolderName(approved));
    expect(dirOfRow(dir('Decisions', `${place(approved)}/4`), 'Decisions')).toBe(`${place(approved)}/4`);
    expect(dirOfRow(dir('Absences', place(next)), 'Absences')).toBe(place(next));
  });

  test('a row at the list root, in another list or without a FileDirRef is in no folder', () => {
    expect(dirOfRow('/sites/moeder/Lists/Decisions', 'Decisions')).toBeNull();
    expect(dirOfRow('/sites/moeder/Lists/Decisions/', 'Decisions')).toBeNull();
    expect(dirOfRow(dir('FollowUps', place(approved)), 'Decisions')).toBeNull();
    expect(dirOfRow(undefined, 'Decisions')).toBeNull();
  });

  test('a row counts for a meeting only when its place and its MeetingKey column agree', () => {
    const own = { dir: `${place(approved)}/1`, meetingKey: approved };
    const planted = { dir: `${place(next)}/1`, meetingKey: approved };
    expect(belongsTo(approved, place(approved), own)).toBe(true);
    // Written into the next meeting's folder, naming the approved one: it counts for neither.
    expect(belongsTo(approved, place(approved), planted)).toBe(false);
    expect(belongsTo(next, place(next), planted)).toBe(false);
    expect(belongsTo(approved, place(approved), { dir: null, meetingKey: approved })).toBe(false);
  });

  test("the whole place is compared: the same meeting folder in another secretary's secretariat counts for nothing", () => {
    // Birgitte makes a folder named like Sofie's meeting inside her own secretariat and writes there.
    const planted = { dir: `${place(approved, birgittes)}/1`, meetingKey: approved };
    expect(belongsTo(approved, place(approved), planted)).toBe(false);
    // A folder whose name merely starts with the meeting's place is not inside it.
    expect(belongsTo(approved, place(approved), { dir: `${place(approved)}x/1`, meetingKey: approved })).toBe(
      false,
    );
    // Nor does a meeting from before secretariats (at the root) take rows from a secretariat.
    expect(
      belongsTo(approved, place(approved, null), { dir: `${place(approved)}/1`, meetingKey: approved }),
    ).toBe(false);
  });

  test('reads across meetings take each row to the meeting whose place holds it', () => {
    const places = new Map([[approved, place(approved)]]);
    expect(meetingOfRow({ dir: place(approved), meetingKey: approved }, (k) => places.get(k))).toBe(approved);
    expect(
      meetingOfRow({ dir: place(approved, birgittes), meetingKey: approved }, (k) => places.get(k)),
    ).toBeNull();
    // A meeting with no Meetings row that counts has no place: nothing counts for it.
    expect(meetingOfRow({ dir: place(next), meetingKey: next }, (k) => places.get(k))).toBeNull();
  });

  test("a read splits into the meeting's rows and those that name it from elsewhere, for the organizer to see", () => {
    const rows = [
      { id: '7', dir: dir('Decisions', `${place(approved)}/1`), key: approved },
      { id: '9', dir: dir('Decisions', `${place(next)}/1`), key: approved },
      { id: '11', dir: dir('Decisions', `${place(approved, birgittes)}/1`), key: approved },
    ];
    const out = splitByPlace(approved, place(approved), 'Decisions', rows, (r) => ({
      id: r.id,
      dir: dirOfRow(r.dir, 'Decisions'),
      meetingKey: r.key,
    }));
    expect(out.rows.map((r) => r.id)).toEqual(['7']);
    expect(out.misplaced).toEqual([
      { list: 'Decisions', id: '9' },
      { list: 'Decisions', id: '11' },
    ]);
    // Without a place nothing counts, and everything is reported.
    expect(
      splitByPlace(approved, undefined, 'Decisions', rows, (r) => ({
        id: r.id,
        dir: null,
        meetingKey: r.key,
      })).rows,
    ).toEqual([]);
  });
});

describe('where a meeting lives is where its Meetings row counts', () => {
  const row = (id: string, dirName: string | null, organizerUpn: string, meetingKey = approved) => ({
    id,
    dir: dirName,
    meetingKey,
    organizerUpn,
  });

  test("a Meetings row counts in the secretariat of the organizer it names, or at the list root (site owners')", () => {
    expect(locateMeetings([row('3', sofies, SOFIE)]).get(approved)).toEqual({
      id: '3',
      secretariat: sofies,
      place: place(approved),
    });
    expect(locateMeetings([row('3', null, SOFIE)]).get(approved)).toEqual({
      id: '3',
      secretariat: null,
      place: place(approved, null),
    });
    // In another secretariat than its organizer's, or deeper: it counts for nothing.
    expect(locateMeetings([row('3', birgittes, SOFIE)]).get(approved)).toBeUndefined();
    expect(locateMeetings([row('3', `${sofies}/x`, SOFIE)]).get(approved)).toBeUndefined();
  });

  test('a row in a secretariat wins over one at the root; of two, the one SharePoint numbered first', () => {
    expect(locateMeetings([row('2', null, SOFIE), row('5', sofies, SOFIE)]).get(approved)?.id).toBe('5');
    expect(locateMeetings([row('9', sofies, SOFIE), row('5', birgittes, BIRGITTE)]).get(approved)?.id).toBe(
      '5',
    );
    expect(locateMeetings([row('5', sofies, SOFIE), row('9', birgittes, BIRGITTE)]).get(approved)?.id).toBe(
      '5',
    );
  });

  test('read without an event, a meeting is its place: two rows of one key in two secretariats are two meetings, in any order', () => {
    for (const rows of [
      [row('5', birgittes, BIRGITTE), row('9', sofies, SOFIE)],
      [row('9', sofies, SOFIE), row('5', birgittes, BIRGITTE)],
    ]) {
      const found = meetingsByPlace(rows);
      expect(found).toHaveLength(2);
      expect(found.find((m) => m.id === '9')).toEqual({
        key: approved,
        id: '9',
        secretariat: sofies,
        place: place(approved),
      });
      expect(found.find((m) => m.id === '5')?.place).toBe(place(approved, birgittes));
      const places = (key: string) => found.filter((m) => m.key === key).map((m) => m.place);
      // Each row goes to the meeting whose place holds it, never to the other of the same key.
      expect(placeOfRow({ dir: `${place(approved)}/1`, meetingKey: approved }, places)).toBe(place(approved));
      expect(placeOfRow({ dir: `${place(approved, birgittes)}/1`, meetingKey: approved }, places)).toBe(
        place(approved, birgittes),
      );
      expect(placeOfRow({ dir: `${place(next)}/1`, meetingKey: approved }, places)).toBeNull();
      expect(placeOfRow({ dir: `${place(approved)}/1`, meetingKey: '' }, places)).toBeNull();
    }
    // A row naming another organizer than its secretariat's owner, or deeper, is no meeting; the root is.
    expect(meetingsByPlace([row('3', birgittes, SOFIE), row('4', `${sofies}/x`, SOFIE)])).toEqual([]);
    expect(meetingsByPlace([row('3', null, SOFIE), row('4', sofies, SOFIE)]).map((m) => m.place)).toEqual([
      place(approved, null),
      place(approved),
    ]);
    // Two rows in one place: the one SharePoint numbered first.
    expect(meetingsByPlace([row('8', sofies, SOFIE), row('6', sofies, SOFIE)]).map((m) => m.id)).toEqual([
      '6',
    ]);
  });

  test('a MeetingProgress row counts where its meeting lives', () => {
    const where = locateMeetings([row('3', sofies, SOFIE)]).get(approved)!;
    expect(progressBelongsTo(approved, where, { dir: sofies, meetingKey: approved })).toBe(true);
    expect(progressBelongsTo(approved, where, { dir: birgittes, meetingKey: approved })).toBe(false);
    expect(progressBelongsTo(approved, where, { dir: null, meetingKey: approved })).toBe(false);
    expect(progressBelongsTo(approved, where, { dir: sofies, meetingKey: next })).toBe(false);
  });
});

describe("whose afbud a row is comes from the person's folder holding it, not from its Author", () => {
  const anders = 'anders@kommune.example';
  const mads = 'mads@kommune.example';
  const inFolderOf = (upn: string) => `${place(next)}/${personFolderName(upn)}`;

  test("only the folder directly below the meeting's place is the person's", () => {
    expect(inOwnFolder(inFolderOf(anders), place(next), 'Anders@Kommune.example')).toBe(true);
    expect(inOwnFolder(place(next), place(next), anders)).toBe(false);
    expect(inOwnFolder(`${inFolderOf(anders)}/sub`, place(next), anders)).toBe(false);
    expect(inOwnFolder(null, place(next), anders)).toBe(false);
    expect(inOwnFolder(`${place(next)}/${personFolderName('')}`, place(next), '')).toBe(false);
    // Mads plants an afbud naming Anders in his own folder (the only one he can write): it is nobody's.
    expect(inOwnFolder(inFolderOf(mads), place(next), anders)).toBe(false);
  });

  test("an afbud in the meeting's place but outside its person's folder is reported as misplaced", () => {
    const rows = [
      { id: '1', dir: dir('Absences', inFolderOf(anders)), upn: anders },
      { id: '2', dir: dir('Absences', inFolderOf(mads)), upn: anders },
      { id: '3', dir: dir('Absences', place(next)), upn: anders },
    ];
    const out = splitByPlace(next, place(next), 'Absences', rows, (r) => ({
      id: r.id,
      dir: dirOfRow(r.dir, 'Absences'),
      meetingKey: next,
      person: { upn: r.upn },
    }));
    expect(out.rows.map((r) => r.id)).toEqual(['1']);
    expect(out.misplaced).toEqual([
      { list: 'Absences', id: '2' },
      { list: 'Absences', id: '3' },
    ]);
  });
});

describe("whose committee statement a row is comes from the member's folder holding it, not from its Author", () => {
  const anders = 'anders@kommune.example';
  const erik = 'erik@kommune.example';
  const inFolderOf = (upn: string) => `${place(next)}/${personFolderName(upn)}`;

  test("a statement speaks for the member it names only from her own folder; the meeting's folder is the organizer's and referent's; anything else is nobody's", () => {
    expect(statementFolder(inFolderOf(anders), place(next), 'Anders@Kommune.example')).toBe('member');
    // Erik writes a signature naming Anders into his own folder (the only one he can write): nobody's.
    expect(statementFolder(inFolderOf(erik), place(next), anders)).toBe('elsewhere');
    expect(statementFolder(place(next), place(next), anders)).toBe('meeting');
    expect(statementFolder(`${inFolderOf(anders)}/sub`, place(next), anders)).toBe('elsewhere');
    // The same folder names in another meeting's place, or another secretariat's copy of this one.
    expect(statementFolder(`${place(approved)}/${personFolderName(anders)}`, place(next), anders)).toBe(
      'elsewhere',
    );
    expect(
      statementFolder(`${place(next, birgittes)}/${personFolderName(anders)}`, place(next), anders),
    ).toBe('elsewhere');
    // An opening names no member: only the meeting's own folder is a place for it.
    expect(statementFolder(place(next), place(next), '')).toBe('meeting');
    expect(statementFolder(inFolderOf(anders), place(next), '')).toBe('elsewhere');
    expect(statementFolder(null, place(next), anders)).toBe('elsewhere');
    expect(statementFolder(inFolderOf(anders), undefined, anders)).toBe('elsewhere');
  });
});
