/**
 * The polling channel's budget, with fake timers, a fake page visibility, a fake Web Locks manager and a
 * fake BroadcastChannel: one request per tick (the clock every sixth), nothing while hidden, one poller
 * for all the pages of a meeting in one browser profile (the others hear what it read and take over
 * where it stopped), and a longer wait after a 429.
 */
import { PollingChannel } from '../../src/adapters/live/pollingChannel';
import type {
  BroadcastLike,
  LockManagerLike,
  PollingEnvironment,
  VisibilitySignal,
} from '../../src/adapters/live/pollingEnvironment';
import { MemoryListStore } from '../../src/adapters/memory/memoryListStore';
import type { Decision } from '../../src/domain/decision';
import type { Meeting } from '../../src/domain/meeting';
import { idleTimer, startMeeting } from '../../src/domain/meetingTimer';
import { Throttled } from '../../src/ports/errors';
import type { LiveMessage } from '../../src/ports/LiveChannel';
import type { ListStore } from '../../src/ports/ListStore';

const KEY = 'raadmandsmoede-2024-02-20@kommune.example';
const erik = { upn: 'erik@kommune.example', name: 'Erik' };
const mads = { upn: 'mads@kommune.example', name: 'Mads Nielsen' };
const meeting: Meeting = {
  key: KEY,
  series: 'Rådmandsmøder',
  title: 'Rådmandsmøde',
  start: '2024-02-20T10:00:00.000Z',
  end: '2024-02-20T12:00:00.000Z',
  location: 'Rådmandens kontor',
  organizer: { upn: 'sofie@kommune.example', name: 'Sofie Holm' },
  attendees: [mads, erik],
  referent: mads,
  status: 'Udsendt',
  agendaVersion: 1,
};
const decision = (itemNumber: number, text: string): Decision => ({
  itemNumber,
  itemTitle: 'Punkt',
  text,
  status: 'Kladde',
  editorUpn: mads.upn,
  updatedAt: new Date().toISOString(),
});

/** The store, with every read the poller makes counted (each is one request to SharePoint). */
function countedStore() {
  const store = new MemoryListStore();
  const reads: string[] = [];
  let throttleNext: number | null = null;
  const counted: ListStore = Object.assign(Object.create(store) as ListStore, {
    decisionChanges: async (key: string, cursor?: string) => {
      reads.push('decisions');
      if (throttleNext !== null) {
        const retryAfterMs = throttleNext;
        throttleNext = null;
        throw new Throttled('Too many requests', { status: 429, retryAfterMs });
      }
      return store.decisionChanges(key, cursor);
    },
    readMeeting: async (key: string) => {
      reads.push('meeting');
      return store.readMeeting(key);
    },
    readProgress: async (key: string) => {
      reads.push('progress');
      return store.readProgress(key);
    },
  });
  return { store, lists: counted, reads, throttle: (retryAfterMs: number) => (throttleNext = retryAfterMs) };
}

/** A page's visibility that the test switches. */
function fakeVisibility(visible = true): VisibilitySignal & { set(v: boolean): void } {
  const listeners = new Set<() => void>();
  return {
    visible: () => visible,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(v) {
      visible = v;
      listeners.forEach((l) => l());
    },
  };
}

/** Web Locks as the browser gives them: one holder per name, the others queued in order, abortable. */
function fakeLocks(): LockManagerLike {
  const held = new Set<string>();
  const queues = new Map<string, Array<{ run: () => void; signal?: AbortSignal }>>();
  const pump = (name: string) => {
    if (held.has(name)) return;
    const next = queues.get(name)?.shift();
    if (next) next.run();
  };
  return {
    request(name, options, callback) {
      return new Promise((resolve, reject) => {
        const queue = queues.get(name) ?? [];
        queues.set(name, queue);
        const entry = {
          signal: options.signal,
          run: () => {
            held.add(name);
            callback().then(
              (v) => {
                held.delete(name);
                resolve(v);
                pump(name);
              },
              (e: unknown) => {
                held.delete(name);
                reject(e);
                pump(name);
              },
            );
          },
        };
        options.signal?.addEventListener('abort', () => {
          const at = queue.indexOf(entry);
          if (at >= 0) {
            queue.splice(at, 1);
            reject(new Error('AbortError'));
          }
        });
        queue.push(entry);
        pump(name);
      });
    },
  };
}

/** BroadcastChannel: a message reaches every other channel of the same name, a copy, asynchronously. */
function fakeBroadcast(): (name: string) => BroadcastLike {
  const members = new Map<string, Set<BroadcastLike>>();
  return (name) => {
    const set = members.get(name) ?? new Set<BroadcastLike>();
    members.set(name, set);
    const channel: BroadcastLike = {
      onmessage: null,
      postMessage(message) {
        const copy = structuredClone(message);
        for (const other of set)
          if (other !== channel) queueMicrotask(() => other.onmessage?.({ data: copy }));
      },
      close() {
        set.delete(channel);
      },
    };
    set.add(channel);
    return channel;
  };
}

