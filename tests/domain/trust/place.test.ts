import { meetingFolderName, personFolderName } from '../../../src/domain/meetingScopes';
import {
  belongsTo,
  folderOfRow,
  inOwnFolder,
  meetingOfRow,
  personFolderOfRow,
  splitByPlace,
} from '../../../src/domain/trust/place';

const approved = '040000008200E00074C5B7101A82E00800000000-approved';
const next = '040000008200E00074C5B7101A82E00800000000-next';
const dir = (list: string, key: string, sub = '') =>
  `/sites/moeder/Lists/${list}/${meetingFolderName(key)}${sub}`;

describe("a row's meeting is the folder SharePoint holds it in", () => {
  test('the first folder below the list root names the meeting, item folders included', () => {
    expect(folderOfRow(dir('Decisions', approved, '/4'), 'Decisions')).toBe(meetingFolderName(approved));
    expect(folderOfRow(dir('Absences', next), 'Absences')).toBe(meetingFolderName(next));
  });

  test('a row at the list root, in another list or without a FileDirRef is in no meeting folder', () => {
    expect(folderOfRow('/sites/moeder/Lists/Decisions', 'Decisions')).toBeNull();
    expect(folderOfRow(dir('FollowUps', approved), 'Decisions')).toBeNull();
    expect(folderOfRow(undefined, 'Decisions')).toBeNull();
  });

  test('a row counts for a meeting only when its folder and its MeetingKey column agree', () => {
    const own = { folder: meetingFolderName(approved), meetingKey: approved };
    const planted = { folder: meetingFolderName(next), meetingKey: approved };
    expect(meetingOfRow(own)).toBe(approved);
    expect(belongsTo(approved, own)).toBe(true);
    // Written into the next meeting's folder, naming the approved one: it counts for neither.
    expect(meetingOfRow(planted)).toBeNull();
    expect(belongsTo(approved, planted)).toBe(false);
    expect(belongsTo(next, planted)).toBe(false);
    expect(meetingOfRow({ folder: null, meetingKey: approved })).toBeNull();
  });

  test("a read splits into the meeting's rows and those that name it from elsewhere, for the organizer to see", () => {
    const rows = [
      { id: '7', dir: dir('Decisions', approved, '/1'), key: approved },
      { id: '9', dir: dir('Decisions', next, '/1'), key: approved },
    ];
    const out = splitByPlace(approved, 'Decisions', rows, (r) => ({
      id: r.id,
      folder: folderOfRow(r.dir, 'Decisions'),
      meetingKey: r.key,
    }));
    expect(out.rows.map((r) => r.id)).toEqual(['7']);
    expect(out.misplaced).toEqual([{ list: 'Decisions', id: '9' }]);
  });
});

describe("whose afbud a row is comes from the person's folder holding it, not from its Author", () => {
  const anders = 'anders@kommune.example';
  const mads = 'mads@kommune.example';
  const inFolderOf = (upn: string) => `/${personFolderName(upn)}`;

  test("the folder directly below the meeting's folder is the person's; the meeting folder itself or deeper is none", () => {
    expect(personFolderOfRow(dir('Absences', next, inFolderOf(anders)), 'Absences')).toBe(
      personFolderName(anders),
    );
    expect(personFolderOfRow(dir('Absences', next), 'Absences')).toBeNull();
    expect(personFolderOfRow(dir('Absences', next, `${inFolderOf(anders)}/sub`), 'Absences')).toBeNull();
    expect(personFolderOfRow('/sites/moeder/Lists/Absences', 'Absences')).toBeNull();
    expect(personFolderOfRow(undefined, 'Absences')).toBeNull();
  });

  test('an afbud counts only in the folder of the person it names, whatever case the column is written in', () => {
    expect(inOwnFolder({ folder: personFolderName(anders), upn: 'Anders@Kommune.example' })).toBe(true);
    // Mads plants an afbud naming Anders in his own folder (the only one he can write): it is nobody's.
    expect(inOwnFolder({ folder: personFolderName(mads), upn: anders })).toBe(false);
    expect(inOwnFolder({ folder: null, upn: anders })).toBe(false);
    expect(inOwnFolder({ folder: personFolderName(''), upn: '' })).toBe(false);
  });

  test("an afbud in the meeting's folder but outside its person's folder is reported as misplaced", () => {
    const rows = [
      { id: '1', dir: dir('Absences', next, inFolderOf(anders)), upn: anders },
      { id: '2', dir: dir('Absences', next, inFolderOf(mads)), upn: anders },
      { id: '3', dir: dir('Absences', next), upn: anders },
    ];
    const out = splitByPlace(next, 'Absences', rows, (r) => ({
      id: r.id,
      folder: folderOfRow(r.dir, 'Absences'),
      meetingKey: next,
      person: { folder: personFolderOfRow(r.dir, 'Absences'), upn: r.upn },
    }));
    expect(out.rows.map((r) => r.id)).toEqual(['1']);
    expect(out.misplaced).toEqual([
      { list: 'Absences', id: '2' },
      { list: 'Absences', id: '3' },
    ]);
    expect(
      belongsTo(approved, {
        folder: meetingFolderName(next),
        meetingKey: approved,
        person: { folder: personFolderName(anders), upn: anders },
      }),
    ).toBe(false);
  });
});
