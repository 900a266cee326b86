import type { AgendaItem } from '../../src/domain/agendaItem';
import type { Decision } from '../../src/domain/decision';
import type { Meeting } from '../../src/domain/meeting';
import { personFolderName } from '../../src/domain/meetingScopes';
import { PortError } from '../../src/ports/errors';
import type { ListStore } from '../../src/ports/ListStore';
import type { PlanRows } from '../../src/ports/MeetingPermissions';

export interface ListStoreUnderTest {
  /** Acts as the organizer, Sofie (a site owner). */
  store: ListStore;
  /** Acts as the referent, Mads, on the same lists. */
  referent: ListStore;
  /** The same lists as any other person (an attendee, someone outside the meeting). */
  as: (upn: string) => ListStore;
  /**
   * Set the meeting up as the add-in does after writing its rows: the organizer applies the meeting's
   * permission plan (folders, circle group, scopes). A no-op where there are no permissions.
   */
  setUpMeeting?: (meeting: Meeting, rows: PlanRows, items?: AgendaItem[]) => Promise<void>;
  /** Which folder of its list a row is in, relative to the list root ("<meeting>/<n>"); undefined: no folders. */
  folderOf?: (list: string, id: string) => Promise<string>;
  done?: () => Promise<void>;
}

/** The behaviour every ListStore must have, run against the in-memory fake and the SharePoint adapter. */
export function listStoreContract(name: string, make: () => Promise<ListStoreUnderTest>) {
  describe(`ListStore contract: ${name}`, () => {
    let store: ListStore;
    let referent: ListStore;
    let as: (upn: string) => ListStore;
    let setUpMeeting: ListStoreUnderTest['setUpMeeting'];
    let folderOf: ListStoreUnderTest['folderOf'];
    let done: (() => Promise<void>) | undefined;
    let key: string;

    beforeAll(async () => {
      ({ store, referent, as, setUpMeeting, folderOf, done } = await make());
      await store.ensureProvisioned();
    });

    /** The organizer writes the meeting row and sets the meeting up (as "Send dagsorden" does). */
    const setUp = async (m: Meeting = meeting(), items?: AgendaItem[]) => {
      const saved = await store.saveMeeting(m);
      await setUpMeeting?.(m, { meetings: saved.id, agenda: {} }, items);
      return saved;
    };
    afterAll(async () => done?.());
    beforeEach(() => {
      key = `contract-${Math.random().toString(36).slice(2)}@kommune.example`;
    });

    const meeting = (): Meeting => ({
      key,
      series: 'Rådmandsmøder 2022-2025 (Rådmandsmøde)',
      title: 'Rådmandsmøde',
      start: '2024-02-20T10:00:00.000Z',
      end: '2024-02-20T12:00:00.000Z',
      location: 'Rådmandens kontor, vær. 436',
      organizer: { upn: 'sofie@kommune.example', name: 'Sofie Holm' },
      attendees: [{ upn: 'mads@kommune.example', name: 'Mads Nielsen' }],
      referent: { upn: 'mads@kommune.example', name: 'Mads Nielsen' },
      status: 'Planlagt',
      agendaVersion: 0,
    });
    const item = (
      id: string,
      number: number,
      title: string,
      extra: Partial<AgendaItem> = {},
    ): AgendaItem => ({
      id,
      number,
      title,
      category: 'Til godkendelse',
      durationMinutes: 10,
      guests: [],
      closed: false,
      attachments: [],
      ...extra,
    });
    const decision = (text: string, itemNumber = 1): Decision => ({
      itemNumber,
      itemTitle: 'Dagsorden',
      text,
      status: 'Kladde',
      editorUpn: 'mads@kommune.example',
      updatedAt: '2024-02-20T10:05:00.000Z',
    });
    const kindOf = (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: unknown) => (e instanceof PortError ? e.kind : String(e)),
      );

    test('provisioning twice is harmless', async () => {
      await store.ensureProvisioned();
      await store.ensureProvisioned();
      expect((await store.openMeeting(key)).meeting).toBeNull();
    });

    test('a saved meeting row reads back with its eTag, and a stale eTag is a conflict', async () => {
      const first = await store.saveMeeting(meeting());
      const snapshot = await store.openMeeting(key);
      expect(snapshot.meeting?.value).toMatchObject({
        key,
        series: meeting().series,
        referent: meeting().referent,
      });
      expect(snapshot.meeting?.eTag).toBe(first.eTag);
      const second = await store.saveMeeting({ ...meeting(), status: 'Udsendt' }, first.eTag);
      expect(second.eTag).not.toBe(first.eTag);
      expect(await kindOf(store.saveMeeting({ ...meeting(), status: 'I gang' }, first.eTag))).toBe(
        'Conflict',
      );
      expect((await store.openMeeting(key)).meeting?.value.status).toBe('Udsendt');
      // The watchers' cheap read: only the meeting row, same value and eTag.
      const row = await store.readMeeting(key);
      expect(row.meeting).toMatchObject({ id: second.id, eTag: second.eTag, value: second.value });
      expect(row.progress).toBeNull();
      expect(await store.readMeeting(`${key}-unknown`)).toEqual({ meeting: null, progress: null });
    });

    test('replacing the agenda updates, adds and removes rows, never duplicates', async () => {
      await setUp();
      await store.replaceAgenda(key, [
        item('a', 1, 'Dagsorden'),
        item('b', 2, 'Referat'),
        item('c', 3, 'Bordrunde'),
      ]);
      const again = await store.replaceAgenda(key, [
        item('a', 1, 'Dagsorden'),
        item('c', 2, 'Bordrunde', {
          closed: true,
          guests: [{ name: 'Kamilla Uhd Hansen', upn: 'kamilla@kommune.example' }],
        }),
      ]);
      expect(again.map((s) => [s.value.id, s.value.number, s.value.title])).toEqual([
        ['a', 1, 'Dagsorden'],
        ['c', 2, 'Bordrunde'],
      ]);
      const items = (await store.openMeeting(key)).items;
      expect(items).toHaveLength(2);
      expect(items[1].value).toMatchObject({ closed: true, guests: [{ upn: 'kamilla@kommune.example' }] });
    });

    test('an item marked standing ("fast punkt") reads back marked, from the meeting and the archive; unmarking sticks', async () => {
      await setUp();
      await store.replaceAgenda(key, [
        item('a', 1, 'Dagsorden', { standing: true }),
        item('b', 2, 'Budget 2025'),
        item('c', 3, 'Status fra jobcentret', { standing: true }),
      ]);
      const marked = async () => ({
        meeting: (await store.openMeeting(key)).items.map((s) => [s.value.id, s.value.standing === true]),
        archive: (await store.readArchive()).items
          .filter((i) => i.meetingKey === key)
          .sort((a, b) => a.number - b.number)
          .map((i) => [i.id, i.standing === true]),
      });
      expect(await marked()).toEqual({
        meeting: [
          ['a', true],
          ['b', false],
          ['c', true],
        ],
        archive: [
          ['a', true],
          ['b', false],
          ['c', true],
        ],
      });
      await store.replaceAgenda(key, [
        item('a', 1, 'Dagsorden', { standing: false }),
        item('b', 2, 'Budget 2025'),
        item('c', 3, 'Status fra jobcentret', { standing: true }),
      ]);
      expect((await marked()).meeting).toEqual([
        ['a', false],
        ['b', false],
        ['c', true],
      ]);
    });

    test('one afbud row per person: the latest registration replaces the earlier', async () => {
      await setUp();
      const person = { upn: 'mads@kommune.example', name: 'Mads Nielsen' };
      await store.saveAbsence(key, {
        person,
        kind: 'Afbud',
        items: [],
        reason: 'Syg',
        registeredAt: '2024-02-19T08:00:00.000Z',
      });
      await store.saveAbsence(key, {
        person,
        kind: 'Deltager delvist',
        items: [3, 4],
        registeredAt: '2024-02-19T09:00:00.000Z',
      });
      const absences = (await store.openMeeting(key)).absences;
      expect(absences).toHaveLength(1);
      expect(absences[0].value).toMatchObject({ kind: 'Deltager delvist', items: [3, 4] });
    });

    test('a decision is created once; later writes need the current eTag', async () => {
      await setUp();
      const first = await store.saveDecision(key, decision('Godkendt.'));
      expect(await kindOf(store.saveDecision(key, decision('Overskriver blindt')))).toBe('Conflict');
      const second = await store.saveDecision(key, decision('Godkendt uden bemærkninger.'), first.eTag);
      expect(await kindOf(store.saveDecision(key, decision('Gammel version'), first.eTag))).toBe('Conflict');
      const stored = (await store.openMeeting(key)).decisions;
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ eTag: second.eTag, value: { text: 'Godkendt uden bemærkninger.' } });
    });

    test('two first writes of the same decision at the same moment: one row, the other a conflict', async () => {
      await setUp();
      const results = await Promise.all([
        kindOf(referent.saveDecision(key, decision('Referentens tekst.', 2))),
        kindOf(store.saveDecision(key, decision('Mødelederens tekst.', 2))),
      ]);
      expect(results.sort()).toEqual(['Conflict', 'resolved']);
      const stored = (await store.openMeeting(key)).decisions.filter((d) => d.value.itemNumber === 2);
      expect(stored).toHaveLength(1);
    });

    test('decision text is stored exactly as typed, markup included', async () => {
      await setUp();
      const text =
        '<img src=x onerror=alert(1)> Rådmanden tog orienteringen til efterretning.\nFAS følger op. 🎉';
      await store.saveDecision(key, decision(text));
      expect((await store.openMeeting(key)).decisions[0].value.text).toBe(text);
    });

    test('decision changes since a cursor hold only what changed after it', async () => {
      await setUp();
      await store.saveDecision(key, decision('Godkendt.', 1));
      const { decisionsCursor } = await store.openMeeting(key);
      const none = await store.decisionChanges(key, decisionsCursor);
      expect(none.changed).toHaveLength(0);
      await store.saveDecision(key, decision('Taget til efterretning.', 2));
      const some = await store.decisionChanges(key, none.cursor);
      expect(some.changed.map((d) => d.value.text)).toEqual(['Taget til efterretning.']);
      const all = await store.decisionChanges(key);
      expect(all.changed.map((d) => d.value.itemNumber).sort()).toEqual([1, 2]);
    });

    test('follow-ups are saved, updated with their eTag and deleted', async () => {
      await setUp();
      const followUp = {
        id: 'f1',
        itemNumber: 3,
        owners: ['FAS', 'OL'],
        task: 'FAS følger op med OL',
        status: 'Åben' as const,
      };
      const first = await store.saveFollowUp(key, followUp);
      await store.saveFollowUp(key, { ...followUp, status: 'I gang', due: '2024-03-01' }, first.eTag);
      const read = (await store.openMeeting(key)).followUps;
      expect(read).toHaveLength(1);
      expect(read[0].value).toMatchObject({
        owners: ['FAS', 'OL'],
        status: 'I gang',
        due: '2024-03-01',
        meetingKey: key,
      });
      await store.deleteFollowUp(key, 'f1');
      expect((await store.openMeeting(key)).followUps).toHaveLength(0);
    });

    test('the progress row round-trips: the organizer creates it, the referent moves the clock with its eTag', async () => {
      const saved = await setUp();
      const first = await store.saveProgress(key, { status: 'I gang' });
      await setUpMeeting?.(meeting(), { meetings: saved.id, progress: first.id, agenda: {} });
      const timer = {
        startedAt: '2024-02-20T10:00:00.000Z',
        currentItem: 2,
        currentSince: '2024-02-20T10:05:00.000Z',
        usedSeconds: { 1: 300 },
        endedAt: null,
      };
      const seen = await referent.readMeeting(key);
      expect(seen.progress).toMatchObject({ id: first.id, value: { status: 'I gang' } });
      const moved = await referent.saveProgress(key, { status: 'I gang', timer }, seen.progress!.eTag);
      expect(await kindOf(referent.saveProgress(key, { status: 'Afsluttet' }, first.eTag))).toBe('Conflict');
      const submitted = { version: 1, by: 'mads@kommune.example', at: '2024-02-20T12:00:00.000Z' };
      await referent.saveProgress(
        key,
        { status: 'Afsluttet', timer, referatSubmitted: submitted },
        moved.eTag,
      );
      const snapshot = await store.openMeeting(key);
      expect(snapshot.progress?.value).toEqual({ status: 'Afsluttet', timer, referatSubmitted: submitted });
      expect(snapshot.meeting?.value.timer).toBeUndefined();
      expect((await store.readMeeting(key)).progress?.value.status).toBe('Afsluttet');
      // The clock alone (what a polling watcher reads): found by key, then read again as the same row.
      const clock = await referent.readProgress(key);
      expect(clock).toMatchObject({ id: first.id, value: { status: 'Afsluttet', timer } });
      expect((await referent.readProgress(key))?.eTag).toBe(clock?.eTag);
      expect(await referent.readProgress(`${key}-unknown`)).toBeNull();
    });

    test("two people's afbud: each writes their own, reads only their own reason; the organizer reads both", async () => {
      const m = {
        ...meeting(),
        attendees: [...meeting().attendees, { upn: 'anders@kommune.example', name: 'Anders Lund' }],
      };
      await setUp(m);
      const mads = { upn: 'mads@kommune.example', name: 'Mads Nielsen' };
      const anders = { upn: 'anders@kommune.example', name: 'Anders Lund' };
      await as(mads.upn).saveAbsence(key, {
        person: mads,
        kind: 'Afbud',
        items: [],
        reason: 'Syg',
        registeredAt: '2024-02-19T08:00:00.000Z',
      });
      await as(anders.upn).saveAbsence(key, {
        person: anders,
        kind: 'Afbud',
        items: [],
        reason: 'Ferie',
        registeredAt: '2024-02-19T09:00:00.000Z',
      });
      const reasons = async (who: ListStore) =>
        Object.fromEntries(
          (await who.openMeeting(key)).absences
            .map((a) => [a.value.person.upn, a.value.reason ?? null] as const)
            .sort(([a], [b]) => a.localeCompare(b)),
        );
      expect(await reasons(as(mads.upn))).toEqual({
        'anders@kommune.example': null,
        'mads@kommune.example': 'Syg',
      });
      expect(await reasons(as(anders.upn))).toEqual({
        'anders@kommune.example': 'Ferie',
        'mads@kommune.example': null,
      });
      expect(await reasons(store)).toEqual({
        'anders@kommune.example': 'Ferie',
        'mads@kommune.example': 'Syg',
      });

      // Mads withdraws: his row changes (the same row) and his reason is emptied.
      const before = (await store.openMeeting(key)).absences.find((a) => a.value.person.upn === mads.upn)!;
      const withdrawn = await as(mads.upn).saveAbsence(key, {
        person: mads,
        kind: 'Trukket tilbage',
        items: [],
        registeredAt: '2024-02-19T10:00:00.000Z',
      });
      expect(withdrawn.id).toBe(before.id);
      expect(await reasons(store)).toEqual({
        'anders@kommune.example': 'Ferie',
        'mads@kommune.example': null,
      });
    });

    test('a forged afbud (made by someone else for another person) is never returned', async () => {
      const m = {
        ...meeting(),
        attendees: [...meeting().attendees, { upn: 'anders@kommune.example', name: 'Anders Lund' }],
      };
      await setUp(m);
      const anders = { upn: 'anders@kommune.example', name: 'Anders Lund' };
      await as(anders.upn).saveAbsence(key, {
        person: anders,
        kind: 'Deltager virtuelt',
        items: [],
        registeredAt: '2024-02-19T08:00:00.000Z',
      });
      // Mads registers Anders as absent, later than Anders' own registration: Anders' own afbud folder refuses
      // him (only Anders and the organizer write there), and nothing of it is stored.
      await expect(
        as('mads@kommune.example').saveAbsence(key, {
          person: anders,
          kind: 'Afbud',
          items: [],
          reason: 'Påstået',
          registeredAt: '2024-02-19T09:00:00.000Z',
        }),
      ).rejects.toMatchObject({ kind: 'Forbidden' });
      for (const who of [store, as(anders.upn), as('mads@kommune.example')]) {
        const absences = (await who.openMeeting(key)).absences;
        expect(absences.map((a) => [a.value.person.upn, a.value.kind, a.value.reason])).toEqual([
          ['anders@kommune.example', 'Deltager virtuelt', undefined],
        ]);
      }
      // The organizer may register for others, and that counts.
      await store.saveAbsence(key, {
        person: anders,
        kind: 'Afbud',
        items: [],
        registeredAt: '2024-02-19T10:00:00.000Z',
      });
      expect((await as(anders.upn).openMeeting(key)).absences.map((a) => a.value.kind).sort()).toEqual([
        'Afbud',
        'Deltager virtuelt',
      ]);
    });

    test("meetingSummaries: the rows of many meetings at once, with only the person's own trusted afbud and no reason", async () => {
      const anders = { upn: 'anders@kommune.example', name: 'Anders Lund' };
      const mads = { upn: 'mads@kommune.example', name: 'Mads Nielsen' };
      const first = { ...meeting(), attendees: [mads, anders], referent: mads };
      const second = {
        ...first,
        key: `${key}-2`,
        start: '2024-03-05T10:00:00.000Z',
        end: '2024-03-05T12:00:00.000Z',
      };
      const firstRow = await setUp(first);
      await setUp(second);
      const progress = await store.saveProgress(first.key, { status: 'Afsluttet' });
      await setUpMeeting?.(first, { meetings: firstRow.id, progress: progress.id, agenda: {} });
      await store.saveFollowUp(first.key, {
        id: 'f-sum',
        itemNumber: 2,
        owners: ['Anders'],
        task: 'Send notatet',
        status: 'Åben',
      });
      await as(anders.upn).saveAbsence(second.key, {
        person: anders,
        kind: 'Deltager virtuelt',
        items: [],
        reason: 'Hjemme med barn',
        registeredAt: '2024-03-01T08:00:00.000Z',
      });
      // Mads cannot make a row for Anders: Anders' afbud folder is not his to write.
      await expect(
        as(mads.upn).saveAbsence(second.key, {
          person: anders,
          kind: 'Afbud',
          items: [],
          registeredAt: '2024-03-02T08:00:00.000Z',
        }),
      ).rejects.toMatchObject({ kind: 'Forbidden' });
      await as(mads.upn).saveAbsence(first.key, {
        person: mads,
        kind: 'Afbud',
        items: [],
        registeredAt: '2024-02-19T08:00:00.000Z',
      });
      const never = `${key}-never-sent`;

      const summaries = await as(anders.upn).meetingSummaries([second.key, never, first.key], anders.upn);
      expect(summaries.map((x) => x.key)).toEqual([second.key, never, first.key]);
      const [s2, none, s1] = summaries;
      expect(s1.meeting).toMatchObject({ key: first.key, series: first.series, referent: mads });
      expect(s1.progress?.status).toBe('Afsluttet');
      expect(s1.followUps.map((f) => [f.id, f.owners, f.status])).toEqual([['f-sum', ['Anders'], 'Åben']]);
      expect(s1.ownAbsences).toEqual([]);
      expect(s2.meeting?.key).toBe(second.key);
      expect(s2.progress).toBeNull();
      expect(s2.ownAbsences).toEqual([
        {
          person: anders,
          kind: 'Deltager virtuelt',
          items: [],
          registeredAt: '2024-03-01T08:00:00.000Z',
        },
      ]);
      expect(none).toEqual({ key: never, meeting: null, progress: null, ownAbsences: [], followUps: [] });

      const madsOwn = await as(mads.upn).meetingSummaries([first.key, second.key], mads.upn);
      expect(madsOwn.map((x) => x.ownAbsences.map((a) => [a.person.upn, a.kind]))).toEqual([
        [['mads@kommune.example', 'Afbud']],
        [],
      ]);
      expect(await store.meetingSummaries([], anders.upn)).toEqual([]);
    });

    test("decisions and follow-ups land in their item's folder", async () => {
      await setUp();
      const d = await referent.saveDecision(key, decision('Godkendt.', 3));
      const f = await referent.saveFollowUp(key, {
        id: 'f-folder',
        itemNumber: 3,
        owners: ['FAS'],
        task: 'Følg op',
        status: 'Åben',
      });
      if (folderOf) {
        const folder = (await folderOf('Decisions', d.id)).split('/');
        // <secretariat>/<meeting>/3: the item's folder inside the meeting's place.
        expect(folder.at(-1)).toBe('3');
        expect(folder).toHaveLength(3);
        expect(await folderOf('FollowUps', f.id)).toBe(folder.join('/'));
      }
      expect((await store.openMeeting(key)).decisions.map((x) => x.value.text)).toEqual(['Godkendt.']);
    });

    describe('committee record (Udvalgsmøde)', () => {
      const anders = { upn: 'anders@kommune.example', name: 'Anders Bak' };
      const erik = { upn: 'erik@kommune.example', name: 'Erik Lund' };
      const committeeMeeting = (): Meeting => ({
        ...meeting(),
        attendees: [anders, erik, { upn: 'mads@kommune.example', name: 'Mads Nielsen' }],
        committee: {
          kind: 'Udvalgsmøde',
          committeeName: 'Social- og Beskæftigelsesudvalget',
          members: [
            {
              person: anders,
              party: 'A',
              substitute: { upn: 'peter@kommune.example', name: 'Peter Jensen' },
            },
            { person: erik, party: 'V' },
          ],
          agendaDeadlineWorkingDays: 4,
        },
      });
      const at = '2024-02-20T10:30:00.000Z';

      test('the series setting is kept on the meeting row', async () => {
        await setUp(committeeMeeting());
        expect((await as(anders.upn).openMeeting(key)).meeting?.value.committee).toEqual(
          committeeMeeting().committee,
        );
      });

      test("the organizer's and referent's entries are one row each, read by every member", async () => {
        await setUp(committeeMeeting());
        await referent.saveCommitteeEntry(key, {
          kind: 'vote',
          value: {
            itemNumber: 2,
            choices: { [anders.upn]: 'For' },
            recordedBy: 'mads@kommune.example',
            recordedAt: at,
          },
        });
        await store.saveCommitteeEntry(key, {
          kind: 'vote',
          value: {
            itemNumber: 2,
            choices: { [anders.upn]: 'For', [erik.upn]: 'Imod' },
            recordedBy: 'sofie@kommune.example',
            recordedAt: at,
          },
        });
        await referent.saveCommitteeEntry(key, {
          kind: 'attendance',
          value: { itemNumber: 1, absent: [erik.upn], recordedBy: 'mads@kommune.example', recordedAt: at },
        });
        await referent.saveCommitteeEntry(key, {
          kind: 'inhabilitet',
          value: {
            itemNumber: 3,
            member: erik.upn,
            reason: 'Nær slægt',
            decision: 'Inhabil',
            declaredBy: 'mads@kommune.example',
            declaredAt: at,
          },
        });
        const record = await as(erik.upn).readCommittee(key);
        expect(record.votes.map((v) => v.value.choices)).toEqual([
          { [anders.upn]: 'For', [erik.upn]: 'Imod' },
        ]);
        expect(record.attendance.map((a) => [a.value.itemNumber, a.value.absent])).toEqual([[1, [erik.upn]]]);
        expect(record.inhabilitet.map((i) => [i.value.member, i.value.decision])).toEqual([
          [erik.upn, 'Inhabil'],
        ]);
        expect(record.votes[0].modifiedBy).toBe('sofie@kommune.example');
      });

      test("a member's statement counts only from the member (or, for a tilførsel, the organizer or referent); a member cannot write one in another's name", async () => {
        await setUp(committeeMeeting());
        const sign = (member: string) => ({
          kind: 'signature' as const,
          value: { member, version: 1, checksum: '0123456789ab', signedAt: at },
        });
        const tilfoersel = (member: string, text: string, writtenBy: string) => ({
          kind: 'tilfoersel' as const,
          value: { itemNumber: 2, member, text, writtenBy, writtenAt: at },
        });
        await as(anders.upn).saveCommitteeEntry(key, sign(anders.upn));
        // Erik's name from Anders: it would go into the meeting's folder, which only the organizer and the
        // referent write (and Erik's own folder is his).
        await expect(as(anders.upn).saveCommitteeEntry(key, sign(erik.upn))).rejects.toMatchObject({
          kind: 'Forbidden',
        });
        await expect(
          as(anders.upn).saveCommitteeEntry(key, tilfoersel(erik.upn, 'Falsk', anders.upn)),
        ).rejects.toMatchObject({ kind: 'Forbidden' });
        // The organizer may write a signature row naming Erik (in the meeting's folder): it is not his.
        await store.saveCommitteeEntry(key, sign(erik.upn));
        await referent.saveCommitteeEntry(
          key,
          tilfoersel(erik.upn, 'Venstre stemmer imod.', 'mads@kommune.example'),
        );
        await as(anders.upn).saveCommitteeEntry(key, tilfoersel(anders.upn, 'Første udgave', anders.upn));
        await as(anders.upn).saveCommitteeEntry(key, tilfoersel(anders.upn, 'Anden udgave', anders.upn));
        const record = await as(erik.upn).readCommittee(key);
        expect(record.signatures.map((s) => s.value.member)).toEqual([anders.upn]);
        expect(record.tilfoersler.map((t) => [t.value.member, t.value.text]).sort()).toEqual([
          [anders.upn, 'Anden udgave'],
          [erik.upn, 'Venstre stemmer imod.'],
        ]);
        // Anders's own rows are in his own folder, the referent's in the meeting's.
        const placed = folderOf;
        if (placed) {
          const ids = (await store.readCommittee(key)).tilfoersler.map((t) => [t.value.member, t.id]);
          const of = async (member: string) =>
            (await placed('CommitteeStatements', ids.find(([m]) => m === member)![1])).split('/');
          expect((await of(anders.upn)).at(-1)).toBe(personFolderName(anders.upn));
          expect(await of(erik.upn)).toHaveLength(2);
        }
      });

      test("a member's own declaration of inhabilitet waits for the committee's decision, and is kept beside it", async () => {
        await setUp(committeeMeeting());
        await as(anders.upn).saveCommitteeEntry(key, {
          kind: 'declaration',
          value: {
            itemNumber: 2,
            member: anders.upn,
            reason: 'Bestyrelsesmedlem',
            declaredBy: anders.upn,
            declaredAt: at,
          },
        });
        let record = await store.readCommittee(key);
        expect(record.inhabilitet).toEqual([]);
        expect(record.declarations.map((d) => [d.value.member, d.value.reason])).toEqual([
          [anders.upn, 'Bestyrelsesmedlem'],
        ]);
        await store.saveCommitteeEntry(key, {
          kind: 'inhabilitet',
          value: {
            itemNumber: 2,
            member: anders.upn,
            reason: 'Bestyrelsesmedlem i foreningen',
            decision: 'Inhabil',
            declaredBy: 'sofie@kommune.example',
            declaredAt: at,
          },
        });
        record = await as(anders.upn).readCommittee(key);
        expect(record.inhabilitet.map((i) => [i.value.member, i.value.decision, i.value.reason])).toEqual([
          [anders.upn, 'Inhabil', 'Bestyrelsesmedlem i foreningen'],
        ]);
        expect(record.declarations.map((d) => d.value.reason)).toEqual(['Bestyrelsesmedlem']);
      });

      test("an 'Inhabilitet' row a member wrote before declarations had their own kind is read as a declaration", async () => {
        await setUp(committeeMeeting());
        await as(anders.upn).saveCommitteeEntry(key, {
          kind: 'inhabilitet',
          value: {
            itemNumber: 2,
            member: anders.upn,
            reason: 'Bestyrelsesmedlem',
            decision: 'Afventer',
            declaredBy: anders.upn,
            declaredAt: at,
          },
        });
        const record = await store.readCommittee(key);
        expect(record.inhabilitet).toEqual([]);
        expect(record.declarations.map((d) => [d.value.member, d.value.reason])).toEqual([
          [anders.upn, 'Bestyrelsesmedlem'],
        ]);
      });

      test('an opening counts only once the organizer names its item id on the Meetings row; a full write of the row keeps what is named; a member cannot name one', async () => {
        await setUp(committeeMeeting());
        const opening = (openedAt: string) => ({
          kind: 'opening' as const,
          value: {
            version: 1,
            checksum: 'abc123abc123',
            parts: { attendance: [], inhabilitet: [], declarations: [], votes: [], tilfoersler: [] },
            rows: [],
            openedBy: 'sofie@kommune.example',
            openedAt,
          },
        });
        const openings = async (who: ListStore) =>
          (await who.readCommittee(key)).openings.map((o) => o.id).sort();
        const first = await store.saveCommitteeEntry(key, opening(at));
        // Written by the organizer, but not named: it counts for nobody, the organizer included.
        expect(await openings(store)).toEqual([]);
        expect(await openings(as(erik.upn))).toEqual([]);
        const named = await store.nameProtocolOpening(key, first.id);
        expect(named.value.protocolOpenings).toEqual([first.id]);
        expect(await openings(as(erik.upn))).toEqual([first.id]);
        expect(await openings(store)).toEqual([first.id]);
        // Naming again changes nothing; the eTag it returns is the row's, good for the next write.
        const again = await store.nameProtocolOpening(key, first.id);
        expect(again.value.protocolOpenings).toEqual([first.id]);
        // The organizer's page writes the row from an older copy: what is named stays named.
        const row = (await store.readMeeting(key)).meeting!;
        expect(row.eTag).toBe(again.eTag);
        const rewritten = await store.saveMeeting(
          { ...row.value, protocolOpenings: [], informationNote: 'Rettet' },
          row.eTag,
        );
        expect(rewritten.value.informationNote).toBe('Rettet');
        expect((await store.readMeeting(key)).meeting?.value.protocolOpenings).toEqual([first.id]);
        // Another opening of the same version is a row of its own, never the first one taken over.
        const second = await store.saveCommitteeEntry(key, opening('2024-02-20T11:00:00.000Z'));
        expect(second.id).not.toBe(first.id);
        expect(await openings(as(erik.upn))).toEqual([first.id]);
        // A member (or the referent) cannot name it: only the organizer writes the Meetings row.
        for (const who of [as(erik.upn), referent])
          await expect(who.nameProtocolOpening(key, second.id)).rejects.toBeInstanceOf(PortError);
        expect(await openings(as(erik.upn))).toEqual([first.id]);
        // Positive control: the organizer names it, and both count.
        await store.nameProtocolOpening(key, second.id);
        expect(await openings(as(anders.upn))).toEqual([first.id, second.id].sort());
      });

      test("the organizer's publication choice for a closed item is one row per item, read back", async () => {
        await setUp(committeeMeeting());
        const publish = (publishTitle: boolean, publishDecision: boolean) => ({
          kind: 'publication' as const,
          value: { itemNumber: 2, publishTitle, publishDecision, setBy: 'sofie@kommune.example', setAt: at },
        });
        await store.saveCommitteeEntry(key, publish(true, false));
        await store.saveCommitteeEntry(key, publish(true, true));
        const record = await as(erik.upn).readCommittee(key);
        expect(
          record.publication.map((p) => [p.value.itemNumber, p.value.publishTitle, p.value.publishDecision]),
        ).toEqual([[2, true, true]]);
      });
    });
  });
}
