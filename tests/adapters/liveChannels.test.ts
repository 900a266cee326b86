import { PollingChannel } from '../../src/adapters/live/pollingChannel';
import { SendQueue } from '../../src/adapters/live/sendQueue';
import { MemoryListStore } from '../../src/adapters/memory/memoryListStore';
import type { Decision } from '../../src/domain/decision';
import type { Meeting } from '../../src/domain/meeting';
import { startMeeting, idleTimer } from '../../src/domain/meetingTimer';
import type { LiveMessage } from '../../src/ports/LiveChannel';

const KEY = 'raadmandsmoede-2024-02-20@kommune.example';
const mads = { upn: 'mads@kommune.example', name: 'Mads Nielsen' };
const decision = (itemNumber: number, text: string): LiveMessage => ({
  kind: 'decision',
  itemNumber,
  text,
  version: `local:${text.length}`,
  editorUpn: mads.upn,
  sentAt: '2024-02-20T10:00:00.000Z',
});

describe('SendQueue (Live Share: at most one message per 50 ms)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('fast typing sends the newest text of an item, spaced at least 50 ms apart, other items kept', () => {
    let now = 0;
    const sent: Array<{ at: number; message: LiveMessage }> = [];
    const queue = new SendQueue(
      (message) => sent.push({ at: now, message }),
      50,
      () => now,
    );
    const tick = (ms: number) => {
      now += ms;
      jest.advanceTimersByTime(ms);
    };
    let text = '';
    for (const ch of 'Godkendt') {
      text += ch;
      queue.push(decision(1, text));
    }
    queue.push({ kind: 'typing', itemNumber: 2, sentAt: '2024-02-20T10:00:00.000Z' });
    tick(0);
    expect(sent.map((s) => s.message)).toEqual([decision(1, 'Godkendt')]);
    // Within the next 50 ms: more typing on item 1 replaces what waits; nothing goes out early.
    tick(10);
    queue.push(decision(1, 'Godkendt.'));
    tick(30);
    expect(sent).toHaveLength(1);
    tick(10);
    tick(50);
    expect(sent.map((s) => s.message.kind)).toEqual(['decision', 'typing', 'decision']);
    expect(sent.at(-1)!.message).toEqual(decision(1, 'Godkendt.'));
    for (let i = 1; i < sent.length; i++) expect(sent[i].at - sent[i - 1].at).toBeGreaterThanOrEqual(50);
    queue.close();
    queue.push(decision(1, 'efter lukning'));
    tick(100);
    expect(sent).toHaveLength(3);
  });
});

describe('PollingChannel (the fallback without Live Share)', () => {
  const meeting: Meeting = {
    key: KEY,
    series: 'Rådmandsmøder',
    title: 'Rådmandsmøde',
    start: '2024-02-20T10:00:00.000Z',
    end: '2024-02-20T12:00:00.000Z',
    location: 'Rådmandens kontor',
    organizer: { upn: 'sofie@kommune.example', name: 'Sofie Holm' },
    attendees: [mads],
    referent: mads,
    status: 'Udsendt',
    agendaVersion: 1,
  };
  const saved = (itemNumber: number, text: string): Decision => ({
    itemNumber,
    itemTitle: 'Punkt',
    text,
    status: 'Kladde',
    editorUpn: mads.upn,
    updatedAt: '2024-02-20T10:05:00.000Z',
  });
  const until = async (check: () => boolean) => {
    const end = Date.now() + 5000;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  test('reports saved decisions with their row, and clock changes, from where the page read; then stops', async () => {
    const lists = new MemoryListStore();
    await lists.saveMeeting(meeting);
    await lists.saveDecision(KEY, saved(1, 'Læst ved indlæsning.'));
    const snapshot = await lists.openMeeting(KEY);
    const channel = new PollingChannel(lists, { intervalMs: 10, timerEvery: 2 });
    const heard: LiveMessage[] = [];
    channel.onMessage((m) => heard.push(m));
    await channel.join(
      KEY,
      { upn: 'erik@kommune.example', name: 'Erik' },
      { decisionsCursor: snapshot.decisionsCursor },
    );
    // Sending is a no-op: saved text reaches the others through SharePoint.
    channel.send(decision(2, 'ikke gemt'));
    await new Promise((r) => setTimeout(r, 60));
    expect(heard).toEqual([]);

    const row = await lists.saveDecision(KEY, saved(2, 'Godkendt.'));
    await until(() => heard.length === 1);
    expect(heard[0]).toMatchObject({
      kind: 'decision',
      itemNumber: 2,
      text: 'Godkendt.',
      version: row.eTag,
      row,
    });

    const timer = startMeeting(idleTimer(), 1, '2024-02-20T10:00:00.000Z');
    // The clock lives on the MeetingProgress row (ADR 004), not on the organizer's Meetings row.
    await lists.saveProgress(KEY, { timer, status: 'I gang' });
    await until(() => heard.some((m) => m.kind === 'timer'));
    expect(heard.find((m) => m.kind === 'timer')).toMatchObject({
      timer: { currentItem: 1 },
      status: 'I gang',
    });

    await channel.leave();
    const count = heard.length;
    await lists.saveDecision(KEY, saved(3, 'Efter at have forladt mødet.'));
    await new Promise((r) => setTimeout(r, 60));
    expect(heard).toHaveLength(count);
  });
});

describe('connectLive (which live channel a host gets)', () => {
  const me = { upn: 'erik@kommune.example', name: 'Erik' };
  const people = async () => null;
  const tokens = { getToken: async () => 'token' };

  test('Teams: Live Share through teams-js, nothing contacted before join', async () => {
    const { connectLive } = await import('../../src/adapters/live/connectLive');
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    const channel = await connectLive({ host: 'teams', me, people });
    expect(channel?.kind).toBe('liveShare');
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  test('local mode without a reachable Fluid service: null, so the page keeps polling', async () => {
    const { connectLive } = await import('../../src/adapters/live/connectLive');
    expect(await connectLive({ host: 'local', me, people, tokens })).toBeNull();
    expect(
      await connectLive({
        host: 'local',
        me,
        people,
        tokens,
        fluidEndpoint: 'http://127.0.0.1:9', // discard port: nothing listens
        registryOrigin: 'http://127.0.0.1:9',
        probeTimeoutMs: 500,
      }),
    ).toBeNull();
  });
});
