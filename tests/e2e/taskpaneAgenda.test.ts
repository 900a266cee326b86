/**
 * The secretary's agenda in Outlook's task pane (320 px), by role and label, against the built pages and the
 * local Graph server. Each test is one defect of issue 24 that must not come back: choosing a referent threw
 * away unsaved edits; "Tilføj punkt" put the new item three from the bottom without focus or scrolling;
 * an empty agenda without a referent, a guest "ikke-en-email", −5 minutes and a guest on a closed item were
 * published; the meeting page grouped the items by category instead of their numbers. Screenshots of the
 * task pane (organizer with an item open, attendee) at 320 and 1280 px in light, dark and high contrast go
 * to test-results/, and axe stays clean.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { seriousAxeViolations } from './axe';
import { nextMeetingKey, startStack, type Stack } from './harness';
import { settle, switchTheme } from './theme';

jest.setTimeout(240_000);
const SHOTS = join(__dirname, '../../test-results');
type Theme = 'default' | 'dark' | 'contrast';
const U = (name: string) => `${name}@kommune.example`;
let stack: Stack;
let key: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startStack();
  key = await nextMeetingKey(stack);
});
afterAll(() => stack?.close());

async function rows(list: string): Promise<Array<Record<string, unknown>>> {
  const sofie = await stack.graphAs(U('sofie'));
  const filter = encodeURIComponent(`fields/MeetingKey eq '${key}'`);
  const res = await sofie(
    `/sites/kommune.sharepoint.com:/sites/moeder:/lists/${list}/items?$expand=fields&$filter=${filter}`,
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: Array<{ fields: Record<string, unknown> }> }).value.map(
    (v) => v.fields,
  );
}
const agendaVersion = async () => Number((await rows('Meetings'))[0]?.AgendaVersion ?? 0);

/** Sofie's task pane at Outlook's 320 px, the agenda shown. */
async function organizerPane(width = 320) {
  const { context, open } = await stack.person(U('sofie'));
  const page = await open('taskpane.html', { meeting: key });
  await page.setViewportSize({ width, height: 720 });
  await page.getByRole('button', { name: 'Rediger punkt 1' }).waitFor();
  return { context, page };
}

/** Inside the viewport, not only in the page. */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  return !!box && box.y >= 0 && box.y + box.height <= size.height;
}

const headings = (page: Page) =>
  page.getByRole('heading', { level: 3, name: /^Punkt \d+: / }).allTextContents();
const numbers = (texts: string[]) => texts.map((t) => Number(/^Punkt (\d+):/.exec(t)![1]));

async function edit(page: Page, n: number) {
  await page.getByRole('button', { name: `Rediger punkt ${n}` }).click();
  return page.getByRole('dialog', { name: `Rediger punkt ${n}` });
}
async function done(dialog: Locator) {
  await dialog.getByRole('button', { name: 'Færdig' }).click();
  await dialog.waitFor({ state: 'detached' });
  // The page behind a modal dialog is aria-hidden until the dialog has let go of it: role queries wait.
  await dialog.page().getByRole('button', { name: 'Tilføj punkt' }).waitFor();
}

