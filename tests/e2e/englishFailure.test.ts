/**
 * An English page under failure speaks English: someone who is not invited, Graph out of reach and
 * Microsoft 365 answering 5xx (the local server's chaos), on the meeting page, the task pane and the
 * personal pages. What the page shows is checked for Danish letters and words; the page recovers when
 * Graph answers again.
 */
import type { Page } from 'playwright-core';
import { nextMeetingKey, startStack, type Stack } from './harness';

jest.setTimeout(180_000);
const U = (name: string) => `${name}@kommune.example`;
const DANISH =
  /[æøå]|\b(ikke|og|du|der|det|er|mødet|prøv|igen|svarer|forbindelse|adgang|fundet|inviteret|indlæser|hent)\b/i;
let stack: Stack;
let key: string;

beforeAll(async () => {
  stack = await startStack();
  key = await nextMeetingKey(stack);
});
afterAll(() => stack?.close());

/** The words a person sees on the page (not the meeting's own data, which is Danish by nature). */
async function danishOn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return text.split('\n').filter((line) => DANISH.test(line));
}

test('not invited: the meeting page and the task pane say so in English', async () => {
  const { open } = await stack.person(U('peter'));
  for (const file of ['meeting.html', 'taskpane.html']) {
    const page = await open(file, { meeting: key, lang: 'en' });
    await page.getByText('You are not invited to this meeting (or the meeting does not exist).').waitFor();
    expect({ file, danish: await danishOn(page) }).toEqual({ file, danish: [] });
  }
});

test('Graph out of reach (dropped connections): every page says it in English', async () => {
  stack.graph.setChaos({ drop: 1 });
  try {
    const { open } = await stack.person(U('anders'));
    const pages: Array<[string, Record<string, string>]> = [
      ['meeting.html', { meeting: key }],
      ['taskpane.html', { meeting: key }],
      ['meeting.html', {}],
      ['followups.html', {}],
      ['archive.html', {}],
    ];
    for (const [file, query] of pages) {
      const page = await open(file, { ...query, lang: 'en' });
      await page
        .getByText('No connection. Nothing is lost; try again when you are online.')
        .first()
        .waitFor();
      expect({ file, query, danish: await danishOn(page) }).toEqual({ file, query, danish: [] });
    }
  } finally {
    stack.graph.setChaos({});
  }
});

test('Microsoft 365 answering 5xx: the meeting page says it in English, then recovers', async () => {
  stack.graph.setChaos({ error: 1 });
  const { open } = await stack.person(U('erik'));
  const meeting = await open('meeting.html', { meeting: key, lang: 'en' });
  // The page says so as soon as its first attempt has failed (Graph's client has retried a 503/504 three
  // times, about 7 s), and goes on trying by itself meanwhile.
  await meeting
    .getByText('Microsoft 365 is not answering right now. Try again shortly.')
    .first()
    .waitFor({ timeout: 60_000 });
  expect(await danishOn(meeting)).toEqual([]);

  // Graph answers again: the person reloads, and the meeting is there, in English.
  stack.graph.setChaos({});
  await meeting.reload();
  const agenda = meeting.getByRole('region', { name: 'Agenda' });
  await agenda.waitFor();
  // The page's own words are English (the item headings' "Item N", the category badges); the meeting's
  // titles are the organizer's, in Danish.
  const headings = await agenda.getByRole('heading', { level: 3 }).allInnerTexts();
  expect(headings.length).toBeGreaterThan(0);
  expect(headings.every((h) => /^Item \d+: /.test(h))).toBe(true);
  await agenda.getByText('For approval', { exact: true }).first().waitFor();
  expect(await agenda.getByText('Til godkendelse', { exact: true }).count()).toBe(0);
});