const textsOf = (heard: LiveMessage[]) =>
  heard.flatMap((m) => (m.kind === 'decision' && m.text ? [m.text] : []));

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

async function openPage(lists: ListStore, env: PollingEnvironment, cursor: string | undefined) {
  // Idle slow-down off here (its own test below): these are about the other rules.
  const channel = new PollingChannel(
    lists,
    { intervalMs: 10_000, idleIntervalMs: 10_000, timerEvery: 6 },
    env,
  );
  const heard: LiveMessage[] = [];
  channel.onMessage((m) => heard.push(m));
  await channel.join(KEY, erik, { decisionsCursor: cursor });
  return { channel, heard };
}

test('one request per 10 s while visible (every sixth reads the clock), none while hidden', async () => {
  const { store, lists, reads } = countedStore();
  await store.saveMeeting(meeting);
  const cursor = (await store.openMeeting(KEY)).decisionsCursor;
  const visibility = fakeVisibility();
  const { channel, heard } = await openPage(lists, { visibility }, cursor);

  await store.saveDecision(KEY, decision(1, 'Godkendt.'));
  await store.saveProgress(KEY, { timer: startMeeting(idleTimer(), 1, meeting.start), status: 'I gang' });
  await jest.advanceTimersByTimeAsync(60_000);
  expect(reads).toEqual(['decisions', 'decisions', 'decisions', 'decisions', 'decisions', 'progress']);
  expect(textsOf(heard)).toEqual(['Godkendt.']);
  expect(heard.find((m) => m.kind === 'timer')).toMatchObject({
    timer: { currentItem: 1 },
    status: 'I gang',
  });

  await jest.advanceTimersByTimeAsync(60_000);
  expect(reads.slice(6)).toEqual([
    'decisions',
    'decisions',
    'decisions',
    'decisions',
    'decisions',
    'progress',
  ]);

  visibility.set(false);
  await store.saveDecision(KEY, decision(2, 'Taget til efterretning.'));
  await jest.advanceTimersByTimeAsync(5 * 60_000);
  expect(reads).toHaveLength(12);

  // Visible again: read at once (the last read is long ago), then every 10 s again.
  visibility.set(true);
  await jest.advanceTimersByTimeAsync(0);
  expect(reads).toHaveLength(13);
  expect(textsOf(heard)).toEqual(['Godkendt.', 'Taget til efterretning.']);
  await jest.advanceTimersByTimeAsync(10_000);
  expect(reads).toHaveLength(14);

  await channel.leave();
  await jest.advanceTimersByTimeAsync(60_000);
  expect(reads).toHaveLength(14);
});

test('two pages of one meeting in one profile: one polls, both hear; the other takes over where it stopped', async () => {
  const { store, lists, reads } = countedStore();
  await store.saveMeeting(meeting);
  const cursor = (await store.openMeeting(KEY)).decisionsCursor;
  const locks = fakeLocks();
  const broadcast = fakeBroadcast();
  const tabA = fakeVisibility();
  const paneB = fakeVisibility();
  const a = await openPage(lists, { visibility: tabA, locks, broadcast }, cursor);
  const b = await openPage(lists, { visibility: paneB, locks, broadcast }, cursor);

  await store.saveDecision(KEY, decision(1, 'Godkendt.'));
  await jest.advanceTimersByTimeAsync(50_000);
  // Five ticks of 10 s, whoever holds the lock: not ten.
  expect(reads).toHaveLength(5);
  expect(textsOf(a.heard)).toEqual(['Godkendt.']);
  expect(textsOf(b.heard)).toEqual(['Godkendt.']);

  // The leader's tab is hidden: the pane polls on, from the cursor the leader last had (nothing old again).
  tabA.set(false);
  await store.saveDecision(KEY, decision(2, 'Udsat.'));
  await jest.advanceTimersByTimeAsync(10_000);
  expect(reads).toHaveLength(6);
  expect(textsOf(b.heard)).toEqual(['Godkendt.', 'Udsat.']);
  // The hidden tab still hears it (it costs nothing).
  expect(textsOf(a.heard)).toEqual(['Godkendt.', 'Udsat.']);

  // Both hidden: nobody polls. The pane leaves; the tab becomes visible and polls alone.
  paneB.set(false);
  await jest.advanceTimersByTimeAsync(60_000);
  expect(reads).toHaveLength(6);
  await b.channel.leave();
  tabA.set(true);
  await jest.advanceTimersByTimeAsync(0);
  expect(reads).toHaveLength(7); // the last read is more than 10 s ago: at once
  await jest.advanceTimersByTimeAsync(30_000);
  expect(reads).toHaveLength(10);
  await a.channel.leave();
});

