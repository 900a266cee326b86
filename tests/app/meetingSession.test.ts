/**
 * The meeting page's state and jobs, in Node: loading with retry, the live upgrade and its fallback, the
 * merge rule while the referent types, the typing indicator, and dispose. Timers are jest's fake ones;
 * polling is a fake of the port the composition root hands the page.
 */
import { MemoryLiveHub } from '../../src/adapters/memory/memoryLiveHub';
import { assignReferent } from '../../src/app/assignReferent';
import type { AppDeps } from '../../src/app/deps';
import { MeetingSession, type MeetingSessionOptions } from '../../src/app/meetingSession';
import { openMeeting } from '../../src/app/openMeeting';
import { sendAgenda } from '../../src/app/sendAgenda';
import type { Decision } from '../../src/domain/decision';
import type { MeetingKey } from '../../src/domain/meeting';
import type { Person } from '../../src/domain/person';
import { PendingWrites } from '../../src/app/pendingWrites';
import { Forbidden, Offline, Unavailable } from '../../src/ports/errors';
import type { LiveMessage, PollingLiveChannel, PollingOptions } from '../../src/ports/LiveChannel';
import type { ListStore, Stored } from '../../src/ports/ListStore';
import { KEY, people, seedItems, world } from './fixtures';

/** A polling channel the test drives: what SharePoint's delta would report is emitted by hand. */
class FakePolling implements PollingLiveChannel {
  readonly kind = 'polling' as const;
  joined = false;
  left = false;
  polls = 0;
  private readonly listeners = new Set<(m: LiveMessage, from: Person) => void>();
  constructor(readonly options: PollingOptions) {}
  async join(): Promise<void> {
    this.joined = true;
  }
  send(): void {}
  onMessage(listener: (m: LiveMessage, from: Person) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  async poll(): Promise<void> {
    this.polls += 1;
  }
  async leave(): Promise<void> {
    this.left = true;
    this.listeners.clear();
  }
  /** SharePoint has this row now. */
  report(row: Stored<Decision>): void {
    const m: LiveMessage = {
      kind: 'decision',
      itemNumber: row.value.itemNumber,
      text: row.value.text,
      version: row.eTag,
      editorUpn: row.value.editorUpn,
      sentAt: row.value.updatedAt,
      row,
    };
    for (const l of this.listeners) l(m, { upn: row.value.editorUpn, name: row.value.editorUpn });
  }
}

async function meetingWithReferent() {
  const w = world();
  const sofie = w.as(people.sofie);
  let view = await openMeeting(sofie, KEY);
  view = await assignReferent(sofie, view, people.mads);
  await sendAgenda(sofie, view, seedItems());
  return w;
}

function session(deps: AppDeps, options: Partial<MeetingSessionOptions> = {}) {
  const pollings: FakePolling[] = [];
  const s = new MeetingSession(deps, KEY, {
    watchIntervalMs: 1000,
    pollingChannel: (o) => {
      const p = new FakePolling(o);
      pollings.push(p);
      return p;
    },
    loadRetryBaseMs: 500,
    recorder: { debounceMs: 100, retryBaseMs: 1000 },
    ...options,
  });
  const changes: number[] = [];
  s.subscribe(() => changes.push(changes.length));
  return { s, pollings, changes };
}

/** Wait (on fake timers) until the snapshot says what the test waits for. */
async function until(s: MeetingSession, ready: (snap: ReturnType<MeetingSession['getSnapshot']>) => boolean) {
  for (let n = 0; n < 200 && !ready(s.getSnapshot()); n++) await jest.advanceTimersByTimeAsync(10);
  expect(ready(s.getSnapshot())).toBe(true);
}

/** A ListStore whose openMeeting fails with `failures` first. */
function failingOpen(store: ListStore, failures: Error[]): ListStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'openMeeting')
        return async (key: MeetingKey) => {
          const e = failures.shift();
          if (e) throw e;
          return target.openMeeting(key);
        };
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const row = (itemNumber: number, text: string, editorUpn: string, updatedAt: string, eTag = '"9"') => ({
  id: `d-${itemNumber}`,
  eTag,
  value: { itemNumber, itemTitle: 'Dagsorden', text, status: 'Kladde' as const, editorUpn, updatedAt },
});

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('load: a 5xx while opening is tried again by itself; the snapshot changes identity only on change', async () => {
  const w = await meetingWithReferent();
  const base = w.as(people.anders);
  const anders = {
    ...base,
    lists: failingOpen(base.lists, [new Unavailable('503'), new Unavailable('503')]),
  };
  const { s, pollings } = session(anders);
  const before = s.getSnapshot();
  expect(before).toBe(s.getSnapshot());
  s.start();
  expect(s.getSnapshot()).toMatchObject({ loading: true, view: null, error: null });
  await until(s, (snap) => snap.view !== null);
  expect(s.getSnapshot()).toMatchObject({ loading: false, error: null, liveKind: 'polling' });
  expect(s.getSnapshot().view?.items.map((i) => i.title)).toContain('Bordrunde');
  expect(pollings).toHaveLength(1);
  const loaded = s.getSnapshot();
  s.setView(loaded.view!);
  expect(s.getSnapshot()).toBe(loaded);
  s.dispose();
});

