/**
 * Bilag per item in the browser (issue 25 point 2): the secretary adds a file to an open item, a guest's
 * item and a closed item through "Tilføj bilag til punkt N" in the item's editor, and sees each listed as a
 * link with its file name; on the meeting page an attendee asks for an item's bilag and downloads one, and
 * the guest finds her own item's file and nothing of the closed item. Both pages stay axe clean.
 */
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './axe';
import { nextMeetingKey, startStack, type Stack } from './harness';

jest.setTimeout(240_000);
const U = (name: string) => `${name}@kommune.example`;
const CLOSED = 'Personalesag';
const GUESTS_ITEM = 'Status på Integrationshandleplanen';
let stack: Stack;
let key: string;

beforeAll(async () => {
  stack = await startStack();
  key = await nextMeetingKey(stack);
});
afterAll(() => stack?.close());

/** The number of the item titled `title`, from its heading "Punkt N: title". */
async function numberOf(page: Page, title: string): Promise<number> {
  const heading = page.getByRole('heading', { level: 3, name: new RegExp(`^Punkt \\d+: ${title}`) });
  return Number(/^Punkt (\d+):/.exec((await heading.first().textContent()) ?? '')![1]);
}

test('the secretary adds bilag to three items; an attendee downloads one; the guest sees only hers', async () => {
  const sofie = await (await stack.person(U('sofie'))).open('taskpane.html', { meeting: key });
  const failures: string[] = [];
  sofie.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.request().method()} ${r.url()} ${r.status()}`);
  });
  sofie.on('requestfailed', (r) =>
    failures.push(`failed ${r.method()} ${r.url()} ${r.failure()?.errorText}`),
  );
  sofie.on('console', (m) => failures.push(`console ${m.text()}`));
  await sofie.getByRole('button', { name: 'Rediger punkt 1' }).waitFor();
  const items = {
    closed: await numberOf(sofie, CLOSED),
    guest: await numberOf(sofie, GUESTS_ITEM),
    open: 1,
  };
  const files = { closed: 'Fortrolig sag.pdf', guest: 'Handleplan.pdf', open: 'Budget.pdf' };
  for (const which of ['open', 'guest', 'closed'] as const) {
    const n = items[which];
    await sofie.getByRole('button', { name: `Rediger punkt ${n}` }).click();
    const dialog = sofie.getByRole('dialog', { name: `Rediger punkt ${n}` });
    await dialog.getByLabel(`Tilføj bilag til punkt ${n}`).setInputFiles({
      name: files[which],
      mimeType: 'application/pdf',
      buffer: Buffer.from(`%PDF-1.4\n% ${which}\n%%EOF\n`),
    });
    await dialog
      .getByRole('link', { name: files[which] })
      .waitFor({ timeout: 8000 })
      .catch(async (e) => {
        throw new Error(`${String(e)}\n${await dialog.innerText()}\n${failures.join('\n')}`);
      });
    if (which === 'closed') expect(await seriousAxeViolations(sofie)).toEqual([]);
    await dialog.getByRole('button', { name: 'Færdig' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  const anders = await (await stack.person(U('anders'))).open('meeting.html', { meeting: key });
  await anders.getByRole('button', { name: `Vis bilag til punkt ${items.closed}` }).click();
  const link = anders.getByRole('link', { name: files.closed });
  const [download] = await Promise.all([anders.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(files.closed);
  expect(await seriousAxeViolations(anders)).toEqual([]);

  const kamilla = await (await stack.person(U('kamilla'))).open('meeting.html', { meeting: key });
  await kamilla.getByRole('button', { name: `Vis bilag til punkt ${items.guest}` }).click();
  await kamilla.getByRole('link', { name: files.guest }).waitFor();
  expect(await kamilla.getByRole('button', { name: `Vis bilag til punkt ${items.closed}` }).count()).toBe(0);
  expect(await kamilla.content()).not.toContain(files.closed);
});

test.each([320, 1280])(
  '"Vis bilag til punkt N" is a button at the start of its item, as wide as its words, at %i px',
  async (width) => {
    const { context, open } = await stack.person(U('mads'));
    try {
      const page = await open('meeting.html', { meeting: key });
      await page.setViewportSize({ width, height: 720 });
      const decision = page.getByRole('textbox', { name: 'Beslutning for punkt 1', exact: true });
      const show = page.getByRole('button', { name: 'Vis bilag til punkt 1' });
      await decision.waitFor();
      await show.waitFor();
      const [box, button] = [await decision.boundingBox(), await show.boundingBox()];
      if (!box || !button) throw new Error('the decision or the button is not on the page');
      // Lined up with the decision under it, not a caption floating in the middle of the card.
      expect(Math.abs(button.x - box.x)).toBeLessThanOrEqual(1);
      expect(button.width).toBeLessThan(Math.min(box.width, 240));
    } finally {
      await context.close();
    }
  },
);
