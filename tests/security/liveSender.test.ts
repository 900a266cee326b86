/**
 * Security issue #13, part B: a live message counts as sent by the person the Live Share host says the
 * sending client is, never by what the message or the sender's client says about itself. Acted out with
 * the real channel code (LiveShareChannel + localLiveShareHost) against a real local Fluid service
 * (tinylicious, started here) and the local Graph server's Live Share registry, as `npm start` runs them.
 * (The page then listens only to the referent and organizer by that identity: tests/ui/MeetingPage.live.)
 */
import { LiveEvent, LiveShareClient, type ILiveShareHost } from '@microsoft/live-share';
import { ConnectionState } from 'fluid-framework';
import { DevTokenProvider } from '../../src/adapters/auth/devTokenProvider';
import { insecureTokens } from '../../src/adapters/live/connectLive';
import { LiveShareChannel } from '../../src/adapters/live/liveShareChannel';
import { localLiveShareHost } from '../../src/adapters/live/localLiveShareHost';
import { Forbidden } from '../../src/ports/errors';
import type { Person } from '../../src/domain/person';
import type { LiveMessage } from '../../src/ports/LiveChannel';
import { startFluidService, type FluidService } from '../../devServer/fluidService';
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import { liveChannelAs } from '../contracts/liveShareStack';

jest.setTimeout(60_000);

const person = (n: string, name: string): Person => ({ upn: `${n}@kommune.example`, name });
const mads = person('mads', 'Mads Nielsen'); // the referent
const anders = person('anders', 'Anders Lund'); // an attendee, not the referent
const erik = person('erik', 'Erik Kaastrup-Hansen'); // listens

let fluid: FluidService;
let graph: GraphServer;
const open: Array<{ leave: () => Promise<void> }> = [];

beforeAll(async () => {
  [fluid, graph] = await Promise.all([
    startFluidService(),
    startDemoServer({ port: 0, db: ':memory:', seed: 'none' }),
  ]);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.leave()));
});
afterAll(async () => {
  await graph?.close();
  await fluid?.close();
});

const decision = (text: string, itemNumber = 3): LiveMessage => ({
  kind: 'decision',
  itemNumber,
  text,
  version: 'local:1',
  editorUpn: mads.upn,
  sentAt: new Date().toISOString(),
});

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Erik's page's channel: everything it hands its listener, with whom it says sent it. */
async function listener(key: string) {
  const channel = liveChannelAs(graph, fluid, erik);
  open.push(channel);
  const heard: Array<{ message: LiveMessage; from: Person }> = [];
  channel.onMessage((message, from) => heard.push({ message, from }));
  await channel.join(key, erik);
  return heard;
}

/** An attacker's own Live Share client (not our channel code): sends whatever envelope it likes. */
async function rawClient(key: string, host: ILiveShareHost, claim: Person) {
  const client = new LiveShareClient(host, {
    connection: { type: 'local', endpoint: fluid.endpoint, tokenProvider: insecureTokens(claim) },
  });
  const { container } = await client.joinContainer({ initialObjects: { events: LiveEvent } });
  const events = container.initialObjects.events as LiveEvent;
  await events.initialize();
  if (container.connectionState !== ConnectionState.Connected)
    await new Promise<void>((resolve) => container.once('connected', () => resolve()));
  open.push({ leave: async () => container.dispose() });
  return events;
}

const meeting = () => `forge-${Math.random().toString(36).slice(2)}@kommune.example`;

test('a client that claims to be the referent (in its join, its Fluid token and its message) is heard as the person the host knows: Anders', async () => {
  const key = meeting();
  const heard = await listener(key);
  // Anders' page (signed in as Anders: its host registers it with Anders' token) says it is Mads everywhere
  // it can: the Person it joins with, the user in its Fluid token, the editor in the message.
  const forger = liveChannelAs(graph, fluid, anders, mads);
  open.push(forger);
  await forger.join(key, mads);
  forger.send(decision('Forfalsket: indstillingen er godkendt.'));
  const referent = liveChannelAs(graph, fluid, mads);
  open.push(referent);
  await referent.join(key, mads);
  referent.send(decision('Fra referenten.', 4));

  await until(() => heard.length >= 2);
  const byText = Object.fromEntries(
    heard.map((h) => [h.message.kind === 'decision' ? h.message.text : '', h.from.upn]),
  );
  expect(byText).toEqual({
    'Forfalsket: indstillingen er godkendt.': anders.upn,
    'Fra referenten.': mads.upn,
  });
  // The name shown with it ("… skriver") is the directory's, not the one the forger gave.
  expect(heard.find((h) => h.from.upn === anders.upn)!.from.name).toBe('Anders Lund');
});

