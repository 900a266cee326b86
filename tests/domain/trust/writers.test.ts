import type { StatementFolder } from '../../../src/domain/trust/place';
import { committeeRowCounts, writtenByWriters } from '../../../src/domain/trust/writers';

const sofie = 'sofie@kommune.example';
const mads = 'mads@kommune.example';
const anders = 'anders@kommune.example';
const erik = 'erik@kommune.example';

describe("who may speak for a row, from SharePoint's author and last writer", () => {
  test('a decision counts when its last writer is the organizer, the referent or an earlier referent', () => {
    const counts = writtenByWriters({
      organizer: { upn: sofie, name: 'Sofie' },
      referent: { upn: mads, name: 'Mads' },
      formerReferents: [erik],
    });
    expect([sofie, mads, erik].map((w) => counts({ modifiedBy: w }))).toEqual([true, true, true]);
    expect(counts({ modifiedBy: anders })).toBe(false);
  });

  test("a member's statement counts from her own folder whatever its author; in the meeting's folder a signature only from herself, a tilførsel also from organizer or referent; elsewhere never", () => {
    const row = (kind: string, author: string, folder: StatementFolder = 'meeting') => ({
      list: 'CommitteeStatements' as const,
      kind,
      member: anders,
      author,
      folder,
    });
    // Her own folder (only she and the organizer write there): the folder decides, not the Author.
    for (const author of [anders, erik, sofie])
      for (const kind of ['signature', 'tilfoersel', 'declaration'])
        expect(committeeRowCounts(row(kind, author, 'member'), sofie, mads)).toBe(true);
    // Another member's folder, or anywhere outside the meeting's folder: never, even "by" the member.
    for (const author of [anders, sofie])
      expect(committeeRowCounts(row('signature', author, 'elsewhere'), sofie, mads)).toBe(false);
    expect(committeeRowCounts(row('tilfoersel', mads, 'elsewhere'), sofie, mads)).toBe(false);
    // The meeting's own folder (organizer, and the referent until out for signatures; older meetings' rows).
    expect(committeeRowCounts(row('signature', anders), sofie, mads)).toBe(true);
    expect(committeeRowCounts(row('signature', sofie), sofie, mads)).toBe(false);
    expect(committeeRowCounts(row('signature', mads), sofie, mads)).toBe(false);
    expect(committeeRowCounts(row('tilfoersel', mads), sofie, mads)).toBe(true);
    expect(committeeRowCounts(row('tilfoersel', sofie), sofie, mads)).toBe(true);
    expect(committeeRowCounts(row('tilfoersel', erik), sofie, mads)).toBe(false);
  });

  test('a publication choice counts only from CommitteeDecisions, last written by the organizer', () => {
    const pub = (list: 'CommitteeDecisions' | 'CommitteeStatements', modifiedBy: string) => ({
      list,
      kind: 'publication',
      member: '',
      author: sofie,
      modifiedBy,
      folder: 'meeting' as const,
    });
    expect(committeeRowCounts(pub('CommitteeDecisions', sofie), sofie, mads)).toBe(true);
    expect(committeeRowCounts(pub('CommitteeDecisions', mads), sofie, mads)).toBe(false);
    expect(committeeRowCounts(pub('CommitteeStatements', sofie), sofie, mads)).toBe(false);
  });

  test('an opening for signatures counts only from the statements list, written and last changed by the organizer', () => {
    const opening = (
      author: string,
      modifiedBy: string,
      list: 'CommitteeDecisions' | 'CommitteeStatements' = 'CommitteeStatements',
      folder: StatementFolder = 'meeting',
    ) => ({ list, kind: 'opening', member: '', author, modifiedBy, folder });
    expect(committeeRowCounts(opening(sofie, sofie), sofie, mads)).toBe(true);
    expect(committeeRowCounts(opening(mads, mads), sofie, mads)).toBe(false);
    expect(committeeRowCounts(opening(anders, anders), sofie, mads)).toBe(false);
    expect(committeeRowCounts(opening(sofie, anders), sofie, mads)).toBe(false);
    expect(committeeRowCounts(opening(sofie, sofie, 'CommitteeDecisions'), sofie, mads)).toBe(false);
    // Only in the meeting's own folder: never from a member's folder, whoever SharePoint says wrote it.
    expect(committeeRowCounts(opening(sofie, sofie, 'CommitteeStatements', 'elsewhere'), sofie, mads)).toBe(
      false,
    );
  });
});
