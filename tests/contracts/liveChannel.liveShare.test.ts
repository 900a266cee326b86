/**
 * The Live Share adapter against a real local Fluid service (tinylicious, started here on a free port) and
 * the local Graph server's container mapping — the setup `npm start` runs.
 */
import { liveChannelAs } from './liveShareStack';
import { startFluidService } from '../../devServer/fluidService';
import { startDemoServer } from '../../demo/server';
import type { Person } from '../../src/domain/person';
import type { LiveMessage } from '../../src/ports/LiveChannel';
import { liveChannelContract } from './liveChannel.contract';

jest.setTimeout(60_000);

let fluid: Awaited<ReturnType<typeof startFluidService>>;
let graph: Awaited<ReturnType<typeof startDemoServer>>;

/** The channel a page signed in as `me` builds: its client registers with me's token, senders are looked up. */
const channel = (me: Person) => liveChannelAs(graph, fluid, me);

beforeAll(async () => {
  fluid = await startFluidService();
  graph = await startDemoServer({ port: 0, db: ':memory:', seed: 'none' });
});
afterAll(async () => {
  await graph?.close();
  await fluid?.close();
});

liveChannelContract('Live Share on a local Fluid service', async () => ({ channel }));

describe('Live Share adapter specifics', () => {
  const me: Person = { upn: 'mads@kommune.example', name: 'Mads' };

  test('five attendees joining at once end up in one container (the first mapping wins)', async () => {
    const key = `race-${Date.now()}@kommune.example`;
    const five = ['sofie', 'anders', 'erik', 'louise', 'mads'].map((n) => ({
      upn: `${n}@kommune.example`,
      name: n,
    }));
    const channels = five.map(channel);
    const heard: string[][] = channels.map(() => []);
    channels.forEach((c, i) =>
      c.onMessage((m) => {
        if (m.kind === 'decision') heard[i].push(m.text ?? '');
      }),
    );
    await Promise.all(channels.map((c, i) => c.join(key, five[i])));
    channels[0].send({
      kind: 'decision',
      itemNumber: 1,
      text: 'Alle hører det.',
      version: 'local:1',
      editorUpn: me.upn,
      sentAt: new Date().toISOString(),
    });
    const end = Date.now() + 10000;
    while (heard.slice(1).some((h) => h.length === 0) && Date.now() < end)
      await new Promise((r) => setTimeout(r, 20));
    expect(heard.slice(1)).toEqual([
      ['Alle hører det.'],
      ['Alle hører det.'],
      ['Alle hører det.'],
      ['Alle hører det.'],
    ]);
    const mapping = (await (await fetch(`${graph.origin}/_dev/live/${encodeURIComponent(key)}`)).json()) as {
      containerState: string;
    };
    expect(mapping.containerState).toBe('AlreadyExists');
    await Promise.all(channels.map((c) => c.leave()));
  });

  test('a text too long for one Fluid message goes as "changed" without text; malformed messages are dropped', async () => {
    const key = `big-${Date.now()}@kommune.example`;
    const erik = { upn: 'erik@kommune.example', name: 'Erik' };
    const [a, b] = [channel(me), channel(erik)];
    const heard: LiveMessage[] = [];
    b.onMessage((m) => heard.push(m));
    await Promise.all([a.join(key, me), b.join(key, erik)]);
    // A client that does not speak our format (or an attacker in the session) sends junk first.
    const raw = (a as unknown as { queue: { sendNow: (m: unknown) => void } }).queue;
    raw.sendNow({ kind: 'decision', itemNumber: -1, text: 42 });
    a.send({
      kind: 'decision',
      itemNumber: 2,
      text: 'x'.repeat(20000),
      version: 'local:2',
      editorUpn: me.upn,
      sentAt: new Date().toISOString(),
    });
    const end = Date.now() + 10000;
    while (heard.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ kind: 'decision', itemNumber: 2, text: null, version: 'local:2' });
    await Promise.all([a.leave(), b.leave()]);
  });
});