test('load: a refusal is shown at once, and "Prøv igen" opens the meeting again', async () => {
  const w = await meetingWithReferent();
  const base = w.as(people.anders);
  const anders = { ...base, lists: failingOpen(base.lists, [new Forbidden('403')]) };
  const { s } = session(anders);
  s.start();
  await until(s, (snap) => !snap.loading);
  expect(s.getSnapshot().error).toBeInstanceOf(Forbidden);
  expect(s.getSnapshot().view).toBeNull();
  s.retry();
  await until(s, (snap) => snap.view !== null);
  expect(s.getSnapshot().error).toBeNull();
  s.dispose();
});

test('live upgrade: a member joins Live Share; SharePoint is then read once a minute as a safety net', async () => {
  const w = await meetingWithReferent();
  const hub = new MemoryLiveHub();
  const { s, pollings } = session(w.as(people.anders), {
    connectLive: async () => hub.channel(),
    safetyPollMs: 60000,
  });
  s.start();
  await until(s, (snap) => snap.liveKind === 'memory');
  expect(pollings.map((p) => [p.options.intervalMs, p.options.timerEvery])).toEqual([
    [1000, 4],
    [60000, 0],
  ]);
  expect(pollings[0].left).toBe(true);
  expect(pollings[1].joined).toBe(true);
  s.dispose();
});

test('fallback: no live service (it fails, or the host has none) keeps the page polling', async () => {
  const w = await meetingWithReferent();
  const failing = session(w.as(people.anders), {
    connectLive: () => Promise.reject(new Error('no fluid service')),
  });
  failing.s.start();
  await until(failing.s, (snap) => snap.liveKind === 'polling');
  await jest.advanceTimersByTimeAsync(100);
  expect(failing.s.getSnapshot().liveKind).toBe('polling');
  expect(failing.pollings).toHaveLength(1);
  expect(failing.pollings[0].left).toBe(false);
  failing.s.dispose();

  const none = session(w.as(people.anders), { connectLive: async () => null });
  none.s.start();
  await until(none.s, (snap) => snap.liveKind === 'polling');
  await jest.advanceTimersByTimeAsync(100);
  expect(none.s.getSnapshot().liveKind).toBe('polling');
  none.s.dispose();
});

test('a guest stays on polling: the live session is for the meeting’s members', async () => {
  const w = await meetingWithReferent();
  const connectLive = jest.fn(async () => new MemoryLiveHub().channel());
  const { s } = session(w.as(people.kamilla), { connectLive });
  s.start();
  await until(s, (snap) => snap.liveKind === 'polling');
  expect(connectLive).not.toHaveBeenCalled();
  s.dispose();
});

test('merge rule: a remote change while the referent types does not replace his text; once saved, it does', async () => {
  const w = await meetingWithReferent();
  const mads = w.as(people.mads);
  const { s, pollings } = session(mads);
  s.start();
  await until(s, (snap) => snap.liveKind === 'polling');
  s.edit(1, 'Dagsorden', 'Dagsordenen blev godk');
  expect(s.getSnapshot().texts[1]).toBe('Dagsordenen blev godk');
  pollings[0].report(row(1, 'En ældre tekst', people.sofie.upn, '2024-02-20T10:00:30.000Z'));
  expect(s.getSnapshot().texts[1]).toBe('Dagsordenen blev godk');
  await until(s, (snap) => snap.saveStates[1]?.kind === 'saved');
  expect((await w.lists.openMeeting(KEY)).decisions.map((d) => d.value.text)).toEqual([
    'Dagsordenen blev godk',
  ]);
  pollings[0].report(row(1, 'Sofies rettelse', people.sofie.upn, '2024-02-20T11:00:00.000Z'));
  expect(s.getSnapshot().texts[1]).toBe('Sofies rettelse');
  s.dispose();
});

test('an attendee: a row read from SharePoint that is older than the live text already shown is not shown', async () => {
  const w = await meetingWithReferent();
  const hub = new MemoryLiveHub();
  const referent = hub.channel();
  await referent.join(KEY, people.mads);
  const { s, pollings } = session(w.as(people.anders), { connectLive: async () => hub.channel() });
  s.start();
  await until(s, (snap) => snap.liveKind === 'memory');
  referent.send({
    kind: 'decision',
    itemNumber: 2,
    text: 'Referatet blev godkendt.',
    version: 'local:1',
    editorUpn: people.mads.upn,
    sentAt: '2024-02-20T10:30:00.000Z',
  });
  expect(s.getSnapshot().texts[2]).toBe('Referatet blev godkendt.');
  pollings[1].report(row(2, 'Referatet', people.mads.upn, '2024-02-20T10:29:00.000Z'));
  expect(s.getSnapshot().texts[2]).toBe('Referatet blev godkendt.');
  s.dispose();
});