test('"Tilføj punkt" adds at the end, focuses its "Titel på punkt N" in view; the menu adds after an item', async () => {
  const { context, page } = await organizerPane();
  try {
    const before = (await headings(page)).length;
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    const title = page.getByRole('textbox', { name: `Titel på punkt ${before + 1}` });
    await expect(title.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await expect(title.inputValue()).resolves.toBe('Nyt punkt');
    expect(await inView(page, title)).toBe(true);
    await page.keyboard.type('Status på integrationsindsatsen');
    await done(page.getByRole('dialog', { name: `Rediger punkt ${before + 1}` }));
    const last = page.getByRole('heading', {
      level: 3,
      name: `Punkt ${before + 1}: Status på integrationsindsatsen`,
    });
    expect(await inView(page, last)).toBe(true);

    await page.getByRole('button', { name: 'Flere handlinger for punkt 2' }).click();
    await page.getByRole('menuitem', { name: 'Tilføj punkt efter punkt 2' }).click();
    const third = page.getByRole('textbox', { name: 'Titel på punkt 3' });
    await expect(third.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('Indskudt punkt');
    await done(page.getByRole('dialog', { name: 'Rediger punkt 3' }));
    await page.getByRole('heading', { level: 3, name: 'Punkt 3: Indskudt punkt' }).waitFor();
    const texts = await headings(page);
    expect(numbers(texts)).toEqual(texts.map((_t, i) => i + 1));
    expect(texts).toHaveLength(before + 2);
    expect(texts.at(-1)).toBe(`Punkt ${before + 2}: Status på integrationsindsatsen`);
  } finally {
    await context.close();
  }
});

test('at 320 px the minutes field reads "Minutter" on one line, still named "Minutter for punkt N"', async () => {
  const { context, page } = await organizerPane();
  try {
    const dialog = await edit(page, 3);
    const minutes = dialog.getByRole('spinbutton', { name: 'Minutter for punkt 3' });
    // The label as it is drawn: its lines (one), and inside the dialog.
    const label = await minutes.evaluate((input) => {
      const el = (input as HTMLInputElement).labels![0];
      const box = el.getBoundingClientRect();
      const lines = Math.round(box.height / parseFloat(getComputedStyle(el).lineHeight));
      const dialogBox = input.closest('[role="dialog"]')!.getBoundingClientRect();
      return { lines, inside: box.left >= dialogBox.left && box.right <= dialogBox.right };
    });
    expect(label).toEqual({ lines: 1, inside: true });
    await done(dialog);
  } finally {
    await context.close();
  }
});

test('nothing is sent while the agenda breaks a rule; each reason is at its field, aria-invalid', async () => {
  const { context, page } = await organizerPane();
  try {
    const version = await agendaVersion();
    // −5 minutes on item 3.
    let dialog = await edit(page, 3);
    await dialog.getByRole('spinbutton', { name: 'Minutter for punkt 3' }).fill('-5');
    await done(dialog);
    await page.getByRole('button', { name: 'Send dagsorden' }).click();
    dialog = page.getByRole('dialog', { name: 'Rediger punkt 3' });
    const minutes = dialog.getByRole('spinbutton', { name: 'Minutter for punkt 3' });
    await expect(minutes.getAttribute('aria-invalid')).resolves.toBe('true');
    await dialog.getByText('Minutter skal være et helt tal fra 1 til 480.').waitFor();
    await minutes.fill('10');
    // A guest that is no address.
    const guests = dialog.getByRole('combobox', { name: /^Gæster på punkt 3/ });
    await guests.fill('ikke-en-email');
    await expect(guests.getAttribute('aria-invalid')).resolves.toBe('true');
    await dialog.getByText('"ikke-en-email" er ikke en gyldig e-mailadresse.').waitFor();
    await guests.fill('');
    await done(dialog);
    // A guest on the closed item (Personalesag).
    const closed = (await headings(page)).findIndex((t) => t.includes('Personalesag')) + 1;
    dialog = await edit(page, closed);
    await expect(
      dialog.getByRole('checkbox', { name: `Punkt ${closed} er et lukket punkt` }).isChecked(),
    ).resolves.toBe(true);
    await dialog
      .getByRole('combobox', { name: new RegExp(`^Gæster på punkt ${closed}`) })
      .fill('Kamilla Uhd Hansen <kamilla@kommune.example>');
    await dialog.getByText(/Et lukket punkt kan ikke have gæster/).waitFor();
    await done(dialog);
    await page.getByRole('button', { name: 'Send dagsorden' }).click();
    await page.getByRole('dialog', { name: `Rediger punkt ${closed}` }).waitFor();
    expect(await agendaVersion()).toBe(version);
    expect((await rows('AgendaItems')).some((r) => r.DurationMinutes === -5)).toBe(false);
  } finally {
    await context.close();
  }
});

// These three build on each other (an empty agenda, then one item, then the order), on a meeting whose
// stored agenda is the demo's: a server of their own, not the one the tests above wrote to.
describe('from the demo agenda, in order', () => {
  beforeAll(async () => {
    await stack.close();
    stack = await startStack();
    key = await nextMeetingKey(stack);
  });

  test('an empty agenda without a referent is not sent; "Send uden referent" is the explicit way', async () => {
    const { context, page } = await organizerPane();
    try {
      const version = await agendaVersion();
      await page.getByRole('combobox', { name: 'Vælg referent' }).selectOption({ label: 'Ingen referent' });
      // The Information line is the page's view of the Meetings row after the write.
      await page.getByRole('note', { name: 'Information' }).filter({ hasNotText: 'er referent' }).waitFor();
      // The write has left this computer: nothing waits in the outbox (a write that timed out on a busy
      // machine is tried again, and its bar above the agenda would move the list under the pointer).
      await page.getByRole('region', { name: 'Ændringer der ikke er i SharePoint endnu' }).waitFor({
        state: 'detached',
      });
      await expect(page.getByRole('combobox', { name: 'Vælg referent' }).isEnabled()).resolves.toBe(true);
      expect((await rows('Meetings'))[0]?.ReferentUpn ?? '').toBe('');
      // Every item has its "Rediger punkt N" (a heading "Punkt N: …" only once it has a title). The menu is
      // worked by keyboard, as a screen-reader user does: no pointer position to miss.
      const count = await page.getByRole('button', { name: /^Rediger punkt \d+$/ }).count();
      for (let n = count; n >= 1; n--) {
        await page.getByRole('button', { name: `Flere handlinger for punkt ${n}` }).press('Enter');
        await page.getByRole('menuitem', { name: `Slet punkt ${n}` }).press('Enter');
        // Each deletion has re-rendered the list (and closed its menu) before the next item's menu is opened.
        await page.getByRole('button', { name: `Rediger punkt ${n}` }).waitFor({ state: 'detached' });
        await page.getByRole('menu').waitFor({ state: 'detached' });
      }
      await page.getByText('Dagsordenen har ingen punkter endnu.').waitFor();
      await page.getByRole('button', { name: 'Send dagsorden' }).click();
      const footer = page.getByRole('group', { name: 'Send dagsorden' });
      await footer.getByText('Dagsordenen skal have mindst ét punkt.').waitFor();
      const referent = page.getByRole('combobox', { name: 'Vælg referent' });
      await expect(referent.getAttribute('aria-invalid')).resolves.toBe('true');
      expect(await footer.getByRole('button', { name: 'Send uden referent' }).count()).toBe(0);
      expect(await agendaVersion()).toBe(version);

      // One item: now only the referent is missing, and sending without one is offered.
      await page.getByRole('button', { name: 'Tilføj punkt' }).click();
      await page.keyboard.type('Eneste punkt');
      await done(page.getByRole('dialog', { name: 'Rediger punkt 1' }));
      await page.getByRole('button', { name: 'Send dagsorden' }).click();
      await footer.getByRole('button', { name: 'Send uden referent' }).click();
      await footer.getByText(/Dagsordenen er sendt/).waitFor();
      expect(await agendaVersion()).toBe(version + 1);
      expect((await rows('AgendaItems')).map((r) => r.Title)).toEqual(['Eneste punkt']);
    } finally {
      await context.close();
    }
  });

  test('choosing the referent keeps every unsaved edit; the confirmation is beside "Send dagsorden"', async () => {
    // Put the demo agenda back (the previous test sent one item).
    const { context, page } = await organizerPane();
    try {
      let dialog = await edit(page, 1);
      await dialog.getByRole('textbox', { name: 'Titel på punkt 1' }).fill('Status på integrationsindsatsen');
      await dialog
        .getByRole('combobox', { name: /^Gæster på punkt 1/ })
        .fill('Kamilla Uhd Hansen <kamilla@kommune.example>');
      await done(dialog);
      await page.getByRole('button', { name: 'Tilføj punkt' }).click();
      await page.keyboard.type('Budget 2025');
      await done(page.getByRole('dialog', { name: 'Rediger punkt 2' }));
      await page.getByText('Ikke gemt').waitFor();

      await page.getByRole('combobox', { name: 'Vælg referent' }).selectOption({ label: 'Mads Nielsen' });
      await page.getByRole('note', { name: 'Information' }).filter({ hasText: 'Mads er referent' }).waitFor();
      expect(await headings(page)).toEqual([
        'Punkt 1: Status på integrationsindsatsen',
        'Punkt 2: Budget 2025',
      ]);
      dialog = await edit(page, 1);
      await expect(dialog.getByRole('combobox', { name: /^Gæster på punkt 1/ }).inputValue()).resolves.toBe(
        'Kamilla Uhd Hansen <kamilla@kommune.example>',
      );
      await done(dialog);
      await page.getByText('Ikke gemt').waitFor();

      const send = page.getByRole('button', { name: 'Send dagsorden' });
      await send.click();
      const confirmation = page.getByText(/Dagsordenen er sendt/);
      await confirmation.waitFor();
      expect(await inView(page, confirmation)).toBe(true);
      expect(await inView(page, send)).toBe(true);
      const items = await rows('AgendaItems');
      expect(items.map((r) => r.Title).sort()).toEqual(['Budget 2025', 'Status på integrationsindsatsen']);
      expect(String(items.find((r) => r.Number === 1)?.Guests)).toContain('kamilla@kommune.example');
      expect((await rows('Meetings'))[0]?.ReferentUpn).toBe(U('mads'));
    } finally {
      await context.close();
    }
  });

  test('one order everywhere: the meeting page lists the items by number, category as a badge', async () => {
    const { context, page } = await organizerPane();
    try {
      // An agenda whose categories alternate: grouping by category would reorder it.
      const categories = ['Til orientering', 'Til godkendelse', 'Til drøftelse'];
      for (const [i, category] of categories.entries()) {
        if (i >= (await headings(page)).length) {
          await page.getByRole('button', { name: 'Tilføj punkt' }).click();
          await page.keyboard.type(`Punktet om ${category}`);
          await done(page.getByRole('dialog', { name: `Rediger punkt ${i + 1}` }));
        }
        const dialog = await edit(page, i + 1);
        await dialog
          .getByRole('combobox', { name: `Kategori for punkt ${i + 1}` })
          .selectOption({ label: category });
        await done(dialog);
      }
      await page.getByRole('button', { name: 'Send dagsorden' }).click();
      await page.getByText(/Dagsordenen er sendt/).waitFor();
    } finally {
      await context.close();
    }
    const anders = await stack.person(U('anders'));
    try {
      const meeting = await anders.open('meeting.html', { meeting: key });
      const agenda = meeting.getByRole('region', { name: 'Dagsorden' });
      await agenda.getByRole('heading', { name: /^Punkt 1: / }).waitFor();
      const shown = await agenda.getByRole('heading', { name: /^Punkt \d+: / }).allTextContents();
      expect(numbers(shown)).toEqual([1, 2, 3]);
      await agenda.getByText('Til godkendelse').waitFor();
    } finally {
      await anders.context.close();
    }
  });
});

/** The organizer's pane with the agenda: a picture, axe, and at 320 px nothing past the edge or above 20 px. */
async function organizerScreen(organizer: Page, width: number, theme: Theme) {
  await organizer.screenshot({ path: join(SHOTS, `taskpane-organizer-${width}-${theme}.png`) });
  if (width === 320 && theme === 'default')
    await organizer.screenshot({ path: join(SHOTS, 'taskpane-organizer-320.png'), fullPage: true });
  expect({ theme, axe: await seriousAxeViolations(organizer) }).toEqual({ theme, axe: [] });
  if (width === 320) {
    const beyond = await organizer.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 320.5 && !e.closest('[data-tabster-dummy]'))
        .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim().slice(0, 30)}"`),
    );
    expect({ theme, beyond }).toEqual({ theme, beyond: [] });
    // Teams' type ramp: the meeting title is the largest text (20 px); no section heading outgrows it.
    const oversized = await organizer.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3')]
        .filter((h) => parseFloat(getComputedStyle(h).fontSize) > 20)
        .map((h) => `${h.tagName.toLowerCase()} "${(h.textContent ?? '').trim()}"`),
    );
    expect({ theme, oversized }).toEqual({ theme, oversized: [] });
  }
}
/** The organizer's pane with item 2 open: a picture and axe. */
async function itemScreen(organizer: Page, width: number, theme: Theme) {
  await organizer.screenshot({ path: join(SHOTS, `taskpane-organizer-item-${width}-${theme}.png`) });
  expect({ theme, axe: await seriousAxeViolations(organizer) }).toEqual({ theme, axe: [] });
}
/** The attendee's pane: a full-page picture and axe. */
async function attendeeScreen(attendee: Page, width: number, theme: Theme) {
  await attendee.screenshot({ path: join(SHOTS, `taskpane-attendee-${width}-${theme}.png`), fullPage: true });
  expect({ theme, axe: await seriousAxeViolations(attendee) }).toEqual({ theme, axe: [] });
}
async function panes(width: number, theme?: Theme) {
  const sofie = await stack.person(U('sofie'));
  const anders = await stack.person(U('anders'));
  const query: Record<string, string> = theme ? { meeting: key, theme } : { meeting: key };
  const organizer = await sofie.open('taskpane.html', query);
  await organizer.setViewportSize({ width, height: 720 });
  await organizer.getByRole('button', { name: 'Rediger punkt 1' }).waitFor();
  const attendee = await anders.open('taskpane.html', query);
  await attendee.setViewportSize({ width, height: 720 });
  await attendee.getByRole('button', { name: 'Meld afbud' }).waitFor();
  return { organizer, attendee, close: () => Promise.all([sofie.context.close(), anders.context.close()]) };
}
const openItem2 = async (organizer: Page) => {
  await organizer.getByRole('button', { name: 'Rediger punkt 2' }).click();
  await organizer.getByRole('dialog', { name: 'Rediger punkt 2' }).waitFor();
  // The dialog has finished opening: its picture and axe run see it, not a frame of its fade-in.
  await settle(organizer);
};

