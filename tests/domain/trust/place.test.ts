import { meetingFolderName } from '../../../src/domain/meetingScopes';
import { belongsTo, folderOfRow, meetingOfRow, splitByPlace } from '../../../src/domain/trust/place';

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