test("an attacker's own client sending `from: <referent>` and a clientId in the envelope is heard as Anders, never as the referent", async () => {
  const key = meeting();
  const heard = await listener(key);
  const tokens = new DevTokenProvider(graph.origin, anders.upn);
  const host = localLiveShareHost(graph.origin, key, () => tokens.getToken([]));
  const events = await rawClient(key, host, mads);
  const sent = await events.send({ hello: true });
  await host.registerClientId(sent.clientId!);
  // The envelope older clients sent, with the sender named in it, plus a forged clientId in the content.
  await events.send({
    from: mads,
    clientId: 'the-referents-client',
    message: decision('Forfalsket med from.'),
  });
  await until(() => heard.length >= 1);
  await new Promise((r) => setTimeout(r, 200));
  expect(heard).toHaveLength(1);
  expect(heard[0].from).toEqual({ upn: anders.upn, name: 'Anders Lund' });
});

test('a client the host does not know (it never registered) is not heard at all', async () => {
  const key = meeting();
  const heard = await listener(key);
  const tokens = new DevTokenProvider(graph.origin, anders.upn);
  const host: ILiveShareHost = {
    ...localLiveShareHost(graph.origin, key, () => tokens.getToken([])),
    registerClientId: async () => [],
  };
  const events = await rawClient(key, host, mads);
  await events.send({ from: mads, message: decision('Fra en ukendt klient.') });
  // Heard after it (same session): once the referent's message is there, the unknown one had its chance.
  const referent = liveChannelAs(graph, fluid, mads);
  open.push(referent);
  await referent.join(key, mads);
  referent.send(decision('Fra referenten.', 4));
  await until(() => heard.length >= 1);
  await new Promise((r) => setTimeout(r, 2000)); // longer than the channel asks the host for a new client
  expect(heard.map((h) => h.from.upn)).toEqual([mads.upn]);
});

test('a page that cannot tell who sends (the directory refuses) does not go live: it keeps polling instead of dropping everything', async () => {
  const tokens = new DevTokenProvider(graph.origin, erik.upn);
  const channel = new LiveShareChannel({
    host: (key) => localLiveShareHost(graph.origin, key, () => tokens.getToken([])),
    people: async () => {
      throw new Forbidden('Insufficient privileges to complete the operation.');
    },
    connection: { type: 'local', endpoint: fluid.endpoint, tokenProvider: insecureTokens(erik) },
    identifyRetryMs: [50],
  });
  await expect(channel.join(meeting(), erik)).rejects.toThrow(/cannot tell who sends/);
});

test("a client cannot bind itself to the referent without the referent's token, nor take over a clientId bound to someone else", async () => {
  const key = meeting();
  const registry = `${graph.origin}/_dev/live/${encodeURIComponent(key)}/clients`;
  const register = (clientId: string, token?: string) =>
    fetch(registry, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ clientId, upn: mads.upn, userId: 'mads', displayName: mads.name }),
    });
  const andersToken = await new DevTokenProvider(graph.origin, anders.upn).getToken([]);
  const madsToken = await new DevTokenProvider(graph.origin, mads.upn).getToken([]);
  // Without a token: refused. With Anders' token, whatever the body says: bound to Anders.
  expect((await register('c-anders')).status).toBe(401);
  expect((await register('c-anders', andersToken)).status).toBe(200);
  const info = await (await fetch(`${registry}/c-anders`)).json();
  const andersId = await (
    await fetch(`${graph.url}/users/${anders.upn}?$select=id`, {
      headers: { Authorization: `Bearer ${andersToken}` },
    })
  ).json();
  expect(info).toMatchObject({ userId: andersId.id, displayName: 'Anders Lund' });
  // Mads' client, once registered, cannot be re-bound by Anders (nor Anders' by Mads).
  expect((await register('c-mads', madsToken)).status).toBe(200);
  expect((await register('c-mads', andersToken)).status).toBe(409);
  expect((await register('c-anders', madsToken)).status).toBe(409);
});