// Per width: light and dark in the same pages (the theme switched in place, as the host switches it), and
// high contrast in pages of its own; the pictures and axe runs are those of one test per width and theme.
test.each([320, 1280])(
  'screenshots: the task pane for the organizer (an item open) and an attendee at %i px, light and dark',
  async (width) => {
    const { organizer, attendee, close } = await panes(width);
    try {
      await organizerScreen(organizer, width, 'default');
      await switchTheme(organizer, 'dark');
      await organizerScreen(organizer, width, 'dark');
      await openItem2(organizer);
      await itemScreen(organizer, width, 'dark');
      await switchTheme(organizer, 'default');
      await itemScreen(organizer, width, 'default');

      await attendeeScreen(attendee, width, 'default');
      await switchTheme(attendee, 'dark');
      await attendeeScreen(attendee, width, 'dark');
    } finally {
      await close();
    }
  },
);

test.each([320, 1280])(
  'screenshots: the task pane for the organizer (an item open) and an attendee at %i px, high contrast',
  async (width) => {
    const { organizer, attendee, close } = await panes(width, 'contrast');
    try {
      await organizerScreen(organizer, width, 'contrast');
      await openItem2(organizer);
      await itemScreen(organizer, width, 'contrast');
      await attendeeScreen(attendee, width, 'contrast');
    } finally {
      await close();
    }
  },
);
