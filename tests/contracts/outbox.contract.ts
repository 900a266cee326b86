import type { Outbox, OutboxEntry } from '../../src/ports/Outbox';

export interface OutboxUnderTest {
  outbox: Outbox;
  /** Another instance over the same storage, as the next page load of this profile would open it. */
  reopen(): Promise<Outbox>;
  done?: () => Promise<void>;
}

const KEY_A = 'raadmandsmoede-2024-02-20@kommune.example';
const KEY_B = 'raadmandsmoede-2024-03-05@kommune.example';

const entry = (
  slot: string,
  payload: unknown,
  extra: Partial<Omit<OutboxEntry, 'revision' | 'failure'>> = {},
): Omit<OutboxEntry, 'revision' | 'failure'> => ({
  slot,
  kind: 'absence',
  meetingKey: KEY_A,
  payload,
  updatedAt: '2024-02-19T08:00:00.000Z',
  ...extra,
});

/** What every Outbox promises its drains (LiveRecorder, PendingWrites), run against memory and IndexedDB. */
export function outboxContract(name: string, make: () => Promise<OutboxUnderTest>) {
  describe(`Outbox contract: ${name}`, () => {
    let outbox: Outbox;
    let reopen: () => Promise<Outbox>;
    let done: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ outbox, reopen, done } = await make());
    });
    afterEach(async () => done?.());

    test('entries are listed oldest first, and a list per meeting keeps that order', async () => {
      await outbox.put(entry('absence:a', 1));
      await outbox.put(entry('clock:b', 2, { kind: 'clock', meetingKey: KEY_B }));
      await outbox.put(entry('agenda:a', 3, { kind: 'agenda' }));
      expect((await outbox.list()).map((e) => e.slot)).toEqual(['absence:a', 'clock:b', 'agenda:a']);
      expect((await outbox.list(KEY_A)).map((e) => e.slot)).toEqual(['absence:a', 'agenda:a']);
      expect((await outbox.list(KEY_B)).map((e) => e.payload)).toEqual([2]);
    });

    test('a put is kept by the next instance over the same storage (a reload, a closed pane)', async () => {
      await outbox.put(entry('absence:a', { kind: 'Afbud', reason: 'Ferie' }, { baseETag: '"1"' }));
      await outbox.put(entry('clock:a', { status: 'I gang' }, { kind: 'clock' }));
      const next = await reopen();
      expect(await next.list()).toEqual([
        expect.objectContaining({
          slot: 'absence:a',
          payload: { kind: 'Afbud', reason: 'Ferie' },
          baseETag: '"1"',
        }),
        expect.objectContaining({ slot: 'clock:a', kind: 'clock', meetingKey: KEY_A }),
      ]);
      expect(await next.get('absence:a')).toEqual(await outbox.get('absence:a'));
    });

    test('a slot coalesces: one entry with the newest payload, in the place of its first put', async () => {
      const first = await outbox.put(entry('absence:a', 'first'));
      await outbox.put(entry('agenda:a', 'agenda', { kind: 'agenda' }));
      const second = await outbox.put(entry('absence:a', 'second'));
      expect(second.revision).toBeGreaterThan(first.revision);
      const all = await outbox.list();
      expect(all.map((e) => [e.slot, e.payload])).toEqual([
        ['absence:a', 'second'],
        ['agenda:a', 'agenda'],
      ]);
    });

    test('a put without baseETag or conflict keeps the slot’s earlier ones; with them, they replace', async () => {
      await outbox.put(entry('clock:a', 1, { baseETag: '"7"' }));
      await outbox.update('clock:a', { conflict: { serverPayload: 'theirs', serverETag: '"8"' } });
      const kept = await outbox.put(entry('clock:a', 2));
      expect(kept).toMatchObject({ baseETag: '"7"', conflict: { serverETag: '"8"' } });
      const replaced = await outbox.put(entry('clock:a', 3, { baseETag: '"9"' }));
      expect(replaced.baseETag).toBe('"9"');
    });

    test('removal after success: only the revision that was written is removed, newer typing stays', async () => {
      const written = await outbox.put(entry('absence:a', 'sent'));
      const newer = await outbox.put(entry('absence:a', 'typed meanwhile'));
      await outbox.remove('absence:a', written.revision);
      expect((await outbox.get('absence:a'))?.payload).toBe('typed meanwhile');
      await outbox.remove('absence:a', newer.revision);
      expect(await outbox.get('absence:a')).toBeUndefined();
      expect(await (await reopen()).list()).toEqual([]);
    });

    test('a removed slot put again goes to the end of the queue', async () => {
      await outbox.put(entry('absence:a', 1));
      await outbox.put(entry('agenda:a', 2, { kind: 'agenda' }));
      await outbox.remove('absence:a');
      await outbox.put(entry('absence:a', 3));
      expect((await outbox.list()).map((e) => e.slot)).toEqual(['agenda:a', 'absence:a']);
    });

    test('failure bookkeeping: kept across instances without a new revision, cleared by the next put', async () => {
      const put = await outbox.put(
        entry('referent:a', { upn: 'mads@kommune.example' }, { kind: 'referent' }),
      );
      const failure = {
        kind: 'Conflict' as const,
        code: 'preconditionFailed',
        attempts: 2,
        at: '2024-02-19T08:01:00.000Z',
        refused: true,
      };
      await outbox.update('referent:a', { failure });
      const next = await reopen();
      const stored = await next.get('referent:a');
      expect(stored?.failure).toEqual(failure);
      expect(stored?.revision).toBe(put.revision);
      await outbox.update('referent:a', { failure: undefined });
      expect((await outbox.get('referent:a'))?.failure).toBeUndefined();
      await outbox.update('referent:a', { failure });
      const again = await outbox.put(
        entry('referent:a', { upn: 'louise@kommune.example' }, { kind: 'referent' }),
      );
      expect(again.failure).toBeUndefined();
      expect((await outbox.get('referent:a'))?.failure).toBeUndefined();
    });

    test('update and remove of a slot that is gone change nothing; clear empties every meeting', async () => {
      await outbox.update('gone', { baseETag: '"1"' });
      await outbox.remove('gone');
      expect(await outbox.get('gone')).toBeUndefined();
      await outbox.put(entry('absence:a', 1));
      await outbox.put(entry('absence:b', 2, { meetingKey: KEY_B }));
      await outbox.clear();
      expect(await outbox.list()).toEqual([]);
      expect(await (await reopen()).list()).toEqual([]);
    });

    test('what is read is a copy: changing it does not change the stored entry', async () => {
      await outbox.put(entry('absence:a', { reason: 'Ferie' }));
      const read = await outbox.get('absence:a');
      (read!.payload as { reason: string }).reason = 'changed';
      expect((await outbox.get('absence:a'))?.payload).toEqual({ reason: 'Ferie' });
    });
  });
}