test('without Web Locks or BroadcastChannel each page polls by itself', async () => {
  const { store, lists, reads } = countedStore();
  await store.saveMeeting(meeting);
  const cursor = (await store.openMeeting(KEY)).decisionsCursor;
  const a = await openPage(lists, { visibility: fakeVisibility() }, cursor);
  const b = await openPage(lists, { visibility: fakeVisibility() }, cursor);
  await jest.advanceTimersByTimeAsync(30_000);
  expect(reads).toHaveLength(6);
  await a.channel.leave();
  await b.channel.leave();
});

test('after a 429 the next read waits for Retry-After, and the interval doubles while it goes on', async () => {
  const { store, lists, reads, throttle } = countedStore();
  await store.saveMeeting(meeting);
  const cursor = (await store.openMeeting(KEY)).decisionsCursor;
  const errors: unknown[] = [];
  const channel = new PollingChannel(
    lists,
    { intervalMs: 10_000, idleIntervalMs: 10_000, timerEvery: 0, onError: (e) => errors.push(e) },
    {},
  );
  await channel.join(KEY, erik, { decisionsCursor: cursor });
  throttle(120_000);
  await jest.advanceTimersByTimeAsync(10_000);
  expect(reads).toHaveLength(1);
  expect(errors[0]).toBeInstanceOf(Throttled);
  await jest.advanceTimersByTimeAsync(119_000);
  expect(reads).toHaveLength(1);
  await jest.advanceTimersByTimeAsync(1_000);
  expect(reads).toHaveLength(2);
  // Back to normal after a success.
  await jest.advanceTimersByTimeAsync(10_000);
  expect(reads).toHaveLength(3);

  // Throttled without Retry-After: 20 s, then normal again.
  throttle(0);
  await jest.advanceTimersByTimeAsync(10_000);
  expect(reads).toHaveLength(4);
  await jest.advanceTimersByTimeAsync(19_000);
  expect(reads).toHaveLength(4);
  await jest.advanceTimersByTimeAsync(1_000);
  expect(reads).toHaveLength(5);
  await channel.leave();
});

test('a quiet meeting is read a quarter as often after a minute without changes, and fast again after one', async () => {
  const { store, lists, reads } = countedStore();
  await store.saveMeeting(meeting);
  const cursor = (await store.openMeeting(KEY)).decisionsCursor;
  const channel = new PollingChannel(lists, { intervalMs: 10_000, timerEvery: 0 }, {});
  await channel.join(KEY, erik, { decisionsCursor: cursor });
  await jest.advanceTimersByTimeAsync(60_000);
  expect(reads).toHaveLength(6);
  await jest.advanceTimersByTimeAsync(120_000);
  expect(reads).toHaveLength(9);
  await store.saveDecision(KEY, decision(1, 'Godkendt.'));
  await jest.advanceTimersByTimeAsync(40_000);
  expect(reads).toHaveLength(10);
  await jest.advanceTimersByTimeAsync(30_000);
  expect(reads).toHaveLength(13);
  await channel.leave();
});

test("after a read that brought a change, the next waits the referent's autosave spacing; then the interval again", async () => {
  const { store, lists, reads } = countedStore();
  await store.saveMeeting(meeting);
  const cursor = (await store.openMeeting(KEY)).decisionsCursor;
  const channel = new PollingChannel(
    lists,
    { intervalMs: 15_000, idleIntervalMs: 15_000, timerEvery: 0, saveSpacingMs: 30_000 },
    {},
  );
  const heard: LiveMessage[] = [];
  channel.onMessage((m) => heard.push(m));
  await channel.join(KEY, erik, { decisionsCursor: cursor });
  await store.saveDecision(KEY, decision(1, 'Godkendt'));
  await jest.advanceTimersByTimeAsync(15_000);
  expect(reads).toHaveLength(1);
  expect(textsOf(heard)).toEqual(['Godkendt']);

  // The referent's next autosave comes no sooner than 30 s after the last: no read at 30 s.
  await store.saveDecision(KEY, decision(2, 'Taget til efterretning'));
  await jest.advanceTimersByTimeAsync(15_000);
  expect(reads).toHaveLength(1);
  await jest.advanceTimersByTimeAsync(15_000);
  expect(reads).toHaveLength(2);
  expect(textsOf(heard)).toEqual(['Godkendt', 'Taget til efterretning']);

  // Again 30 s after that one; it finds nothing, so the interval is 15 s again.
  await jest.advanceTimersByTimeAsync(30_000);
  expect(reads).toHaveLength(3);
  await jest.advanceTimersByTimeAsync(15_000);
  expect(reads).toHaveLength(4);
  await channel.leave();
});