test('typing indicator: "Mads skriver…" goes after a few quiet seconds; a stray sender is not shown', async () => {
  const w = await meetingWithReferent();
  const hub = new MemoryLiveHub();
  const referent = hub.channel();
  await referent.join(KEY, people.mads);
  const stray = hub.channel();
  await stray.join(KEY, people.peter);
  const { s } = session(w.as(people.anders), { connectLive: async () => hub.channel(), typingShownMs: 4000 });
  s.start();
  await until(s, (snap) => snap.liveKind === 'memory');
  stray.send({ kind: 'typing', itemNumber: 3, sentAt: '2024-02-20T10:31:00.000Z' });
  expect(s.getSnapshot().typing).toEqual({});
  referent.send({ kind: 'typing', itemNumber: 3, sentAt: '2024-02-20T10:31:00.000Z' });
  expect(s.getSnapshot().typing).toEqual({ 3: people.mads.name });
  await jest.advanceTimersByTimeAsync(3000);
  referent.send({ kind: 'typing', itemNumber: 3, sentAt: '2024-02-20T10:31:03.000Z' });
  await jest.advanceTimersByTimeAsync(3000);
  expect(s.getSnapshot().typing).toEqual({ 3: people.mads.name });
  await jest.advanceTimersByTimeAsync(1000);
  expect(s.getSnapshot().typing).toEqual({});
  s.dispose();
});

test('dispose stops everything: channels left, no timer pending, the network coming back does nothing', async () => {
  const w = await meetingWithReferent();
  const hub = new MemoryLiveHub();
  const referent = hub.channel();
  await referent.join(KEY, people.sofie);
  const online = new Set<() => void>();
  const mads = w.as(people.mads);
  const { s, pollings, changes } = session(mads, {
    connectLive: async () => hub.channel(),
    onOnline: (l) => {
      online.add(l);
      return () => online.delete(l);
    },
  });
  s.start();
  await until(s, (snap) => snap.liveKind === 'memory');
  expect(online.size).toBe(1);
  s.edit(1, 'Dagsorden', 'Skrevet lige før lukning');
  referent.send({ kind: 'typing', itemNumber: 2, sentAt: '2024-02-20T10:31:00.000Z' });
  s.dispose();
  expect(online.size).toBe(0);
  expect(pollings.every((p) => p.left)).toBe(true);
  const seen = changes.length;
  const frozen = s.getSnapshot();
  referent.send({ kind: 'typing', itemNumber: 4, sentAt: '2024-02-20T10:32:00.000Z' });
  await jest.advanceTimersByTimeAsync(10000);
  expect(jest.getTimerCount()).toBe(0);
  expect(s.getSnapshot()).toBe(frozen);
  expect(changes.length).toBe(seen);
  // What was typed stays in the outbox for the next open; it was not sent after the page went.
  expect((await mads.outbox.list(KEY)).map((e) => (e.payload as Decision).text)).toEqual([
    'Skrevet lige før lukning',
  ]);
});

test('the clock goes through the outbox: shown at once offline, on MeetingProgress when the network is back', async () => {
  const w = await meetingWithReferent();
  const hub = new MemoryLiveHub();
  const listener = hub.channel();
  const heard: LiveMessage[] = [];
  listener.onMessage((m) => heard.push(m));
  await listener.join(KEY, people.anders);
  let down = true;
  const base = w.as(people.mads);
  const lists = new Proxy(base.lists, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop !== 'saveProgress') return value.bind(target);
      return async (...args: Parameters<ListStore['saveProgress']>) => {
        if (down) throw new Offline('net::ERR_INTERNET_DISCONNECTED');
        return target.saveProgress(...args);
      };
    },
  });
  const writes = new PendingWrites({ ...base, lists }, { retryBaseMs: 1000 });
  const { s } = session({ ...base, lists }, { connectLive: async () => hub.channel(), writes });
  s.start();
  await until(s, (snap) => snap.liveKind === 'memory');
  s.driveClock({ kind: 'start', itemNumber: 1 });
  await until(s, (snap) => snap.view?.meeting.timer?.currentItem === 1);
  expect(s.getSnapshot().view?.meeting.status).toBe('I gang');
  expect((await w.lists.readMeeting(KEY)).progress?.value.timer).toBeUndefined();
  expect(heard).toEqual([]);
  down = false;
  await jest.advanceTimersByTimeAsync(1000);
  await writes.resume();
  expect((await w.lists.readMeeting(KEY)).progress?.value.timer?.currentItem).toBe(1);
  expect(await base.outbox.list()).toEqual([]);
  s.dispose();
  writes.dispose();
});
