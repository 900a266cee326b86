/**
 * Every write of a page goes through the durable outbox as decisions do. For each kind — afbud, the agenda
 * draft, the referent, a follow-up's status, the meeting clock: a transient failure leaves it queued and it
 * lands later by itself; a refusal keeps it with why; a page closed before it landed is resumed by the next.
 */
import { MemoryOutbox, type MemoryOutboxStore } from '../../src/adapters/memory/memoryOutbox';
import { assignReferent } from '../../src/app/assignReferent';
import type { AppDeps } from '../../src/app/deps';
import { loadFollowUps } from '../../src/app/followUps';
import { openMeeting, type MeetingView } from '../../src/app/openMeeting';
import { PendingWrites, type WriteResult } from '../../src/app/pendingWrites';
import { sendAgenda } from '../../src/app/sendAgenda';
import type { Person } from '../../src/domain/person';
import { ValidationError } from '../../src/domain/validation';
import { Conflict, Offline, Throttled } from '../../src/ports/errors';
import type { ListStore } from '../../src/ports/ListStore';
import { KEY, people, seedItems, world } from './fixtures';

type World = ReturnType<typeof world>;

/** The one ListStore method a write kind ends in fails with `failure()` while it returns an error. */
function failing(store: ListStore, method: keyof ListStore, failure: () => Error | null): ListStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop !== method) return value.bind(target);
      return async (...args: unknown[]) => {
        const e = failure();
        if (e) throw e;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

interface Kind {
  name: string;
  who: Person;
  method: keyof ListStore;
  write(writes: PendingWrites, deps: AppDeps, view: MeetingView): Promise<WriteResult<unknown>>;
  /** What SharePoint holds of this write (undefined: nothing yet). */
  inSharePoint(w: World): Promise<unknown>;
  expected: unknown;
}

const KINDS: Kind[] = [
  {
    name: 'afbud',
    who: people.anders,
    method: 'saveAbsence',
    write: (writes, _deps, view) => writes.registerAbsence(view, { kind: 'Afbud', reason: 'Ferie' }),
    inSharePoint: async (w) =>
      (await w.lists.openMeeting(KEY)).absences.find((a) => a.value.person.upn === people.anders.upn)?.value
        .reason,
    expected: 'Ferie',
  },
  {
    name: 'agenda draft',
    who: people.sofie,
    method: 'replaceAgenda',
    write: (writes, _deps, view) =>
      writes.saveAgenda(view, [...view.items.slice(0, 7), { ...view.items[7], title: 'Eventuelt' }]),
    inSharePoint: async (w) =>
      (await w.lists.openMeeting(KEY)).items.find((i) => i.value.title === 'Eventuelt')?.value.number,
    expected: 8,
  },
  {
    name: 'referent',
    who: people.sofie,
    method: 'saveMeeting',
    write: (writes, _deps, view) => writes.assignReferent(view, people.louise),
    inSharePoint: async (w) => {
      const upn = (await w.lists.openMeeting(KEY)).meeting?.value.referent?.upn;
      return upn === people.louise.upn ? upn : undefined;
    },
    expected: people.louise.upn,
  },
  {
    name: 'follow-up status',
    who: people.sofie,
    method: 'saveFollowUp',
    write: async (writes, deps) =>
      writes.updateFollowUp((await loadFollowUps(deps))[0], { status: 'I gang' }),
    inSharePoint: async (w) => {
      const f = (await w.lists.openMeeting(KEY)).followUps[0]?.value;
      return f?.status === 'I gang' ? f.status : undefined;
    },
    expected: 'I gang',
  },
  {
    name: 'meeting clock',
    who: people.mads,
    method: 'saveProgress',
    write: (writes, _deps, view) => writes.driveClock(view, { kind: 'start', itemNumber: 1 }),
    inSharePoint: async (w) => (await w.lists.readMeeting(KEY)).progress?.value.timer?.currentItem,
    expected: 1,
  },
];

/** Sofie has sent the agenda with Mads as referent; item 3 has a follow-up. */
async function meeting() {
  const w = world();
  const sofie = w.as(people.sofie);
  let view = await openMeeting(sofie, KEY);
  view = await assignReferent(sofie, view, people.mads);
  await sendAgenda(sofie, view, seedItems());
  await w.lists.saveFollowUp(KEY, {
    id: 'fu-1',
    itemNumber: 3,
    owners: ['Mads'],
    task: 'Mads følger op med notat.',
    status: 'Åben',
  });
  return w;
}

/** A person's page over the shared lists, with an outbox over `store` (the profile's IndexedDB). */
function pageOf(w: World, kind: Kind, store: MemoryOutboxStore, failure: () => Error | null = () => null) {
  const base = w.as(kind.who, new MemoryOutbox(store));
  const deps = { ...base, lists: failing(base.lists, kind.method, failure) };
  return { deps, writes: new PendingWrites(deps, { retryBaseMs: 1000 }) };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe.each(KINDS)('$name', (kind) => {
  test('offline: kept on this computer, then lands by itself when the network is back', async () => {
    const w = await meeting();
    const store = MemoryOutbox.emptyStore();
    let down = true;
    const { deps, writes } = pageOf(w, kind, store, () =>
      down ? new Offline('net::ERR_INTERNET_DISCONNECTED') : null,
    );
    const result = await kind.write(writes, deps, await openMeeting(deps, KEY));
    expect(result).toMatchObject({ kind: 'queued', reason: 'Offline' });
    expect(writes.getSnapshot().entries).toHaveLength(1);
    expect(writes.getSnapshot().entries[0].failure).toMatchObject({ kind: 'Offline', refused: false });
    expect(await kind.inSharePoint(w)).toBeUndefined();
    down = false;
    await jest.advanceTimersByTimeAsync(1000);
    await writes.resume();
    expect(await kind.inSharePoint(w)).toEqual(kind.expected);
    expect(writes.getSnapshot().entries).toEqual([]);
    expect(await deps.outbox.list()).toEqual([]);
    writes.dispose();
  });

  test('throttled (429 with Retry-After): waits at least as long as SharePoint asks', async () => {
    const w = await meeting();
    let throttled = true;
    const { deps, writes } = pageOf(w, kind, MemoryOutbox.emptyStore(), () =>
      throttled ? new Throttled('429', { status: 429, retryAfterMs: 5000 }) : null,
    );
    expect((await kind.write(writes, deps, await openMeeting(deps, KEY))).kind).toBe('queued');
    throttled = false;
    await jest.advanceTimersByTimeAsync(4000);
    expect(await kind.inSharePoint(w)).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1000);
    await writes.resume();
    expect(await kind.inSharePoint(w)).toEqual(kind.expected);
    writes.dispose();
  });

  test('refused (412): the write is kept with why, not retried by itself, and sent when the person asks', async () => {
    const w = await meeting();
    let refuse = true;
    const { deps, writes } = pageOf(w, kind, MemoryOutbox.emptyStore(), () =>
      refuse ? new Conflict('412', { status: 412 }) : null,
    );
    await expect(kind.write(writes, deps, await openMeeting(deps, KEY))).rejects.toBeInstanceOf(Conflict);
    const [kept] = writes.getSnapshot().entries;
    expect(kept.failure).toMatchObject({ kind: 'Conflict', refused: true, attempts: 1 });
    refuse = false;
    await jest.advanceTimersByTimeAsync(60000);
    await writes.resume();
    expect(await kind.inSharePoint(w)).toBeUndefined();
    expect(writes.getSnapshot().entries).toHaveLength(1);
    await writes.retry(kept.slot);
    expect(await kind.inSharePoint(w)).toEqual(kind.expected);
    expect(writes.getSnapshot().entries).toEqual([]);
    writes.dispose();
  });

  test('the page closed before it landed: the next page of the profile resumes and lands it', async () => {
    const w = await meeting();
    const store = MemoryOutbox.emptyStore();
    const first = pageOf(w, kind, store, () => new Offline('net::ERR_NETWORK_CHANGED'));
    expect((await kind.write(first.writes, first.deps, await openMeeting(first.deps, KEY))).kind).toBe(
      'queued',
    );
    first.writes.dispose();
    expect(jest.getTimerCount()).toBe(0);

    const next = pageOf(w, kind, store);
    await next.writes.resume();
    expect(await kind.inSharePoint(w)).toEqual(kind.expected);
    expect(next.writes.getSnapshot().entries).toEqual([]);
    next.writes.dispose();
  });
});

test('a refused write does not hold back the ones after it; discarding it removes it', async () => {
  const w = await meeting();
  const store = MemoryOutbox.emptyStore();
  let mode: 'down' | 'refuse' | 'up' = 'refuse';
  const base = w.as(people.sofie, new MemoryOutbox(store));
  const lists = failing(base.lists, 'saveMeeting', () =>
    mode === 'refuse'
      ? new Conflict('412', { status: 412 })
      : mode === 'down'
        ? new Offline('offline')
        : null,
  );
  const deps = { ...base, lists };
  const writes = new PendingWrites(deps);
  const view = await openMeeting(deps, KEY);
  await expect(writes.assignReferent(view, people.louise)).rejects.toBeInstanceOf(Conflict);
  mode = 'down';
  await writes.withdrawAbsence(view, people.anders).catch(() => undefined);
  expect(writes.getSnapshot().entries.map((e) => e.kind)).toEqual(['referent']);
  await writes.registerAbsence(view, { kind: 'Afbud', person: people.erik, reason: 'Syg' });
  mode = 'up';
  await writes.resume();
  expect(writes.getSnapshot().entries.map((e) => e.kind)).toEqual(['referent']);
  const absences = (await w.lists.openMeeting(KEY)).absences.map((a) => a.value.person.upn);
  expect(absences).toContain(people.erik.upn);
  await writes.discard(writes.getSnapshot().entries[0].slot);
  expect(writes.getSnapshot().entries).toEqual([]);
  expect((await w.lists.openMeeting(KEY)).meeting?.value.referent?.upn).toBe(people.mads.upn);
  writes.dispose();
});

test('what our own rules refuse (an afbud for someone else, invalid input) is never queued', async () => {
  const w = await meeting();
  const anders = w.as(people.anders);
  const writes = new PendingWrites(anders);
  const view = await openMeeting(anders, KEY);
  await expect(
    writes.registerAbsence(view, { kind: 'Afbud', person: people.erik, reason: 'Syg' }),
  ).rejects.toMatchObject({ kind: 'Forbidden', details: { code: 'onlyOrganizerAbsenceForOthers' } });
  await expect(writes.registerAbsence(view, { kind: 'Deltager delvist', items: [] })).rejects.toBeInstanceOf(
    ValidationError,
  );
  expect(await anders.outbox.list()).toEqual([]);
  expect(writes.getSnapshot().entries).toEqual([]);
  writes.dispose();
});
