import type { AgendaItem } from '../../src/domain/agendaItem';
import type { Decision } from '../../src/domain/decision';
import type { Meeting } from '../../src/domain/meeting';
import { PortError } from '../../src/ports/errors';
import type { ListStore } from '../../src/ports/ListStore';

/** The behaviour every ListStore must have, run against the in-memory fake and the SharePoint adapter. */
export function listStoreContract(
  name: string,
  /** `store` acts as the organizer (Sofie); `referent` as Mads, on the same lists. */
  make: () => Promise<{ store: ListStore; referent: ListStore; done?: () => Promise<void> }>,
) {
  describe(`ListStore contract: ${name}`, () => {
    let store: ListStore;
    let referent: ListStore;
    let done: (() => Promise<void>) | undefined;
    let key: string;

    beforeAll(async () => {
      ({ store, referent, done } = await make());
      await store.ensureProvisioned();
    });
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
      expect(row).toEqual({ id: second.id, eTag: second.eTag, value: second.value });
      expect(await store.readMeeting(`${key}-unknown`)).toBeNull();
    });

    test('replacing the agenda updates, adds and removes rows, never duplicates', async () => {
      await store.saveMeeting(meeting());
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

    test('one afbud row per person: the latest registration replaces the earlier', async () => {
      await store.saveMeeting(meeting());
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
      await store.saveMeeting(meeting());
      const first = await store.saveDecision(key, decision('Godkendt.'));
      expect(await kindOf(store.saveDecision(key, decision('Overskriver blindt')))).toBe('Conflict');
      const second = await store.saveDecision(key, decision('Godkendt uden bemærkninger.'), first.eTag);
      expect(await kindOf(store.saveDecision(key, decision('Gammel version'), first.eTag))).toBe('Conflict');
      const stored = (await store.openMeeting(key)).decisions;
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ eTag: second.eTag, value: { text: 'Godkendt uden bemærkninger.' } });
    });

    test('two first writes of the same decision at the same moment: one row, the other a conflict', async () => {
      await store.saveMeeting(meeting());
      const results = await Promise.all([
        kindOf(referent.saveDecision(key, decision('Referentens tekst.', 2))),
        kindOf(store.saveDecision(key, decision('Mødelederens tekst.', 2))),
      ]);
      expect(results.sort()).toEqual(['Conflict', 'resolved']);
      const stored = (await store.openMeeting(key)).decisions.filter((d) => d.value.itemNumber === 2);
      expect(stored).toHaveLength(1);
    });

    test('decision text is stored exactly as typed, markup included', async () => {
      await store.saveMeeting(meeting());
      const text =
        '<img src=x onerror=alert(1)> Rådmanden tog orienteringen til efterretning.\nFAS følger op. 🎉';
      await store.saveDecision(key, decision(text));
      expect((await store.openMeeting(key)).decisions[0].value.text).toBe(text);
    });

    test('decision changes since a cursor hold only what changed after it', async () => {
      await store.saveMeeting(meeting());
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
      await store.saveMeeting(meeting());
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
  });
}
