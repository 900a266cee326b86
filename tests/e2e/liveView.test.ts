/**
 * The live view in real Chromium: the referent types, and an attendee's page shows the text and "… skriver"
 * before anything could have come from polling (polling is set to 10 minutes here) and without the
 * attendee's page making a single Graph request. Live Share runs against a local Fluid service
 * (tinylicious, as `npm start` runs it); a late joiner reads SharePoint first; the clock travels too.
 */
import { startFluidService, type FluidService } from '../../devServer/fluidService';
import { liveChannelAs } from '../contracts/liveShareStack';
import { nextMeetingKey, startStack, type Stack } from './harness';

jest.setTimeout(180_000);

let stack: Stack;
let fluid: FluidService;
let key: string;
const U = (name: string) => `${name}@kommune.example`;
const LIVE = 'Direkte: beslutninger vises, mens referenten skriver.';

async function requestsBy(upn: string): Promise<number> {
  const stats = (await (await fetch(`${stack.graph.origin}/_dev/stats`)).json()) as {
    byUser: Record<string, number>;
  };
  return stats.byUser[upn] ?? 0;
}

beforeAll(async () => {
  [stack, fluid] = await Promise.all([startStack(), startFluidService()]);
  key = await nextMeetingKey(stack);
});
afterAll(async () => {
  await stack?.close();
  await fluid?.close();
});

test('attendees see the referent type, who is typing, and the clock, over Live Share', async () => {
  const query = { meeting: key, live: String(fluid.port), poll: '600000' };
  const mads = await (await stack.person(U('mads'))).open('meeting.html', query);
  const erik = await (await stack.person(U('erik'))).open('meeting.html', query);
  await mads.getByText(LIVE).waitFor({ timeout: 30_000 });
  await erik.getByText(LIVE).waitFor({ timeout: 30_000 });

  const before = await requestsBy(U('erik'));
  const box = mads.getByRole('textbox', { name: 'Beslutning for punkt 3' });
  await box.click();
  await box.pressSequentially('Rådmanden godkendte indstillingen', { delay: 20 });
  const shown = erik.getByRole('region', { name: 'Beslutning for punkt 3' });
  await shown.getByText('Rådmanden godkendte indstillingen').waitFor({ timeout: 5000 });
  await erik.getByRole('status').filter({ hasText: 'Mads Nielsen skriver' }).waitFor({ timeout: 5000 });
  // Everything Erik saw came over the live channel: his page read nothing from SharePoint. Its one Graph
  // request is the directory lookup of who the host says sent it (once per sender for the page's life).
  expect(await requestsBy(U('erik'))).toBeLessThanOrEqual(before + 1);

  // The text is saved (SharePoint stays the record); "skriver" goes away once the saved version arrives.
  await mads.getByText('Gemt', { exact: true }).first().waitFor({ timeout: 15_000 });
  await erik
    .getByRole('status')
    .filter({ hasText: 'skriver' })
    .waitFor({ state: 'detached', timeout: 10_000 });

  // The referent starts the clock; the attendee's clock follows without a reload.
  await mads.getByRole('region', { name: 'Mødeur' }).getByRole('button', { name: 'Start mødet' }).click();
  await erik
    .getByRole('region', { name: 'Mødeur' })
    .getByRole('timer')
    .filter({ hasText: 'Aktuelt punkt: Punkt 1' })
    .waitFor({ timeout: 5000 });

  // A late joiner reads SharePoint first: the saved text is there at once, then the page listens.
  const louise = await (await stack.person(U('louise'))).open('meeting.html', query);
  await louise
    .getByRole('region', { name: 'Beslutning for punkt 3' })
    .getByText('Rådmanden godkendte indstillingen')
    .waitFor();
  await louise.getByText(LIVE).waitFor({ timeout: 30_000 });
  // With the clock running the referent's page has its current item open and the others one line each:
  // Mads opens Punkt 3 from its line to go on writing there.
  await mads.getByRole('button', { name: /^Punkt 3: / }).click();
  await box.pressSequentially('.', { delay: 20 });
  await louise
    .getByRole('region', { name: 'Beslutning for punkt 3' })
    .getByText('Rådmanden godkendte indstillingen.')
    .waitFor({ timeout: 5000 });
});

test('without a live service the page says so and still shows decisions by polling', async () => {
  const query = { meeting: key, poll: '500' }; // live: 'off' by default in the harness
  const mads = await (await stack.person(U('mads'))).open('meeting.html', query);
  const erik = await (await stack.person(U('erik'))).open('meeting.html', query);
  await erik.getByText(/Beslutninger vises, når de er gemt/).waitFor();
  // The clock the first test started still runs, so Mads's page has Punkt 1 open and Punkt 5 as one
  // line: he opens it with the keyboard (Alt+ArrowDown from item to item), as the page's hint says.
  const focused = (label: string) =>
    mads.waitForFunction((l) => document.activeElement?.getAttribute('aria-label') === l, label);
  await mads.getByRole('textbox', { name: 'Beslutning for punkt 1', exact: true }).focus();
  for (let n = 2; n <= 5; n++) {
    await mads.keyboard.press('Alt+ArrowDown');
    await focused(`Beslutning for punkt ${n}`);
  }
  const box = mads.getByRole('textbox', { name: 'Beslutning for punkt 5', exact: true });
  await box.fill('Drøftet; sagen genoptages i marts.');
  await box.blur();
  await mads.getByText('Gemt', { exact: true }).first().waitFor({ timeout: 15_000 });
  await erik
    .getByRole('region', { name: 'Beslutning for punkt 5' })
    .getByText('Drøftet; sagen genoptages i marts.')
    .waitFor({ timeout: 10_000 });
  expect(await erik.getByRole('status').filter({ hasText: 'skriver' }).count()).toBe(0);
});

test('a client in the session that claims to be the referent is not shown on the attendee’s page', async () => {
  const query = { meeting: key, live: String(fluid.port), poll: '600000' };
  const erik = await (await stack.person(U('erik'))).open('meeting.html', query);
  await erik.getByText(LIVE).waitFor({ timeout: 30_000 });
  const message = (text: string) => ({
    kind: 'decision' as const,
    itemNumber: 3,
    text,
    version: 'local:99',
    editorUpn: U('mads'),
    sentAt: new Date().toISOString(),
  });
  // Anders (signed in as himself) runs a client that says it is Mads: in its join, its Fluid token, the message.
  const mads = { upn: U('mads'), name: 'Mads Nielsen' };
  const forger = liveChannelAs(stack.graph, fluid, { upn: U('anders'), name: 'Anders Lund' }, mads);
  const referent = liveChannelAs(stack.graph, fluid, mads);
  try {
    await forger.join(key, mads);
    await referent.join(key, mads);
    forger.send(message('Forfalsket: godkendt uden bemærkninger.'));
    referent.send(message('Ægte tekst fra referenten.'));
    const shown = erik.getByRole('region', { name: 'Beslutning for punkt 3' });
    await shown.getByText('Ægte tekst fra referenten.').waitFor({ timeout: 5000 });
    forger.send(message('Forfalsket: godkendt uden bemærkninger.'));
    await erik.waitForTimeout(2000);
    expect(await shown.textContent()).toContain('Ægte tekst fra referenten.');
    expect(await erik.getByText(/Forfalsket/).count()).toBe(0);
    expect(await erik.getByText(/Anders Lund skriver/).count()).toBe(0);
  } finally {
    await Promise.all([forger.leave(), referent.leave()]);
  }
});
